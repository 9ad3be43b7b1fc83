import Testing
@testable import LotseStore
import LotseTestSupport

struct Boom: Error {}

@Suite struct TransactionTests {
    @Test func changeAndAuditRowRollBackTogetherWhenTheBodyThrows() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("t.db"))
        #expect(throws: Boom.self) {
            try store.transaction {
                _ = try store.directory.insertSite(code: "x", name: "X", at: "2026-11-25T09:00:00.000Z")
                try store.audit.append(AuditDraft(at: "2026-11-25T09:00:00.000Z", actor: "a", action: "site.add"))
                throw Boom()
            }
        }
        #expect(try store.directory.sites().isEmpty)
        #expect(try store.audit.count() == 0)
    }

    @Test func changeIsRolledBackWhenItsAuditRowCannotBeWritten() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("t.db"))
        try store.database.execute("""
            CREATE TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END
            """)
        #expect(throws: StoreError.self) {
            try store.transaction {
                _ = try store.directory.insertSite(code: "x", name: "X", at: "2026-11-25T09:00:00.000Z")
                try store.audit.append(AuditDraft(at: "2026-11-25T09:00:00.000Z", actor: "a", action: "site.add"))
            }
        }
        #expect(try store.directory.sites().isEmpty)
        #expect(!store.database.inTransaction)
    }

    @Test func auditRowIsRolledBackWhenTheChangeFails() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("t.db"))
        try store.transaction {
            _ = try store.directory.insertSite(code: "x", name: "X", at: "t")
            try store.audit.append(AuditDraft(at: "2026-11-25T09:00:00.000Z", actor: "a", action: "site.add"))
        }
        #expect(throws: StoreError.self) {
            try store.transaction {
                try store.audit.append(AuditDraft(at: "2026-11-25T09:00:00.000Z", actor: "a", action: "site.add"))
                _ = try store.directory.insertSite(code: "x", name: "again", at: "t")  // UNIQUE violation
            }
        }
        #expect(try store.audit.count() == 1)
        #expect(try store.directory.sites().count == 1)
    }

    @Test func aCoveredWriteWithoutItsAuditRowIsRolledBack() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("t.db"))
        #expect {
            try store.transaction { _ = try store.directory.insertSite(code: "x", name: "X", at: "t") }
        } throws: { error in
            "\(error)" == "internal error: site 1 written without an audit row; nothing was changed"
        }
        #expect(try store.directory.sites().isEmpty)
        #expect(!store.database.inTransaction)
    }

    @Test func nestedTransactionsJoinTheOuterOne() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("t.db"))
        #expect(throws: Boom.self) {
            try store.transaction {
                try store.transaction { _ = try store.directory.insertSite(code: "inner", name: "I", at: "t") }
                throw Boom()
            }
        }
        #expect(try store.directory.sites().isEmpty)
    }

    @Test func timestampsSortInTimeOrder() {
        #expect(Timestamp.string(.init(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.string(.init(timeIntervalSince1970: 1_795_597_200.25)) == "2026-11-25T09:00:00.250Z")
        #expect(Timestamp.string(.init(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(Timestamp.normalise("2026-02-29") == nil)
        #expect(Timestamp.normalise("2028-02-29") == "2028-02-29T00:00:00.000Z")
        #expect(Timestamp.normalise("2026-11-25T10:15Z") == "2026-11-25T10:15:00.000Z")
        #expect(Timestamp.dayAfter("2026-12-31") == "2027-01-01T00:00:00.000Z")
    }
}
