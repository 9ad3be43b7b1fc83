/// A submission's kept values with the time it was superseded: one row of the history the
/// reports read once to derive their numbers as of every earlier month end.
public struct SubmissionHistoryRow: Sendable, Equatable {
    public var values: SubmissionValuesRow
    /// When the submission that supersedes this one was recorded, if by the scan's bound.
    public var supersededAt: String?

    public init(values: SubmissionValuesRow, supersededAt: String?) {
        self.values = values
        self.supersededAt = supersededAt
    }

    /// Whether the submission is current at `bound` (recorded by then, not superseded by then),
    /// as `EvaluationRecords.currentValues(asOf:forms:)` selects it.
    public func isCurrent(at bound: String) -> Bool {
        values.at <= bound && (supersededAt.map { $0 > bound } ?? true)
    }
}

extension EvaluationQueries {
    public func valueHistory(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionHistoryRow> {
        // The list of forms is the caller's fixed set of form ids, bound as one JSON array.
        let list = "[" + forms.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        // In the order of `submission_values_by_case` (a submission is superseded at most once).
        return records(try database.cursor("""
            SELECT v.case_id, v.form, v.entry, v.at, v.fields,
              (SELECT n.at FROM submissions n WHERE n.supersedes = v.submission_id AND n.at <= ?)
            FROM submission_values v
            WHERE v.at <= ? AND v.form IN (SELECT value FROM json_each(?))
            ORDER BY v.case_id, v.form, v.entry, v.at
            """, [.text(asOf), .text(asOf), .text(list)])) { row in
            SubmissionHistoryRow(
                values: SubmissionValuesRow(caseID: row.int(0), form: row.string(1) ?? "", entry: row.int(2),
                                            at: row.string(3) ?? "", values: row.text(4).map(SubmissionValues.decode(bytes:)) ?? [:]),
                supersededAt: row.string(5))
        }
    }
}
