import Foundation
import Testing
@testable import LotseStore
import LotseTestSupport

/// `audit verify` encodes each stored row straight from SQLite's buffers; the encoding must be
/// the one `AuditEncoding.encode` gives the row's draft, for every shape of row.
@Suite struct AuditRowEncodingTests {
    static let drafts: [AuditDraft] = [
        AuditDraft(at: "2026-11-25T09:00:00.000Z", actor: "root", action: "init"),
        AuditDraft(at: "t", actor: "carla", role: "caseworker", action: "transition", caseID: 12, event: "decide",
                   fromState: "capacity_review", toState: "capacity_signoff", detail: #"{"cond":"ä ö ü ß €"}"#),
        AuditDraft(at: "", actor: "", role: "", action: "", caseID: 0, event: "", fromState: "", toState: "",
                   detail: ""),
        AuditDraft(at: "t", actor: "x", action: "case.open", caseID: 9_007_199_254_740_993,
                   detail: String(repeating: "lang ", count: 5_000),
                   records: "case 1 " + String(repeating: "ab", count: 32) + "\ntransition 7 " + String(repeating: "0", count: 64)),
    ]

    @Test func theRawEncodingOfEveryStoredRowIsTheDraftsEncoding() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.file("encoding.db"))
        try database.execute("CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT, actor TEXT, role TEXT, action TEXT, "
                             + "case_id INTEGER, event TEXT, from_state TEXT, to_state TEXT, detail TEXT, prev_hash TEXT, "
                             + "hash TEXT, records TEXT)")
        for (index, draft) in Self.drafts.enumerated() {
            try database.run("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)", [
                .int(index + 1), .text(draft.at), .text(draft.actor), draft.role.map(SQLValue.text) ?? .null,
                .text(draft.action), .int(draft.caseID), draft.event.map(SQLValue.text) ?? .null,
                draft.fromState.map(SQLValue.text) ?? .null, draft.toState.map(SQLValue.text) ?? .null,
                draft.detail.map(SQLValue.text) ?? .null, draft.records.map(SQLValue.text) ?? .null,
            ])
        }
        var seen = 0
        try database.forEachRaw("SELECT \(AuditLog.columns) FROM audit ORDER BY seq") { row in
            var raw: [UInt8] = []
            AuditLog.appendRawFields(row, seq: row.int(0), to: &raw)
            #expect(raw == AuditEncoding.encode(seq: seen + 1, Self.drafts[seen]), "draft \(seen)")
            seen += 1
        }
        #expect(seen == Self.drafts.count)
    }

    @Test func recordHashesReadInPlaceEqualThoseFromValues() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.file("records.db"))
        try Schema.migrator.migrate(database)
        try database.execute("""
            INSERT INTO sites (code, name, created_at) VALUES ('b', 'Bocholt – Süd', '2026-01-01');
            INSERT INTO sites (code, name, created_at) VALUES ('v', '', '2026-01-02');
            """)
        let kind = CoveredRecords.byName["site"]!
        var scratch: [UInt8] = []
        var raw: [Digest32] = []
        try database.forEachRaw(kind.select + " ORDER BY r.id") { raw.append(kind.hash(raw: $0, scratch: &scratch)) }
        let fromValues = try database.query(kind.select + " ORDER BY r.id").map { kind.hash($0.values) }
        #expect(raw == fromValues)
        #expect(raw.count == 2)
    }

    @Test func hashesParseAsLowercaseHexOnlyWhenAsked() {
        let lower = Array(String(repeating: "ab", count: 32).utf8)
        let upper = Array(String(repeating: "AB", count: 32).utf8)
        lower.withUnsafeBufferPointer { #expect(Digest32(hex: $0, lowercaseOnly: true)?.hex == String(decoding: lower, as: UTF8.self)) }
        upper.withUnsafeBufferPointer {
            #expect(Digest32(hex: $0, lowercaseOnly: true) == nil)
            #expect(Digest32(hex: $0)?.hex == String(decoding: lower, as: UTF8.self))
        }
        let bad = Array((String(repeating: "0", count: 63) + "g").utf8)
        bad.withUnsafeBufferPointer { #expect(Digest32(hex: $0) == nil) }
    }
}
