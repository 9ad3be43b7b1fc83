import Foundation
import Testing
@_spi(Office) @testable import LotseCases
@_spi(Office) @testable import LotseEvaluation
@testable import LotseStore
import LotseTestSupport

/// `lotse copy`: the demo region copied to PostgreSQL keeps its head and verifies there, the
/// randomisation, evaluation and audit record sets answer as on SQLite, a target that is not
/// empty or not migrated and a source that does not verify are refused with nothing changed,
/// and a PostgreSQL database backs up into a SQLite file that verifies with the same head.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLCopyTests {
    let owner: PostgreSQLConnection
    let schema: String
    /// The owner's URI on this test's schema.
    let target: ConnectionURI

    init() throws {
        owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        target = try #require(ConnectionURI(TestPostgreSQL.ownerURI!.text + "&options=-csearch_path%3D" + schema))
    }

    static func demo() throws -> (path: String, store: Store) {
        let built = try SharedDemoRegion.shared.get()
        return (built.path, try Store(readingOnly: built.path))
    }

    @Test func theDemoRegionCopiedHasTheSameHeadAndVerifiesOnPostgreSQL() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        var reported = 0
        let summary = try RegionCopy.run(from: path, to: target) { reported = $0 }
        let head = try #require(try sqlite.audit.head())
        #expect(summary.sourceHead == "\(head.seq):\(head.hash)" && summary.targetHead == summary.sourceHead)
        #expect(reported >= head.seq)
        for table in summary.tables {
            let rows = try sqlite.database.scalar("SELECT COUNT(*) FROM \(table.name)")?.int
            #expect(rows == table.rows, "\(table.name)")
            #expect(try owner.scalar("SELECT COUNT(*) FROM \(table.name)")?.int == rows, "\(table.name)")
        }
        #expect(summary.tables.first { $0.name == "submissions" }!.rows > 100)
        // Verified afresh on PostgreSQL, as the application role: the same head, every row intact.
        let app = try PostgreSQLConnection(try #require(TestPostgreSQL.applicationURI))
        try app.execute("SET search_path TO \(schema)")
        let log = PostgreSQLAuditLog(connection: app)
        let verdict = try log.verify(expectedHead: head, progress: nil)
        #expect(verdict.isIntact, "\(verdict.problems)")
        #expect(verdict == (try sqlite.audit.verify(expectedHead: head)))
        #expect(verdict.rowsChecked == head.seq && verdict.head == head.hash)
        // The identity sequences continue after the copied ids.
        let site = try #require(try owner.query(
            "INSERT INTO sites (code, name, created_at) VALUES ('x', 'X', 't') RETURNING id").first?[0].int)
        #expect(site == (try sqlite.database.scalar("SELECT MAX(id) FROM sites")?.int ?? 0) + 1)
        try owner.execute("DELETE FROM sites WHERE code = 'x'")
    }

    @Test func theRecordSetsAnswerAsOnSQLite() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        _ = try RegionCopy.run(from: path, to: target)
        let connection = try PostgreSQLConnection(target)
        // Randomisation.
        let pg = PostgreSQLRandomisationRecords(connection: connection)
        let sites = try sqlite.directory.sites()
        #expect(sites.count >= 2)
        for site in sites {
            #expect(try pg.setup(site: site.code) == sqlite.randomisation.setup(site: site.code))
            #expect(try pg.unassignedPool(siteID: site.id).map(\.id) == sqlite.randomisation.unassignedPool(siteID: site.id).map(\.id))
            let setup = try #require(try sqlite.randomisation.setup(site: site.code))
            #expect(try pg.usedSlots(setupID: setup.id) == sqlite.randomisation.usedSlots(setupID: setup.id))
        }
        #expect(try pg.sitesWithApproval() == sqlite.randomisation.sitesWithApproval())
        let assignments = try sqlite.randomisation.assignments(site: nil)
        let onPG = try pg.assignments(site: nil)
        #expect(onPG.count == assignments.count && assignments.count > 50)
        for (a, b) in zip(assignments, onPG) {
            #expect(a.assignment == b.assignment && a.sex == b.sex && a.birthYear == b.birthYear && a.site == b.site
                    && a.runYear == b.runYear && a.applicantType == b.applicantType)
        }
        #expect(try pg.assignments(site: sites[0].code).count == sqlite.randomisation.assignments(site: sites[0].code).count)
        #expect(try pg.assignments(client: assignments[0].assignment.clientID) == assignments[0].assignment.group)
        #expect(try pg.storedSecret(named: "pseudonym-key") == sqlite.randomisation.storedSecret(named: "pseudonym-key"))
        // Evaluation scans, in small pages (several pages per scan, cases split across chunks).
        let evaluation = PostgreSQLEvaluationRecords(connection: connection, pageSize: 7)
        func all<R>(_ cursor: RecordCursor<R>) throws -> [R] {
            var rows: [R] = []
            while let row = try cursor.next() { rows.append(row) }
            return rows
        }
        let asOf = "2099-12-31T23:59:59.999Z"
        let forms = ["referral", "profiling", "observation", "plan", "contact", "follow_up", "no_such_form"]
        #expect(try all(evaluation.cases(site: nil, asOf: asOf)) == all(sqlite.evaluation.cases(site: nil, asOf: asOf)))
        #expect(try all(evaluation.cases(site: sites[1].code, asOf: asOf))
                == all(sqlite.evaluation.cases(site: sites[1].code, asOf: asOf)))
        let transitions = try all(sqlite.evaluation.transitions(asOf: asOf))
        #expect(transitions.count > 20)
        #expect(try all(evaluation.transitions(asOf: asOf)) == transitions)
        let submissions = try all(sqlite.evaluation.currentSubmissions(asOf: asOf, forms: forms))
        #expect(submissions.count > 20)
        #expect(try all(evaluation.currentSubmissions(asOf: asOf, forms: forms)) == submissions)
        // An earlier cut-off: fewer rows, the same on both.
        let middle = transitions[transitions.count / 2].at
        #expect(try all(evaluation.currentSubmissions(asOf: middle, forms: forms))
                == all(sqlite.evaluation.currentSubmissions(asOf: middle, forms: forms)))
        #expect(try all(evaluation.transitions(asOf: middle)) == all(sqlite.evaluation.transitions(asOf: middle)))
        #expect(try evaluation.caseload() == sqlite.evaluation.caseload())
        // The audit log's reading side.
        let log = PostgreSQLAuditLog(connection: connection)
        #expect(try log.count() == sqlite.audit.count())
        #expect(try log.actions() == sqlite.audit.actions())
        #expect(try log.actors() == sqlite.audit.actors())
        #expect(try log.hash(at: 3) == sqlite.audit.hash(at: 3) && (try log.hash(at: 1_000_000)) == nil)
        func entries(_ filter: AuditFilter, _ log: some AuditRecordSet) throws -> [AuditEntry] {
            var rows: [AuditEntry] = []
            try log.query(filter) { rows.append($0) }
            return rows
        }
        var scoped = AuditFilter(action: "case")
        scoped.sites = [sites[0].code]
        var none = AuditFilter(last: 5)
        none.sites = []
        let filters = [AuditFilter(), AuditFilter(action: "login"), AuditFilter(action: "login", last: 3),
                       AuditFilter(action: "case", last: 1500), AuditFilter(last: 7), AuditFilter(caseID: 2),
                       AuditFilter(actor: "root", last: 2), scoped, none,
                       AuditFilter(since: "2026-01-01", until: "2026-06-01")]
        for filter in filters {
            #expect(try entries(filter, log) == entries(filter, sqlite.audit), "\(filter)")
        }
        // A site-scoped viewer's listings: opened from a window of candidates looked up one by
        // one, then collected (a full window, a short one, one where no row passes, tails).
        let staff = try sqlite.directory.users().filter { $0.sites == [sites[0].code] }.map(\.name)
        #expect(!staff.isEmpty)
        func scopedTo(_ codes: [String], _ filter: AuditFilter) -> AuditFilter {
            var scoped = filter
            scoped.sites = codes
            return scoped
        }
        let first = [sites[0].code], second = [sites[1].code], both = [sites[0].code, sites[1].code]
        let scopedFilters = [
            scopedTo(first, AuditFilter()), scopedTo(second, AuditFilter()), scopedTo(both, AuditFilter(action: "case")),
            scopedTo(first, AuditFilter(last: 20)), scopedTo(second, AuditFilter(last: 600)),
            scopedTo(first, AuditFilter(last: 1200)), scopedTo(first, AuditFilter(action: "login", last: 5)),
            scopedTo(first, AuditFilter(action: "login")), scopedTo(second, AuditFilter(actor: staff[0])),
            scopedTo(second, AuditFilter(actor: staff[0], last: 10)), scopedTo(first, AuditFilter(actor: staff[0], last: 10)),
            scopedTo([], AuditFilter()), scopedTo([], AuditFilter(action: "case", last: 3)),
            scopedTo(first, AuditFilter(since: "2026-01-01", until: "2026-06-01")),
        ]
        for filter in scopedFilters {
            let rows = try entries(filter, sqlite.audit)
            #expect(try entries(filter, log) == rows, "\(filter)")
        }
        #expect(try entries(scopedFilters[0], log).count > PostgreSQLAuditLog.lookUpWindow)
        #expect(try entries(AuditFilter(), log).count > 1000)
    }

    @Test func aTargetThatIsNotEmptyIsRefusedAndKeepsItsRows() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        _ = try RegionCopy.run(from: path, to: target)
        let rows = try owner.scalar("SELECT COUNT(*) FROM audit")
        #expect {
            _ = try RegionCopy.run(from: path, to: target)
        } throws: { error in
            (error as? RegionCopyError) == .targetNotEmpty(target: target.redacted, table: "sites")
        }
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == rows)
        // One row in a later table is enough to refuse.
        let other = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let second = try TestPostgreSQL.scratchSchema(other)
        try PostgreSQLSchema.migrate(other, applicationRole: nil)
        try other.run("INSERT INTO project_secrets (name, value, created_at) VALUES ('k', '\\x00'::bytea, 't')")
        let uri = ConnectionURI(TestPostgreSQL.ownerURI!.text + "&options=-csearch_path%3D" + second)!
        #expect {
            try RegionCopy.run(from: path, to: uri)
        } throws: { error in
            "\(error)".contains("table project_secrets has rows")
        }
    }

    @Test func aTargetThatIsNotMigratedOrASourceThatDoesNotVerifyIsRefused() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        let bare = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let schema = try TestPostgreSQL.scratchSchema(bare)
        let uri = ConnectionURI(TestPostgreSQL.ownerURI!.text + "&options=-csearch_path%3D" + schema)!
        #expect {
            try RegionCopy.run(from: path, to: uri)
        } throws: { error in
            (error as? RegionCopyError) == .targetNotMigrated(target: uri.redacted, found: 0, known: PostgreSQLSchema.latestVersion)
        }
        // The application role may not set the sequences: refused before anything is read.
        let app = ConnectionURI(TestPostgreSQL.applicationURI!.text + "&options=-csearch_path%3D" + self.schema)!
        #expect(throws: RegionCopyError.notOwner(target: app.redacted, role: "lotse_app")) {
            try RegionCopy.run(from: path, to: app)
        }
        #expect(throws: RegionCopyError.noSource("/no/such/lotse.db")) { try RegionCopy.run(from: "/no/such/lotse.db", to: target) }
        // A copy of the demo with one submission changed behind Lotse's back.
        let directory = TemporaryDirectory()
        let tampered = directory.file("tampered.db")
        FileManager.default.createFile(atPath: tampered, contents: nil)
        try sqlite.backup(into: tampered)
        let database = try Database(path: tampered)
        try database.execute("""
            DROP TRIGGER submissions_immutable;
            UPDATE submissions SET instance = instance || ' ' WHERE id = 3;
            """)
        database.close()
        #expect {
            try RegionCopy.run(from: tampered, to: target)
        } throws: { error in
            "\(error)".contains("does not pass `audit verify`") && "\(error)".contains("submission 3 differs")
        }
        #expect(try owner.scalar("SELECT COUNT(*) FROM sites") == .integer(0))
    }

    @Test func aPostgreSQLDatabaseBacksUpIntoASQLiteFileWithTheSameHead() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        _ = try RegionCopy.run(from: path, to: target)
        let directory = TemporaryDirectory()
        let file = directory.file("backup.db")
        let connection = try PostgreSQLConnection(target)
        try RegionCopy.backup(connection, into: file)
        #expect(!connection.inTransaction)
        let copy = try Store(readingOnly: file)
        defer { copy.close() }
        #expect(try copy.integrityCheck() == "ok")
        #expect(try copy.database.scalar("PRAGMA journal_mode") == .text("delete"))
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
        let verdict = try copy.audit.verify()
        let head = try sqlite.audit.head()?.hash
        #expect(verdict.isIntact && verdict.head == head)
        for (table, key) in TableCopy.tables {
            let sql = "SELECT * FROM \(table) ORDER BY \(key)"
            #expect(try copy.database.query(sql).map(\.values) == sqlite.database.query(sql).map(\.values), "\(table)")
        }
    }

    @Test func aCopyStoppedMidwayLeavesTheTargetEmpty() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try RegionCopy.run(from: path, to: target) { rows in if rows == 500 { throw Stop() } }
        }
        for (table, _) in TableCopy.tables {
            #expect(try owner.scalar("SELECT COUNT(*) FROM \(table)") == .integer(0), "\(table)")
        }
        // And the target takes the copy afterwards.
        #expect(try RegionCopy.run(from: path, to: target).targetHead.hasPrefix("\(try sqlite.audit.count()):"))
    }

    /// What `report evaluation` and `export cases` read, case by case: the same facts from the
    /// copy on PostgreSQL as from the SQLite file (the reports themselves need the shell on
    /// PostgreSQL, which the case and directory record sets complete).
    @Test func theEvaluationReadsTheSameFactsFromTheCopy() throws {
        let (path, sqlite) = try Self.demo()
        defer { sqlite.close() }
        _ = try RegionCopy.run(from: path, to: target)
        let connection = try PostgreSQLConnection(target)
        let definitions = DefinitionSet(directory: TestLotse.repository, store: sqlite)
        let office = Office(store: sqlite, definitions: definitions)
        let open = Set(definitions.forms.forms.values.filter { $0.access == .open }.map(\.id))
        let forms = EvaluationVariables.sourceForms.union(EvaluationVariables.repeatColumns(definitions).map(\.form))
            .filter(open.contains).sorted()
        struct Comparable: Equatable {
            var codes: [String], group: CaseGroup?, entered: [String: String], transitions: [String]
            var forms: [String: [[String: String]]]
            init(_ f: CaseFacts) {
                codes = ["\(f.caseID)", "\(f.clientID)", f.workflow, f.site, f.sex, "\(f.birthYear)", f.applicantType,
                         f.openedAt, f.state]
                group = f.group
                entered = f.entered
                transitions = f.transitions.map { "\($0.event) \($0.from ?? "-") \($0.to) \($0.at)" }
                forms = f.forms
            }
        }
        for site: String? in [nil, try sqlite.directory.sites().first?.code] {
            var onSQLite: [Comparable] = []
            try office.facts(site: site, asOf: "2099-12-31T23:59:59.999Z") { onSQLite.append(Comparable($0)) }
            var onPostgreSQL: [Comparable] = []
            try CaseFactStream(queries: PostgreSQLEvaluationRecords(connection: connection, pageSize: 50), forms: forms)
                .forEach(site: site, asOf: "2099-12-31T23:59:59.999Z") { onPostgreSQL.append(Comparable($0)) }
            #expect(onSQLite.count > 10 && onPostgreSQL == onSQLite, "\(String(describing: site))")
            #expect(onSQLite.contains { !$0.forms.isEmpty && !$0.transitions.isEmpty })
        }
    }

    /// The check of issue 13: `report evaluation`, `report flow` and `report sites` read from the
    /// copy on PostgreSQL, through an office on `PostgreSQLStore` as the application role, are
    /// the same (every table, note, datum, chart and curve) as from the SQLite file.
    @Test func theReportsAreTheSameOnTheCopy() throws {
        let (path, sqlite) = try Self.demo()
        // The office writes its login rows: on a copy of the shared demo file.
        let directory = TemporaryDirectory()
        defer { withExtendedLifetime(directory) {} }
        let copy = directory.file("demo.db")
        FileManager.default.createFile(atPath: copy, contents: nil)  // the backup API writes into a file that exists
        try sqlite.backup(into: copy)
        sqlite.close()
        _ = try RegionCopy.run(from: path, to: target)
        let application = try #require(TestPostgreSQL.applicationURI)
        let app = try #require(ConnectionURI(application.text + "&options=-csearch_path%3D" + schema))
        let stores: [any RecordStore] = [try Store(path: copy), try PostgreSQLStore(uri: app)]
        var answers: [[String]] = []
        for store in stores {
            defer { store.close() }
            let office = Office(store: store, definitions: DefinitionSet(directory: TestLotse.repository, store: store),
                                clock: StepClock())
            let eva = try office.login(name: "eva", password: SharedDemoRegion.password)
            var answer: [String] = []
            for site: String? in [nil, "bocholt"] {
                let report = try EvaluationReport.build(office, by: eva, site: site, asOf: nil, language: "de")
                answer.append(String(describing: report.tables.map { ($0.key, $0.title, $0.columns, $0.rows, $0.notes) }))
                answer.append(String(describing: report.tables.map(\.data)))
                answer.append(String(describing: report.chart) + report.curves)
                let flow = try FlowReport.build(office, by: eva, site: site, asOf: nil)
                answer.append(String(describing: flow))
            }
            let sites = try SiteReport.build(office, by: eva, asOf: nil, language: "de")
            answer.append(String(describing: sites.map { ($0.key, $0.rows, $0.data) }))
            answers.append(answer)
        }
        #expect(answers[0].count == answers[1].count)
        for (index, (onSQLite, onPostgreSQL)) in zip(answers[0], answers[1]).enumerated() {
            #expect(onSQLite == onPostgreSQL, "answer \(index) differs")
        }
        #expect(answers[0][0].count > 500)
    }
}
