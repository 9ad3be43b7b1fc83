import Foundation
import Testing
import LotseCases
@testable import LotseStore
import LotseTestSupport

/// Many staff at once on PostgreSQL (issue 13, deliverable 5): eight real `lotse` processes, each
/// its own server session, fire on the same case and on their own cases and add clients at the
/// same time. Nothing is lost or doubled, the audit chain does not fork, and the only refusals
/// are those where the case changed under the writer.
@Suite(.enabled(if: TerminalTests.executable != nil && TestPostgreSQL.isAvailable,
                "the lotse executable and a PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct ManyWritersTests {
    static let writers = 8
    /// Cases of each writer's own (besides the shared case 1).
    static let ownCases = 3
    /// Clients each writer adds.
    static let newClients = 4

    static func referral(_ id: Int) -> String {
        "form submit \(id) referral date=2026-11-02 referring_unit=T reason=x sgb2_since=2019-04-01 lzb=yes sex=m "
            + "age_class=25to49 applicant_type=AP"
    }

    /// Runs `lotse` processes at once, one per script; their outputs and exit codes.
    static func runAll(_ lotse: TestLotse, scripts: [String], extra: [String] = [], pause: Int = 0) throws
        -> [(output: String, status: Int32)] {
        var processes: [(Process, Pipe)] = []
        for (i, text) in scripts.enumerated() {
            let script = lotse.directory.file("writer\(i).lotse")
            try text.write(toFile: script, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TerminalTests.executable!)
            process.arguments = ["--db", lotse.databaseArgument, "--definitions", TestLotse.repository, "--lang", "en",
                                 "--keep-going"] + extra + [script]
            process.environment = ["LOTSE_PASSWORD": TestLotse.password, "LOTSE_PAUSE_BEFORE_WRITE": String(pause)]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            processes.append((process, pipe))
        }
        for (process, _) in processes { try process.run() }
        return processes.map { process, pipe in
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (String(decoding: data, as: UTF8.self), process.terminationStatus)
        }
    }

    @Test func eightShellsOnTheSameAndOnDifferentCases() throws {
        let lotse = try TestLotse(backend: .postgreSQL)
        var setup = "init --admin root\nsite add bocholt Bocholt\n"
        for w in 0..<Self.writers { setup += "user add w\(w) --role caseworker --site bocholt\n" }
        setup += "login w0\n"
        let cases = 1 + Self.writers * Self.ownCases
        for id in 1...cases { setup += "client add --sex m --birth-year 1980 --applicant-type AP\ncase open \(id)\n\(Self.referral(id))\n" }
        let (out, status) = lotse.run(setup)
        #expect(status == .ok, "\(out)")
        let auditBefore = try #require(lotse.scalar("SELECT COUNT(*) FROM audit")?.int)

        // Everyone fires on case 1 first (they meet: each pauses between reading and writing),
        // then on their own cases, adding clients in between.
        let scripts = (0..<Self.writers).map { w in
            var script = "login w\(w)\nfire 1 request_consent\n"
            for k in 0..<Self.ownCases {
                script += "fire \(2 + w * Self.ownCases + k) request_consent\n"
                if k < Self.newClients { script += "client add --sex w --birth-year \(1960 + w) --applicant-type SP\n" }
            }
            for _ in Self.ownCases..<max(Self.ownCases, Self.newClients) {
                script += "client add --sex w --birth-year \(1960 + w) --applicant-type SP\n"
            }
            return script
        }
        let results = try Self.runAll(lotse, scripts: scripts, pause: 1500)
        let outputs = results.map(\.output)

        // Case 1: exactly one writer moved it. Each of the others was refused because the case had
        // changed: while it waited to write (the version check), or, reading after the winner's
        // commit, by the workflow (the event does not apply in the new state). Nothing else failed.
        #expect(outputs.filter { $0.contains("case 1: referred → consent_pending") }.count == 1, "\(outputs)")
        let changed = "case 1 was changed by someone else meanwhile; nothing was changed"
        let moved = "case 1: no transition for 'request_consent' in state 'consent_pending'"
        let errors = outputs.flatMap { $0.split(separator: "\n").filter { $0.contains("error:") }.map(String.init) }
        #expect(errors.count == Self.writers - 1, "\(outputs)")
        #expect(errors.allSatisfy { $0.contains(changed) || $0.contains(moved) }, "\(errors)")
        #expect(errors.contains { $0.contains(changed) }, "the writers met (the version check refused at least one)")
        #expect(results.filter { $0.status == 0 }.count == 1 && results.filter { $0.status == 1 }.count == Self.writers - 1)
        // Every writer's own cases moved once; every client added is there once.
        #expect(try lotse.scalar("SELECT COUNT(*) FROM transitions WHERE event = 'request_consent'")?.int
            == 1 + Self.writers * Self.ownCases)
        #expect(try lotse.scalar("SELECT COUNT(*) FROM cases WHERE state = 'consent_pending'")?.int == cases)
        #expect(try lotse.scalar("SELECT COUNT(*) FROM cases WHERE version <> 3")?.int == 0)
        #expect(try lotse.scalar("SELECT COUNT(*) FROM clients")?.int == cases + Self.writers * Self.newClients)
        #expect(try lotse.scalar("SELECT COUNT(DISTINCT birth_year) FROM clients WHERE sex = 'w'")?.int == Self.writers)
        // The audit log: one row per change and per login, in one unbroken chain.
        #expect(try lotse.scalar("SELECT COUNT(*) FROM audit WHERE action = 'transition'")?.int
            == 1 + Self.writers * Self.ownCases)
        #expect(try lotse.scalar("SELECT COUNT(*) FROM audit WHERE action = 'client.add'")?.int
            == cases + Self.writers * Self.newClients)
        let store = try #require(lotse.store as? PostgreSQLStore)
        let chain = try store.audit.verifyChain()
        #expect(chain.firstBreak == nil)
        #expect(chain.rows == (try lotse.scalar("SELECT COUNT(*) FROM audit")?.int))
        #expect(chain.rows >= auditBefore + Self.writers + 1 + Self.writers * (Self.ownCases + Self.newClients))
        #expect(try lotse.store.audit.verify().isIntact)
    }
}
