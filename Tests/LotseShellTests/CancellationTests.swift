import Foundation
import Testing
import LotseTestSupport

/// Ctrl-C during long work, on the real `lotse` at a pseudo-terminal: the work stops between
/// two steps, what it began is undone (no output file, no staged file, no audit row), and the
/// shell is back at its prompt. `LOTSE_PAUSE_EACH_STEP` slows each step down, so that the
/// signal reliably comes while the work runs.
@Suite struct CancellationTests {
    /// The prepared database of `LineEditingTests` with an evaluator and nine more cases.
    static func prepared() throws -> TestLotse {
        let lotse = try LineEditingTests.prepared()
        var script = "login root\nuser add eva --role evaluator\nlogin carla\n"
        for client in 2...10 { script += "client add --sex w --birth-year 1975 --applicant-type AP\ncase open \(client)\n" }
        let (output, status) = lotse.run(script)
        #expect(status == .ok, "\(output)")
        return lotse
    }

    static func start(_ lotse: TestLotse, language: String) throws -> PseudoTerminal {
        try PseudoTerminal(executable: TerminalTests.executable!,
                           arguments: ["--db", lotse.databasePath, "--definitions", TestLotse.repository, "--lang", language],
                           directory: lotse.directory.path,
                           environment: ["TERM": "xterm", "LOTSE_HISTORY": "", "LOTSE_PAGER": "",
                                         "LOTSE_PAUSE_EACH_STEP": "300000"])
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func ctrlCDuringAnExportLeavesNoFileAndNoAuditRow() throws {
        let lotse = try Self.prepared()
        let exportsBefore = try lotse.sqlite.database.scalar("SELECT COUNT(*) FROM audit WHERE action = 'export.cases'")?.int
        let terminal = try Self.start(lotse, language: "en")
        LineEditingTests.login(terminal, "eva")
        let out = lotse.directory.file("cases.csv")
        terminal.send("export cases --out \(out)")
        // Ten cases at 0.3 s each: a second in, the export is half done.
        usleep(1_000_000)
        terminal.type(LineEditingTests.ctrlC)
        #expect(terminal.expect("error: interrupted (nothing was changed)"))
        #expect(terminal.expect("eva> "))
        #expect(!FileManager.default.fileExists(atPath: out))
        let left = try FileManager.default.contentsOfDirectory(atPath: lotse.directory.path).filter { $0.contains("cases") }
        #expect(left.isEmpty, "staged files left behind: \(left)")
        #expect(try lotse.sqlite.database.scalar("SELECT COUNT(*) FROM audit WHERE action = 'export.cases'")?.int
                == exportsBefore)
        // The shell goes on, and the same export, left to run, writes its file and its audit row.
        usleep(300_000)
        terminal.send("export cases --out \(out)")
        #expect(terminal.expect("wrote 10 cases to \(out)", timeout: 30))
        #expect(FileManager.default.fileExists(atPath: out))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        #expect(try lotse.sqlite.database.scalar("SELECT COUNT(*) FROM audit WHERE action = 'export.cases'")?.int
                == (exportsBefore ?? 0) + 1)
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func ctrlCDuringAuditVerifyStopsItAndTheShellGoesOn() throws {
        let lotse = try Self.prepared()
        let rowsBefore = try lotse.sqlite.database.scalar("SELECT COUNT(*) FROM audit")?.int ?? 0
        // In German, the default: the interruption is said in the session's language.
        let terminal = try Self.start(lotse, language: "de")
        #expect(terminal.expect("lotse> "))
        terminal.send("login root")
        #expect(terminal.expect("root: "))
        terminal.send(TestLotse.password)
        #expect(terminal.expect("root> "))
        terminal.send("audit verify")
        usleep(1_000_000)
        terminal.type(LineEditingTests.ctrlC)
        #expect(terminal.expect("error: abgebrochen (nichts wurde geändert)"))
        #expect(terminal.expect("root> "))
        usleep(300_000)
        terminal.send("whoami")
        #expect(terminal.expect("root (admin)"))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        // Only the login and logout of this session were added; `audit verify` wrote nothing.
        let rowsAfter = try lotse.sqlite.database.scalar("SELECT COUNT(*) FROM audit")?.int ?? 0
        #expect(rowsAfter - rowsBefore <= 2)
        #expect(try lotse.store.audit.verify().isIntact)
    }
}
