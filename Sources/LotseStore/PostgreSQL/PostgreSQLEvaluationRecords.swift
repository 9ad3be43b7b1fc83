/// The evaluation's ordered scans and the caseload on PostgreSQL: the rows and orderings of
/// `EvaluationQueries`, text ordered and compared byte by byte (`COLLATE "C"`, as SQLite does
/// whatever the database's locale). The export merge-joins the three scans on one connection,
/// so each is read in keyset pages (`PostgreSQLConnection.pages`), never whole: a region's
/// submissions do not fit in memory.
public struct PostgreSQLEvaluationRecords: EvaluationRecords {
    let connection: PostgreSQLConnection
    /// Rows per page (about; the submissions scan takes whole cases).
    let pageSize: Int

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.init(connection: connection, pageSize: 2000) }

    init(connection: PostgreSQLConnection, pageSize: Int) {
        self.connection = connection
        self.pageSize = pageSize
    }

    public func cases(site: String?, asOf: String) throws(StoreError) -> RecordCursor<CaseScanRow> {
        let connection = connection, pageSize = pageSize
        // One statement with and one without the site (no `IS NULL OR`: each keeps its own good plan).
        let sql = """
            SELECT k.id, k.client_id, d.name, a.case_group, k.opened_at, s.code, c.sex, c.birth_year, c.applicant_type
            FROM cases k JOIN definitions d ON d.id = k.workflow_id JOIN clients c ON c.id = k.client_id
            JOIN sites s ON s.id = c.site_id LEFT JOIN assignments a ON a.case_id = k.id
            WHERE k.opened_at <= $1 COLLATE "C" AND k.id > $2\(site == nil ? "" : " AND s.code = $4")
            ORDER BY k.id LIMIT $3
            """
        return connection.pages(from: 0, { (after: Int) throws(PostgreSQLError) -> (rows: [Row], next: Int?) in
            let rows = try connection.query(sql, [.text(asOf), .int(after), .int(pageSize)] + (site.map { [.text($0)] } ?? []))
            return (rows, rows.count < pageSize ? nil : rows.last?[0].int)
        }) { row in
            CaseScanRow(caseID: row[0].int ?? 0, clientID: row[1].int ?? 0, workflow: row[2].string ?? "",
                        group: row[3].string, openedAt: row[4].string ?? "", site: row[5].string ?? "",
                        sex: row[6].string ?? "", birthYear: row[7].int ?? 0, applicantType: row[8].string ?? "")
        }
    }

    public func transitions(asOf: String) throws(StoreError) -> RecordCursor<TransitionScanRow> {
        let connection = connection, pageSize = pageSize
        typealias Key = (caseID: Int, id: Int)
        return connection.pages(from: Key(0, 0), { (after: Key) throws(PostgreSQLError) -> (rows: [Row], next: Key?) in
            let rows = try connection.query("""
                SELECT case_id, event, from_state, to_state, at, id FROM transitions
                WHERE at <= $1 COLLATE "C" AND (case_id, id) > ($2, $3) ORDER BY case_id, id LIMIT $4
                """, [.text(asOf), .int(after.caseID), .int(after.id), .int(pageSize)])
            guard rows.count == pageSize, let last = rows.last else { return (rows, nil) }
            return (rows, Key(last[0].int ?? 0, last[5].int ?? 0))
        }) { row in
            TransitionScanRow(caseID: row[0].int ?? 0, event: row[1].string ?? "", from: row[2].string,
                              to: row[3].string ?? "", at: row[4].string ?? "")
        }
    }

    /// Read in chunks of whole cases (about `pageSize` submissions each), so that a case's rows
    /// are ordered by form and entry within one page.
    public func currentSubmissions(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionScanRow> {
        let connection = connection, pageSize = pageSize
        let list = Self.arrayLiteral(forms)
        return connection.pages(from: 0, { (after: Int) throws(PostgreSQLError) -> (rows: [Row], next: Int?) in
            // The last case of this chunk: that of the pageSize-th submission after `after` (nil: all the rest).
            // Both bounds stay index conditions (no `IS NULL OR`), whatever plan the server caches.
            let bound = try connection.scalar("""
                SELECT case_id FROM submissions WHERE case_id > $1 ORDER BY case_id OFFSET $2 LIMIT 1
                """, [.int(after), .int(pageSize - 1)])?.int
            let rows = try connection.query("""
                SELECT s.case_id, s.form, s.entry, s.instance, s.at FROM submissions s
                WHERE s.case_id > $1 AND s.case_id <= COALESCE($2::bigint, 9223372036854775807)
                  AND s.at <= $3 COLLATE "C" AND s.form = ANY($4::text[])
                  AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id AND n.at <= $3 COLLATE "C")
                ORDER BY s.case_id, s.form COLLATE "C", s.entry, s.id
                """, [.int(after), .int(bound), .text(asOf), .text(list)])
            return (rows, bound)
        }) { row in
            SubmissionScanRow(caseID: row[0].int ?? 0, form: row[1].string ?? "", entry: row[2].int ?? 1,
                              instance: row[3].string ?? "", at: row[4].string ?? "")
        }
    }

    /// A user working at several sites has a row for each.
    public func caseload() throws(StoreError) -> [CaseloadRow] {
        do {
            return try connection.query("""
                SELECT u.name, s.code, COUNT(k.id) FROM cases k JOIN users u ON u.id = k.assigned_to
                JOIN clients c ON c.id = k.client_id JOIN sites s ON s.id = c.site_id
                WHERE k.closed = 0 AND u.role IN ('caseworker', 'supervisor')
                GROUP BY u.id, s.id ORDER BY u.name COLLATE "C", s.code COLLATE "C"
                """).map { CaseloadRow(user: $0[0].string ?? "", site: $0[1].string, open: $0[2].int ?? 0) }
        } catch {
            throw .postgreSQL(error)
        }
    }

    /// A PostgreSQL text array literal (`{"a","b"}`) of the caller's form ids.
    static func arrayLiteral(_ items: [String]) -> String {
        "{" + items.map { item in
            "\"" + item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }
}
