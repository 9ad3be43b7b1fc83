import Foundation
import Testing
import LotseTestSupport

/// The real `lotse` executable on a pseudo-terminal: the first start asks for the first admin,
/// passwords are not echoed, `form try` asks field by field.
@Suite struct TerminalTests {
    /// The built executable, next to the test bundle.
    static var executable: String? {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lotse").path,
                          TestLotse.repository + "/.build/debug/lotse"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: executable != nil, "the lotse executable is built by swift test"))
    func firstStartPasswordsAndFormTry() throws {
        let directory = TemporaryDirectory()
        let terminal = try PseudoTerminal(executable: Self.executable!, arguments: ["--db", directory.file("t.db"),
                                          "--definitions", TestLotse.repository, "--lang", "en"],
                                          directory: directory.path, environment: ["TERM": "dumb"])
        #expect(terminal.expect("Name: "))
        terminal.send("root")
        #expect(terminal.expect("New password for root: "))
        terminal.send("typed secret 4711")
        #expect(terminal.expect("Repeat the password: "))
        terminal.send("typed secret 4711")
        #expect(terminal.expect("root> "))
        terminal.send("site add b \"Site B\"")
        #expect(terminal.expect("added site b"))
        #expect(terminal.expect("root> "))
        terminal.send("user add carla --role caseworker --site b")
        #expect(terminal.expect("New password for carla: "))
        terminal.send("other secret 0815")
        #expect(terminal.expect("Repeat the password: "))
        terminal.send("other secret 0815")
        #expect(terminal.expect("added user carla (caseworker) at site b"))
        terminal.send("form try transfer")
        #expect(terminal.expect("Transferred to (receiving_agency: one choice, required)"))
        #expect(terminal.expect("> "))
        terminal.send("3")
        #expect(terminal.expect("Date of transfer"))
        #expect(terminal.expect("> "))
        terminal.send("2999-01-01")
        #expect(terminal.expect("The date must not be in the future."))
        #expect(terminal.expect("> "))
        terminal.send("<")
        #expect(terminal.expect("[drv_em_rente] > "))
        terminal.send("")
        #expect(terminal.expect("> "))
        terminal.send("2026-01-15")
        #expect(terminal.expect("Notes (remarks: text)"))
        #expect(terminal.expect("> "))
        terminal.send("")
        #expect(terminal.expect("<receiving_agency>drv_em_rente</receiving_agency>"))
        #expect(terminal.expect("root> "))
        terminal.send("quit")
        #expect(terminal.wait() == 0)
        // The terminal echoed commands and answers, never a password.
        #expect(terminal.transcript.contains("user add carla --role caseworker"))
        #expect(!terminal.transcript.contains("typed secret"))
        #expect(!terminal.transcript.contains("other secret"))
    }
}
