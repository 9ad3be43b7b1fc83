public import LotseStore

/// Reading and verifying the audit log.
extension Office {
    /// Streams the audit rows matching `filter` (supervisor, admin).
    public func auditEntries(by actor: Actor, filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        try authorize(.queryAudit, actor)
        try storeWork { try store.audit.query(filter, body) }
    }

    /// Recomputes the chain (supervisor, admin, evaluator).
    public func verifyAudit(by actor: Actor, progress: ((Int) -> Void)? = nil) throws -> AuditVerification {
        try authorize(.verifyAudit, actor)
        return try storeWork { try store.audit.verify(progress: progress) }
    }

    /// The last row's number and hash, to be written down outside Lotse.
    public func auditHead(by actor: Actor) throws -> (seq: Int, hash: String)? {
        try authorize(.auditHead, actor)
        return try storeWork { try store.audit.head() }
    }
}
