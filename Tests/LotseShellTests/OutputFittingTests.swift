import Testing
@testable import LotseShell
import LotseTestSupport

/// Output for a terminal: tables fitted to its width with a row count, `help` wrapped at words;
/// without a terminal (scripts, pipes) the bytes stay as they were.
@Suite struct OutputFittingTests {
    static func session(width: Int?) throws -> (TestLotse, CapturingConsole, Shell) {
        let lotse = try TestLotse()
        let console = CapturingConsole(terminalWidth: width)
        let shell = lotse.shell(console: console, interactive: false, environment: ["LOTSE_PASSWORD": TestLotse.password])
        for line in ["init --admin root", "site add bocholt \"Jobcenter Kreis Borken, Bocholt\"",
                     "user add carla --role caseworker --site bocholt"] {
            try shell.run(line: line)
        }
        return (lotse, console, shell)
    }

    @Test func tablesFitTheTerminalAndCountTheirRows() throws {
        let (_, console, shell) = try Self.session(width: 60)
        try shell.run(line: "audit")
        let lines = console.stdout.split(separator: "\n").drop { !$0.hasPrefix("seq") }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        #expect(lines.contains { $0.contains("…") })
        #expect(lines.last == "(3 rows)")
    }

    @Test func tooNarrowATerminalGetsOneRecordPerBlock() throws {
        let (_, console, shell) = try Self.session(width: 24)
        try shell.run(line: "user list")
        #expect(console.stdout.contains("-[ RECORD 1 ]"))
        #expect(console.stdout.contains("name    | root"))
        #expect(console.stdout.hasSuffix("(2 rows)\n"))
        let records = console.stdout.split(separator: "\n").drop { !$0.hasPrefix("-[") }
        #expect(records.allSatisfy { $0.count <= 24 }, "\(records)")
    }

    @Test func withoutATerminalNothingChanges() throws {
        let (_, console, shell) = try Self.session(width: nil)
        try shell.run(line: "user list")
        #expect(!console.stdout.contains("rows)"))
        #expect(console.stdout.contains("name   role        sites    status  created"))
    }

    @Test func helpWrapsAtWords() throws {
        let (_, console, shell) = try Self.session(width: 50)
        let (_, plain, plainShell) = try Self.session(width: nil)
        for line in ["help", "help user add"] {
            try shell.run(line: line)
            try plainShell.run(line: line)
        }
        let lines = console.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines.filter { $0.count > 50 })")
        // Only line breaks moved: the same words in the same order.
        #expect(console.stdout.split(whereSeparator: \.isWhitespace) == plain.stdout.split(whereSeparator: \.isWhitespace))
    }

    @Test func cutEndsWithAnEllipsis() {
        #expect(Listing.cut("Gesundheit", to: 6) == "Gesun…")
        #expect(Listing.cut("Gesundheit", to: 10) == "Gesundheit")
    }
}
