/// The coded values of submissions (`submission_values`, see `SubmissionValues`) on PostgreSQL:
/// written beside each submission in its transaction, scanned by the evaluation in keyset pages
/// (so memory stays flat however large the region).
extension PostgreSQLCaseRecords {
    public func insertSubmissionValues(submissionID: Int, caseID: Int, form: String, entry: Int, at: String,
                                       values: [String: String]) throws {
        // Every column is one of the values bound (stored as given), so the record hash is computed
        // from them and the insert, whose answer nobody waits for, travels with the next round trip.
        let row: [SQLValue] = [.int(submissionID), .int(caseID), .text(form), .int(entry), .text(at),
                               .text(SubmissionValues.encode(values))]
        try connection.runLater("""
            INSERT INTO submission_values (submission_id, case_id, form, entry, at, fields) VALUES ($1, $2, $3, $4, $5, $6)
            """, row)
        connection.wrote("values", values: row)
    }
}

extension PostgreSQLEvaluationRecords {
    /// Rows read per page of the scan.
    static let valuesPage = 5_000

    public func currentValues(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionValuesRow> {
        try currentValues(asOf: asOf, forms: forms, pageSize: Self.valuesPage)
    }

    /// The scan in pages of `pageSize` rows.
    func currentValues(asOf: String, forms: [String], pageSize: Int) throws(StoreError) -> RecordCursor<SubmissionValuesRow> {
        var page: [SubmissionValuesRow] = []
        var index = 0
        var last: (caseID: Int, form: String, entry: Int)? = (Int.min, "", Int.min)
        let connection = self.connection
        return RecordCursor { () throws(StoreError) -> SubmissionValuesRow? in
            if index == page.count {
                guard let after = last else { return nil }
                let rows: [Row]
                do throws(PostgreSQLError) {
                    rows = try connection.query("""
                        SELECT v.case_id, v.form, v.entry, v.at, v.fields FROM submission_values v
                        WHERE v.at <= $1 AND v.form = ANY($2::text[])
                          AND (v.case_id, v.form, v.entry) > ($3, $4, $5)
                          AND NOT EXISTS (SELECT 1 FROM submissions n WHERE n.supersedes = v.submission_id AND n.at <= $1)
                        ORDER BY v.case_id, v.form, v.entry LIMIT \(pageSize)
                        """, [.text(asOf), .text("{" + forms.map { "\"\($0)\"" }.joined(separator: ",") + "}"),
                              .int(after.caseID), .text(after.form), .int(after.entry)])
                } catch {
                    throw StoreError.postgreSQL(error)
                }
                page = rows.map { row in
                    SubmissionValuesRow(caseID: row[0].int ?? 0, form: row[1].string ?? "", entry: row[2].int ?? 1,
                                        at: row[3].string ?? "", values: SubmissionValues.decode(row[4].string ?? ""))
                }
                index = 0
                last = page.count < pageSize ? nil : page.last.map { ($0.caseID, $0.form, $0.entry) }
                if page.isEmpty { return nil }
            }
            index += 1
            return page[index - 1]
        }
    }
}

extension PostgreSQLEvaluationRecords {
    /// Read in chunks of whole cases (about `valuesPage` rows each), so that a case's rows are
    /// ordered by form, entry and time within one page.
    public func valueHistory(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionHistoryRow> {
        try valueHistory(asOf: asOf, forms: forms, pageSize: Self.valuesPage)
    }

    /// The history in chunks of about `pageSize` rows.
    func valueHistory(asOf: String, forms: [String], pageSize: Int) throws(StoreError) -> RecordCursor<SubmissionHistoryRow> {
        let connection = connection
        let list = Self.arrayLiteral(forms)
        return connection.pages(from: 0, { (after: Int) throws(PostgreSQLError) -> (rows: [Row], next: Int?) in
            // The last case of this chunk: that of the pageSize-th row after `after` (nil: all the rest).
            let bound = try connection.scalar("""
                SELECT case_id FROM submission_values WHERE case_id > $1 ORDER BY case_id OFFSET $2 LIMIT 1
                """, [.int(after), .int(pageSize - 1)])?.int
            let rows = try connection.query("""
                SELECT v.case_id, v.form, v.entry, v.at, v.fields,
                  (SELECT n.at FROM submissions n WHERE n.supersedes = v.submission_id AND n.at <= $3)
                FROM submission_values v
                WHERE v.case_id > $1 AND v.case_id <= COALESCE($2::bigint, 9223372036854775807)
                  AND v.at <= $3 AND v.form = ANY($4::text[])
                ORDER BY v.case_id, v.form, v.entry, v.at, v.submission_id
                """, [.int(after), .int(bound), .text(asOf), .text(list)])
            return (rows, bound)
        }) { row in
            SubmissionHistoryRow(
                values: SubmissionValuesRow(caseID: row[0].int ?? 0, form: row[1].string ?? "", entry: row[2].int ?? 1,
                                            at: row[3].string ?? "", values: SubmissionValues.decode(row[4].string ?? "")),
                supersededAt: row[5].string)
        }
    }
}
