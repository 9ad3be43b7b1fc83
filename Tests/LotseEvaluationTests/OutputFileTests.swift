import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
@testable import LotseStore
import LotseTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Output files (issue 9, deliverable 1): the database is never a target, existing files need
/// --force, a device or FIFO is written through, and a file appears only once its audit row has
/// committed. Only the test's own temporary folder is ever written.
@Suite struct OutputFileTests {
    static func evaluator() throws -> (TestLotse, Actor) {
        let lotse = try TestLotse()
        let result = lotse.run("init --admin root\nsite add b B\nuser add eva --role evaluator\n")
        precondition(result.status == .ok, result.output)
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)
        return (lotse, eva)
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { Array($0) } }

    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func aLinkOrHardLinkToTheDatabaseIsRefusedAndNothingChanges() throws {
        let (lotse, eva) = try Self.evaluator()
        let db = lotse.databasePath
        let soft = lotse.directory.file("soft.db"), hard = lotse.directory.file("hard.db")
        try FileManager.default.createSymbolicLink(atPath: soft, withDestinationPath: db)
        #expect(link(db, hard) == 0)
        let before = Self.bytes(db)
        let rowsBefore = try lotse.store.audit.count()
        for path in [soft, hard, db + "-wal", lotse.directory.path + "/../" + (lotse.directory.path as NSString).lastPathComponent + "/lotse.db"] {
            #expect(throws: OutputError.self) { try lotse.office.exportCodebook(by: eva, to: .file(path, force: true)) }
        }
        // A dangling link to the (not existing) journal is refused too.
        let dangling = lotse.directory.file("journal-link")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: db + "-journal")
        #expect(throws: OutputError.self) { try lotse.office.exportCodebook(by: eva, to: .file(dangling, force: true)) }
        #expect(Self.bytes(db) == before)
        #expect(try lotse.store.audit.count() == rowsBefore)
        #expect(!Self.entries(lotse.directory.path).contains { $0.hasPrefix(".lotse-output") })
    }

    @Test func aSymlinkToAFileKeepsTheLinkAndReplacesTheTargetOnlyWithForce() throws {
        let (lotse, eva) = try Self.evaluator()
        let target = lotse.directory.file("target.csv"), link = lotse.directory.file("link.csv")
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: OutputError.self) { try lotse.office.exportCodebook(by: eva, to: .file(link, force: false)) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        let summary = try lotse.office.exportCodebook(by: eva, to: .file(link, force: true))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("variable,label_de"))
        #expect(summary.bytes == written.utf8.count)
    }

    @Test func aFIFOIsWrittenThroughAndStaysAFIFO() throws {
        let (lotse, eva) = try Self.evaluator()
        let fifo = lotse.directory.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on another thread, as `cat pipe` would be.
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { box.data = handle.readDataToEndOfFile() }
        }
        reader.start()
        let summary = try lotse.office.exportCodebook(by: eva, to: .file(fifo, force: false))
        while !reader.isFinished { usleep(1000) }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(box.data.count == summary.bytes)
        #expect(String(decoding: box.data, as: UTF8.self).hasPrefix("variable,"))
        #expect(!Self.entries(lotse.directory.path).contains { $0.hasPrefix(".lotse-output") })
    }

    @Test func noFileWithoutItsAuditRowWhenTheCommitFails() throws {
        let (lotse, eva) = try Self.evaluator()
        // As a full disk would: the audit row of the export cannot be written.
        try lotse.sqlite.database.execute("""
            CREATE TEMP TRIGGER full_disk BEFORE INSERT ON audit WHEN NEW.action = 'export.codebook'
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
            """)
        let out = lotse.directory.file("codebook.csv")
        let rows = try lotse.store.audit.count()
        #expect(throws: StoreError.self) { try lotse.office.exportCodebook(by: eva, to: .file(out, force: false)) }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!Self.entries(lotse.directory.path).contains { $0.hasPrefix(".lotse-output") })
        #expect(try lotse.store.audit.count() == rows)
    }

    @Test func theFileAppearsOnlyAfterItsAuditRowCommitted() throws {
        let (lotse, _) = try Self.evaluator()
        let out = lotse.directory.file("x.txt")
        let file = try lotse.office.output(.file(out, force: false))
        try file.write("content\n")
        let sha = try file.finish()
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(FileManager.default.fileExists(atPath: file.stagingPath))
        var mode = stat()
        #expect(stat(file.stagingPath, &mode) == 0 && mode.st_mode & 0o777 == 0o600)
        try file.publish()
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "content\n")
        #expect(!FileManager.default.fileExists(atPath: file.stagingPath))
        #expect(sha == "434728a410a78f56fc1b5899c3593436e61ab0c731e9072d95e96db290205e53")
    }

    @Test func aFileCreatedMeanwhileIsNotReplacedWithoutForce() throws {
        let (lotse, _) = try Self.evaluator()
        let out = lotse.directory.file("race.txt")
        let file = try lotse.office.output(.file(out, force: false))
        try file.write("mine\n")
        try "theirs\n".write(toFile: out, atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try file.publish() }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "theirs\n")
        file.discard()
    }

    @Test func standardOutputGetsWholeCharactersInOrder() throws {
        let (lotse, _) = try Self.evaluator()
        var received = ""
        let file = try lotse.office.output(.stream { received += $0 })
        let text = String(repeating: "Ärztlicher Dienst · 診断 · 🩺\n", count: 5_000)
        try file.write(text)
        #expect(received.isEmpty)
        try file.publish()
        #expect(received == text)
        #expect(OutputFile.completeLength([0x41, 0xC3]) == 1)
        #expect(OutputFile.completeLength([0x41, 0xC3, 0x84]) == 3)
        #expect(OutputFile.completeLength([0xF0, 0x9F, 0xA9]) == 0)
    }
}
