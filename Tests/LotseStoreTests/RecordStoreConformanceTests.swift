import Foundation
import Synchronization
import Testing
@_spi(Office) import LotseCases
@testable import LotseStore
import LotseTestSupport

/// The store seam on every backend (`Backend.all`): each method of the directory and case record
/// sets, transactions and `begin` … `commit` blocks, through `any RecordStore` only, with the same
/// answers on SQLite and PostgreSQL. Then what only a server has: transactions the server aborts
/// (re-run when automatic, refused at `commit` when explicit) and the schema check on open.
@Suite struct RecordStoreConformanceTests {
    static let at = "2026-11-25T09:00:00.000Z"

    /// A change and its audit row in one transaction, as every command writes.
    static func write<T>(_ store: any RecordStore, _ action: String, _ body: () throws -> T) throws -> T {
        try store.transaction {
            let result = try body()
            try store.audit.append(AuditDraft(at: at, actor: "test", action: action))
            return result
        }
    }

    /// Every directory and case record-set method, once or more, with what each returned.
    static func exercise(_ store: any RecordStore) throws -> [String] {
        var log: [String] = []
        func note(_ label: String, _ value: Any) { log.append("\(label): \(value)") }
        let sites = try write(store, "site.add") {
            [try store.directory.insertSite(code: "velen", name: "Velen", at: at),
             try store.directory.insertSite(code: "Bocholt", name: "Bocholt", at: at),
             try store.directory.insertSite(code: "ahaus", name: "Ahaus ✓", at: at)]
        }
        note("sites", try store.directory.sites())
        note("site", try store.directory.site(code: "velen") as Any)
        note("no site", try store.directory.site(code: "nowhere") as Any)
        note("users before", try store.directory.userCount())
        let carla = try write(store, "user.add") {
            try store.directory.insertUser(name: "carla", role: "caseworker", siteIDs: [sites[0], sites[2]],
                                           passwordHash: "h1", at: at)
        }
        let root = try write(store, "user.add") {
            try store.directory.insertUser(name: "Root", role: "admin", siteIDs: [], passwordHash: "h0", at: at)
        }
        try write(store, "user.sites") { try store.directory.setSites(userID: carla, add: [sites[1], sites[0]], remove: [sites[2]]) }
        try write(store, "user.disable") { try store.directory.setDisabled(userID: root, true) }
        try write(store, "user.password") { try store.directory.setPasswordHash(userID: carla, "h2") }
        try write(store, "user.once") { try store.directory.setMustChangePassword(userID: carla, true) }
        note("once", try store.directory.mustChangePassword(userID: carla))
        note("root once", try store.directory.mustChangePassword(userID: root))
        note("users", try store.directory.users())
        note("carla", try store.directory.user(named: "carla") as Any)
        note("count", try store.directory.userCount())

        let content: [UInt8] = Array("<scxml>\u{0}\u{FF}".utf8) + [0, 255, 1]
        let workflow = try write(store, "definition") {
            try store.cases.definition(kind: "workflow", name: "amiga", version: "1", sha256: "aa", content: content, at: at)
        }
        let again = try store.transaction {
            try store.cases.definition(kind: "workflow", name: "amiga", version: "1", sha256: "aa", content: [], at: "later")
        }
        note("same definition", again == workflow)
        let form = try write(store, "definition") {
            try store.cases.definition(kind: "form", name: "referral", version: "2", sha256: "ff", content: [1, 2], at: at)
        }
        note("other content", try store.cases.otherContent(kind: "workflow", name: "amiga", version: "1", than: "bb") as Any)
        note("no other content", try store.cases.otherContent(kind: "workflow", name: "amiga", version: "1", than: "aa") as Any)
        note("definition", try store.cases.definition(id: workflow.id) as Any)

        let clients = try write(store, "client.add") {
            [try store.cases.insertClient(siteID: sites[0], sex: "w", birthYear: 1970, applicantType: "SP", firstName: "Anna",
                                          lastName: "Bérger", eligible: false, at: at, by: "carla"),
             try store.cases.insertClient(siteID: sites[1], sex: "m", birthYear: 1985, applicantType: "LZB", firstName: nil,
                                          lastName: nil, eligible: true, at: at, by: "carla")]
        }
        note("eligible", try write(store, "client.eligible") { try store.cases.markEligible(clientID: clients[0]) })
        note("eligible again", try store.transaction { try store.cases.markEligible(clientID: clients[0]) })
        note("client", try store.cases.client(id: clients[0]) as Any)
        note("clients", try store.cases.clients(site: nil))
        note("clients of velen", try store.cases.clients(site: "velen").map(\.id))
        note("no open case", try store.cases.openCase(clientID: clients[0]) as Any)

        let first = try write(store, "case.open") {
            try store.cases.insertCase(clientID: clients[0], workflowID: workflow.id, state: "referred", history: "{}", at: at,
                                       by: carla, assignedTo: carla)
        }
        let second = try write(store, "case.open") {
            try store.cases.insertCase(clientID: clients[1], workflowID: workflow.id, state: "referred", history: "{}", at: at,
                                       by: carla, assignedTo: nil)
        }
        note("open case", try store.cases.openCase(clientID: clients[0]) as Any)
        note("case count", try store.cases.caseCount(clientID: clients[0]))
        note("moved", try write(store, "transition") {
            let moved = try store.cases.moveCase(id: first, expectedVersion: 1, state: "profiling", history: "{\"a\":\"b\"}",
                                                 closed: false, at: at, by: carla)
            try store.cases.insertTransition(caseID: first, event: "go", from: "referred", to: "profiling", userID: carla,
                                             at: at, note: "Notiz", log: "line 1\nline 2")
            return moved
        })
        note("stale move", try store.transaction {
            try store.cases.moveCase(id: first, expectedVersion: 1, state: "x", history: "{}", closed: true, at: at, by: carla)
        })
        note("assigned", try write(store, "case.assign") { try store.cases.assignCase(id: second, expectedVersion: 1, to: carla) })
        note("stale assign", try store.transaction { try store.cases.assignCase(id: second, expectedVersion: 1, to: nil) })
        let submission = try write(store, "submission") {
            let id = try store.cases.insertSubmission(caseID: first, form: "referral", definitionID: form.id, entry: 1,
                                                      supersedes: nil, instance: "<data>1</data>", userID: carla, at: at)
            _ = try store.cases.touchCase(id: first, expectedVersion: 2)
            return id
        }
        try write(store, "submission") {
            _ = try store.cases.insertSubmission(caseID: first, form: "referral", definitionID: form.id, entry: 1,
                                                 supersedes: submission, instance: "<data>2</data>", userID: carla, at: at)
            _ = try store.cases.insertSubmission(caseID: first, form: "contact", definitionID: form.id, entry: 2,
                                                 supersedes: nil, instance: "<data>3</data>", userID: carla, at: at)
            _ = try store.cases.insertSubmission(caseID: first, form: "Contact", definitionID: form.id, entry: 1,
                                                 supersedes: nil, instance: "<data>4</data>", userID: carla, at: at)
            note("touched", try store.cases.touchCase(id: first, expectedVersion: 3))
        }
        note("stale touch", try store.transaction { try store.cases.touchCase(id: first, expectedVersion: 3) })
        note("case", try store.cases.case(id: first) as Any)
        note("case and client", try store.cases.caseAndClient(id: second) as Any)
        note("no case", try store.cases.case(id: 999) as Any)
        let filters: [(state: String?, site: String?, assigned: Int?, client: Int?, open: Bool)] = [
            ("profiling", nil, nil, nil, false), (nil, "Bocholt", nil, nil, false), (nil, nil, carla, nil, true), (nil, nil, nil, clients[1], false),
            (nil, "velen", carla, clients[0], true), (nil, nil, nil, nil, false),
        ]
        for filter in filters {
            note("cases \(filter)", try store.cases.cases(state: filter.state, site: filter.site, assignedTo: filter.assigned,
                                                          clientID: filter.client, openOnly: filter.open).map(\.id))
        }
        note("transitions", try store.cases.transitions(caseID: first))
        note("current", try store.cases.currentSubmissions(caseID: first))
        note("referrals", try store.cases.submissions(caseID: first, form: "referral"))
        note("submission log", try store.cases.submissionLog(caseID: first).map { "\($0.form) \($0.userID) \($0.at)" })
        note("last entry", try store.cases.lastEntry(caseID: first, form: "contact"))
        note("no entry", try store.cases.lastEntry(caseID: first, form: "none"))
        note("workflows", try store.cases.definitions(kind: "workflow").map { "\($0.0.name) \($0.uses)" })
        note("forms", try store.cases.definitions(kind: "form").map { "\($0.0.name) \($0.uses)" })
        try write(store, "case.close") {
            _ = try store.cases.moveCase(id: first, expectedVersion: 4, state: "closed", history: "{}", closed: true, at: at, by: carla)
        }
        note("closed: no open case", try store.cases.openCase(clientID: clients[0]) as Any)
        note("open only", try store.cases.cases(state: nil, site: nil, assignedTo: nil, clientID: nil, openOnly: true).map(\.id))
        return log
    }

    @Test(arguments: Backend.all) func everyRecordSetMethodAnswersAsOnSQLite(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let answers = try Self.exercise(lotse.store)
        // The answers that matter, spelled out; the rest must equal SQLite's (below).
        // Byte order, as SQLite sorts: upper case first.
        #expect(try lotse.store.directory.sites().map(\.code) == ["Bocholt", "ahaus", "velen"])
        #expect(try lotse.store.directory.users().map(\.name) == ["Root", "carla"])
        #expect(answers.contains("same definition: true"))
        #expect(answers.contains("other content: Optional(\"aa\")"))
        #expect(answers.contains("eligible: true") && answers.contains("eligible again: false"))
        #expect(answers.contains("moved: true") && answers.contains("stale move: false"))
        #expect(answers.contains("assigned: true") && answers.contains("stale assign: false"))
        #expect(answers.contains("touched: true") && answers.contains("stale touch: false"))
        #expect(answers.contains("last entry: 2") && answers.contains("no entry: 0"))
        #expect(answers.contains("workflows: [\"amiga 2\"]") && answers.contains("forms: [\"referral 4\"]"))
        #expect(answers.contains("open only: [2]"))
        #expect(try lotse.store.cases.definition(id: 1)?.content == Array("<scxml>\u{0}\u{FF}".utf8) + [0, 255, 1])
        let carla = try #require(try lotse.store.directory.user(named: "carla"))
        #expect(carla.sites == ["Bocholt", "velen"] && carla.passwordHash == "h2")
        #expect(try lotse.store.audit.verify().isIntact)
        if backend != .sqlite {
            let sqlite = try TestLotse(backend: .sqlite)
            let expected = try Self.exercise(sqlite.store)
            for (mine, theirs) in zip(answers, expected) { #expect(mine == theirs) }
            #expect(answers.count == expected.count)
            #expect(try lotse.store.audit.head()! == (try sqlite.store.audit.head()!))
        }
    }

    @Test(arguments: Backend.all) func transactionsJoinRollBackAndRefuseUnauditedWrites(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let store = lotse.store
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.transaction {
                try store.transaction { _ = try store.directory.insertSite(code: "inner", name: "I", at: Self.at) }
                try store.audit.append(AuditDraft(at: Self.at, actor: "a", action: "site.add"))
                throw Boom()
            }
        }
        #expect(try store.directory.sites().isEmpty && store.audit.head() == nil && !store.inTransaction)
        #expect {
            try store.transaction { _ = try store.directory.insertSite(code: "x", name: "X", at: Self.at) }
        } throws: { error in
            "\(error)".hasPrefix("internal error: site ") && "\(error)".hasSuffix(" written without an audit row; nothing was changed")
        }
        #expect(try store.directory.sites().isEmpty && !store.inTransaction)
        // A unique violation is refused (on PostgreSQL after re-running the body, which meets it again).
        try Self.write(store, "site.add") { _ = try store.directory.insertSite(code: "x", name: "X", at: Self.at) }
        #expect(throws: StoreError.self) {
            try Self.write(store, "site.add") { _ = try store.directory.insertSite(code: "x", name: "again", at: Self.at) }
        }
        #expect(try store.directory.sites().map(\.name) == ["X"] && store.audit.head()?.seq == 1)
    }

    @Test(arguments: Backend.all) func beginCommitAndRollbackBlocks(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let store = lotse.store
        #expect { try store.commit() } throws: { "\($0)" == "no transaction is open" }
        #expect { try store.rollback() } throws: { "\($0)" == "no transaction is open" }
        try store.begin()
        #expect(store.inTransaction)
        #expect { try store.begin() } throws: { "\($0)" == "a transaction is already open" }
        try Self.write(store, "site.add") { _ = try store.directory.insertSite(code: "a", name: "A", at: Self.at) }
        try Self.write(store, "site.add") { _ = try store.directory.insertSite(code: "b", name: "B", at: Self.at) }
        try store.rollback()
        #expect(try store.directory.sites().isEmpty && store.audit.head() == nil && !store.inTransaction)
        try store.begin()
        try Self.write(store, "site.add") { _ = try store.directory.insertSite(code: "c", name: "C", at: Self.at) }
        try Self.write(store, "site.add") { _ = try store.directory.insertSite(code: "d", name: "D", at: Self.at) }
        try store.commit()
        #expect(try store.directory.sites().map(\.code) == ["c", "d"] && store.audit.head()?.seq == 2)
        // Another connection sees it.
        let other = try lotse.secondOffice()
        #expect(try other.store.directory.sites().count == 2)
    }
}

/// What only the PostgreSQL store has: transactions the server aborts, and the schema check.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLStoreTests {
    /// Fails the statement with `state`, as the server does for a serialisation failure or a deadlock.
    static func abort(_ store: PostgreSQLStore, _ state: String) throws {
        try store.connection.execute("DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '\(state)'; END $$")
    }

    /// An error of the domain wrapping the store's, as `CasesError.store` does.
    struct Wrapped: Error { let inner: any Error }

    @Test func aDuplicateKeyRunsTheBodyAgainOnceOnly() throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        let store = try #require(lotse.store as? PostgreSQLStore)
        try RecordStoreConformanceTests.write(store, "site.add") { _ = try store.directory.insertSite(code: "x", name: "X", at: "t") }
        var runs = 0
        #expect(throws: StoreError.self) {
            try RecordStoreConformanceTests.write(store, "site.add") {
                runs += 1
                _ = try store.directory.insertSite(code: "x", name: "again", at: "t")
            }
        }
        #expect(runs == 2 && !store.inTransaction)
    }

    @Test(arguments: ["40001", "40P01"])
    func anAutomaticTransactionAbortedByTheServerRunsAgain(state: String) throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        let store = try #require(lotse.store as? PostgreSQLStore)
        var runs = 0
        let id = try store.transaction {
            runs += 1
            let id = try store.directory.insertSite(code: "x", name: "X", at: "t")
            try store.audit.append(AuditDraft(at: "t", actor: "a", action: "site.add"))
            // However the body wraps the failure, the connection saw it.
            if runs < 3 { do { try Self.abort(store, state) } catch { throw Wrapped(inner: error) } }
            return id
        }
        #expect(runs == 3)
        #expect(try store.directory.sites().map(\.id) == [id])
        #expect(try store.audit.head()?.seq == 1 && store.audit.verifyChain() == (1, nil))
    }

    @Test func otherErrorsAndEndlessConflictsAreNotRetriedForEver() throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        let store = try #require(lotse.store as? PostgreSQLStore)
        var runs = 0
        #expect(throws: Wrapped.self) {
            try store.transaction {
                runs += 1
                do { try Self.abort(store, "22012") } catch { throw Wrapped(inner: error) }
            }
        }
        #expect(runs == 1)
        runs = 0
        #expect(throws: PostgreSQLError.self) {
            try store.connection.transaction(retries: 3) {
                runs += 1
                try Self.abort(store, "40001")
            }
        }
        #expect(runs == 4 && !store.inTransaction)
    }

    @Test func aConflictInsideABeginBlockRollsItBackAndCommitSaysSo() throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        let store = try #require(lotse.store as? PostgreSQLStore)
        try store.begin()
        try RecordStoreConformanceTests.write(store, "site.add") { _ = try store.directory.insertSite(code: "a", name: "A", at: "t") }
        var runs = 0
        // Inside the block the command's transaction joins it: it cannot run again on its own.
        #expect(throws: PostgreSQLError.self) {
            try store.transaction {
                runs += 1
                try Self.abort(store, "40P01")
            }
        }
        #expect(runs == 1)
        #expect { try store.commit() } throws: { error in
            "\(error)" == "the transaction was aborted by an earlier error (PostgreSQL 40P01) and has been rolled back; "
                + "nothing was changed"
        }
        #expect(!store.inTransaction)
        #expect(try store.directory.sites().isEmpty && store.audit.head() == nil)
        // The store works on.
        try RecordStoreConformanceTests.write(store, "site.add") { _ = try store.directory.insertSite(code: "b", name: "B", at: "t") }
        #expect(try store.directory.sites().map(\.code) == ["b"])
    }

    @Test func twoSessionsOpeningACaseForOneClientQueueAndTheSecondFindsTheFirstsCase() throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        let store = try #require(lotse.store as? PostgreSQLStore)
        let (site, client, workflow) = try RecordStoreConformanceTests.write(store, "setup") {
            let site = try store.directory.insertSite(code: "b", name: "B", at: "t")
            let client = try store.cases.insertClient(siteID: site, sex: "w", birthYear: 1970, applicantType: "SP",
                                                      firstName: nil, lastName: nil, eligible: false, at: "t", by: "t")
            let workflow = try store.cases.definition(kind: "workflow", name: "w", version: "1", sha256: "aa", content: [1],
                                                      at: "t")
            return (site, client, workflow.id)
        }
        _ = site
        let user = try RecordStoreConformanceTests.write(store, "user") {
            try store.directory.insertUser(name: "u", role: "caseworker", siteIDs: [], passwordHash: "h", at: "t")
        }
        let uri = try #require(lotse.postgreSQLURI)
        try store.begin()
        #expect(try store.cases.openCase(clientID: client) == nil)
        let first = try store.cases.insertCase(clientID: client, workflowID: workflow, state: "s", history: "{}", at: "t",
                                               by: user, assignedTo: nil)
        try store.audit.append(AuditDraft(at: "t", actor: "u", action: "case.open"))
        let seen = Mutex<(finished: Bool, found: Int?)>((false, nil))
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // The second session waits at the client's row until the first commits, then finds its case.
            let other = try? PostgreSQLStore(uri: uri)
            let found = try? other?.transaction { try other?.cases.openCase(clientID: client) }
            seen.withLock { $0 = (true, found ?? nil) }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!seen.withLock { $0.finished }, "the second session waits for the first")
        try store.commit()
        done.wait()
        #expect(seen.withLock { $0.found } == first)
    }

    @Test func aSchemaNotMigratedOrNewerIsRefusedOnOpen() throws {
        let owner = try PostgreSQLConnection(try #require(TestPostgreSQL.ownerURI))
        let schema = try TestPostgreSQL.scratchSchema(owner)
        defer { try? owner.execute("DROP SCHEMA \(schema) CASCADE") }
        try owner.execute("GRANT USAGE ON SCHEMA \(schema) TO lotse_app")
        let app = try #require(TestPostgreSQL.applicationURI)
        let uri = ConnectionURI(app.text + (app.text.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema)!
        #expect { try PostgreSQLStore(uri: uri) } throws: { error in
            "\(error)" == "cannot open database \(uri.redacted): it holds no Lotse schema: its owner creates it with "
                + "`lotse migrate --db OWNER_URI` (nothing was changed)"
        }
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        _ = try PostgreSQLStore(uri: uri)
        try owner.execute("UPDATE schema_version SET version = 99")
        #expect { try PostgreSQLStore(uri: uri) } throws: { error in
            guard case let StoreError.newerSchema(_, found, known) = error else { return false }
            return found == 99 && known == PostgreSQLSchema.latestVersion
        }
        #expect(try owner.scalar("SELECT version FROM schema_version") == .integer(99))
    }

    @Test func thePseudonymKeyFileMustBeNamedOnAServer() throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        let root = try lotse.initialise()
        #expect(lotse.store.defaultKeyFile == nil)
        let office = Office(store: lotse.store, definitions: TestLotse.definitionSet(TestLotse.repository))
        #expect(office.keyFilePath == nil)
        #expect { try office.pseudonymKey(by: root) } throws: { error in
            "\(error)".hasPrefix("the pseudonym key has no file: the database \(lotse.store.path) is on a server, so name "
                + "the key file with lotse --key-file PATH or LOTSE_KEY_FILE")
        }
        // Nothing was made or recorded; with the file named, the key is made once, in the file only.
        #expect(try lotse.scalar("SELECT COUNT(*) FROM audit WHERE action = 'project.key'") == .integer(0))
        let key = try lotse.office.pseudonymKey(by: root)
        #expect(try KeyFile.read(lotse.keyFilePath) == key)
        #expect(try lotse.scalar("SELECT COUNT(*) FROM project_secrets") == .integer(0))
    }
}
