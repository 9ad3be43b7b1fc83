/// SQL for definitions, clients, cases, transitions and submissions. Writes run inside the
/// caller's transaction, together with their audit row.
public struct CaseStore {
    let database: Database

    /// The records of a database.
    public init(database: Database) { self.database = database }

    // MARK: Definitions

    /// The stored definition with this content hash, or a new row for it.
    public func definition(kind: String, name: String, version: String, sha256: String, content: [UInt8],
                           at: String) throws -> DefinitionRecord {
        if let existing = try database.query(
            "SELECT id, kind, name, version, sha256, content, stored_at FROM definitions WHERE kind = ? AND sha256 = ?",
            [.text(kind), .text(sha256)]).first {
            return Self.definition(existing)
        }
        try database.run("INSERT INTO definitions (kind, name, version, sha256, content, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                         [.text(kind), .text(name), .text(version), .text(sha256), .blob(content), .text(at)])
        return DefinitionRecord(id: Int(database.lastInsertRowID), kind: kind, name: name, version: version,
                                sha256: sha256, content: content, storedAt: at)
    }

    /// The hash of a stored definition with this name and version, other than `sha256`, if any:
    /// the same version with different content.
    public func otherContent(kind: String, name: String, version: String, than sha256: String) throws -> String? {
        try database.scalar("SELECT sha256 FROM definitions WHERE kind = ? AND name = ? AND version = ? AND sha256 <> ? "
                            + "ORDER BY id LIMIT 1", [.text(kind), .text(name), .text(version), .text(sha256)])?.string
    }

    /// A stored definition by id.
    public func definition(id: Int) throws -> DefinitionRecord? {
        try database.query("SELECT id, kind, name, version, sha256, content, stored_at FROM definitions WHERE id = ?",
                           [.int(id)]).first.map(Self.definition)
    }

    /// Every stored definition of a kind with the number of cases (workflows) or submissions
    /// (forms) that use it.
    public func definitions(kind: String) throws -> [(DefinitionRecord, uses: Int)] {
        let use = kind == "workflow" ? "(SELECT COUNT(*) FROM cases c WHERE c.workflow_id = d.id)"
            : "(SELECT COUNT(*) FROM submissions s WHERE s.definition_id = d.id)"
        return try database.query("""
            SELECT d.id, d.kind, d.name, d.version, d.sha256, d.content, d.stored_at, \(use)
            FROM definitions d WHERE d.kind = ? ORDER BY d.name, d.id
            """, [.text(kind)]).map { (Self.definition($0), $0[7].int ?? 0) }
    }

    static func definition(_ row: Row) -> DefinitionRecord {
        var content: [UInt8] = []
        if case let .blob(bytes) = row[5] { content = bytes } else if let text = row[5].string { content = Array(text.utf8) }
        return DefinitionRecord(id: row[0].int ?? 0, kind: row[1].string ?? "", name: row[2].string ?? "",
                                version: row[3].string ?? "", sha256: row[4].string ?? "", content: content,
                                storedAt: row[6].string ?? "")
    }

    // MARK: Clients

    /// Inserts a client. - Returns: its id.
    public func insertClient(siteID: Int, sex: String, birthYear: Int, applicantType: String, firstName: String?,
                             lastName: String?, eligible: Bool = false, at: String, by: String) throws -> Int {
        try database.run("""
            INSERT INTO clients (site_id, sex, birth_year, applicant_type, first_name, last_name, eligible, created_at,
                                 created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(siteID), .text(sex), .int(birthYear), .text(applicantType), .text(firstName), .text(lastName),
                  .int(eligible ? 1 : 0), .text(at), .text(by)])
        let id = Int(database.lastInsertRowID)
        database.wrote("client", id)
        return id
    }

    private static let clientColumns = """
        c.id, s.code, c.sex, c.birth_year, c.applicant_type, c.first_name, c.last_name, c.created_at, c.created_by,
        c.eligible FROM clients c JOIN sites s ON s.id = c.site_id
        """

    /// The client with this id.
    public func client(id: Int) throws -> ClientRecord? {
        try database.query("SELECT \(Self.clientColumns) WHERE c.id = ?", [.int(id)]).first.map(Self.client)
    }

    /// Clients, optionally of one site, by id.
    public func clientCursor(sites: [String]?) throws -> RecordCursor<ClientRecord> {
        var sql = "SELECT \(Self.clientColumns)"
        if let sites {
            sql += sites.isEmpty ? " WHERE 0" : " WHERE s.code IN (" + sites.map { _ in "?" }.joined(separator: ", ") + ")"
        }
        let rows = try database.cursor(sql + " ORDER BY c.id", (sites ?? []).map { .text($0) })
        return RecordCursor { () throws(StoreError) -> ClientRecord? in try rows.next().map(Self.client) }
    }

    static func client(_ row: Row) -> ClientRecord {
        ClientRecord(id: row[0].int ?? 0, site: row[1].string ?? "", sex: row[2].string ?? "", birthYear: row[3].int ?? 0,
                     applicantType: row[4].string ?? "", firstName: row[5].string, lastName: row[6].string,
                     createdAt: row[7].string ?? "", createdBy: row[8].string ?? "", eligible: (row[9].int ?? 0) != 0)
    }

    /// The client's open case, if any (a client has at most one).
    public func openCase(clientID: Int) throws -> Int? {
        try database.scalar("SELECT id FROM cases WHERE client_id = ? AND closed = 0 ORDER BY id LIMIT 1",
                            [.int(clientID)])?.int
    }

    /// The number of cases a client has had (open or closed).
    public func caseCount(clientID: Int) throws -> Int {
        try database.scalar("SELECT COUNT(*) FROM cases WHERE client_id = ?", [.int(clientID)])?.int ?? 0
    }

    /// Marks a client eligible for the model project. - Returns: false when already eligible.
    public func markEligible(clientID: Int) throws -> Bool {
        let changed = try database.run("UPDATE clients SET eligible = 1 WHERE id = ? AND eligible = 0", [.int(clientID)]) == 1
        if changed { database.wrote("client", clientID) }
        return changed
    }

    // MARK: Cases

    /// Inserts a case in its initial state. - Returns: its id.
    public func insertCase(clientID: Int, workflowID: Int, state: String, history: String, at: String,
                           by userID: Int, assignedTo: Int?) throws -> Int {
        try database.run("""
            INSERT INTO cases (client_id, workflow_id, state, history, entered_at, entered_by, assigned_to,
                               opened_at, opened_by)
            VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)
            """, [.int(clientID), .int(workflowID), .text(state), .text(history), .text(at),
                  .int(assignedTo), .text(at), .int(userID)])
        let id = Int(database.lastInsertRowID)
        database.wrote("case", id)
        return id
    }

    static let caseSelect = """
        k.id, k.client_id, k.workflow_id, d.name, a.case_group, k.state, k.history, k.entered_at, k.entered_by,
        k.assigned_to, u.name, k.closed, k.opened_at, k.opened_by, k.version, s.code
        """
    static let caseFrom = """
        FROM cases k JOIN definitions d ON d.id = k.workflow_id JOIN clients c ON c.id = k.client_id
        JOIN sites s ON s.id = c.site_id LEFT JOIN users u ON u.id = k.assigned_to
        LEFT JOIN assignments a ON a.case_id = k.id
        """
    private static let caseColumns = caseSelect + "\n" + caseFrom

    /// The case with this id.
    public func `case`(id: Int) throws -> CaseRecord? {
        try database.query("SELECT \(Self.caseColumns) WHERE k.id = ?", [.int(id)]).first.map(Self.caseRecord)
    }

    /// A case and its client in one query (what firing an event reads first).
    public func caseAndClient(id: Int) throws -> (CaseRecord, ClientRecord)? {
        guard let row = try database.query("""
            SELECT \(Self.caseSelect), c.sex, c.birth_year, c.applicant_type, c.first_name, c.last_name, c.created_at,
                   c.created_by, c.eligible
            \(Self.caseFrom) WHERE k.id = ?
            """, [.int(id)]).first else { return nil }
        let record = Self.caseRecord(row)
        let client = ClientRecord(id: record.clientID, site: record.site, sex: row[16].string ?? "",
                                  birthYear: row[17].int ?? 0, applicantType: row[18].string ?? "", firstName: row[19].string,
                                  lastName: row[20].string, createdAt: row[21].string ?? "", createdBy: row[22].string ?? "",
                                  eligible: (row[23].int ?? 0) != 0)
        return (record, client)
    }

    /// Cases matching the filter, by id.
    public func cases(state: String? = nil, site: String? = nil, assignedTo: Int? = nil, clientID: Int? = nil,
                      openOnly: Bool = false) throws -> [CaseRecord] {
        try database.query("""
            SELECT \(Self.caseColumns)
            WHERE (? IS NULL OR k.state = ?) AND (? IS NULL OR s.code = ?) AND (? IS NULL OR k.assigned_to = ?)
              AND (? IS NULL OR k.client_id = ?) AND (? = 0 OR k.closed = 0)
            ORDER BY k.id
            """, [.text(state), .text(state), .text(site), .text(site), .int(assignedTo), .int(assignedTo),
                  .int(clientID), .int(clientID), .int(openOnly ? 1 : 0)]).map(Self.caseRecord)
    }

    static func caseRecord(_ row: Row) -> CaseRecord {
        CaseRecord(id: row[0].int ?? 0, clientID: row[1].int ?? 0, workflowID: row[2].int ?? 0,
                   workflow: row[3].string ?? "", group: row[4].string.flatMap(CaseGroup.init(rawValue:)), state: row[5].string ?? "",
                   history: row[6].string ?? "{}", enteredAt: row[7].string ?? "", enteredBy: row[8].int,
                   assignedTo: row[9].int, assignee: row[10].string, closed: (row[11].int ?? 0) != 0,
                   openedAt: row[12].string ?? "", openedBy: row[13].int ?? 0, version: row[14].int ?? 0,
                   site: row[15].string ?? "")
    }

    /// Moves a case, if it is still at `expectedVersion`.
    /// - Returns: false when another writer changed the case meanwhile (nothing was written).
    public func moveCase(id: Int, expectedVersion: Int, state: String, history: String, closed: Bool, at: String,
                         by userID: Int) throws -> Bool {
        try database.run("""
            UPDATE cases SET state = ?, history = ?, closed = ?, entered_at = ?, entered_by = ?, version = version + 1
            WHERE id = ? AND version = ?
            """, [.text(state), .text(history), .int(closed ? 1 : 0), .text(at), .int(userID), .int(id),
                  .int(expectedVersion)]) == 1 && caseWritten(id)
    }

    /// Assigns a case, if it is still at `expectedVersion`. - Returns: false when it changed meanwhile.
    public func assignCase(id: Int, expectedVersion: Int, to userID: Int?) throws -> Bool {
        try database.run("UPDATE cases SET assigned_to = ?, version = version + 1 WHERE id = ? AND version = ?",
                         [.int(userID), .int(id), .int(expectedVersion)]) == 1 && caseWritten(id)
    }

    /// Marks a case changed (a submission was added), if it is still at `expectedVersion`.
    public func touchCase(id: Int, expectedVersion: Int) throws -> Bool {
        try database.run("UPDATE cases SET version = version + 1 WHERE id = ? AND version = ?",
                         [.int(id), .int(expectedVersion)]) == 1 && caseWritten(id)
    }

    /// Notes a changed case for the audit row (always true, for chaining after a row count).
    private func caseWritten(_ id: Int) -> Bool {
        database.wrote("case", id)
        return true
    }

    // MARK: Transitions

    /// Records a transition. - Returns: its id.
    @discardableResult
    public func insertTransition(caseID: Int, event: String, from: String?, to: String, userID: Int, at: String,
                                 note: String?, log: String? = nil) throws -> Int {
        try database.run("""
            INSERT INTO transitions (case_id, event, from_state, to_state, user_id, at, note, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(caseID), .text(event), .text(from), .text(to), .int(userID), .text(at), .text(note), .text(log)])
        let id = Int(database.lastInsertRowID)
        database.wrote("transition", id)
        return id
    }

    /// A case's transitions, oldest first.
    public func transitions(caseID: Int) throws -> [TransitionRecord] {
        try database.query("""
            SELECT t.id, t.case_id, t.event, t.from_state, t.to_state, t.user_id, u.name, t.at, t.note, t.log
            FROM transitions t JOIN users u ON u.id = t.user_id WHERE t.case_id = ? ORDER BY t.id
            """, [.int(caseID)]).map {
            TransitionRecord(id: $0[0].int ?? 0, caseID: $0[1].int ?? 0, event: $0[2].string ?? "", from: $0[3].string,
                             to: $0[4].string ?? "", userID: $0[5].int ?? 0, user: $0[6].string ?? "",
                             at: $0[7].string ?? "", note: $0[8].string, log: $0[9].string)
        }
    }

    // MARK: Submissions

    /// Stores a submission. - Returns: its id.
    public func insertSubmission(caseID: Int, form: String, definitionID: Int, entry: Int, supersedes: Int?,
                                 instance: String, userID: Int, at: String) throws -> Int {
        try database.run("""
            INSERT INTO submissions (case_id, form, definition_id, entry, supersedes, instance, user_id, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(caseID), .text(form), .int(definitionID), .int(entry), .int(supersedes), .text(instance),
                  .int(userID), .text(at)])
        let id = Int(database.lastInsertRowID)
        database.wrote("submission", id)
        return id
    }

    private static let submissionColumns = """
        s.id, s.case_id, s.form, s.definition_id, s.entry, s.supersedes, s.instance, s.user_id, u.name, s.at,
        NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id)
        FROM submissions s JOIN users u ON u.id = s.user_id
        """

    /// The current submissions of a case (one per form and entry), by form and entry.
    public func currentSubmissions(caseID: Int) throws -> [SubmissionRecord] {
        try database.query("""
            SELECT \(Self.submissionColumns)
            WHERE s.case_id = ? AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id)
            ORDER BY s.form, s.entry
            """, [.int(caseID)]).map(Self.submission)
    }

    /// Every submission of one form on a case, oldest first.
    public func submissions(caseID: Int, form: String) throws -> [SubmissionRecord] {
        try database.query("SELECT \(Self.submissionColumns) WHERE s.case_id = ? AND s.form = ? ORDER BY s.id",
                           [.int(caseID), .text(form)]).map(Self.submission)
    }

    /// Every submission of a case, superseded ones included, oldest first: form, author, time.
    public func submissionLog(caseID: Int) throws -> [(form: String, userID: Int, at: String)] {
        try database.query("SELECT form, user_id, at FROM submissions WHERE case_id = ? ORDER BY id", [.int(caseID)])
            .map { ($0[0].string ?? "", $0[1].int ?? 0, $0[2].string ?? "") }
    }

    /// The highest entry number of a form on a case (0 when none).
    public func lastEntry(caseID: Int, form: String) throws -> Int {
        try database.scalar("SELECT COALESCE(MAX(entry), 0) FROM submissions WHERE case_id = ? AND form = ?",
                            [.int(caseID), .text(form)])?.int ?? 0
    }

    static func submission(_ row: Row) -> SubmissionRecord {
        SubmissionRecord(id: row[0].int ?? 0, caseID: row[1].int ?? 0, form: row[2].string ?? "",
                         definitionID: row[3].int ?? 0, entry: row[4].int ?? 0, supersedes: row[5].int,
                         instance: row[6].string ?? "", userID: row[7].int ?? 0, user: row[8].string ?? "",
                         at: row[9].string ?? "", isCurrent: (row[10].int ?? 0) != 0)
    }
}
