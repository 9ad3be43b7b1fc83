import Foundation
import Testing
import LotseShell
import LotseStore
import LotseTestSupport

/// The `lotse` command line: scripts that are not UTF-8, a byte order mark, `--version`,
/// `lotse --db X demo`, the warning about a definitions folder without definitions.
@Suite struct LaunchTests {
    /// Runs the executable with `arguments` and `input` on standard input; output and error together.
    static func run(_ arguments: [String], input: [UInt8] = [], in directory: TemporaryDirectory) throws
        -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TerminalTests.executable!)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.environment = ["LOTSE_PASSWORD": TestLotse.password]
        let output = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func scriptsMustBeUTF8AndMayStartWithAByteOrderMark() throws {
        let directory = TemporaryDirectory()
        let db = directory.file("t.db")
        let common = ["--db", db, "--definitions", TestLotse.repository]
        // Latin-1 "Jürgen" on line 3: nothing runs, the line is named.
        let latin1: [UInt8] = Array("init --admin root\nwhoami\nclient add --first-name J".utf8) + [0xFC]
            + Array("rgen\n".utf8)
        FileManager.default.createFile(atPath: directory.file("latin1.lotse"), contents: Data(latin1))
        let (output, status) = try Self.run(common + ["latin1.lotse"], in: directory)
        #expect(status == 1)
        #expect(output == "latin1.lotse:3: error: die Zeile ist kein UTF-8-Text (das Skript als UTF-8 speichern); "
                + "nichts wurde ausgeführt\n")
        let (english, _) = try Self.run(common + ["--lang", "en", "latin1.lotse"], in: directory)
        #expect(english == "latin1.lotse:3: error: the line is not UTF-8 text (save the script as UTF-8); nothing was run\n")
        #expect(!FileManager.default.fileExists(atPath: db))
        // From a pipe: the lines before it ran, then it stops with the line's number.
        let (piped, pipedStatus) = try Self.run(common, input: latin1, in: directory)
        #expect(pipedStatus == 1)
        #expect(piped.hasSuffix("<stdin>:3: error: die Zeile ist kein UTF-8-Text (das Skript als UTF-8 speichern); "
                                + "das Skript endete dort\n"))
        // A byte order mark before line 1 is not part of the command.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("whoami\r\nwhoami\n".utf8)
        FileManager.default.createFile(atPath: directory.file("bom.lotse"), contents: Data(bom))
        let (bomOutput, bomStatus) = try Self.run(common + ["bom.lotse"], in: directory)
        #expect(bomStatus == 0)
        #expect(bomOutput == "root (admin)\nroot (admin)\n" || bomOutput == "nicht angemeldet\nnicht angemeldet\n")
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func versionAndTheDefinitionsWarning() throws {
        let directory = TemporaryDirectory()
        let (version, status) = try Self.run(["--version"], in: directory)
        #expect(status == 0)
        #expect(version.hasPrefix("lotse \(VersionText.lotse) (database schema "))
        #expect(version.contains("; SQLite 3.") && version.contains("; libxml2 2."))
        // Started where there is neither Forms/ nor Workflows/: said at once, with the folder.
        let (output, _) = try Self.run(["--db", directory.file("t.db")], input: Array("whoami\n".utf8), in: directory)
        #expect(output.contains("lotse: Warnung: kein Ordner Workflows: keine Workflows verwendbar"))
        #expect(output.contains("lotse: Warnung: kein Ordner Forms: keine Formulare verwendbar"))
        let (english, _) = try Self.run(["--db", directory.file("t.db"), "--lang", "en"], input: Array("whoami\n".utf8), in: directory)
        #expect(english.contains("lotse: warning: no folder Workflows: no workflows can be used"))
        let (quiet, _) = try Self.run(["--db", directory.file("t.db"), "--definitions", TestLotse.repository],
                                      input: Array("whoami\n".utf8), in: directory)
        #expect(quiet == "nicht angemeldet\n")
    }

    @Test func demoMayFollowTheDatabaseOption() throws {
        let options = try LaunchOptions(arguments: ["--db", "x.db", "demo", "--clients", "10"], environment: [:])
        #expect(options.demo?.clients == 10)
        #expect(options.databasePath == "x.db")
        #expect(options.script == nil)
        let script = try LaunchOptions(arguments: ["--db", "x.db", "./demo"], environment: [:])
        #expect(script.demo == nil && script.script == "./demo")
        #expect(try LaunchOptions(arguments: ["--version"], environment: [:]).showVersion)
    }

    @Test func migrateTakesTheApplicationRoleAndNoScript() throws {
        let options = try LaunchOptions(arguments: ["migrate", "--db", "postgresql://owner@db/lotse", "--app-role", "staff"],
                                        environment: [:])
        #expect(options.migrate?.applicationRole == "staff" && options.isPostgreSQL)
        #expect(try LaunchOptions(arguments: ["migrate"], environment: [:]).migrate?.applicationRole == "lotse_app")
        #expect(throws: (any Error).self) { try LaunchOptions(arguments: ["migrate", "x.lotse"], environment: [:]) }
        #expect(!(try LaunchOptions(arguments: ["--db", "lotse.db"], environment: [:])).isPostgreSQL)
    }

    @Test(.enabled(if: TerminalTests.executable != nil && TestPostgreSQL.isAvailable,
                   "the lotse executable and a PostgreSQL server (LOTSE_TEST_POSTGRES)"))
    func migrateOnPostgreSQLThenTheShellRunsThereAsTheApplicationRole() throws {
        let directory = TemporaryDirectory()
        let owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let schema = try TestPostgreSQL.scratchSchema(owner)
        defer { try? owner.execute("DROP SCHEMA \(schema) CASCADE") }
        try owner.execute("GRANT USAGE ON SCHEMA \(schema) TO lotse_app")
        let searchPath = "&options=-csearch_path%3D" + schema
        let uri = TestPostgreSQL.ownerURI!.text + searchPath
        let app = TestPostgreSQL.applicationURI!.text + searchPath
        let definitions = ["--definitions", TestLotse.repository]
        // Before the owner migrated it, the shell names what to do and changes nothing.
        let (early, earlyStatus) = try Self.run(["--db", app, "--lang", "en"] + definitions, input: Array("whoami\n".utf8), in: directory)
        #expect(earlyStatus == 1 && early.contains("it holds no Lotse schema: its owner creates it with "
            + "`lotse migrate --db OWNER_URI` (nothing was changed)"), "\(early)")
        let (first, status) = try Self.run(["migrate", "--db", uri, "--lang", "en"], in: directory)
        #expect(status == 0, "\(first)")
        let applied = (1...PostgreSQLSchema.latestVersion).map(String.init).joined(separator: ", ")
        #expect(first.contains(": schema version \(PostgreSQLSchema.latestVersion) (applied \(applied)); role lotse_app may read and append"))
        let (again, _) = try Self.run(["migrate", "--db", uri, "--lang", "en"], in: directory)
        #expect(again.contains("(already up to date)"))
        #expect(try owner.scalar("SELECT version FROM schema_version") == .integer(Int64(PostgreSQLSchema.latestVersion)))
        // The shell as the application role: the first admin and a site, audited.
        let script = "init --admin root\nsite add bocholt Bocholt\nwhoami\n"
        let (shell, ran) = try Self.run(["--db", app, "--lang", "en"] + definitions, input: Array(script.utf8), in: directory)
        #expect(ran == 0, "\(shell)")
        #expect(shell.hasSuffix("root (admin)\n"), "\(shell)")
        #expect(try owner.scalar("SELECT COUNT(*) FROM sites") == .integer(1))
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit WHERE action = 'site.add'") == .integer(1))
        #expect(try PostgreSQLAuditLog(connection: owner).verifyChain().firstBreak == nil)
    }

    @Test func copyNeedsAFileAndAPostgreSQLTarget() throws {
        let options = try LaunchOptions(arguments: ["copy", "--from", "lotse.db", "--to", "postgresql://owner@db/lotse"],
                                        environment: [:])
        #expect(options.copy?.from == "lotse.db" && options.copy?.to == "postgresql://owner@db/lotse")
        for bad in [["copy"], ["copy", "--from", "lotse.db"], ["copy", "--from", "a.db", "--to", "b.db"],
                    ["copy", "--from", "postgresql://x/y", "--to", "postgresql://owner@db/lotse"],
                    ["copy", "--from", "a.db", "--to", "postgresql://o@db/l", "script.lotse"],
                    ["copy", "--from", "a.db", "--to", "postgresql://o@db/l", "--db", "c.db"], ["--from", "a.db"]] {
            #expect(throws: LaunchOptions.Failure.self, "\(bad)") { try LaunchOptions(arguments: bad, environment: [:]) }
        }
    }

    @Test(.enabled(if: TerminalTests.executable != nil && TestPostgreSQL.isAvailable,
                   "the lotse executable and a PostgreSQL server (LOTSE_TEST_POSTGRES)"))
    func copyOfAProjectToPostgreSQLPrintsBothHeadsAndRefusesASecondTime() throws {
        let directory = TemporaryDirectory()
        let lotse = try TestLotse()
        let made = lotse.run("""
            init --admin root
            site add b "Jobcenter Bocholt"
            user add carla --role caseworker --site b
            login carla
            client add --sex w --birth-year 1970 --applicant-type EP --eligible
            """)
        #expect(made.status == .ok, "\(made.output)")
        let head = try #require(try lotse.store.audit.head())
        let owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let schema = try TestPostgreSQL.scratchSchema(owner)
        let uri = TestPostgreSQL.ownerURI!.text + "&options=-csearch_path%3D" + schema
        let (unmigrated, refused) = try Self.run(["copy", "--from", lotse.databasePath, "--to", uri, "--lang", "en"], in: directory)
        #expect(refused == 1 && unmigrated.contains("has schema version 0, not \(PostgreSQLSchema.latestVersion)"), "\(unmigrated)")
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        let (output, status) = try Self.run(["copy", "--from", lotse.databasePath, "--to", uri, "--lang", "en"], in: directory)
        #expect(status == 0, "\(output)")
        #expect(output.contains("source head: \(head.seq):\(head.hash)\ntarget head: \(head.seq):\(head.hash) (equal)"), "\(output)")
        #expect(output.contains("  audit: \(head.seq)\n") && output.contains("audit verify there: intact"))
        let (again, second) = try Self.run(["copy", "--from", lotse.databasePath, "--to", uri], in: directory)
        #expect(second == 1 && again.contains("ist nicht leer (Tabelle sites hat Zeilen)"), "\(again)")
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == .integer(Int64(head.seq)))
    }
}
