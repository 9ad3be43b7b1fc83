public import LotseStore

/// Reading and verifying the audit log.
extension Office {
    /// Streams the audit rows matching `filter` (supervisor, admin), scoped to the actor's sites.
    public func auditEntries(by actor: Actor, filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        try authorize(.queryAudit, actor)
        let filter = try scoped(filter, for: actor, .queryAudit)
        try storeWork { try store.audit.query(filter, body) }
    }

    /// `filter` limited to what `actor` may see: a supervisor of some sites sees the rows of
    /// their sites' cases and the rows without a case of staff who work only at their sites; a
    /// supervisor of every site (the region's) and the admin see every row. Asking for a case of
    /// another site is refused (audited), as `case show` refuses it.
    public func scoped(_ filter: AuditFilter, for actor: Actor, _ permission: Permission) throws -> AuditFilter {
        guard try !isRegionWide(actor) else { return filter }
        if let caseID = filter.caseID, let (_, client) = try storeWork({ try store.cases.caseAndClient(id: caseID) }) {
            try authorize(site: client.site, actor, permission, what: "case \(caseID)", caseID: caseID)
            // Every row of the case is of its site, where the actor works: the same rows without
            // the site condition, which would collect every case id of the actor's sites first.
            return filter
        }
        var scoped = filter
        scoped.sites = actor.sites
        return scoped
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
