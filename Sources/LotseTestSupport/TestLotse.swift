public import Foundation
public import LotseCases
import LotseForms
public import LotseShell
public import LotseStore
public import LotseXPath
import Synchronization

/// A Lotse on a temporary database, with a deterministic clock and UUIDs and the cheapest
/// password hashing PBKDF2 allows (210,000 rounds), for tests.
public final class TestLotse {
    /// The directory holding the database; removed with this object.
    public let directory = TemporaryDirectory()
    public let store: Store
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
    public init(definitions: String = TestLotse.repository, clockStart: Date? = nil) throws {
        self.definitions = definitions
        clock = clockStart.map { StepClock(start: $0) } ?? StepClock()
        store = try Store(path: directory.file("lotse.db"))
        office = Office(store: store, definitions: TestLotse.definitionSet(definitions), clock: clock,
                        hasher: TestLotse.hasher, xpathClock: TestLotse.formClock)
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
                          passwordPrompt: prompt, readInput: readInput, language: "de")
        shell.beforeEachLine = { [clock] in clock.tick() }
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

    /// A second office on the same database file (another connection, as another process has).
    public func secondOffice() throws -> Office {
        let store = try Store(path: databasePath)
        return Office(store: store, definitions: DefinitionSet(directory: definitions, store: store), clock: clock,
                      hasher: TestLotse.hasher, xpathClock: TestLotse.formClock)
    }

    /// Creates the first admin `root` and returns them.
    @discardableResult
    public func initialise() throws -> Actor {
        try office.initialise(adminName: "root", password: Self.password)
    }
}
