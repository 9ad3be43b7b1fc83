public import Foundation
public import LotseCases
import LotseForms
public import LotseShell
public import LotseStore
public import LotseXPath
import Synchronization

/// The store backends the conformance tests run on.
public enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A SQLite file in a temporary folder.
    case sqlite
    /// A fresh schema on the PostgreSQL test server (`LOTSE_TEST_POSTGRES`), dropped afterwards.
    case postgreSQL

    /// SQLite always; PostgreSQL when a test server is configured (else a one-line notice).
    public static var all: [Backend] { TestPostgreSQL.isAvailable ? [.sqlite, .postgreSQL] : [.sqlite] }

    public var description: String { rawValue }
}

/// A Lotse on a temporary database (a SQLite file, or a scratch schema on the PostgreSQL test
/// server), with a deterministic clock and UUIDs and the cheapest password hashing PBKDF2
/// allows (210,000 rounds), for tests.
public final class TestLotse {
    /// The directory holding the database (SQLite) or the pseudonym key file (PostgreSQL);
    /// removed with this object.
    public let directory: TemporaryDirectory
    /// The backend.
    public let backend: Backend
    /// The store, whatever the backend.
    public let store: any RecordStore
    /// The SQLite store, for tests of what only SQLite has (its file, triggers dropped in place).
    public var sqlite: Store {
        guard let store = store as? Store else { preconditionFailure("a SQLite-only test ran on \(backend)") }
        return store
    }
    /// The URI the application role connects with (PostgreSQL), nil on SQLite.
    public let postgreSQLURI: ConnectionURI?
    /// The owner's connection to the scratch schema (PostgreSQL), which drops it at the end.
    private let postgreSQLOwner: (connection: PostgreSQLConnection, schema: String)?
    public let office: Office
    /// The office's clock (advance it to make cases overdue).
    public let clock: StepClock
    /// The folder with `Forms/` and `Workflows/` (default: the repository).
    public let definitions: String

    /// The password every test user gets.
    public static let password = "correct horse battery"

    /// The repository's top folder, found from this file.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Today for forms: 2026-11-25, 13:00 in Berlin.
    public static let formClock = XPathClock.fixed(Date(timeIntervalSince1970: 1_795_608_000),
                                                   timeZone: TimeZone(identifier: "Europe/Berlin")!)

    /// PBKDF2 at its minimum rounds with a fixed salt: reproducible audit logs in transcripts.
    public static let hasher = PasswordHasher(rounds: 210_000, testingSalt: Array("lotse test salt!".utf8))

    /// - Parameter clockStart: where the office's clock starts (default 2026-11-25T09:00:00Z); an
    ///   earlier start lets cases be old enough for their +6 / +12-month observations.
    /// The shell's language (`de`, lotse's default, or `en`: tests that read English messages).
    public let language: String

    public init(backend: Backend = .sqlite, definitions: String = TestLotse.repository, clockStart: Date? = nil,
                language: String = "de") throws {
        let directory = TemporaryDirectory()
        self.directory = directory
        self.backend = backend
        self.definitions = definitions
        self.language = language
        clock = clockStart.map { StepClock(start: $0) } ?? StepClock()
        switch backend {
        case .sqlite:
            store = try Store(path: directory.file("lotse.db"))
            postgreSQLURI = nil
            postgreSQLOwner = nil
        case .postgreSQL:
            let scratch = try TestPostgreSQL.migratedSchema()
            postgreSQLOwner = (scratch.owner, scratch.schema)
            postgreSQLURI = scratch.application
            store = try PostgreSQLStore(uri: scratch.application)
        }
        office = Office(store: store, definitions: TestLotse.definitionSet(definitions), clock: clock,
                        hasher: TestLotse.hasher, xpathClock: TestLotse.formClock,
                        keyFile: backend == .sqlite ? nil : directory.file("lotse.db.key"))
        var counter = 0
        office.makeUUID = {
            counter += 1
            return String(format: "00000000-0000-4000-8000-%012d", counter)
        }
        office.makePseudonymKey = { (0..<32).map { UInt8($0 * 7 % 256) } }
        var passwords = 0
        office.makeOneTimePassword = {
            passwords += 1
            return String(format: "once-%04d-test", passwords)
        }
        // Transcripts need the same sequences every run; a test of the real CSPRNG sets it back.
        var seeds = 0
        office.randomisationSeeds = ("test: fixed seeds", {
            seeds += 1
            return String(repeating: "5eed", count: 15) + String(format: "%04x", seeds)
        })
    }

    /// Drops the PostgreSQL scratch schema (a test that lets go of its `TestLotse` while it still
    /// uses the office, as some SQLite tests do, must keep it on PostgreSQL).
    deinit {
        if let owner = postgreSQLOwner { try? owner.connection.execute("DROP SCHEMA \(owner.schema) CASCADE") }
    }

    /// The pseudonym key file: beside the SQLite file; on PostgreSQL named explicitly, at the same
    /// place (so that transcripts read the same on both backends).
    public var keyFilePath: String { directory.file("lotse.db") + ".key" }

    /// What `lotse --db` is given: the SQLite file, or the application role's URI.
    public var databaseArgument: String { postgreSQLURI?.text ?? databasePath }

    /// The first column of the first row of a query without parameters, on either backend
    /// (tests that look at rows directly).
    public func scalar(_ sql: String) throws -> SQLValue? {
        switch store {
        case let store as Store: return try store.database.scalar(sql)
        case let store as PostgreSQLStore:
            do { return try store.connection.scalar(sql) } catch { throw StoreError.postgreSQL(error) }
        default: preconditionFailure("unknown store")
        }
    }

    /// Runs a statement without parameters on either backend (as the application role on
    /// PostgreSQL). - Returns: the rows changed.
    @discardableResult
    public func execute(_ sql: String) throws -> Int {
        switch store {
        case let store as Store: return try store.database.run(sql)
        case let store as PostgreSQLStore:
            do { return try store.connection.run(sql) } catch { throw StoreError.postgreSQL(error) }
        default: preconditionFailure("unknown store")
        }
    }

    /// The definitions of a folder for a new, empty database (no stored workflow versions),
    /// loaded once per folder: hundreds of tests open a fresh office on the same folder.
    public static func definitionSet(_ directory: String) -> DefinitionSet {
        loadedDefinitions.withLock { cache in
            if let loaded = cache[directory] { return loaded }
            let loaded = DefinitionSet(directory: directory)
            cache[directory] = loaded
            return loaded
        }
    }
    private static let loadedDefinitions = Mutex<[String: DefinitionSet]>([:])

    /// Answers every password question with one password, as a person typing it at a terminal.
    final class TypedPasswords: PasswordPrompt {
        let password: String
        init(_ password: String) { self.password = password }
        func readSecret(_ prompt: String) -> String? { password }
    }

    /// The database path.
    public var databasePath: String { directory.file("lotse.db") }

    /// A shell on this database writing to `console`.
    /// - Parameter typedPasswords: new passwords (`user add`) are "typed" as `LOTSE_PASSWORD`
    ///   at a terminal, so test users get the test password; without it a script's `user add`
    ///   makes one-time passwords, as a real script does.
    public func shell(console: CapturingConsole, interactive: Bool, environment: [String: String],
                      readInput: @escaping () -> String? = { nil }, typedPasswords: Bool = true) -> Shell {
        let prompt = typedPasswords ? environment["LOTSE_PASSWORD"].map(TypedPasswords.init) : nil
        let shell = Shell(office: office, console: console, interactive: interactive, environment: environment,
                          passwordPrompt: prompt, readInput: readInput, language: language)
        // `# clock +N days` in a script moves the clock on (reports count up to a completed month end).
        shell.beforeEachLine = { [clock] line in
            if line.hasPrefix("# clock +"), line.hasSuffix(" days"), let days = Int(line.dropFirst(9).dropLast(5)) {
                clock.advance(days: days)
            }
            clock.tick()
        }
        return shell
    }

    /// Runs a script through a fresh shell on this database.
    /// - Returns: everything written (stdout and stderr in order) and the exit code.
    public func run(_ script: String, name: String = "test.lotse", keepGoing: Bool = false,
                    singleTransaction: Bool = false,
                    environment: [String: String] = ["LOTSE_PASSWORD": TestLotse.password], typedPasswords: Bool = true)
        -> (output: String, status: Shell.ExitCode) {
        let console = CapturingConsole()
        let shell = shell(console: console, interactive: false, environment: environment, typedPasswords: typedPasswords)
        let status = shell.runScript(Self.lines(script), name: name, keepGoing: keepGoing,
                                     singleTransaction: singleTransaction)
        return (console.combined, status)
    }

    /// Runs an interactive session: each input line is echoed after the prompt, as a terminal shows it.
    public func runInteractive(_ input: String, environment: [String: String] = ["LOTSE_PASSWORD": TestLotse.password])
        -> (output: String, status: Shell.ExitCode) {
        let console = CapturingConsole()
        var lines = Self.lines(input)[...]
        let shell = shell(console: console, interactive: true, environment: environment, readInput: {
            guard let line = lines.popFirst() else { return nil }
            console.out(line + "\n")
            return line
        })
        let status = shell.runInteractive()
        return (console.combined, status)
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A second office on the same database (another connection, as another process has).
    public func secondOffice() throws -> Office {
        let store: any RecordStore = try postgreSQLURI.map { try PostgreSQLStore(uri: $0) } ?? Store(path: databasePath)
        return Office(store: store, definitions: DefinitionSet(directory: definitions, store: store), clock: clock,
                      hasher: TestLotse.hasher, xpathClock: TestLotse.formClock, keyFile: keyFilePath)
    }

    /// Creates the first admin `root` and returns them.
    @discardableResult
    public func initialise() throws -> Actor {
        try office.initialise(adminName: "root", password: Self.password)
    }
}

extension AuditRecordSet {
    /// The whole check without a written-down head or progress (tests).
    public func verify() throws -> AuditVerification { try verify(expectedHead: nil, progress: nil) }
}
