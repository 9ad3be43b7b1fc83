/// The due dates of open cases on PostgreSQL (`case_due`, schema version 3): the SQL of
/// `CaseStore+Due` with PostgreSQL's placeholders; the case columns are `CaseStore`'s, which
/// read the same on both backends.
extension PostgreSQLCaseRecords {
    public func setDue(caseID: Int, _ due: CaseDue?) throws {
        guard let due else {
            try connection.runLater("DELETE FROM case_due WHERE case_id = $1", [.int(caseID)])
            return
        }
        let earliest = due.earliest
        // Nothing waits for its answer: it travels with the next round trip (the audit lock's).
        try connection.runLater("""
            INSERT INTO case_due (case_id, state_due, contact_due, due, reason, volatile) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (case_id) DO UPDATE SET state_due = excluded.state_due, contact_due = excluded.contact_due,
                due = excluded.due, reason = excluded.reason, volatile = excluded.volatile
            """, [.int(caseID), .text(due.stateDue), .text(due.contactDue), .text(earliest?.date),
                  .text(earliest?.reason), .int(due.volatile ? 1 : 0)])
    }

    /// Read in keyset pages by case id (`k.id > last … LIMIT n`), each one short statement: the
    /// first page is about a screen, later ones grow to `listingPage`, so the first rows come
    /// at once, the connection is free between pages (the office reads a case whose due date
    /// reads the clock meanwhile), and dropping the cursor leaves nothing open.
    public func casesWithDue(_ filter: CaseFilter) throws -> RecordCursor<CaseWithDue> {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        func placeholder(_ value: SQLValue) -> String {
            arguments.append(value)
            return "$\(arguments.count)"
        }
        if let state = filter.state { clauses.append("k.state = " + placeholder(.text(state))) }
        if let sites = filter.sites {
            clauses.append(sites.isEmpty ? "FALSE" : "s.code IN (" + sites.map { placeholder(.text($0)) }.joined(separator: ", ") + ")")
        }
        if let user = filter.assignedTo { clauses.append("k.assigned_to = " + placeholder(.int(user))) }
        if let client = filter.clientID { clauses.append("k.client_id = " + placeholder(.int(client))) }
        if filter.openOnly || filter.dueBefore != nil { clauses.append("k.closed = 0") }
        var from = CaseStore.caseFrom + " LEFT JOIN case_due e ON e.case_id = k.id"
        if let day = filter.dueBefore {
            from = CaseStore.caseFrom + " JOIN case_due e ON e.case_id = k.id"
            clauses.append("(e.due < " + placeholder(.text(day)) + " OR e.volatile = 1)")
        }
        let after = arguments.count + 1
        clauses.append("k.id > $\(after)")
        let sql = "SELECT " + CaseStore.caseSelect + ", e.state_due, e.contact_due, e.volatile, e.case_id\n" + from
            + "\nWHERE " + clauses.joined(separator: " AND ") + "\nORDER BY k.id LIMIT $\(after + 1)"
        let connection = self.connection
        var size = Self.firstListingPage
        return connection.pages(from: Int.min, { (last: Int) throws(PostgreSQLError) -> (rows: [Row], next: Int?) in
            let limit = size
            size = min(size * 4, Self.listingPage)
            let rows = try connection.query(sql, arguments + [.int(last), .int(limit)])
            return (rows, rows.count < limit ? nil : rows.last?[0].int)
        }, CaseStore.caseWithDue)
    }

    /// Rows of a listing's first page: about one screen.
    static let firstListingPage = 64
    /// Rows of a listing's later pages.
    static let listingPage = 4_096

    public func largestIDs() throws -> (caseID: Int, clientID: Int) {
        let row = try connection.query("SELECT (SELECT COALESCE(MAX(id), 0) FROM cases), (SELECT COALESCE(MAX(id), 0) FROM clients)").first
        return (row?[0].int ?? 0, row?[1].int ?? 0)
    }

    public func openCaseIDs() throws -> [Int] {
        try connection.query("SELECT id FROM cases WHERE closed = 0 ORDER BY id").compactMap { $0[0].int }
    }

    public func clearDue() throws {
        try connection.run("DELETE FROM case_due")
    }

    public func dueBasis() throws -> String? {
        // Within one transaction only this transaction changes what it sees of the basis (a
        // concurrent change shows at its next one, as a first read would have shown it).
        if connection.inTransaction, let memo = connection.dueBasisMemo, memo.transaction == connection.transactionNumber {
            return memo.basis
        }
        let basis = try connection.scalar("SELECT basis FROM case_due_basis WHERE id = 1")?.string
        if connection.inTransaction { connection.dueBasisMemo = (connection.transactionNumber, basis) }
        return basis
    }

    public func setDueBasis(_ basis: String) throws {
        try connection.run("""
            INSERT INTO case_due_basis (id, basis) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET basis = excluded.basis
            """, [.text(basis)])
        if connection.inTransaction { connection.dueBasisMemo = (connection.transactionNumber, basis) }
    }
}
