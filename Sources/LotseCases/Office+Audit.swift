public import LotseStore

/// Reading and verifying the audit log.
extension Office {
    /// Streams the audit rows matching `filter` (supervisor, admin).
    public func auditEntries(by actor: Actor, filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        try authorize(.queryAudit, actor)
        try storeWork { try store.audit.query(filter, body) }
    }

    /// Recomputes the chain and checks the data against it (supervisor, admin, evaluator).
    /// - Parameter head: a head written down earlier that the log must still hold.
    public func verifyAudit(by actor: Actor, head: (seq: Int, hash: String)? = nil,
                            progress: WorkProgress? = nil) throws -> AuditVerification {
        try authorize(.verifyAudit, actor)
        return try storeWork { try store.audit.verify(expectedHead: head, progress: progress) }
    }

    /// The last row's number and hash, to be written down outside Lotse.
    public func auditHead(by actor: Actor) throws -> (seq: Int, hash: String)? {
        try authorize(.auditHead, actor)
        return try storeWork { try store.audit.head() }
    }
}
