import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// The review's differencing attacks, played against the reports: totals (47 − 36 − 8 = 3) and
/// per-site minus pooled tables for a one-client site. Each test fails if any cell comes back.
@Suite struct DisclosureTests {
    /// A second, independent attacker for systems too large to enumerate: a protected cell is
    /// recovered when adding its unit row to the published equations (over the hidden cells) does
    /// not raise their rank, or when a published total equals its shown parts (every hidden part
    /// is then 0). Returns the protected cells it recovers.
    static func recovered(_ s: CellSuppression) -> Set<Int> {
        let hidden = s.cells.indices.filter { !s.isShown($0) }
        let column = Dictionary(uniqueKeysWithValues: hidden.enumerated().map { ($1, $0) })
        var rows: [[Double]] = []
        var found = Set<Int>()
        for sum in s.sums {
            var row = [Double](repeating: 0, count: hidden.count)
            if let c = column[sum.total] { row[c] += 1 }
            for part in sum.parts { if let c = column[part] { row[c] -= 1 } }
            if row.contains(where: { $0 != 0 }) { rows.append(row) }
            if s.isShown(sum.total) {
                let shown = sum.parts.filter(s.isShown).reduce(0) { $0 + s.cells[$1] }
                if shown == s.cells[sum.total] { found.formUnion(sum.parts.filter { !s.isShown($0) && s.primary[$0] }) }
            }
        }
        func rank(_ m: [[Double]]) -> Int {
            var m = m, r = 0
            for c in 0..<hidden.count where r < m.count {
                guard let p = (r..<m.count).first(where: { abs(m[$0][c]) > 1e-9 }) else { continue }
                m.swapAt(r, p)
                for i in 0..<m.count where i != r && abs(m[i][c]) > 1e-9 {
                    let f = m[i][c] / m[r][c]
                    for k in 0..<hidden.count { m[i][k] -= f * m[r][k] }
                }
                r += 1
            }
            return r
        }
        let base = rank(rows)
        for cell in hidden where s.primary[cell] {
            var unit = [Double](repeating: 0, count: hidden.count)
            unit[column[cell]!] = 1
            if rank(rows + [unit]) == base { found.insert(cell) }
        }
        return found
    }

    /// The placements layout of `PlacementReport`: per code three kinds and their total.
    static func placements(_ rows: [[Int]]) -> [Int] { rows.flatMap { $0 + [$0.reduce(0, +)] } }

    static func placementLayout(codes: Int) -> SiteTables.Layout {
        SiteTables.Layout(roles: Array(repeating: .published, count: codes * 4),
                          sums: (0..<codes).map { r in CellSuppression.Sum(total: r * 4 + 3, parts: [r * 4, r * 4 + 1, r * 4 + 2]) })
    }

    @Test func theRowTotalNoLongerGivesAwayTheSuppressedPlacement() {
        // The review's row: 36 integrations, 8 minijobs, 3 other, 47 in all; a second site too.
        let tables = SiteTables(layout: Self.placementLayout(codes: 2),
                                values: ["bocholt": Self.placements([[36, 8, 3], [20, 6, 12]]),
                                         "borken": Self.placements([[14, 7, 9], [30, 11, 5]])],
                                small: [], rule: .standard)
        #expect(tables.status("bocholt", 2) == .small)
        #expect(tables.text("bocholt", 2, .english) == "<5")
        // One more cell of the row is hidden, so 47 − 36 − 8 no longer works.
        #expect((0..<4).count { !tables.isShown("bocholt", $0) } >= 2)
        // The independent attacker (every non-negative integer solution of every published
        // version: both sites and the pooled table) finds no suppressed cell.
        #expect(Self.recovered(tables.suppression).isEmpty)
    }

    @Test func aOneClientSiteCannotBeRecoveredFromPooledMinusTheOtherSites() {
        // gescher has one client, placed in a minijob under code 2; it is below the minimum size.
        let tables = SiteTables(layout: Self.placementLayout(codes: 2),
                                values: ["bocholt": Self.placements([[36, 8, 13], [20, 6, 12]]),
                                         "gescher": Self.placements([[0, 0, 0], [0, 1, 0]])],
                                small: ["gescher"], rule: .standard)
        for cell in 0..<8 { #expect(!tables.isShown("gescher", cell)) }
        // Pooled minus bocholt: never both shown where gescher's cell would come out.
        for cell in 0..<8 {
            #expect(!(tables.isShown(nil, cell) && tables.isShown("bocholt", cell)), "cell \(cell)")
        }
        #expect(Self.recovered(tables.suppression).isEmpty)
    }

    /// The paradox region of `StratifiedReportTests` and a third site with one randomised client.
    static func regionWithAOneClientSite() throws -> TestLotse {
        let lotse = try StratifiedReportTests.paradox()
        let setup = lotse.run("""
            login root
            site add gescher "Jobcenter Gescher"
            user add gerd --role caseworker --site gescher
            user add gina --role supervisor --site gescher
            login gerd
            client add --sex w --birth-year 1980 --applicant-type EP --eligible
            login eva
            randomise setup --site gescher --ratio 1:1 --strata none --block 2 --legal-basis "MAGS NRW 2025-10-01, Az. 1"
            randomise --site gescher
            """)
        precondition(setup.status == .ok, setup.output)
        let one = try lotse.store.randomisation.assignments(site: "gescher").map(\.assignment)
        precondition(one.count == 1)
        let observed = lotse.run("login gina\nobserve \(one[0].caseID) at=12m date=2026-11-20 benefit_status=none "
                                 + "employment=SVB_VZ employment_since=2026-03-15 source=statistics")
        precondition(observed.status == .ok, observed.output)
        EvaluationTests.intoNextMonth(lotse)
        return lotse
    }

    /// CSV rows of a report's output.
    static func rows(_ output: String) -> [[String]] {
        output.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The leading count of a report cell: `34 / 64 (53.1%)` → 34, `17` → 17, `<5` or `•` → nil.
    static func count(_ cell: String) -> Int? { Int(cell.split(separator: " ").first ?? "") }
    /// The observed count of a share cell: `34 / 64 (53.1%)` → 64.
    static func denominator(_ cell: String) -> Int? {
        let parts = cell.split(separator: " ")
        return parts.count >= 3 && parts[1] == "/" ? Int(parts[2]) : nil
    }

    @Test func aOneClientSiteIsRefusedAndCannotBeDifferencedOutOfThePooledReports() throws {
        let lotse = try Self.regionWithAOneClientSite()
        let refused = lotse.run("login eva\nreport evaluation --site gescher", keepGoing: true)
        #expect(refused.status == .commandFailed)
        #expect(refused.output.contains("site gescher has 0 participants and 1 comparison cases")
                || refused.output.contains("site gescher has 1 participants and 0 comparison cases"), "\(refused.output)")
        #expect(refused.output.contains("a site report needs at least 10 cases in each group"))
        for report in ["report flow", "report placements --by kldb"] {
            #expect(lotse.run("login eva\n\(report) --site gescher", keepGoing: true).status == .commandFailed, "\(report)")
        }

        // The flow and the placements are data: (row, column) → value or suppressed.
        for report in ["report flow", "report placements --by kldb"] {
            func data(_ site: String?) -> [String: Int] {
                let (output, status) = lotse.run("login eva\n\(report) --format csv" + (site.map { " --site \($0)" } ?? ""))
                #expect(status == .ok, "\(output)")
                var values = [String: Int]()
                for row in Self.rows(output) where row.count == 5 && row[4] == "shown" { values[row[1] + "/" + row[2]] = Int(row[3]) }
                return values
            }
            let pooled = data(nil), bocholt = data("bocholt"), borken = data("borken")
            #expect(report.hasPrefix("report placements") || pooled.count > 3)
            for (key, all) in pooled where !["randomised", "analysed", "eligible"].contains(String(key.split(separator: "/")[0])) {
                if let a = bocholt[key], let b = borken[key] {
                    Issue.record("\(report) \(key): \(all) − \(a) − \(b) = \(all - a - b) recovers gescher")
                }
            }
        }
        // The evaluation report as data: every count (events, observed, integrations, cases without a
        // legal basis) pooled minus the two published sites must recover nothing.
        func evaluation(_ site: String?, asOf: String? = nil) -> ReportData {
            let (output, status) = lotse.run("login eva\nreport evaluation --lang en --format csv" + (site.map { " --site \($0)" } ?? "")
                                             + (asOf.map { " --as-of \($0)" } ?? ""))
            #expect(status == .ok, "\(output)")
            return ReportData(output)
        }
        let pooled = evaluation(nil), bocholt = evaluation("bocholt"), borken = evaluation("borken")
        var compared = 0
        for (key, cell) in pooled.cells where cell.status == "shown" {
            let parts = key.split(separator: "/").map(String.init)
            // Group sizes are public (the randomisation log); shares, effects and tests are not counts.
            guard parts[1] != "cases", parts[2] != "cases",
                  parts[2].hasSuffix("_events") || parts[2].hasSuffix("_observed") || parts[2] == "integrations"
                    || parts[1] == "no_legal_basis" else { continue }
            compared += 1
            if let a = bocholt.cells[key], let b = borken.cells[key], a.status == "shown", b.status == "shown",
               let all = cell.value, let x = a.value, let y = b.value {
                Issue.record("report evaluation \(key): \(all) − \(x) − \(y) = \(all - x - y) recovers gescher")
            }
        }
        #expect(compared > 10)
    }

    /// Two reports at different reference dates are two tables of one region: their difference
    /// is what was recorded in between. A supervisor who knows whose observations came in then
    /// must not read those few people's outcomes from a change of 1–4.
    @Test func twoReferenceDatesGiveNoSmallChangeAway() throws {
        let lotse = try StratifiedReportTests.paradox(observeAll: false)   // recorded in November 2025
        let unobserved = try lotse.sqlite.database.query("""
            SELECT k.id FROM cases k JOIN assignments a ON a.case_id = k.id JOIN clients c ON c.id = k.client_id
            JOIN sites s ON s.id = c.site_id
            WHERE a.case_group = 'participant' AND s.code = 'bocholt'
              AND NOT EXISTS (SELECT 1 FROM submissions o WHERE o.case_id = k.id AND o.form = 'observation')
            ORDER BY k.id LIMIT 2
            """).compactMap { $0[0].int }
        #expect(unobserved.count == 2)
        var script = "login sven\n"
        for id in unobserved {
            script += "observe \(id) at=12m date=2026-11-20 benefit_status=none employment=SVB_VZ "
                + "employment_since=2026-02-15 source=statistics\n"
        }
        let observed = lotse.run(script)
        #expect(observed.status == .ok, "\(observed.output)")
        EvaluationTests.intoNextMonth(lotse)   // into January 2026
        func report(_ asOf: String) -> ReportData {
            let (output, status) = lotse.run("login eva\nreport evaluation --lang en --format csv --as-of \(asOf)")
            #expect(status == .ok, "\(output)")
            return ReportData(output)
        }
        let november = report("2025-11-30"), december = report("2025-12-31")
        // Two days of one month are the same report: both as of the month end before.
        #expect(report("2025-12-05").cells.mapValues(\.status) == november.cells.mapValues(\.status))
        #expect(report("2025-12-20").cells.mapValues { $0.value ?? -1 } == november.cells.mapValues { $0.value ?? -1 })
        var compared = 0, hidden = 0
        for (key, now) in december.cells {
            let parts = key.split(separator: "/").map(String.init)
            guard parts[1] != "cases", parts[2] != "cases", let before = november.cells[key],
                  parts[2].hasSuffix("_events") || parts[2].hasSuffix("_observed") || parts[2] == "integrations"
                    || parts[1] == "no_legal_basis" else { continue }
            if now.status == "shown", before.status == "shown", let a = now.value, let b = before.value {
                compared += 1
                #expect(a == b || abs(a - b) >= 5, "\(key): \(b) on 2025-11-30, \(a) on 2025-12-31 gives the change away")
            }
            if now.status == "suppressed" && before.status == "shown" { hidden += 1 }
        }
        // The two December observations changed some counts by 2: those are hidden (with complements).
        #expect(compared > 10 && hidden > 0, "compared \(compared), hidden \(hidden)")
        #expect(december.status("evaluation", "left_benefits_12m", "participant_events") == "suppressed")
    }

    @Test func monthPrecisionExportsNoExactDayCounts() throws {
        let facts = CaseFacts(caseID: 1, clientID: 1, workflow: "amiga", group: .participant, site: "s", sex: "w", birthYear: 1970,
                              applicantType: "SP", openedAt: "2026-01-17T09:00:00.000Z", state: "placed", entered: [:],
                              transitions: [], forms: ["placement": [["start": "2026-03-02"]]])
        #expect(Derivations.daysToPlacement(facts) == 44)
        // 2026-01-01 to 2026-03-01: what the exported months 2026-01 and 2026-03 say anyway.
        #expect(Derivations.daysToPlacement(facts, precision: .month) == 59)
    }

    @Test func theSiteReportIsDataWithTheOneClientSiteWithheld() throws {
        let lotse = try Self.regionWithAOneClientSite()
        let (output, status) = lotse.run("login eva\nreport sites --format csv")
        #expect(status == .ok, "\(output)")
        let rows = Self.rows(output).filter { $0.count == 5 }
        #expect(rows.first?.first?.hasSuffix("table") == true && rows.first?.dropFirst() == ["row", "column", "value", "status"])
        let share = rows.first { $0[0] == "sites" && $0[1] == "left_benefits_12m" && $0[2] == "bocholt:participant_share" }
        #expect(share?[3] == "0.6" && share?[4] == "shown", "\(String(describing: share))")
        let gescher = rows.filter { $0[0] == "sites" && $0[2].hasPrefix("gescher:") }
        #expect(!gescher.isEmpty && gescher.allSatisfy { $0[3].isEmpty && $0[4] != "shown" }, "\(gescher)")
        // No display text anywhere: every value is a number or empty.
        #expect(rows.dropFirst().allSatisfy { $0[3].isEmpty || Double($0[3]) != nil }, "\(output)")
    }
}