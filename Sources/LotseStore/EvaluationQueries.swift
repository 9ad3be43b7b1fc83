/// The ordered scans the evaluation export streams through (merge-joined by case id).
public struct EvaluationQueries {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Cases (optionally of one site, opened up to `asOf`) with client codes, by case id.
    /// Columns: id, client_id, workflow, group (NULL: not randomised), opened_at, site, sex, birth_year, applicant_type.
    public func cases(site: String?, asOf: String) throws -> RowCursor {
        try database.cursor("""
            SELECT k.id, k.client_id, d.name, a.case_group, k.opened_at, s.code, c.sex, c.birth_year, c.applicant_type
            FROM cases k JOIN definitions d ON d.id = k.workflow_id JOIN clients c ON c.id = k.client_id
            JOIN sites s ON s.id = c.site_id LEFT JOIN assignments a ON a.case_id = k.id
            WHERE (? IS NULL OR s.code = ?) AND k.opened_at <= ?
            ORDER BY k.id
            """, [.text(site), .text(site), .text(asOf)])
    }

    /// Transitions up to `asOf`, by case and order. Columns: case_id, event, from_state, to_state, at.
    public func transitions(asOf: String) throws -> RowCursor {
        try database.cursor("""
            SELECT case_id, event, from_state, to_state, at FROM transitions WHERE at <= ? ORDER BY case_id, id
            """, [.text(asOf)])
    }

    /// Submissions of `forms` current at `asOf` (recorded by then and not superseded by then),
    /// by case, form and entry. Columns: case_id, form, entry, instance, at.
    public func currentSubmissions(asOf: String, forms: [String]) throws -> RowCursor {
        // The list of forms is the caller's fixed set of form ids, bound as one JSON array.
        let list = "[" + forms.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return try database.cursor("""
            SELECT s.case_id, s.form, s.entry, s.instance, s.at FROM submissions s
            WHERE s.at <= ? AND s.form IN (SELECT value FROM json_each(?))
              AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id AND n.at <= ?)
            ORDER BY s.case_id, s.form, s.entry
            """, [.text(asOf), .text(list), .text(asOf)])
    }

    /// Open cases per assigned user (for caseload), with the user's site.
    public func caseload() throws -> [(user: String, site: String?, open: Int)] {
        try database.query("""
            SELECT u.name, s.code, COUNT(k.id) FROM users u LEFT JOIN sites s ON s.id = u.site_id
            JOIN cases k ON k.assigned_to = u.id AND k.closed = 0
            WHERE u.role IN ('caseworker', 'supervisor') GROUP BY u.id ORDER BY u.name
            """).map { ($0[0].string ?? "", $0[1].string, $0[2].int ?? 0) }
    }
}
