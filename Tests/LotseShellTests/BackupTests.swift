import Foundation
import Testing
@testable import LotseCases
import LotseStore
import LotseTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Backups and a clean close (issue 9, deliverable 6).
@Suite struct BackupTests {
    static func region() throws -> TestLotse {
        let lotse = try TestLotse()
        let result = lotse.run("""
            init --admin root
            site add b "Jobcenter B"
            user add carla --role caseworker --site b
            user add sven --role supervisor --site b
            login carla
            client add --sex w --birth-year 1972 --applicant-type SP
            case open 1
            form submit 1 referral date=2026-11-02 referring_unit=T reason=x sgb2_since=2019-04-01 lzb=yes sex=w age_class=50plus applicant_type=SP
            fire 1 request_consent
            """)
        precondition(result.status == .ok, result.output)
        return lotse
    }

    static func count(_ store: Store, _ table: String) throws -> Int {
        try store.database.scalar("SELECT COUNT(*) FROM \(table)")?.int ?? -1
    }

    @Test func aBackupIsACompleteVerifiedPrivateCopyAndIsAudited() throws {
        let lotse = try Self.region()
        let sven = try lotse.office.login(name: "sven", password: TestLotse.password)
        let out = lotse.directory.file("backup.db")
        let summary = try lotse.office.backup(by: sven, to: .file(out, force: false))
        let copy = try Store(readingOnly: out)
        defer { copy.close() }
        for table in ["users", "clients", "cases", "transitions", "submissions", "definitions"] {
            #expect(try Self.count(copy, table) == Self.count(lotse.sqlite, table), "\(table)")
        }
        let verification = try copy.audit.verify()
        #expect(verification.isIntact)
        #expect(summary.head == "\(verification.rowsChecked):\(verification.head!)")
        #expect(try copy.database.scalar("PRAGMA journal_mode")?.string == "delete")
        #expect(!FileManager.default.fileExists(atPath: out + "-wal"))
        var info = stat()
        #expect(stat(out, &info) == 0 && info.st_mode & 0o777 == 0o600 && Int(info.st_size) == summary.bytes)
        var row: AuditEntry?
        try lotse.store.audit.query(AuditFilter(action: "backup")) { row = $0 }
        #expect(row?.draft.actor == "sven")
        #expect(row?.draft.detail?.contains(summary.sha256) == true)
        #expect(row?.draft.detail?.contains("\"head\":\"\(summary.head)\"") == true)
        // The backup row is the next one after the copy's head: nothing between.
        #expect(row?.seq == verification.rowsChecked + 1)
    }

    @Test func anExistingFileIsReplacedOnlyWithForceAndOtherRolesAreRefused() throws {
        let lotse = try Self.region()
        let root = try lotse.office.login(name: "root", password: TestLotse.password)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        let out = lotse.directory.file("backup.db")
        try "an older backup\n".write(toFile: out, atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try lotse.office.backup(by: root, to: .file(out, force: false)) }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "an older backup\n")
        #expect(throws: CasesError.self) { try lotse.office.backup(by: carla, to: .file(out, force: true)) }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "an older backup\n")
        _ = try lotse.office.backup(by: root, to: .file(out, force: true))
        #expect(try Store(readingOnly: out).audit.verify().isIntact)
        #expect(throws: BackupError.self) { try lotse.office.backup(by: root, to: .stream { _ in }) }
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: lotse.directory.path)) ?? [])
            .contains { $0.hasPrefix(".lotse-output") })
    }

    @Test func aBackupTakenWhileAnotherConnectionWritesIsConsistent() throws {
        let lotse = try Self.region()
        let path = lotse.databasePath
        final class Flag: @unchecked Sendable { var stop = false; var written = 0; var failure: String? }
        let flag = Flag()
        let writer = Thread {
            do {
                let store = try Store(path: path)
                while !flag.stop {
                    try store.transaction {
                        try store.audit.append(AuditDraft(at: "2026-11-25T10:00:00.000Z", actor: "writer", action: "test.write"))
                    }
                    flag.written += 1
                    usleep(1000)
                }
                store.close()
            } catch {
                flag.failure = "\(error)"
            }
        }
        writer.start()
        let sven = try lotse.office.login(name: "sven", password: TestLotse.password)
        while flag.written < 20 && flag.failure == nil { usleep(1000) }
        for i in 1...3 {
            let out = lotse.directory.file("during-\(i).db")
            let summary = try lotse.office.backup(by: sven, to: .file(out, force: false))
            let copy = try Store(readingOnly: out)
            #expect(try copy.audit.verify().isIntact)
            #expect(summary.head.hasPrefix("\(try copy.audit.head()!.seq):"))
            copy.close()
        }
        flag.stop = true
        while !writer.isFinished { usleep(1000) }
        #expect(flag.failure == nil)
        #expect(flag.written > 20)
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func afterTheShellEndsTheDatabaseFileAloneHoldsEveryCommittedChange() throws {
        let lotse = try Self.region()
        lotse.store.close()
        let script = lotse.directory.file("work.lotse")
        try """
            login carla
            form submit 1 consent given=yes purposes="team_diagnostics" recipients="x" date=2026-11-03 form=paper
            fire 1 consent_given
            client add --sex m --birth-year 1980 --applicant-type AP
            case open 2

            """.write(toFile: script, atomically: true, encoding: .utf8)
        for ending in ["", "quit\n"] {
            try (try String(contentsOfFile: script, encoding: .utf8) + ending).write(toFile: script, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TerminalTests.executable!)
            process.arguments = ["--db", lotse.databasePath, "--definitions", TestLotse.repository, "--keep-going", script]
            process.environment = ["LOTSE_PASSWORD": TestLotse.password]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            // No write-ahead log left: a plain copy of the database file is complete.
            #expect(!FileManager.default.fileExists(atPath: lotse.databasePath + "-wal"))
            let copyDir = TemporaryDirectory()
            try FileManager.default.copyItem(atPath: lotse.databasePath, toPath: copyDir.file("copy.db"))
            let copy = try Store(readingOnly: copyDir.file("copy.db"))
            #expect(try copy.database.scalar("SELECT COUNT(*) FROM transitions WHERE event = 'consent_given'")?.int == 1)
            #expect(try copy.audit.verify().isIntact)
            copy.close()
        }
    }

    @Test(.enabled(if: TerminalTests.executable != nil, "the lotse executable is built by swift test"))
    func aTerminatedShellClosesTheDatabaseToo() throws {
        let lotse = try Self.region()
        lotse.store.close()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TerminalTests.executable!)
        process.arguments = ["--db", lotse.databasePath, "--definitions", TestLotse.repository, "--lang", "en", "-"]
        process.environment = ["LOTSE_PASSWORD": TestLotse.password]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("login carla\nclient add --sex m --birth-year 1980 --applicant-type AP\n".utf8))
        var seen = ""
        while !seen.contains("added client 2") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(FileManager.default.fileExists(atPath: lotse.databasePath + "-wal"))
        // Standard input stays open: only the signal ends the shell.
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(!FileManager.default.fileExists(atPath: lotse.databasePath + "-wal"))
        let copyDir = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: lotse.databasePath, toPath: copyDir.file("copy.db"))
        let copy = try Store(readingOnly: copyDir.file("copy.db"))
        #expect(try copy.database.scalar("SELECT COUNT(*) FROM clients")?.int == 2)
        copy.close()
    }
}
