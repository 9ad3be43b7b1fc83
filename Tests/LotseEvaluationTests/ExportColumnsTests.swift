import Foundation
@testable import LotseCases
@testable import LotseEvaluation
@testable import LotseStore
import LotseTestSupport
import Testing

/// The export's compiled columns (`ExportColumns`: what several columns read derived once per
/// case) give, on every case of the demo region, what each variable's own rule gives, and the
/// keyed pseudonyms and dates read by bytes what they read by characters.
@Suite("Export columns")
struct ExportColumnsTests {
    @Test(arguments: ExportContext.Precision.allCases)
    func theCompiledRowsEqualTheRulesVariableByVariable(precision: ExportContext.Precision) throws {
        let store = try Store(path: try SharedDemoRegion.shared.get().path)
        let definitions = DefinitionSet(directory: TestLotse.repository, store: store)
        let variables = EvaluationVariables.all(definitions)
        let key = Array(UInt8(0)..<32)
        // With the sites' approvals, and without (so that cases without consent have no legal basis).
        let contexts = [try store.randomisation.sitesWithApproval(), []].map { approved in
            ExportContext(precision: precision, asOf: "2026-12-31", approvedSites: approved) { Office.pseudonym($0, key: key) }
        }
        let compiled = contexts.map { ExportColumns(variables, $0) }
        let open = Set(definitions.forms.forms.values.filter { $0.access == .open }.map(\.id))
        let forms = EvaluationVariables.sourceForms.union(EvaluationVariables.repeatColumns(definitions).map(\.form))
            .filter(open.contains).sorted()
        var rows = 0, outcomes = 0, withoutBasis = 0
        try CaseFactStream(queries: store.evaluation, forms: forms).forEach(site: nil, asOf: "2026-12-31T23:59:59.999Z") { facts in
            for (context, columns) in zip(contexts, compiled) {
                let expected = variables.map { $0.value(facts, context) }
                #expect(columns.values(facts) == expected, "case \(facts.caseID)")
                if Derivations.legalBasis(facts, context) == .none { withoutBasis += 1 }
            }
            rows += 1
            if Derivations.outcome(facts) != nil { outcomes += 1 }
        }
        #expect(rows == SharedDemoRegion.clients)
        // The region holds both kinds of case the shared derivations tell apart.
        #expect(outcomes > 0 && withoutBasis > 0)
    }

    @Test func thePseudonymKeyGivesTheOnePseudonymPerClient() {
        let key = Array(UInt8(7)..<39)
        let keyed = PseudonymKey(key)
        // HMAC-SHA256 under the key, computed afresh for each client.
        for client in [1, 2, 17, 60_000] {
            let expected = HMACReference.pseudonym(client, key: key)
            #expect(keyed.pseudonym(client) == expected)
            #expect(Office.pseudonym(client, key: key) == expected)
        }
        #expect(keyed.pseudonym(1) != keyed.pseudonym(2))
        #expect(keyed.pseudonym(1) != PseudonymKey(Array(UInt8(8)..<40)).pseudonym(1))
    }

    @Test func datesAreCutByCharactersWhateverTheBytes() {
        let day = ExportContext(precision: .day, asOf: "2026-12-31", approvedSites: []) { _ in "" }
        let month = ExportContext(precision: .month, asOf: "2026-12-31", approvedSites: []) { _ in "" }
        #expect(day.date("2026-03-04T10:11:12.000Z") == "2026-03-04")
        #expect(month.date("2026-03-04T10:11:12.000Z") == "2026-03")
        #expect(day.date("2026-03-04") == "2026-03-04")
        #expect(day.date("2026-03-0") == nil)
        #expect(day.date(nil) == nil)
        #expect(day.date("") == nil)
        // Not ASCII: ten characters are more than ten bytes, and a mark joins the character before it.
        #expect(day.date("2026-03-ä4x") == "2026-03-ä4")
        #expect(day.date("2026-03-04\u{301}x") == "2026-03-04\u{301}")
        #expect(day.date("ääääääääää") == "ääääääääää")
        #expect(day.date("äääääää") == nil)
        // A carriage return and a line feed are one character.
        #expect(day.date("2026-03\r\n0456") == "2026-03\r\n04")
        #expect(day.date("2026-03-0\r\n") == "2026-03-0\r\n")
        #expect(day.date("2026-03-\r\n") == nil)
    }
}

/// HMAC-SHA256 by its definition (RFC 2104), with no state kept between clients.
private enum HMACReference {
    static func pseudonym(_ client: Int, key: [UInt8]) -> String {
        let block = key + [UInt8](repeating: 0, count: 64 - key.count)
        let inner = sha256(block.map { $0 ^ 0x36 } + Array("client:\(client)".utf8))
        let outer = sha256(block.map { $0 ^ 0x5C } + inner)
        return String(hex(outer).prefix(20))
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array(DefinitionSet.sha256(bytes).utf8)
        return stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
