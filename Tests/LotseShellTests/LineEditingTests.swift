import Foundation
import Testing
import LotseTestSupport

/// The real `lotse` on a pseudo-terminal, as a person types: the line editor, the history
/// file, Tab completion, Ctrl-C and Ctrl-D.
@Suite struct LineEditingTests {
    static let left = "\u{1B}[D", up = "\u{1B}[A", ctrlC = "\u{03}", ctrlD = "\u{04}"

    /// A database with an admin, a site, a caseworker and case 1 (in state referred, referral submitted).
    static func prepared() throws -> TestLotse {
        let lotse = try TestLotse()
        let (output, status) = lotse.run("""
            init --admin root
            site add bocholt Bocholt
            user add carla --role caseworker --site bocholt
            login carla
            client add --sex m --birth-year 1980 --applicant-type AP
            case open 1
            form submit 1 referral date=2026-11-02 referring_unit=T reason=x sgb2_since=2019-04-01 lzb=yes sex=m age_class=25to49 applicant_type=AP
            """)
        #expect(status == .ok, "\(output)")
        return lotse
    }

    static func start(_ lotse: TestLotse, history: String, columns: UInt16 = 80, rows: UInt16 = 24,
                      pager: String = "", arguments: [String] = []) throws -> PseudoTerminal {
        try PseudoTerminal(executable: TerminalTests.executable!,
                           arguments: ["--db", lotse.databasePath, "--definitions", TestLotse.repository, "--lang", "en"]
                               + arguments,
                           directory: lotse.directory.path,
                           environment: ["TERM": "xterm", "LOTSE_HISTORY": history, "LOTSE_PAGER": pager],
                           columns: columns, rows: rows)
    }

    static func login(_ terminal: PseudoTerminal, _ user: String) {
        #expect(terminal.expect("lotse> "))
        terminal.send("login \(user)")
        #expect(terminal.expect("Password for \(user): "))
        terminal.send(TestLotse.password)
        #expect(terminal.expect("\(user)@bocholt> ") || terminal.expect("\(user)> "))
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func arrowKeysEditTheAnswerInsteadOfGoingIntoIt() throws {
        let lotse = try Self.prepared()
        let terminal = try Self.start(lotse, history: lotse.directory.file("history"))
        Self.login(terminal, "carla")
        terminal.send("form try referral")
        #expect(terminal.expect("(date:"))
        #expect(terminal.expect("> "))
        terminal.send("2026-11-02")
        #expect(terminal.expect("(referring_unit:"))
        #expect(terminal.expect("> "))
        terminal.send("Team 3")
        #expect(terminal.expect("(reason:"))
        #expect(terminal.expect("> "))
        // Four times ← then X: the X lands inside the word, the keys themselves nowhere.
        terminal.type("Gesundheit" + String(repeating: Self.left, count: 4) + "X\r")
        #expect(terminal.expect("(sgb2_since:"))
        #expect(terminal.expect("> "))
        terminal.send("<")
        #expect(terminal.expect("[GesundXheit] > "))
        terminal.send("q")
        #expect(terminal.expect("cancelled; nothing stored"))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        #expect(!terminal.transcript.contains("\u{FFFD}"))
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func historyFileRecallsTheLastCommandAndNeverAPassword() throws {
        let lotse = try Self.prepared()
        let history = lotse.directory.file("history")
        do {
            let terminal = try Self.start(lotse, history: history)
            Self.login(terminal, "carla")
            terminal.send("whoami")
            #expect(terminal.expect("carla (caseworker) at site bocholt"))
            terminal.send("quit")
            #expect(terminal.wait() == 0)
        }
        let text = try String(contentsOfFile: history, encoding: .utf8)
        #expect(text.contains("whoami"))
        #expect(!text.contains("login"))
        #expect(!text.contains(TestLotse.password) && !text.contains("horse"))
        let mode = try FileManager.default.attributesOfItem(atPath: history)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // After a restart ↑ brings back `quit`, ↑ again `whoami`.
        let terminal = try Self.start(lotse, history: history)
        #expect(terminal.expect("lotse> "))
        terminal.type(Self.up + Self.up + "\r")
        #expect(terminal.expect("not logged in"))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func ctrlCClearsTheLineCancelsAFormOnlyWhenAskedAndStopsOutput() throws {
        let lotse = try Self.prepared()
        let terminal = try Self.start(lotse, history: "")
        Self.login(terminal, "carla")
        // At the prompt: the half-typed line is gone, the shell runs on.
        terminal.type("case li" + Self.ctrlC)
        #expect(terminal.expect("^C"))
        terminal.send("whoami")
        #expect(terminal.expect("carla (caseworker) at site bocholt"))
        // In a form: Ctrl-C asks; "n" goes on with the same field, "y" discards.
        terminal.send("form try referral")
        #expect(terminal.expect("(date:"))
        #expect(terminal.expect("> "))
        terminal.type(Self.ctrlC)
        #expect(terminal.expect("discard the answers? (y/N) "))
        terminal.send("n")
        #expect(terminal.expect("> "))
        terminal.send("2026-11-02")
        #expect(terminal.expect("(referring_unit:"))
        #expect(terminal.expect("> "))
        terminal.type(Self.ctrlC)
        #expect(terminal.expect("discard the answers? (y/N) "))
        terminal.send("y")
        #expect(terminal.expect("cancelled; nothing stored"))
        // Ctrl-D cancels the form, not the shell.
        terminal.send("form try referral")
        #expect(terminal.expect("(date:"))
        #expect(terminal.expect("> "))
        terminal.type(Self.ctrlD)
        #expect(terminal.expect("cancelled; nothing stored"))
        // Ctrl-C during a long listing: back at the prompt.
        terminal.send("login root")
        #expect(terminal.expect("Password for root: "))
        terminal.send(TestLotse.password)
        #expect(terminal.expect("root> "))
        terminal.send("audit")
        // Wait for the listing to start: a Ctrl-C typed before the shell has read the line is
        // taken by the terminal at once (and may flush the queued line), which is not what this checks.
        #expect(terminal.expect("seq  at"))
        terminal.type(Self.ctrlC)
        #expect(terminal.expect("root> "))
        // A person types the next command a moment later; typed in the same instant, the bytes can
        // reach the editor before it has taken the interrupt, and it discards them with the line.
        usleep(500_000)
        terminal.send("whoami")
        #expect(terminal.expect("root (admin)"))
        // Ctrl-C at a password prompt: the terminal echoes again afterwards.
        terminal.send("login carla")
        #expect(terminal.expect("Password for carla: "))
        terminal.type(Self.ctrlC)
        #expect(terminal.expect("interrupted"))
        // A login that did not succeed ends the previous session too (issue 9).
        #expect(terminal.expect("lotse> "))
        terminal.send("whoami")
        #expect(terminal.expect("not logged in"))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        #expect(terminal.isRunning == false)
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func tabCompletesCommandsAndTheEventsACaseCanTakeNow() throws {
        let lotse = try Self.prepared()
        let terminal = try Self.start(lotse, history: "")
        Self.login(terminal, "carla")
        // The editor redraws only what changed: the completed word shows as its rest.
        terminal.type("case sh\t")
        #expect(terminal.expect("ow "))
        terminal.send("1")
        #expect(terminal.expect("state: referred"))
        #expect(terminal.expect("carla@bocholt> "))
        // After `fire 1 ` Tab offers the events case 1 can take now; a beginning completes to one.
        terminal.type("fire 1 \t")
        #expect(terminal.expect("request_consent"))
        terminal.type("req\t\r")
        #expect(terminal.expect("case 1: referred → consent_pending"))
        terminal.type("form submit 1 consent giv\t")
        #expect(terminal.expect("en="))
        // Form names complete too; Ctrl-U clears the line.
        terminal.type("\u{15}form try transf\t\r")
        #expect(terminal.expect("(receiving_agency:"))
        terminal.type("q\r")
        #expect(terminal.expect("cancelled; nothing stored"))
        // A pasted line longer than the terminal driver's 4 KB line buffer arrives whole.
        terminal.send("whoami \"" + String(repeating: "x", count: 5000) + "\"")
        #expect(terminal.expect("unexpected argument \"xxxx"))
        #expect(!terminal.transcript.contains("unterminated"))
        terminal.type("\u{15}quit\r")
        #expect(terminal.wait() == 0)
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func outputWiderThanTheTerminalIsFitted() throws {
        let lotse = try Self.prepared()
        let terminal = try Self.start(lotse, history: "", columns: 60)
        #expect(terminal.expect("lotse> "))
        terminal.send("login root")
        #expect(terminal.expect("Password for root: "))
        terminal.send(TestLotse.password)
        #expect(terminal.expect("root> "))
        terminal.send("audit")
        #expect(terminal.expect("rows)"))
        #expect(terminal.expect("root> "))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        let lines = terminal.transcript.components(separatedBy: "\r\n")
        let table = lines.drop { !$0.hasPrefix("seq ") }.prefix { !$0.hasSuffix("rows)") }
        #expect(table.count > 3)
        #expect(table.allSatisfy { $0.count <= 60 }, "\(table)")
        #expect(table.contains { $0.contains("…") })
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func longOutputGoesThroughThePagerShortOutputDoesNot() throws {
        let lotse = try Self.prepared()
        let terminal = try Self.start(lotse, history: "", rows: 12, pager: "sed 's/^/PAGED:/'")
        #expect(terminal.expect("lotse> "))
        terminal.send("whoami")
        #expect(terminal.expect("not logged in"))
        terminal.send("help")
        #expect(terminal.expect("PAGED:Commands (help COMMAND for details):"))
        #expect(terminal.expect("PAGED:Exit codes: 0"))
        #expect(terminal.expect("lotse> "))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        #expect(!terminal.transcript.contains("PAGED:not logged in"))
        // --no-pager: the same help straight to the terminal.
        let plain = try Self.start(lotse, history: "", rows: 12, pager: "sed 's/^/PAGED:/'", arguments: ["--no-pager"])
        #expect(plain.expect("lotse> "))
        plain.send("help")
        #expect(plain.expect("Exit codes: 0"))
        plain.send("quit")
        #expect(plain.wait() == 0)
        #expect(!plain.transcript.contains("PAGED:"))
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func firstStartAsksAgainAfterABadNameAndAPasswordPromptSurvivesCtrlC() throws {
        let directory = TemporaryDirectory()
        let terminal = try PseudoTerminal(executable: TerminalTests.executable!,
                                          arguments: ["--db", directory.file("t.db"), "--definitions", TestLotse.repository],
                                          directory: directory.path,
                                          environment: ["TERM": "xterm", "LOTSE_HISTORY": directory.file("history")])
        #expect(terminal.expect("Name: "))
        terminal.send("bad name")
        #expect(terminal.expect("invalid user name \"bad name\""))
        #expect(terminal.expect("Name: "))
        terminal.send("root")
        #expect(terminal.expect("New password for root: "))
        terminal.send(TestLotse.password)
        #expect(terminal.expect("Repeat the password: "))
        terminal.send(TestLotse.password)
        #expect(terminal.expect("root> "))
        // Ctrl-C at the password prompt of user add: nothing added, echo back on.
        terminal.send("user add carla --role evaluator")
        #expect(terminal.expect("New password for carla: "))
        terminal.type(Self.ctrlC)
        #expect(terminal.expect("interrupted (nothing was changed)"))
        #expect(terminal.expect("root> "))
        terminal.send("user list")
        #expect(terminal.expect("(1 row)"))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        // libedit writes the file vis(3)-encoded: a space is \040.
        let history = try String(contentsOfFile: directory.file("history"), encoding: .utf8).replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("user list") && !history.contains("user add") && !history.contains("horse"))
    }
}
