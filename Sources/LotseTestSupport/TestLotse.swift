public import LotseCases
public import LotseShell
public import LotseStore

/// A Lotse on a temporary database, with a deterministic clock and the cheapest password
/// hashing PBKDF2 allows (210,000 rounds), for tests.
public final class TestLotse {
    /// The directory holding the database; removed with this object.
    public let directory = TemporaryDirectory()
    public let store: Store
    public let office: Office

    /// The password every test user gets.
    public static let password = "correct horse battery"

    public init() throws {
        store = try Store(path: directory.file("lotse.db"))
        office = Office(store: store, clock: StepClock(), hasher: PasswordHasher(rounds: 210_000))
    }

    /// The database path.
    public var databasePath: String { directory.file("lotse.db") }

    /// Runs a script through a fresh shell on this database.
    /// - Returns: everything written (stdout and stderr in order) and the exit code.
    public func run(_ script: String, name: String = "test.lotse", keepGoing: Bool = false,
                    environment: [String: String] = ["LOTSE_PASSWORD": TestLotse.password])
        -> (output: String, status: Shell.ExitCode) {
        let console = CapturingConsole()
        let shell = Shell(office: office, console: console, interactive: false, environment: environment)
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let status = shell.runScript(lines, name: name, keepGoing: keepGoing)
        return (console.combined, status)
    }

    /// Creates the first admin `root` and returns them.
    @discardableResult
    public func initialise() throws -> Actor {
        try office.initialise(adminName: "root", password: Self.password)
    }
}
