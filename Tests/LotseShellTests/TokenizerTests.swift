import Testing
@testable import LotseShell

@Suite struct TokenizerTests {
    static let cases: [(String, [String])] = [
        ("user add carla --role caseworker", ["user", "add", "carla", "--role", "caseworker"]),
        ("  spaced   out\twords  ", ["spaced", "out", "words"]),
        ("site add b \"Jobcenter Kreis Borken\"", ["site", "add", "b", "Jobcenter Kreis Borken"]),
        ("a \"\" b", ["a", "", "b"]),
        ("\"\"", [""]),
        ("name=\"Anna Maria\" x", ["name=Anna Maria", "x"]),
        ("say \"she said \\\"hi\\\"\"", ["say", "she said \"hi\""]),
        ("path \"C:\\\\x\"", ["path", "C:\\x"]),
        ("keep \"a\\nb\"", ["keep", "a\\nb"]),
        ("# a comment", []),
        ("audit # trailing comment", ["audit"]),
        ("tag#1 \"#not a comment\"", ["tag#1", "#not a comment"]),
        ("", []),
        ("   ", []),
        ("umlaut Jörg \"Müller-Lüdenscheidt\"", ["umlaut", "Jörg", "Müller-Lüdenscheidt"]),
    ]

    @Test(arguments: cases)
    func splits(_ line: String, _ expected: [String]) throws {
        #expect(try Tokenizer.split(line).map(\.text) == expected)
    }

    @Test func tokensKnowTheirColumns() throws {
        #expect(try Tokenizer.split("ab  \"c d\" e").map(\.column) == [1, 5, 11])
    }

    @Test func unterminatedQuoteNamesItsColumn() {
        let failure = #expect(throws: Tokenizer.Failure.self) { try Tokenizer.split("site add \"Borken") }
        #expect(failure?.column == 10)
        #expect(failure?.message == "unterminated quote (the \" opened here is never closed)")
        #expect(failure?.wording.de == "Anführungszeichen nicht geschlossen (das hier geöffnete \" wird nie geschlossen)")
    }
}

@Suite struct LaunchOptionsTests {
    @Test func defaultsAndFlags() throws {
        #expect(try LaunchOptions(arguments: [], environment: [:]).databasePath == "lotse.db")
        #expect(try LaunchOptions(arguments: [], environment: ["LOTSE_DB": "/x.db"]).databasePath == "/x.db")
        let o = try LaunchOptions(arguments: ["--db", "a.db", "--keep-going", "s.lotse"], environment: ["LOTSE_DB": "b"])
        #expect(o.databasePath == "a.db" && o.keepGoing && o.script == "s.lotse")
        #expect(try LaunchOptions(arguments: ["--db=c.db", "-"], environment: [:]).script == "-")
    }

    @Test func demoOptions() throws {
        let o = try LaunchOptions(arguments: ["demo", "--clients", "300", "--seed", "9"], environment: [:])
        #expect(o.demo == LaunchOptions.DemoOptions(clients: 300, seed: 9))
        #expect(o.databasePath == "lotse-demo.db")
        #expect(try LaunchOptions(arguments: ["demo", "--db", "x.db"], environment: [:]).databasePath == "x.db")
        #expect(throws: LaunchOptions.Failure.self) { try LaunchOptions(arguments: ["--clients", "3"], environment: [:]) }
        #expect(throws: LaunchOptions.Failure.self) { try LaunchOptions(arguments: ["demo", "script.lotse"], environment: [:]) }
    }

    @Test func badUsageIsRefused() {
        #expect(throws: LaunchOptions.Failure.self) { try LaunchOptions(arguments: ["--frobnicate"], environment: [:]) }
        #expect(throws: LaunchOptions.Failure.self) { try LaunchOptions(arguments: ["--db"], environment: [:]) }
        #expect(throws: LaunchOptions.Failure.self) { try LaunchOptions(arguments: ["a", "b"], environment: [:]) }
    }
}
