/// The due dates of open cases (`case_due`, schema 9): one row per open case, none for a closed
/// one, and the basis they were computed under (`case_due_basis`).
extension CaseStore {
    /// Stores a case's due dates, or removes them (`nil`: the case is closed).
    public func setDue(caseID: Int, _ due: CaseDue?) throws {
        guard let due else {
            try database.run("DELETE FROM case_due WHERE case_id = ?", [.int(caseID)])
            return
        }
        let earliest = due.earliest
        try database.run("""
            INSERT INTO case_due (case_id, state_due, contact_due, due, reason, volatile) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET state_due = excluded.state_due, contact_due = excluded.contact_due,
                due = excluded.due, reason = excluded.reason, volatile = excluded.volatile
            """, [.int(caseID), .text(due.stateDue), .text(due.contactDue), .text(earliest?.date),
                  .text(earliest?.reason), .int(due.volatile ? 1 : 0)])
    }

    /// The cases matching `filter`, by id, each with its stored due dates (nil for a closed case).
    /// Built from fixed clauses for the filters given, so each listing runs on its index.
    public func casesWithDue(_ filter: CaseFilter) throws -> RecordCursor<CaseWithDue> {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let state = filter.state { clauses.append("k.state = ?"); arguments.append(.text(state)) }
        if let sites = filter.sites {
            clauses.append(sites.isEmpty ? "0" : "s.code IN (" + sites.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += sites.map { .text($0) }
        }
        if let user = filter.assignedTo { clauses.append("k.assigned_to = ?"); arguments.append(.int(user)) }
        if let client = filter.clientID { clauses.append("k.client_id = ?"); arguments.append(.int(client)) }
        if filter.openOnly || filter.dueBefore != nil { clauses.append("k.closed = 0") }
        var from = Self.caseFrom + " JOIN case_due e ON e.case_id = k.id"
        if let day = filter.dueBefore {
            clauses.append("(e.due < ? OR e.volatile = 1)")
            arguments.append(.text(day))
        } else {
            from = Self.caseFrom + " LEFT JOIN case_due e ON e.case_id = k.id"
        }
        let sql = "SELECT " + Self.caseSelect + ", e.state_due, e.contact_due, e.volatile, e.case_id\n" + from
            + (clauses.isEmpty ? "" : "\nWHERE " + clauses.joined(separator: " AND ")) + "\nORDER BY k.id"
        let rows = try database.cursor(sql, arguments)
        return RecordCursor { () throws(StoreError) -> CaseWithDue? in try rows.next().map(Self.caseWithDue) }
    }

    /// A listing row read from the columns of `casesWithDue` (the same on both backends).
    static func caseWithDue(_ row: Row) -> CaseWithDue {
        CaseWithDue(record: caseRecord(row), due: row[19].int == nil ? nil : CaseDue(
            stateDue: row[16].string, contactDue: row[17].string, volatile: (row[18].int ?? 0) != 0))
    }

    public func largestIDs() throws -> (caseID: Int, clientID: Int) {
        let row = try database.query("SELECT (SELECT COALESCE(MAX(id), 0) FROM cases), (SELECT COALESCE(MAX(id), 0) FROM clients)").first
        return (row?[0].int ?? 0, row?[1].int ?? 0)
    }

    /// The ids of every open case, in order.
    public func openCaseIDs() throws -> [Int] {
        try database.query("SELECT id FROM cases WHERE closed = 0 ORDER BY id").compactMap { $0[0].int }
    }

    /// Removes every stored due date (before they are computed anew).
    public func clearDue() throws {
        try database.run("DELETE FROM case_due")
    }

    /// What the stored due dates were computed under (nil: never, as after the upgrade to schema 9).
    public func dueBasis() throws -> String? {
        try database.scalar("SELECT basis FROM case_due_basis WHERE id = 1")?.string
    }

    /// Records what the stored due dates were computed under.
    public func setDueBasis(_ basis: String) throws {
        try database.run("INSERT INTO case_due_basis (id, basis) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET basis = excluded.basis",
                         [.text(basis)])
    }
}
