import Testing
@testable import LotseStore
import LotseTestSupport

/// The chain's coverage of the data is backend-independent: a region built through the office
/// on SQLite, copied row for row to PostgreSQL, gives the same record hash for every covered
/// row, the same audit head, a chain that verifies there, and every `records` line of the log
/// matches the row as PostgreSQL stores it.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLRecordHashTests {
    /// The tables in an order that satisfies every foreign key.
    static let tables = ["sites", "users", "user_sites", "definitions", "clients", "cases", "transitions", "submissions",
                         "submission_values", "randomisation_setups", "randomisation_runs", "assignments", "randomisation_closures",
                         "project_secrets", "audit"]

    @Test func aRegionCopiedToPostgreSQLHashesTheSameRowForRow() throws {
        let lotse = try StratifiedReportTests.paradox(observeAll: false)
        let sqlite = lotse.sqlite.database
        let owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        _ = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        try owner.transaction {
            for table in Self.tables {
                if table == "submission_values" {
                    // Through the record set, as the office writes them.
                    let records = PostgreSQLCaseRecords(connection: owner)
                    for row in try sqlite.query("SELECT submission_id, case_id, form, entry, at, fields FROM submission_values") {
                        try records.insertSubmissionValues(submissionID: row[0].int!, caseID: row[1].int!, form: row[2].string!,
                                                           entry: row[3].int!, at: row[4].string!,
                                                           values: SubmissionValues.decode(row[5].string!))
                    }
                    owner.clearPending()
                    continue
                }
                for row in try sqlite.query("SELECT * FROM \(table) ORDER BY 1") {
                    let placeholders = (1...row.columns.count).map { "$\($0)" }.joined(separator: ", ")
                    try owner.run("INSERT INTO \(table) (\(row.columns.joined(separator: ", "))) VALUES (\(placeholders))",
                                  row.values)
                }
            }
        }
        var compared = 0
        for kind in CoveredRecords.kinds {
            for row in try sqlite.query("SELECT \(kind.key) FROM \(kind.table)") {
                let ref = RecordRef(kind.name, row[0].int!)
                let onSQLite = try CoveredRecords.hash(ref, in: sqlite)
                let onPostgreSQL = try CoveredRecords.hash(ref, in: owner)
                #expect(onSQLite != nil && onSQLite == onPostgreSQL, "\(ref)")
                compared += 1
            }
        }
        #expect(compared > 500)
        // The evaluation's scan of the kept values reads the same rows, in pages.
        func all(_ cursor: RecordCursor<SubmissionValuesRow>) throws -> [SubmissionValuesRow] {
            var rows: [SubmissionValuesRow] = []
            while let row = try cursor.next() { rows.append(row) }
            return rows
        }
        let forms = EvaluationFields.fields.keys.sorted()
        let onSQLite = try all(lotse.store.evaluation.currentValues(asOf: "2099-01-01", forms: forms))
        #expect(onSQLite.count > 100)
        #expect(try all(PostgreSQLEvaluationRecords(connection: owner).currentValues(asOf: "2099-01-01", forms: forms,
                                                                                     pageSize: 7)) == onSQLite)
        let log = PostgreSQLAuditLog(connection: owner)
        let head = try #require(try lotse.store.audit.head())
        #expect(try log.head()! == head)
        #expect(try log.verifyChain() == (head.seq, nil))
        // The last hash the log recorded for each row is the row's hash as PostgreSQL has it.
        var recorded: [RecordRef: String] = [:]
        try lotse.store.audit.query(AuditFilter()) { entry in
            for line in (entry.draft.records ?? "").split(separator: "\n") {
                let parts = line.split(separator: " ")
                recorded[RecordRef(String(parts[0]), Int(parts[1])!)] = String(parts[2])
            }
        }
        #expect(recorded.count > 500)
        for (ref, hash) in recorded {
            let now = try CoveredRecords.hash(ref, in: owner)
            #expect(now?.hex == hash, "\(ref)")
        }
        // A new audit row on PostgreSQL records a row it wrote, with the hash SQLite would give.
        let appended = try owner.transaction {
            try owner.run("UPDATE cases SET assigned_to = NULL, version = version + 1 WHERE id = 1")
            return try log.append(AuditDraft(at: "2026-12-01T12:00:00.000Z", actor: "sven", role: "supervisor",
                                             action: "case.assign", caseID: 1), recording: [RecordRef("case", 1)])
        }
        #expect(appended.draft.records?.hasPrefix("case 1 ") == true && appended.seq == head.seq + 1)
        #expect(try log.verifyChain() == (head.seq + 1, nil))
    }
}
