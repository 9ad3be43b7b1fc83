/// A case as the evaluation scans it: ids and codes, never a name.
public struct CaseScanRow: Sendable, Equatable {
    public var caseID: Int
    public var clientID: Int
    /// The workflow's name.
    public var workflow: String
    /// The assignment's group (`participant`, `comparison`); nil when not randomised.
    public var group: String?
    public var openedAt: String
    /// The client's site code.
    public var site: String
    public var sex: String
    public var birthYear: Int
    public var applicantType: String
}

/// A transition as the evaluation scans it.
public struct TransitionScanRow: Sendable, Equatable {
    public var caseID: Int
    public var event: String
    public var from: String?
    public var to: String
    public var at: String
}

/// A current submission as the evaluation scans it.
public struct SubmissionScanRow: Sendable, Equatable {
    public var caseID: Int
    public var form: String
    public var entry: Int
    /// The instance XML text.
    public var instance: String
    public var at: String
}

/// Open cases of one assigned user at one site.
public struct CaseloadRow: Sendable, Equatable {
    public var user: String
    public var site: String?
    public var open: Int
}

/// The ordered scans the evaluation export streams through (merge-joined by case id), and
/// the caseload: what any backend must answer, in typed rows.
public protocol EvaluationRecords {
    /// Cases (optionally of one site, opened up to `asOf`) with client codes, by case id.
    func cases(site: String?, asOf: String) throws(StoreError) -> RecordCursor<CaseScanRow>
    /// Transitions up to `asOf`, by case and order.
    func transitions(asOf: String) throws(StoreError) -> RecordCursor<TransitionScanRow>
    /// Submissions of `forms` current at `asOf` (recorded by then and not superseded by then),
    /// by case, form and entry.
    func currentSubmissions(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionScanRow>
    /// The kept values (`SubmissionValues`) of the submissions of `forms` current at `asOf`, by
    /// case, form and entry: what the evaluation reads, without the instance documents.
    func currentValues(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionValuesRow>
    /// The kept values of every submission of `forms` recorded by `asOf`, each with when it was
    /// superseded (if by `asOf`), by case, form, entry and time: what is current at any earlier
    /// bound, read in one scan (`SubmissionHistoryRow.isCurrent(at:)`).
    func valueHistory(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionHistoryRow>
    /// Open cases per assigned caseworker or supervisor and the cases' site, by user and site.
    func caseload() throws(StoreError) -> [CaseloadRow]
}

/// A scan read record by record on demand (to merge-join several ordered scans while
/// streaming), whatever the backend.
public final class RecordCursor<Record> {
    private let read: () throws(StoreError) -> Record?

    /// A cursor whose records come from `read` (nil at the end).
    public init(_ read: @escaping () throws(StoreError) -> Record?) { self.read = read }

    /// The next record, nil at the end.
    public func next() throws(StoreError) -> Record? { try read() }

    /// Every record left, read whole.
    public func collect() throws(StoreError) -> [Record] {
        var records: [Record] = []
        while let record = try read() { records.append(record) }
        return records
    }
}

@available(*, unavailable)
extension RecordCursor: Sendable {}

/// The evaluation scans on SQLite.
public struct EvaluationQueries: EvaluationRecords {
    let database: Database

    init(database: Database) { self.database = database }

    /// Typed records from a row cursor, each read in place (no `Row` in between: these scans
    /// read every case, transition and submission of a region).
    func records<R>(_ rows: RowCursor, _ make: @escaping (RawRow) -> R) -> RecordCursor<R> {
        RecordCursor { () throws(StoreError) -> R? in try rows.next(make) }
    }

    public func cases(site: String?, asOf: String) throws(StoreError) -> RecordCursor<CaseScanRow> {
        records(try database.cursor("""
            SELECT k.id, k.client_id, d.name, a.case_group, k.opened_at, s.code, c.sex, c.birth_year, c.applicant_type
            FROM cases k JOIN definitions d ON d.id = k.workflow_id JOIN clients c ON c.id = k.client_id
            JOIN sites s ON s.id = c.site_id LEFT JOIN assignments a ON a.case_id = k.id
            WHERE (? IS NULL OR s.code = ?) AND k.opened_at <= ?
            ORDER BY k.id
            """, [.text(site), .text(site), .text(asOf)])) { row in
            CaseScanRow(caseID: row.int(0), clientID: row.int(1), workflow: row.string(2) ?? "",
                        group: row.string(3), openedAt: row.string(4) ?? "", site: row.string(5) ?? "",
                        sex: row.string(6) ?? "", birthYear: row.int(7), applicantType: row.string(8) ?? "")
        }
    }

    public func transitions(asOf: String) throws(StoreError) -> RecordCursor<TransitionScanRow> {
        records(try database.cursor("""
            SELECT case_id, event, from_state, to_state, at FROM transitions WHERE at <= ? ORDER BY case_id, id
            """, [.text(asOf)])) { row in
            TransitionScanRow(caseID: row.int(0), event: row.string(1) ?? "", from: row.string(2),
                              to: row.string(3) ?? "", at: row.string(4) ?? "")
        }
    }

    public func currentSubmissions(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionScanRow> {
        // The list of forms is the caller's fixed set of form ids, bound as one JSON array.
        let list = "[" + forms.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return records(try database.cursor("""
            SELECT s.case_id, s.form, s.entry, s.instance, s.at FROM submissions s
            WHERE s.at <= ? AND s.form IN (SELECT value FROM json_each(?))
              AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = s.id AND n.at <= ?)
            ORDER BY s.case_id, s.form, s.entry
            """, [.text(asOf), .text(list), .text(asOf)])) { row in
            SubmissionScanRow(caseID: row.int(0), form: row.string(1) ?? "", entry: row.int(2),
                              instance: row.string(3) ?? "", at: row.string(4) ?? "")
        }
    }

    /// A user working at several sites has a row for each.
    public func caseload() throws(StoreError) -> [CaseloadRow] {
        try database.query("""
            SELECT u.name, s.code, COUNT(k.id) FROM cases k JOIN users u ON u.id = k.assigned_to
            JOIN clients c ON c.id = k.client_id JOIN sites s ON s.id = c.site_id
            WHERE k.closed = 0 AND u.role IN ('caseworker', 'supervisor')
            GROUP BY u.id, s.id ORDER BY u.name, s.code
            """).map { CaseloadRow(user: $0[0].string ?? "", site: $0[1].string, open: $0[2].int ?? 0) }
    }
}
