import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// The attacker of DESIGN's disclosure promise, played on the demo region over its whole period:
/// for every count report it fetches every table an evaluator can get (pooled and each site,
/// as of every publishable reference date), then uses every total (row totals, groups, terminal
/// boxes, pooled = Σ sites, the same count in two tables) and subtracts every pair of reference
/// dates. It fails when a suppressed or small cell, a small non-event count, or a change of 1–4
/// between two dates can be computed from what was published. With the protection against
/// earlier reference dates switched off the same attacker must succeed.
@Suite(.serialized) struct DifferencingAttackTests {
    /// Exact linear algebra over named unknowns: equations Σ coefficient · variable = 0, some
    /// variables known. Gauss–Jordan, so every pivot row holds one pivot.
    struct Attacker {
        private var pivots: [String: (row: [String: Double], rhs: Double)] = [:]

        init(equations: [[String: Double]], known: [String: Double]) {
            for equation in equations {
                var row = [String: Double]()
                var rhs = 0.0
                for (v, c) in equation {
                    if let value = known[v] { rhs -= c * value } else { row[v, default: 0] += c }
                }
                add(row, rhs)
            }
        }

        private mutating func reduce(_ row: inout [String: Double], _ rhs: inout Double) {
            for v in Array(row.keys) {
                guard let c = row[v], let pivot = pivots[v] else { continue }
                for (w, d) in pivot.row { row[w, default: 0] -= c * d }
                rhs -= c * pivot.rhs
                row = row.filter { abs($0.value) > 1e-9 }
            }
        }

        private mutating func add(_ row: [String: Double], _ rhs: Double) {
            var row = row.filter { abs($0.value) > 1e-9 }, rhs = rhs
            reduce(&row, &rhs)
            guard let (p, c) = row.max(by: { abs($0.value) < abs($1.value) || (abs($0.value) == abs($1.value) && $0.key < $1.key) })
            else { return }
            row = row.mapValues { $0 / c }
            rhs /= c
            for (v, old) in pivots where old.row[p] != nil {
                let f = old.row[p]!
                var r = old.row
                for (w, d) in row { r[w, default: 0] -= f * d }
                pivots[v] = (r.filter { abs($0.value) > 1e-9 }, old.rhs - f * rhs)
            }
            pivots[p] = (row, rhs)
        }

        /// The value of Σ coefficient · variable if the published numbers fix it.
        mutating func value(of query: [String: Double], known: [String: Double]) -> Double? {
            var row = [String: Double](), value = 0.0
            for (v, c) in query { if let k = known[v] { value += c * k } else { row[v, default: 0] += c } }
            var rhs = 0.0
            reduce(&row, &rhs)
            return row.isEmpty ? value + rhs : nil
        }
    }

    /// One report at one reference date as published: scope ("pooled" or a site) → datum key → datum.
    typealias Edition = [String: [String: ReportDatum]]

    enum Report: String, CaseIterable { case evaluation, flow, placementsKldB, sites, placementsWZ }

    /// Whether a datum is a count that adds up across sites.
    static func isCount(_ report: Report, _ table: String, _ d: ReportDatum) -> Bool {
        switch report {
        case .flow, .placementsKldB, .placementsWZ: return true
        case .sites: return false
        case .evaluation:
            return d.column.hasSuffix("_events") && table == "evaluation" || d.column.hasSuffix("_observed")
                || d.column == "integrations" || d.row == "no_legal_basis"
        }
    }

    static func data(_ office: Office, _ eva: Actor, _ report: Report, site: String?, asOf: String, protect: Bool) throws
        -> [(String, ReportDatum)] {
        func keyed(_ tables: [ReportTable]) -> [(String, ReportDatum)] { tables.flatMap { t in t.data.map { (t.key, $0) } } }
        switch report {
        case .evaluation:
            return keyed(try EvaluationReport.build(office, by: eva, site: site, asOf: asOf, protect: protect).tables(language: "en"))
        case .flow:
            return keyed([try FlowReport.build(office, by: eva, site: site, asOf: asOf, protect: protect).table(language: "en")])
        case .placementsKldB, .placementsWZ:
            return keyed([try PlacementReport.build(office, by: eva, byWZ: report == .placementsWZ, level: 1, site: site, asOf: asOf,
                                                    protect: protect).table(language: "en")])
        case .sites:
            return site == nil ? keyed(try SiteReport.build(office, by: eva, asOf: asOf, protect: protect).tables(language: "en")) : []
        }
    }

    /// Runs the attack; returns what it recovered (empty: nothing).
    static func attack(_ office: Office, _ eva: Actor, sites: [String], dates: [String], protect: Bool,
                       reports: [Report] = Report.allCases) throws -> [String] {
        var recovered: [String] = []
        for report in reports {
            // Every edition a user can get.
            var editions: [Edition] = []
            for date in dates {
                var edition = Edition()
                for site in [nil] + sites {
                    guard let data = try? Self.data(office, eva, report, site: site, asOf: date, protect: protect) else { continue }
                    var byKey = [String: ReportDatum]()
                    for (table, d) in data where Self.isCount(report, table, d) { byKey[table + "|" + d.row + "|" + d.column] = d }
                    edition[site ?? "pooled"] = byKey
                }
                editions.append(edition)
            }
            // The attacker's equations (over `scope|key`) and the quantities it wants.
            let keys = Set(editions.flatMap { $0.values.flatMap(\.keys) }).sorted()
            let scopes = ["pooled"] + sites
            var equations: [[String: Double]] = []
            var zeros = Set<String>()
            for key in keys {
                equations.append(["pooled|" + key: 1].merging(sites.map { ($0 + "|" + key, -1) }) { $0 + $1 })
            }
            var nonEvents: [[String: Double]] = []
            for scope in scopes {
                func v(_ key: String) -> String { scope + "|" + key }
                switch report {
                case .flow:
                    let rows = Set(keys.map { $0.split(separator: "|")[1] })
                    for row in rows {
                        equations.append([v("flow|\(row)|total"): 1, v("flow|\(row)|participant"): -1, v("flow|\(row)|comparison"): -1])
                    }
                    for group in ["participant", "comparison", "total"] {
                        var e = [v("flow|randomised|\(group)"): 1.0]
                        for box in FlowReport.Terminal.allCases { e[v("flow|\(box.rawValue)|\(group)")] = -1 }
                        equations.append(e)
                        equations.append([v("flow|randomised|\(group)"): 1, v("flow|analysed|\(group)"): -1])
                    }
                case .placementsKldB, .placementsWZ:
                    for row in Set(keys.map { $0.split(separator: "|")[1] }) {
                        equations.append([v("placements|\(row)|total"): 1, v("placements|\(row)|integration"): -1,
                                          v("placements|\(row)|minijob"): -1, v("placements|\(row)|other"): -1])
                        // A code a published table leaves out has no placement there.
                        for c in ["integration", "minijob", "other", "total"] { zeros.insert(v("placements|\(row)|\(c)")) }
                    }
                case .evaluation:
                    for key in keys where key.hasPrefix("evaluation|") && key.hasSuffix("_observed") {
                        let parts = key.split(separator: "|").map(String.init)
                        let group = String(parts[2].dropLast("_observed".count))
                        nonEvents.append([v(key): 1, v("evaluation|\(parts[1])|\(group)_events"): -1])
                        if keys.contains("missing|\(parts[1])|\(parts[2])") {
                            equations.append([v(key): 1, v("missing|\(parts[1])|\(parts[2])"): -1])
                        }
                    }
                case .sites: break
                }
            }
            func known(_ edition: Edition) -> [String: Double] {
                var known = [String: Double]()
                for scope in scopes {
                    guard let data = edition[scope] else { continue }
                    for key in keys {
                        if let d = data[key] { if d.status == .shown, let value = d.value { known[scope + "|" + key] = value } }
                        else if zeros.contains(scope + "|" + key) { known[scope + "|" + key] = 0 }
                    }
                }
                return known
            }
            func hidden(_ edition: Edition) -> Set<String> {
                Set(scopes.flatMap { scope in
                    (edition[scope] ?? [:]).filter { $0.value.status == .small || $0.value.status == .suppressed }.keys.map { scope + "|" + $0 }
                })
            }
            let knowns = editions.map(known), hiddens = editions.map(hidden)
            // Each reference date alone: no hidden count and no small non-event count comes out.
            for (i, date) in dates.enumerated() {
                var a = Attacker(equations: equations, known: knowns[i])
                for cell in hiddens[i].sorted() {
                    if let value = a.value(of: [cell: 1], known: knowns[i]) {
                        recovered.append("\(report) \(date): \(cell) = \(value)")
                    }
                }
                for q in nonEvents {
                    if let value = a.value(of: q, known: knowns[i]), value.rounded() >= 1, value.rounded() <= 4 {
                        recovered.append("\(report) \(date): \(q.keys.sorted()) non-events = \(value)")
                    }
                }
            }
            // Every pair of dates: the difference table under the same equations.
            for i in dates.indices {
                for j in dates.indices where j > i {
                    var difference = [String: Double]()
                    for (v, b) in knowns[j] { if let a = knowns[i][v] { difference[v] = b - a } }
                    var a = Attacker(equations: equations, known: difference)
                    let cells = Set(knowns[i].keys).union(knowns[j].keys).union(hiddens[i]).union(hiddens[j])
                    for cell in cells.sorted() {
                        guard let change = a.value(of: [cell: 1], known: difference) else { continue }
                        // Hidden at one date and shown at the other: the change gives the hidden value.
                        let shownOnce = (hiddens[i].contains(cell) && knowns[j][cell] != nil)
                            || (hiddens[j].contains(cell) && knowns[i][cell] != nil)
                        if shownOnce || (abs(change.rounded()) >= 1 && abs(change.rounded()) <= 4) {
                            recovered.append("\(report) \(dates[i])→\(dates[j]): \(cell) changed by \(change)")
                        }
                    }
                    for q in nonEvents {
                        if let change = a.value(of: q, known: difference), abs(change.rounded()) >= 1, abs(change.rounded()) <= 4 {
                            recovered.append("\(report) \(dates[i])→\(dates[j]): \(q.keys.sorted()) non-events changed by \(change)")
                        }
                    }
                }
            }
        }
        return recovered
    }

    /// The shared demo region (`SharedDemoRegion`), copied, with a clock in December 2026 (after its last day).
    static func region() throws -> (Office, Actor, sites: [String], dates: [String]) {
        let built = try SharedDemoRegion.shared.get()
        let copy = built.directory.file("attack-copy-\(UUID().uuidString).db")
        try Store(path: built.path).database.execute("VACUUM INTO '\(copy)'")
        let store = try Store(path: copy)
        let clock = StepClock(start: Date(timeIntervalSince1970: 1_796_461_200))   // 2026-12-05T09:00:00Z
        let office = Office(store: store, definitions: DefinitionSet(directory: TestLotse.repository, store: store), clock: clock)
        let eva = try office.login(name: "eva", password: SharedDemoRegion.password)
        let sites = try store.directory.sites().map(\.code).sorted()
        // Every publishable reference date of the region: the month ends from its first month on.
        let dates = ReferenceDate(requested: nil, today: "2026-12-05").earlier(since: "2025-01-06") + ["2026-11-30"]
        return (office, eva, sites, dates)
    }

    @Test func noPublishedCombinationRecoversACell() throws {
        let (office, eva, sites, dates) = try Self.region()
        #expect(dates.count == 23 && dates.first == "2025-01-31" && dates.last == "2026-11-30")
        // Placements by sector take the same path as by occupation: one of them suffices here.
        let recovered = try Self.attack(office, eva, sites: sites, dates: dates, protect: true,
                                        reports: [.evaluation, .flow, .placementsKldB, .sites])
        #expect(recovered.isEmpty, "\(recovered.count) recovered: \(recovered.prefix(8))")
    }

    @Test func withoutTheProtectionAgainstEarlierDatesTheAttackSucceeds() throws {
        let (office, eva, sites, dates) = try Self.region()
        let recovered = try Self.attack(office, eva, sites: sites, dates: dates, protect: false,
                                        reports: [.flow, .evaluation])
        #expect(recovered.contains { $0.hasPrefix("flow ") && $0.contains("→") }, "\(recovered.prefix(8))")
        #expect(recovered.contains { $0.hasPrefix("evaluation ") && $0.contains("→") }, "\(recovered.prefix(8))")
    }

    /// `report sites` publishes shares per site: with the observed count of `report evaluation
    /// --site S`, a share gives the events. So a share is shown exactly where the site report
    /// shows its events and observed count, at every reference date.
    @Test func theSitesSharesGiveNoEventCountAway() throws {
        let (office, eva, sites, dates) = try Self.region()
        var checked = 0
        for date in dates {
            let shares = Dictionary(try Self.data(office, eva, .sites, site: nil, asOf: date, protect: true)
                .filter { $0.0 == "sites" && $0.1.column.hasSuffix("_share") }.map { ($0.1.row + "|" + $0.1.column, $0.1) }) { a, _ in a }
            for site in sites {
                guard let data = try? Self.data(office, eva, .evaluation, site: site, asOf: date, protect: true) else { continue }
                let evaluation = Dictionary(data.filter { $0.0 == "evaluation" }.map { ($0.1.row + "|" + $0.1.column, $0.1) }) { a, _ in a }
                for indicator in Indicators.names.map(\.variable) {
                    for group in ["participant", "comparison"] {
                        guard let share = shares[indicator + "|" + site + ":" + group + "_share"],
                              let events = evaluation[indicator + "|" + group + "_events"],
                              let observed = evaluation[indicator + "|" + group + "_observed"] else { continue }
                        checked += 1
                        if share.status == .shown {
                            #expect(events.status == .shown && observed.status == .shown, "\(date) \(site) \(indicator) \(group)")
                        }
                    }
                }
            }
        }
        #expect(checked > 100)
    }
}
