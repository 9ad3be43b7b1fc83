/// The evaluation's ordered scans and the caseload on PostgreSQL.
public struct PostgreSQLEvaluationRecords: EvaluationRecords {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    public func cases(site: String?, asOf: String) throws(StoreError) -> RecordCursor<CaseScanRow> {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func transitions(asOf: String) throws(StoreError) -> RecordCursor<TransitionScanRow> {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func currentSubmissions(asOf: String, forms: [String]) throws(StoreError) -> RecordCursor<SubmissionScanRow> {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func caseload() throws(StoreError) -> [CaseloadRow] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }
}
