/// Definitions, clients, cases, transitions and submissions on PostgreSQL: the SQL of `CaseStore`
/// in PostgreSQL's dialect (`RETURNING id`, numbered parameters, typed NULL tests), noting the
/// same covered rows on the connection (`PostgreSQLConnection.wrote`) for the next audit row.
///
/// Concurrent sessions: a case changes only at its expected version (`WHERE version = $n`; under
/// READ COMMITTED an update that waited for another writer's commit re-checks the condition on
/// the new row, so the second writer sees `false`, as on SQLite). A definition stored by two
/// sessions at once is inserted once (`ON CONFLICT DO NOTHING`) and read back. A client gets one
/// open case even when two sessions open one at once (`openCase` locks the client's row).
public struct PostgreSQLCaseRecords: CaseRecordSet {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    // MARK: Definitions

    private static let definitionColumns = "id, kind, name, version, sha256, content, stored_at"

    public func definition(kind: String, name: String, version: String, sha256: String, content: [UInt8],
                           at: String) throws -> DefinitionRecord {
        let select = "SELECT \(Self.definitionColumns) FROM definitions WHERE kind = $1 AND sha256 = $2"
        if let existing = try connection.storeQuery(select, [.text(kind), .text(sha256)]).first {
            return CaseStore.definition(existing)
        }
        // Another session may store the same bytes at the same moment: the unique (kind, sha256)
        // keeps one row, and the loser reads the winner's once it committed.
        if let id = try connection.storeScalar("""
            INSERT INTO definitions (kind, name, version, sha256, content, stored_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (kind, sha256) DO NOTHING RETURNING id
            """, [.text(kind), .text(name), .text(version), .text(sha256), .blob(content), .text(at)])?.int {
            return DefinitionRecord(id: id, kind: kind, name: name, version: version, sha256: sha256, content: content,
                                    storedAt: at)
        }
        guard let stored = try connection.storeQuery(select, [.text(kind), .text(sha256)]).first else {
            throw StoreError.postgreSQL(.server(state: SQLState("XX000"), message: "definition \(name) \(version) "
                + "was stored by another session but cannot be read", sql: select))
        }
        return CaseStore.definition(stored)
    }

    public func otherContent(kind: String, name: String, version: String, than sha256: String) throws -> String? {
        try connection.storeScalar("""
            SELECT sha256 FROM definitions WHERE kind = $1 AND name = $2 AND version = $3 AND sha256 <> $4
            ORDER BY id LIMIT 1
            """, [.text(kind), .text(name), .text(version), .text(sha256)])?.string
    }

    public func definition(id: Int) throws -> DefinitionRecord? {
        try connection.storeQuery("SELECT \(Self.definitionColumns) FROM definitions WHERE id = $1", [.int(id)])
            .first.map(CaseStore.definition)
    }

    public func definitions(kind: String) throws -> [(DefinitionRecord, uses: Int)] {
        let use = kind == "workflow" ? "(SELECT COUNT(*) FROM cases c WHERE c.workflow_id = d.id)"
            : "(SELECT COUNT(*) FROM submissions s WHERE s.definition_id = d.id)"
        return try connection.storeQuery("""
            SELECT d.id, d.kind, d.name, d.version, d.sha256, d.content, d.stored_at, \(use)
            FROM definitions d WHERE d.kind = $1 ORDER BY d.name COLLATE "C", d.id
            """, [.text(kind)]).map { (CaseStore.definition($0), $0[7].int ?? 0) }
    }

    // MARK: Clients

    public func insertClient(siteID: Int, sex: String, birthYear: Int, applicantType: String, firstName: String?,
                             lastName: String?, eligible: Bool, at: String, by: String) throws -> Int {
        try connection.storeInsert("client", """
            INSERT INTO clients AS r (site_id, sex, birth_year, applicant_type, first_name, last_name, eligible, created_at,
                                      created_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, [.int(siteID), .text(sex), .int(birthYear), .text(applicantType), .text(firstName), .text(lastName),
                  .int(eligible ? 1 : 0), .text(at), .text(by)])
    }

    private static let clientColumns = """
        c.id, s.code, c.sex, c.birth_year, c.applicant_type, c.first_name, c.last_name, c.created_at, c.created_by,
        c.eligible FROM clients c JOIN sites s ON s.id = c.site_id
        """

    public func client(id: Int) throws -> ClientRecord? {
        try connection.storeQuery("SELECT \(Self.clientColumns) WHERE c.id = $1", [.int(id)]).first.map(CaseStore.client)
    }

    /// Keyset pages by client id, as `casesWithDue`.
    public func clientCursor(sites: [String]?) throws -> RecordCursor<ClientRecord> {
        var arguments: [SQLValue] = []
        var clauses: [String] = []
        if let sites {
            clauses.append(sites.isEmpty ? "FALSE" : "s.code IN (" + sites.enumerated().map { "$\($0.offset + 1)" }
                .joined(separator: ", ") + ")")
            arguments = sites.map { .text($0) }
        }
        clauses.append("c.id > $\(arguments.count + 1)")
        let sql = "SELECT \(Self.clientColumns) WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY c.id LIMIT $\(arguments.count + 2)"
        let connection = self.connection
        var size = Self.firstListingPage
        return connection.pages(from: Int.min, { (last: Int) throws(PostgreSQLError) -> (rows: [Row], next: Int?) in
            let limit = size
            size = min(size * 4, Self.listingPage)
            let rows = try connection.query(sql, arguments + [.int(last), .int(limit)])
            return (rows, rows.count < limit ? nil : rows.last?[0].int)
        }, CaseStore.client)
    }

    /// Inside a transaction the client's row is locked first (`FOR UPDATE`): two sessions opening
    /// a case for one client queue there, and the second, reading after the first committed, finds
    /// its case (SQLite's single writer gives the same). Outside one it only reads.
    public func openCase(clientID: Int) throws -> Int? {
        if connection.inTransaction {
            try connection.storeRun("SELECT id FROM clients WHERE id = $1 FOR UPDATE", [.int(clientID)])
        }
        return try connection.storeScalar("SELECT id FROM cases WHERE client_id = $1 AND closed = 0 ORDER BY id LIMIT 1",
                                          [.int(clientID)])?.int
    }

    public func caseCount(clientID: Int) throws -> Int {
        try connection.storeScalar("SELECT COUNT(*) FROM cases WHERE client_id = $1", [.int(clientID)])?.int ?? 0
    }

    public func markEligible(clientID: Int) throws -> Bool {
        let changed = try connection.storeRun("UPDATE clients SET eligible = 1 WHERE id = $1 AND eligible = 0",
                                              [.int(clientID)]) == 1
        if changed { connection.wrote("client", clientID) }
        return changed
    }

    // MARK: Cases

    public func insertCase(clientID: Int, workflowID: Int, state: String, history: String, at: String,
                           by userID: Int, assignedTo: Int?) throws -> Int {
        try connection.storeInsert("case", """
            INSERT INTO cases AS r (client_id, workflow_id, state, history, entered_at, entered_by, assigned_to,
                                    opened_at, opened_by)
            VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8)
            """, [.int(clientID), .int(workflowID), .text(state), .text(history), .text(at),
                  .int(assignedTo), .text(at), .int(userID)])
    }

    private static let caseSelect = """
        k.id, k.client_id, k.workflow_id, d.name, a.case_group, k.state, k.history, k.entered_at, k.entered_by,
        k.assigned_to, u.name, k.closed, k.opened_at, k.opened_by, k.version, s.code
        """
    private static let caseFrom = """
        FROM cases k JOIN definitions d ON d.id = k.workflow_id JOIN clients c ON c.id = k.client_id
        JOIN sites s ON s.id = c.site_id LEFT JOIN users u ON u.id = k.assigned_to
        LEFT JOIN assignments a ON a.case_id = k.id
        """

    public func `case`(id: Int) throws -> CaseRecord? {
        try connection.storeQuery("SELECT \(Self.caseSelect)\n\(Self.caseFrom) WHERE k.id = $1", [.int(id)])
            .first.map(CaseStore.caseRecord)
    }

    private static let caseAndClientSQL = """
        SELECT \(caseSelect), c.sex, c.birth_year, c.applicant_type, c.first_name, c.last_name, c.created_at,
               c.created_by, c.eligible
        \(caseFrom) WHERE k.id = $1
        """

    public func caseAndClient(id: Int) throws -> (CaseRecord, ClientRecord)? {
        try connection.storeQuery(Self.caseAndClientSQL, [.int(id)]).first.map(Self.caseAndClient)
    }

    /// The case, its client and its current submissions in one round trip.
    public func caseSnapshot(id: Int) throws -> (CaseRecord, ClientRecord, [SubmissionRecord])? {
        let answers: [[Row]]
        do {
            answers = try connection.pipelineRows([.init(Self.caseAndClientSQL, [.int(id)]),
                                                   .init(Self.currentSubmissionsSQL, [.int(id)])])
        } catch {
            throw StoreError.postgreSQL(error)
        }
        guard let row = answers[0].first else { return nil }
        let (record, client) = Self.caseAndClient(row)
        return (record, client, answers[1].map(CaseStore.submission))
    }

    private static func caseAndClient(_ row: Row) -> (CaseRecord, ClientRecord) {
        let record = CaseStore.caseRecord(row)
        let client = ClientRecord(id: record.clientID, site: record.site, sex: row[16].string ?? "",
                                  birthYear: row[17].int ?? 0, applicantType: row[18].string ?? "", firstName: row[19].string,
                                  lastName: row[20].string, createdAt: row[21].string ?? "", createdBy: row[22].string ?? "",
                                  eligible: (row[23].int ?? 0) != 0)
        return (record, client)
    }

    public func cases(state: String?, site: String?, assignedTo: Int?, clientID: Int?, openOnly: Bool) throws -> [CaseRecord] {
        try connection.storeQuery("""
            SELECT \(Self.caseSelect)
            \(Self.caseFrom)
            WHERE ($1::text IS NULL OR k.state = $1) AND ($2::text IS NULL OR s.code = $2)
              AND ($3::bigint IS NULL OR k.assigned_to = $3) AND ($4::bigint IS NULL OR k.client_id = $4)
              AND ($5::bigint = 0 OR k.closed = 0)
            ORDER BY k.id
            """, [.text(state), .text(site), .int(assignedTo), .int(clientID), .int(openOnly ? 1 : 0)])
            .map(CaseStore.caseRecord)
    }

    public func moveCase(id: Int, expectedVersion: Int, state: String, history: String, closed: Bool, at: String,
                         by userID: Int) throws -> Bool {
        try connection.storeUpdate("case", """
            UPDATE cases AS r SET state = $1, history = $2, closed = $3, entered_at = $4, entered_by = $5,
                version = r.version + 1
            WHERE r.id = $6 AND r.version = $7
            """, [.text(state), .text(history), .int(closed ? 1 : 0), .text(at), .int(userID), .int(id),
                  .int(expectedVersion)])
    }

    public func assignCase(id: Int, expectedVersion: Int, to userID: Int?) throws -> Bool {
        try connection.storeUpdate("case", "UPDATE cases AS r SET assigned_to = $1, version = r.version + 1 "
                                       + "WHERE r.id = $2 AND r.version = $3", [.int(userID), .int(id), .int(expectedVersion)])
    }

    public func touchCase(id: Int, expectedVersion: Int) throws -> Bool {
        try connection.storeUpdate("case", "UPDATE cases AS r SET version = r.version + 1 WHERE r.id = $1 AND r.version = $2",
                                   [.int(id), .int(expectedVersion)])
    }

    // MARK: Transitions

    @discardableResult
    public func insertTransition(caseID: Int, event: String, from: String?, to: String, userID: Int, at: String,
                                 note: String?, log: String?) throws -> Int {
        try connection.storeInsert("transition", """
            INSERT INTO transitions AS r (case_id, event, from_state, to_state, user_id, at, note, log)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [.int(caseID), .text(event), .text(from), .text(to), .int(userID), .text(at), .text(note), .text(log)])
    }

    public func transitions(caseID: Int) throws -> [TransitionRecord] {
        try connection.storeQuery("""
            SELECT t.id, t.case_id, t.event, t.from_state, t.to_state, t.user_id, u.name, t.at, t.note, t.log
            FROM transitions t JOIN users u ON u.id = t.user_id WHERE t.case_id = $1 ORDER BY t.id
            """, [.int(caseID)]).map {
            TransitionRecord(id: $0[0].int ?? 0, caseID: $0[1].int ?? 0, event: $0[2].string ?? "", from: $0[3].string,
                             to: $0[4].string ?? "", userID: $0[5].int ?? 0, user: $0[6].string ?? "",
                             at: $0[7].string ?? "", note: $0[8].string, log: $0[9].string)
        }
    }

    // MARK: Submissions

    public func insertSubmission(caseID: Int, form: String, definitionID: Int, entry: Int, supersedes: Int?,
                                 instance: String, userID: Int, at: String) throws -> Int {
        try connection.storeInsert("submission", """
            INSERT INTO submissions AS r (case_id, form, definition_id, entry, supersedes, instance, user_id, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [.int(caseID), .text(form), .int(definitionID), .int(entry), .int(supersedes), .text(instance),
                  .int(userID), .text(at)])
    }

    private static let submissionColumns = """
        s.id, s.case_id, s.form, s.definition_id, s.entry, s.supersedes, s.instance, s.user_id, u.name, s.at,
        NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id)
        FROM submissions s JOIN users u ON u.id = s.user_id
        """

    private static let currentSubmissionsSQL = """
        SELECT \(submissionColumns)
        WHERE s.case_id = $1 AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id)
        ORDER BY s.form COLLATE "C", s.entry
        """

    public func currentSubmissions(caseID: Int) throws -> [SubmissionRecord] {
        try connection.storeQuery(Self.currentSubmissionsSQL, [.int(caseID)]).map(CaseStore.submission)
    }

    public func submissions(caseID: Int, form: String) throws -> [SubmissionRecord] {
        try connection.storeQuery("SELECT \(Self.submissionColumns) WHERE s.case_id = $1 AND s.form = $2 ORDER BY s.id",
                                  [.int(caseID), .text(form)]).map(CaseStore.submission)
    }

    public func submissionLog(caseID: Int) throws -> [(form: String, userID: Int, at: String)] {
        try connection.storeQuery("SELECT form, user_id, at FROM submissions WHERE case_id = $1 ORDER BY id", [.int(caseID)])
            .map { ($0[0].string ?? "", $0[1].int ?? 0, $0[2].string ?? "") }
    }

    public func lastEntry(caseID: Int, form: String) throws -> Int {
        try connection.storeScalar("SELECT COALESCE(MAX(entry), 0) FROM submissions WHERE case_id = $1 AND form = $2",
                                   [.int(caseID), .text(form)])?.int ?? 0
    }
}
