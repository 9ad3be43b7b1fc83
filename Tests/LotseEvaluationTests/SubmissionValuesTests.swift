import Foundation
@testable import LotseCases
@testable import LotseEvaluation
@testable import LotseStore
import LotseTestSupport
import Testing

/// The coded values kept beside each submission (`submission_values`): the evaluation reads
/// exactly what it read from the instance documents, the rows are covered by the audit chain,
/// and a database of an older Lotse gets them, parsed and audited, when it is opened.
@Suite("Submission values")
struct SubmissionValuesTests {
    /// Every variable of every case, read from the kept values or from the instances.
    static func export(_ store: Store, instances: Bool) throws -> [[String]] {
        let definitions = DefinitionSet(directory: TestLotse.repository, store: store)
        let variables = EvaluationVariables.all(definitions)
        let context = ExportContext(precision: .day, asOf: "2026-12-31",
                                    approvedSites: try store.randomisation.sitesWithApproval()) { String($0) }
        let open = Set(definitions.forms.forms.values.filter { $0.access == .open }.map(\.id))
        let forms = EvaluationVariables.sourceForms.union(EvaluationVariables.repeatColumns(definitions).map(\.form))
            .filter(open.contains).sorted()
        var rows: [[String]] = []
        try CaseFactStream(queries: store.evaluation, forms: forms, instances: instances)
            .forEach(site: nil, asOf: "2026-12-31T23:59:59.999Z") { facts in
                rows.append(variables.map { $0.value(facts, context) })
            }
        return rows
    }

    @Test func theExportReadFromTheValuesEqualsTheExportReadFromTheInstances() throws {
        let store = try Store(path: try SharedDemoRegion.shared.get().path)
        let fromValues = try Self.export(store, instances: false)
        let fromInstances = try Self.export(store, instances: true)
        #expect(fromValues.count == SharedDemoRegion.clients)
        #expect(fromValues == fromInstances)
        // Rows for the forms anyone may read only, none for those with health data.
        let definitions = DefinitionSet(directory: TestLotse.repository, store: store)
        let kept = Set(try store.database.query("SELECT DISTINCT form FROM submission_values").compactMap { $0[0].string })
        let stored = Set(try store.database.query("SELECT DISTINCT form FROM submissions").compactMap { $0[0].string })
        #expect(kept == stored.filter { definitions.forms[$0]?.access == .open })
        #expect(stored.contains { definitions.forms[$0]?.access == .medical })
        #expect(try store.database.scalar("SELECT COUNT(*) FROM submission_values")?.int ?? 0 > 500)
        // Short rows: the kept values, not the documents.
        let sizes = try store.database.query("SELECT AVG(length(fields)), (SELECT AVG(length(instance)) FROM submissions) FROM submission_values")[0]
        #expect((sizes[0].double ?? 1_000) * 4 < (sizes[1].double ?? 0))
    }

    @Test func keepsTheNamedFieldsAndTheCountsOfGroupsAndRepeats() {
        let xml = """
            <data id="observation" version="1"><at>6m</at><note>free text</note><g><date>2026-01-02</date></g>\
            <m><a>1</a></m><m><a>2</a></m><meta><instanceID>uuid:1</instanceID></meta></data>
            """
        let kept = SubmissionValues.values(form: "observation", instance: xml)
        #expect(kept == ["at": "6m", "#g": "1", "#m": "2"])
        #expect(SubmissionValues.decode(SubmissionValues.encode(kept)) == kept)
        #expect(SubmissionValues.decode("") == [:])
    }

    @Test func aChangedValuesRowIsNamedByAuditVerify() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("copy.db")
        try FileManager.default.copyItem(atPath: try SharedDemoRegion.shared.get().path, toPath: path)
        let store = try Store(path: path)
        #expect(try store.audit.verify().isIntact)
        // Triggers refuse a change; with them dropped (as an attacker with the file could), verify names the row.
        #expect(throws: StoreError.self) { try store.database.run("UPDATE submission_values SET fields = '' WHERE submission_id = 1") }
        let id = try #require(try store.database.scalar("SELECT MIN(submission_id) FROM submission_values")?.int)
        try store.database.execute("DROP TRIGGER submission_values_immutable")
        try store.database.run("UPDATE submission_values SET fields = 'outcome\u{1F}SVB_VZ' WHERE submission_id = ?", [.int(id)])
        let verification = try store.audit.verify()
        #expect(!verification.isIntact)
        #expect(verification.problems.joined(separator: "\n").contains("values \(id)"))
    }

    /// A database as Lotse wrote it before the values table (schema 7): the same region copied
    /// into a version-7 schema, its audit rows without the `values` lines (and so re-chained).
    static func olderCopy(of source: Database, at path: String) throws {
        let old = try Database(path: path)
        try Migrator(Array(Schema.migrator.migrations.prefix(7))).migrate(old)
        try old.transaction {
            for table in PostgreSQLRecordHashTests.tables where table != "audit" && table != "submission_values" {
                for row in try source.query("SELECT * FROM \(table) ORDER BY 1") {
                    let placeholders = Array(repeating: "?", count: row.columns.count).joined(separator: ", ")
                    try old.run("INSERT INTO \(table) (\(row.columns.joined(separator: ", "))) VALUES (\(placeholders))", row.values)
                }
            }
            var previous = AuditEncoding.genesisHash
            try source.forEach("SELECT seq, at, actor, role, action, case_id, event, from_state, to_state, detail, records FROM audit ORDER BY seq") { row in
                let lines = (row[10].string ?? "").split(separator: "\n").filter { !$0.hasPrefix("values ") }
                let draft = AuditDraft(at: row[1].string!, actor: row[2].string!, role: row[3].string, action: row[4].string!,
                                       caseID: row[5].int, event: row[6].string, fromState: row[7].string, toState: row[8].string,
                                       detail: row[9].string, records: lines.isEmpty ? nil : lines.joined(separator: "\n"))
                let seq = row[0].int!
                let hash = AuditEncoding.hash(prevHash: previous, seq: seq, draft)!
                try old.run("""
                    INSERT INTO audit (seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash, records)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.int(seq), .text(draft.at), .text(draft.actor), .text(draft.role), .text(draft.action), .int(draft.caseID),
                          .text(draft.event), .text(draft.fromState), .text(draft.toState), .text(draft.detail), .text(previous),
                          .text(hash), .text(draft.records)])
                previous = hash
            }
        }
        old.close()
    }

    @Test func anOlderDatabaseGetsTheValuesOfItsSubmissionsAuditedWhenOpened() throws {
        let source = try Store(path: try SharedDemoRegion.shared.get().path)
        let directory = TemporaryDirectory()
        let path = directory.file("older.db")
        try Self.olderCopy(of: source.database, at: path)
        let older = try Store(readingOnly: path)
        #expect(try Migrator.currentVersion(of: older.database) == 7)
        #expect(try older.audit.verify().isIntact)
        older.close()

        let migrated = try Store(path: path)
        #expect(try Migrator.currentVersion(of: migrated.database) == Schema.migrator.latestVersion)
        // The rows the migration parsed are the rows the office wrote when the submissions were stored.
        let select = "SELECT submission_id, case_id, form, entry, at, fields FROM submission_values ORDER BY submission_id"
        let parsed = try migrated.database.query(select).map(\.values)
        #expect(parsed.count > 500)
        #expect(parsed == (try source.database.query(select).map(\.values)))
        // Recorded by audit rows of their own, so the chain vouches for them.
        let cover = try migrated.database.query("SELECT detail, records FROM audit WHERE action = 'audit.cover'")
        #expect(cover.count == (parsed.count + SubmissionValues.backfillChunk - 1) / SubmissionValues.backfillChunk)
        #expect(cover.allSatisfy { ($0[1].string ?? "").split(separator: "\n").allSatisfy { $0.hasPrefix("values ") } })
        let verification = try migrated.audit.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(try Self.export(migrated, instances: false) == (try Self.export(source, instances: false)))
        // Opening it again changes nothing.
        migrated.close()
        let again = try Store(path: path)
        #expect(try again.database.scalar("SELECT COUNT(*) FROM audit WHERE action = 'audit.cover'")?.int == cover.count)
    }
}
