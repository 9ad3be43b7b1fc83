import Foundation
import Testing
import LotseCases
import LotseTestSupport

/// Two real `lotse` processes fire the same event on the same case at the same moment (on every
/// backend: two SQLite connections to one file, two sessions of the PostgreSQL server).
@Suite struct ProcessTests {
    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"),
          arguments: Backend.all)
    func twoProcessesFiringAtOnceOneWinsTheOtherIsToldWhy(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend)
        let (_, status) = lotse.run("""
            init --admin root
            site add bocholt Bocholt
            user add carla --role caseworker --site bocholt
            user add cem --role caseworker --site bocholt
            login carla
            client add --sex m --birth-year 1980 --applicant-type AP
            case open 1
            form submit 1 referral date=2026-11-02 referring_unit=T reason=x sgb2_since=2019-04-01 lzb=yes sex=m age_class=25to49 applicant_type=AP
            """)
        #expect(status == .ok)
        var processes: [(Process, Pipe)] = []
        for user in ["carla", "cem"] {
            let script = lotse.directory.file("\(user).lotse")
            try "login \(user)\nfire 1 request_consent\n".write(toFile: script, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TerminalTests.executable!)
            process.arguments = ["--db", lotse.databaseArgument, "--definitions", TestLotse.repository, "--lang", "en", script]
            // Long enough for both to have read the case under load (a PostgreSQL session starts slower).
            process.environment = ["LOTSE_PASSWORD": TestLotse.password,
                                   "LOTSE_PAUSE_BEFORE_WRITE": backend == .sqlite ? "400" : "1500"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            processes.append((process, pipe))
        }
        for (process, _) in processes { try process.run() }
        var outputs: [String] = []
        for (process, pipe) in processes {
            process.waitUntilExit()
            outputs.append(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        let statuses = processes.map { $0.0.terminationStatus }.sorted()
        #expect(statuses == [0, 1], "\(outputs)")
        #expect(outputs.filter { $0.contains("case 1: referred → consent_pending") }.count == 1)
        #expect(outputs.filter { $0.contains("case 1 was changed by someone else meanwhile; nothing was changed") }.count == 1,
                "\(outputs)")
        #expect(try lotse.scalar("SELECT COUNT(*) FROM transitions WHERE event = 'request_consent'")?.int == 1)
        #expect(try lotse.store.audit.verify().isIntact)
    }
}
