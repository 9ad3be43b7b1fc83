import Foundation
import Testing
import LotseCases
import LotseStore
import LotseTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A `lotse` process killed (SIGKILL) in the middle of a write loop loses no acknowledged
/// command, and the database reopens with an intact audit chain.
@Suite struct CrashTests {
    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func aChildKilledDuringAWriteLoopLosesNothingAcknowledged() throws {
        let lotse = try TestLotse()
        let setup = lotse.run("""
            init --admin root
            site add b "Jobcenter B"
            user add carla --role caseworker --site b
            """)
        #expect(setup.status == .ok)
        lotse.store.close()
        for round in 1...2 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TerminalTests.executable!)
            process.arguments = ["--db", lotse.databasePath, "--definitions", TestLotse.repository, "-"]
            process.environment = ["LOTSE_PASSWORD": TestLotse.password]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var script = "login carla\n"
            for i in 0..<2_000 { script += "client add --sex w --birth-year \(1960 + i % 40) --applicant-type SP\n" }
            input.fileHandleForWriting.write(Data(script.utf8))
            // Let it write for a moment, then kill it without warning.
            usleep(useconds_t(300_000 * round))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let acknowledged = printed.split(separator: "\n").filter { $0.hasPrefix("added client ") }
                .compactMap { Int($0.split(separator: " ")[2]) }
            let store = try Store(path: lotse.databasePath)
            let stored = try store.database.scalar("SELECT COUNT(*) FROM clients")?.int ?? 0
            let highest = try store.database.scalar("SELECT MAX(id) FROM clients")?.int ?? 0
            #expect(acknowledged.allSatisfy { $0 <= highest }, "an acknowledged client is missing")
            #expect(stored == highest, "clients are numbered without gaps")
            #expect(stored >= (acknowledged.max() ?? 0))
            #expect(stored > 0 && stored < 2_000 * round, "the kill came during the write loop (\(stored) clients)")
            #expect(try store.audit.verify().isIntact)
            // Every stored client has its audit row.
            var added = 0
            try store.audit.query(AuditFilter(action: "client.add")) { _ in added += 1 }
            #expect(added == stored)
            store.close()
        }
    }
}
