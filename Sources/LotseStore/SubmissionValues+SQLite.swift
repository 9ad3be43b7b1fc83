import Foundation

/// A current submission's kept values as the evaluation scans them (`submission_values`).
public struct SubmissionValuesRow: Sendable, Equatable {
    public var caseID: Int
    public var form: String
    public var entry: Int
    public var at: String
    /// Field path (or `#PATH` count) → value, as `SubmissionValues` keeps them.
    public var values: [String: String]

    public init(caseID: Int, form: String, entry: Int, at: String, values: [String: String]) {
        self.caseID = caseID
        self.form = form
        self.entry = entry
        self.at = at
        self.values = values
    }
}

extension CaseStore {
    public func insertSubmissionValues(submissionID: Int, caseID: Int, form: String, entry: Int, at: String,
                                       values: [String: String]) throws {
        try database.run("""
            INSERT INTO submission_values (submission_id, case_id, form, entry, at, fields) VALUES (?, ?, ?, ?, ?, ?)
            """, [.int(submissionID), .int(caseID), .text(form), .int(entry), .text(at),
                  .text(SubmissionValues.encode(values))])
        database.wrote("values", submissionID)
    }
}

extension EvaluationQueries {
    public func currentValues(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionValuesRow> {
        // The list of forms is the caller's fixed set of form ids, bound as one JSON array.
        let list = "[" + forms.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return records(try database.cursor("""
            SELECT v.case_id, v.form, v.entry, v.at, v.fields FROM submission_values v
            WHERE v.at <= ? AND v.form IN (SELECT value FROM json_each(?))
              AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = v.submission_id AND n.at <= ?)
            ORDER BY v.case_id, v.form, v.entry
            """, [.text(asOf), .text(list), .text(asOf)])) { row in
            SubmissionValuesRow(caseID: row.int(0), form: row.string(1) ?? "", entry: row.int(2), at: row.string(3) ?? "",
                                values: row.text(4).map(SubmissionValues.decode(bytes:)) ?? [:])
        }
    }
}

extension SubmissionValues {
    /// Audit rows of the backfill record this many rows each.
    static let backfillChunk = 10_000

    /// Fills `submission_values` for the submissions stored before it existed, parsed from
    /// their instances, and records the rows in audit rows (`audit.cover`, at most
    /// `backfillChunk` each), so that `audit verify` vouches for them as for any other row.
    /// Submissions of forms whose definition marks a field `lotse:access="medical"` get no row
    /// (as the office keeps values only of forms anyone may read). A database without an audit
    /// log gets none (there is no chain to record them in; `audit verify` reports the log).
    static func backfill(_ database: Database) throws {
        guard try database.scalar("SELECT COUNT(*) FROM audit")?.int ?? 0 > 0 else { return }
        let at = Timestamp.string(Date())
        let log = AuditLog(database: database)
        var pending = 0
        func record() throws {
            try log.append(AuditDraft(at: at, actor: "lotse", action: "audit.cover",
                                      detail: "{\"reason\":\"coded values of submissions stored before this version of "
                                          + "Lotse, read from their instances\",\"rows\":\(pending)}"))
            pending = 0
        }
        try database.forEach("""
            SELECT s.id, s.case_id, s.form, s.entry, s.at, s.instance FROM submissions s
            JOIN definitions d ON d.id = s.definition_id
            WHERE instr(d.content, CAST('access="medical"' AS BLOB)) = 0
              AND instr(d.content, CAST('access=''medical''' AS BLOB)) = 0
            ORDER BY s.id
            """) { row in
            let id = row[0].int ?? 0
            let form = row[2].string ?? ""
            try database.run("""
                INSERT INTO submission_values (submission_id, case_id, form, entry, at, fields) VALUES (?, ?, ?, ?, ?, ?)
                """, [.int(id), .int(row[1].int ?? 0), .text(form), .int(row[3].int ?? 1), .text(row[4].string ?? ""),
                      .text(encode(form: form, instance: row[5].string ?? ""))])
            database.wrote("values", id)
            pending += 1
            if pending == backfillChunk { try record() }
        }
        if pending > 0 { try record() }
    }
}
