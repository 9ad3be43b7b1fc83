import Foundation
import Testing
@_spi(Office) @testable import LotseCases
@_spi(Office) @testable import LotseEvaluation
@testable import LotseStore
import LotseTestSupport

/// Issue 10: the reports read their counts as of every earlier month end from one scan of the
/// cases' timelines. On the demo region, every case's facts derived from its timeline as of a
/// bound are those the scan with that bound reads, and every report (every table, note, datum,
/// chart and curve) is the same from the one scan as from one scan per month end.
@Suite(.serialized) struct MonthEndScanTests {
    /// A case's facts in a form that compares.
    static func text(_ f: CaseFacts) -> String {
        let codes = ["\(f.caseID)", "\(f.clientID)", f.workflow, f.site, f.sex, "\(f.birthYear)", f.applicantType,
                     f.openedAt, f.state, f.group?.rawValue ?? "-"]
        return codes.joined(separator: " ") + " | " + f.entered.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            + " | " + f.transitions.map { "\($0.event) \($0.from ?? "-") \($0.to) \($0.at)" }.joined(separator: ",")
            + " | " + f.forms.sorted { $0.key < $1.key }.map { form, entries in
                form + ":" + entries.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";") }
                    .joined(separator: "/")
            }.joined(separator: ",")
    }

    /// The bounds compared: month ends across the region's period, a moment inside a day, and after its end.
    static let bounds = ["2025-01-31T23:59:59.999Z", "2025-04-30T23:59:59.999Z", "2025-09-15T12:00:00.000Z",
                         "2025-12-31T23:59:59.999Z", "2026-03-31T23:59:59.999Z", "2026-08-31T23:59:59.999Z",
                         "2099-12-31T23:59:59.999Z"]

    /// Every case's facts from the timelines up to the last bound, as of each bound.
    static func fromTimelines(_ stream: CaseFactStream) throws -> [[String]] {
        var facts = [[String]](repeating: [], count: bounds.count)
        try stream.forEachTimeline(site: nil, asOf: bounds.last!) { timeline in
            for (index, bound) in bounds.enumerated() {
                if let f = timeline.facts(asOf: bound) { facts[index].append(text(f)) }
            }
        }
        return facts
    }

    static func forms(_ definitions: DefinitionSet) -> [String] {
        let open = Set(definitions.forms.forms.values.filter { $0.access == .open }.map(\.id))
        return EvaluationVariables.sourceForms.union(EvaluationVariables.repeatColumns(definitions).map(\.form))
            .filter(open.contains).sorted()
    }

    @Test func aTimelineGivesTheFactsAsOfEveryBound() throws {
        let built = try SharedDemoRegion.shared.get()
        let store = try Store(readingOnly: built.path)
        defer { store.close() }
        let stream = CaseFactStream(queries: store.evaluation, forms: Self.forms(DefinitionSet(directory: TestLotse.repository, store: store)))
        let derived = try Self.fromTimelines(stream)
        for (index, bound) in Self.bounds.enumerated() {
            var read: [String] = []
            try stream.forEach(site: nil, asOf: bound) { read.append(Self.text($0)) }
            #expect(read == derived[index], "\(bound)")
        }
        #expect(derived.first!.count > 10 && derived.first! != derived.last!)
        // The region corrects submissions, so the history holds superseded ones.
        let history = try store.evaluation.valueHistory(asOf: Self.bounds.last!, forms: stream.forms).collect()
        #expect(history.contains { $0.supersededAt != nil })
        #expect(history.count > (try store.evaluation.currentValues(asOf: Self.bounds.last!, forms: stream.forms).collect().count))
    }

    /// The demo region's office with a clock after its end.
    static func office() throws -> (Office, Actor, sites: [String]) {
        let built = try SharedDemoRegion.shared.get()
        let copy = built.directory.file("month-ends-\(UUID().uuidString).db")
        try Store(path: built.path).database.execute("VACUUM INTO '\(copy)'")
        let store = try Store(path: copy)
        let office = Office(store: store, definitions: DefinitionSet(directory: TestLotse.repository, store: store),
                            clock: StepClock(start: Date(timeIntervalSince1970: 1_796_461_200)))   // 2026-12-05T09:00:00Z
        let eva = try office.login(name: "eva", password: SharedDemoRegion.password)
        return (office, eva, try store.directory.sites().map(\.code).sorted())
    }

    static func text(_ tables: [ReportTable]) -> [String] {
        tables.map { "\($0.key) \($0.title) \($0.columns) \($0.rows) \($0.notes) \($0.data)" }
    }

    /// Every report as text, built with `scan`; a refusal (a site too small) as its message.
    static func reports(_ office: Office, _ eva: Actor, site: String?, asOf: String?, scan: MonthEndScan) -> [String] {
        func attempt(_ body: () throws -> [String]) -> [String] {
            do { return try body() } catch { return ["refused: \(error)"] }
        }
        var all: [String] = []
        for language in ["de", "en"] {
            all += attempt {
                let report = try EvaluationReport.build(office, by: eva, site: site, asOf: asOf, protect: true, scan: scan)
                return text(report.tables(language: language)) + ["\(report.chart(language: language))",
                                                                  report.curves(language: language)]
            }
        }
        all += attempt { ["\(try FlowReport.build(office, by: eva, site: site, asOf: asOf, protect: true, scan: scan))"] }
        for (byWZ, level) in [(false, 1), (false, 3), (true, 2), (true, 5)] {
            all += attempt {
                ["\(try PlacementReport.build(office, by: eva, byWZ: byWZ, level: level, site: site, asOf: asOf, protect: true, scan: scan))"]
            }
        }
        if site == nil { all += attempt { text(try SiteReport.build(office, by: eva, asOf: asOf, protect: true, scan: scan).tables(language: "en")) } }
        return all
    }

    @Test func everyReportIsTheSameFromOneScanAsFromOneScanPerMonthEnd() throws {
        let (office, eva, sites) = try Self.office()
        var compared = 0
        for asOf: String? in ["2025-02-28", "2025-07-31", "2026-01-15", "2026-06-30", nil] {
            for site in [nil] + sites {
                let once = Self.reports(office, eva, site: site, asOf: asOf, scan: .once)
                let each = Self.reports(office, eva, site: site, asOf: asOf, scan: .perMonthEnd)
                #expect(once == each, "\(asOf ?? "today") \(site ?? "pooled")")
                compared += once.filter { !$0.hasPrefix("refused") }.count
            }
        }
        #expect(compared > 30)
    }
}
