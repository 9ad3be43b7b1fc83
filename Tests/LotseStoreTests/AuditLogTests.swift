import Testing
@testable import LotseStore
import LotseTestSupport

@Suite struct AuditLogTests {
    func draft(_ n: Int, action: String = "test") -> AuditDraft {
        AuditDraft(at: "2026-11-25T09:00:0\(n % 10).000Z", actor: "alice", role: "admin", action: action,
                   detail: "{\"n\":\(n)}")
    }

    func storeWithRows(_ count: Int) throws -> (TemporaryDirectory, Store) {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("a.db"))
        for n in 1...count { try store.transaction { try store.audit.append(draft(n)) } }
        return (dir, store)
    }

    /// Expected values computed independently with Python's hashlib over the documented encoding
    /// (see AuditEncoding): sha256(bytes(32) + enc(fields)).
    @Test func canonicalEncodingHashesToTheDocumentedValue() {
        let first = AuditDraft(at: "2026-01-01T00:00:00.000Z", actor: "alice", role: "admin", action: "init",
                               detail: "{\"admin\":\"alice\"}")
        #expect(Hex.encode(AuditEncoding.encode(seq: 1, first)) ==
            "0100000001310100000018323032362d30312d30315430303a30303a30302e3030305a0100000005616c696365010000000561"
            + "646d696e0100000004696e69740000000001000000117b2261646d696e223a22616c696365227d")
        let h1 = AuditEncoding.hash(prevHash: AuditEncoding.genesisHash, seq: 1, first)
        #expect(h1 == "68092c59582bfc551c807dafbcd51774312aa9d5958f97fc797768e7840ab46f")
        // Non-ASCII, a case id, and an empty (not NULL) detail.
        let second = AuditDraft(at: "2026-01-01T00:00:01.000Z", actor: "Jörg", role: "caseworker", action: "transition",
                                caseID: 17, event: "decide", fromState: "capacity_review", toState: "capacity_signoff",
                                detail: "")
        #expect(AuditEncoding.hash(prevHash: h1!, seq: 2, second)
            == "c62e1d52f8ed1590c9949b3b5c4236509dec3c014a65b3f6849499a17b4adefd")
    }

    @Test func nullAndEmptyEncodeDifferently() {
        var a = draft(1)
        a.detail = nil
        var b = draft(1)
        b.detail = ""
        #expect(AuditEncoding.encode(seq: 1, a) != AuditEncoding.encode(seq: 1, b))
    }

    @Test func appendedRowsFormAChainThatVerifies() throws {
        let (_, store) = try storeWithRows(5)
        let result = try store.audit.verify()
        #expect(result.isIntact)
        #expect(result.rowsChecked == 5)
        #expect(result.head == (try store.audit.head())?.hash)
        var seqs: [Int] = []
        try store.audit.query(AuditFilter()) { seqs.append($0.seq) }
        #expect(seqs == [1, 2, 3, 4, 5])
    }

    @Test func updateDeleteAndReplaceAreRefusedByTriggers() throws {
        let (_, store) = try storeWithRows(2)
        for sql in ["UPDATE audit SET actor = 'mallory' WHERE seq = 1", "DELETE FROM audit WHERE seq = 2",
                    "INSERT OR REPLACE INTO audit SELECT * FROM audit WHERE seq = 1"] {
            #expect {
                try store.database.run(sql)
            } throws: { error in
                (error as? StoreError)?.code == .constraintTrigger
            }
        }
        #expect(try store.audit.verify().isIntact)
    }

    @Test func insertThatDoesNotExtendTheChainIsRefused() throws {
        let (_, store) = try storeWithRows(2)
        #expect(throws: StoreError.self) {
            try store.database.run("""
                INSERT INTO audit (seq, at, actor, action, prev_hash, hash) VALUES (3, 'x', 'm', 'a', 'bad', 'bad')
                """)
        }
    }

    @Test func changedRowIsNamedByVerify() throws {
        let (_, store) = try storeWithRows(6)
        try store.database.execute("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE seq = 4")
        let result = try store.audit.verify()
        #expect(result.failure?.seq == 4)
        #expect(result.rowsChecked == 3)
        if case .hashMismatch? = result.failure?.reason {} else { Issue.record("expected a hash mismatch") }
    }

    @Test func deletedRowIsNamedByVerify() throws {
        let (_, store) = try storeWithRows(6)
        try store.database.execute("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 3")
        let result = try store.audit.verify()
        #expect(result.failure == AuditBreak(seq: 3, reason: .missing(found: 4)))
    }

    @Test func rewrittenTailIsCaughtByItsLink() throws {
        // Someone changes row 2 and recomputes its hash: row 3's prev_hash no longer matches.
        let (_, store) = try storeWithRows(4)
        var changed = draft(2)
        changed.actor = "mallory"
        let prev = try store.database.scalar("SELECT hash FROM audit WHERE seq = 1")!.string!
        let forged = AuditEncoding.hash(prevHash: prev, seq: 2, changed)!
        try store.database.execute("DROP TRIGGER audit_no_update")
        try store.database.run("UPDATE audit SET actor = 'mallory', hash = ? WHERE seq = 2", [.text(forged)])
        let result = try store.audit.verify()
        #expect(result.failure?.seq == 3)
        if case .brokenLink? = result.failure?.reason {} else { Issue.record("expected a broken link") }
    }

    @Test func queryFilters() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file("q.db"))
        try store.transaction {
            try store.audit.append(AuditDraft(at: "2026-11-01T08:00:00.000Z", actor: "a", action: "login"))
            try store.audit.append(AuditDraft(at: "2026-11-02T08:00:00.000Z", actor: "b", action: "login.failed"))
            try store.audit.append(AuditDraft(at: "2026-11-03T08:00:00.000Z", actor: "a", action: "loginx", caseID: 7))
            try store.audit.append(AuditDraft(at: "2026-11-04T08:00:00.000Z", actor: "b", action: "user.add", caseID: 7))
            try store.audit.append(AuditDraft(at: "2026-11-05T08:00:00.000Z", actor: "a", action: "login"))
            try store.audit.append(AuditDraft(at: "2026-11-06T08:00:00.000Z", actor: "c", action: "login.failed"))
        }
        func seqs(_ filter: AuditFilter) throws -> [Int] {
            var out: [Int] = []
            try store.audit.query(filter) { out.append($0.seq) }
            return out
        }
        // The action and its refinements, merged in seq order, with and without --last.
        #expect(try seqs(AuditFilter(action: "login")) == [1, 2, 5, 6])
        #expect(try seqs(AuditFilter(action: "login", last: 3)) == [2, 5, 6])
        #expect(try seqs(AuditFilter(action: "login.failed")) == [2, 6])
        #expect(try seqs(AuditFilter(actor: "a", action: "login", last: 5)) == [1, 5])
        #expect(try seqs(AuditFilter(actor: "a")) == [1, 3, 5])
        #expect(try seqs(AuditFilter(caseID: 7)) == [3, 4])
        #expect(try seqs(AuditFilter(since: "2026-11-02T00:00:00.000Z", until: "2026-11-04T00:00:00.000Z")) == [2, 3])
        #expect(try seqs(AuditFilter(last: 2)) == [5, 6])
        #expect(try seqs(AuditFilter(actor: "a'; DROP TABLE audit; --")) == [])
    }
}
