import Foundation
import Testing
@testable import LotseStore
import LotseTestSupport

@Suite struct MigrationTests {
    @Test func emptyDatabaseIsMigratedToTheLatestVersion() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("a.db"))
        #expect(try Migrator.currentVersion(of: store.database) == Schema.migrator.latestVersion)
        let tables = try store.database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0[0].string }
        #expect(tables.contains("audit") && tables.contains("users") && tables.contains("sites"))
    }

    @Test func migratedDatabaseIsLeftAlone() throws {
        let dir = TemporaryDirectory()
        _ = try Store(path: dir.file("a.db"))
        let database = try Database(path: dir.file("a.db"))
        #expect(try Schema.migrator.migrate(database) == [])
        #expect(try Migrator.currentVersion(of: database) == Schema.migrator.latestVersion)
    }

    @Test func migrationsApplyInOrderAndEachRecordsItsVersion() throws {
        let dir = TemporaryDirectory()
        let database = try Database(path: dir.file("m.db"))
        let first = Migrator([Migration(version: 1, name: "one", sql: "CREATE TABLE one (x)")])
        #expect(try first.migrate(database) == [1])
        let both = Migrator(first.migrations + [Migration(version: 2, name: "two", sql: "CREATE TABLE two (y)")])
        #expect(try both.migrate(database) == [2])
        #expect(try Migrator.currentVersion(of: database) == 2)
    }

    @Test func failingMigrationLeavesThePreviousVersion() throws {
        let dir = TemporaryDirectory()
        let database = try Database(path: dir.file("m.db"))
        let migrator = Migrator([
            Migration(version: 1, name: "one", sql: "CREATE TABLE one (x)"),
            Migration(version: 2, name: "broken", sql: "CREATE TABLE two (y); CREATE TABLE one (x)"),
        ])
        #expect(throws: StoreError.self) { try migrator.migrate(database) }
        #expect(try Migrator.currentVersion(of: database) == 1)
        #expect(try database.query("SELECT name FROM sqlite_master WHERE name = 'two'").isEmpty)
    }

    @Test func newerDatabaseIsRefusedAndUnchanged() throws {
        let dir = TemporaryDirectory()
        let database = try Database(path: dir.file("new.db"))
        try database.execute("PRAGMA user_version = 99")
        #expect {
            _ = try Store(path: dir.file("new.db"))
        } throws: { error in
            guard case let StoreError.newerSchema(_, found, known) = error else { return false }
            return found == 99 && known == Schema.migrator.latestVersion
                && "\(error)".contains("newer Lotse")
        }
        #expect(try database.query("SELECT name FROM sqlite_master").isEmpty)
    }

    @Test func newerDatabaseInRollbackJournalModeStaysByteForByteTheSame() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("newer.db")
        let database = try Database(path: path)
        try database.execute("PRAGMA journal_mode=DELETE; CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 99")
        database.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before[18] == 1 && before[19] == 1)  // the header says: rollback journal
        #expect(throws: StoreError.self) { _ = try Store(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func databaseFileIsPrivateAndDurable() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("p.db"))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("p.db"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try store.database.scalar("PRAGMA journal_mode")?.string == "wal")
        #expect(try store.database.scalar("PRAGMA synchronous")?.int == 2)  // FULL
        #expect(try store.database.scalar("PRAGMA foreign_keys")?.int == 1)
    }

    @Test func sqliteErrorsCarryCodeMessageAndStatement() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("e.db"))
        #expect {
            try store.database.run("INSERT INTO nowhere VALUES (?)", [.int(1)])
        } throws: { error in
            let text = "\(error)"
            return text.contains("no such table: nowhere") && text.contains("INSERT INTO nowhere")
                && (error as? StoreError)?.code == ResultCode(1)
        }
    }
}
