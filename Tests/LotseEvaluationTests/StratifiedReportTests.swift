import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// `report evaluation` on a region where pooling the sites reverses the effect (Simpson's
/// paradox): randomised 3:1 at a site with a high base rate and 1:3 at one with a low base rate,
/// participants do worse at both sites, the crude comparison says they do better.
@Suite struct StratifiedReportTests {
    /// Site A (bocholt): 60 participants, 20 comparison; 12-month outcome 36/60 vs 14/20 (−10 points).
    /// Site B (borken): 20 participants, 60 comparison; 6/20 vs 21/60 (−5 points).
    /// Crude: 42/80 vs 35/80 (+8.75 points); Mantel–Haenszel: −7.5 points.
    static func paradox(observeAll: Bool = true) throws -> TestLotse {
        let lotse = try TestLotse(clockStart: EvaluationTests.yearEarlier, language: "en")
        var script = """
            init --admin root
            site add bocholt "Jobcenter Bocholt"
            site add borken "Jobcenter Borken"
            user add carla --role caseworker --site bocholt
            user add berta --role caseworker --site borken
            user add sven --role supervisor --site bocholt
            user add sara --role supervisor --site borken
            user add eva --role evaluator

            """
        for (user, count) in [("carla", 80), ("berta", 80)] {
            script += "login \(user)\n"
            for i in 1...count {
                script += "client add --sex \(i % 2 == 0 ? "w" : "m") --birth-year \(1961 + i % 40) --applicant-type EP --eligible\n"
            }
        }
        script += """
            login eva
            randomise setup --site bocholt --ratio 3:1 --strata none --block 4 --legal-basis "MAGS NRW 2025-10-01, Az. 1"
            randomise setup --site borken --ratio 1:3 --strata none --block 4 --legal-basis "MAGS NRW 2025-10-01, Az. 1"
            randomise --site bocholt
            randomise --site borken

            """
        let setup = lotse.run(script)
        precondition(setup.status == .ok, setup.output)
        var observations = ""
        for (site, supervisor, good) in [("bocholt", "sven", ["participant": 36, "comparison": 14]),
                                         ("borken", "sara", ["participant": 6, "comparison": 21])] {
            observations += "login \(supervisor)\n"
            var seen = [String: Int]()
            for item in try lotse.store.randomisation.assignments(site: site).map(\.assignment) {
                let group = item.group.rawValue
                let rank = seen[group, default: 0]
                seen[group] = rank + 1
                let success = rank < good[group]!
                // Without `observeAll`, a fifth of the participants at each site go unobserved.
                if !observeAll && group == "participant" && rank % 5 == 4 { continue }
                observations += "observe \(item.caseID) at=12m date=2026-11-20 benefit_status=\(success ? "none" : "unchanged") "
                    + "employment=\(success ? "SVB_VZ employment_since=2026-\(String(format: "%02d", 1 + rank % 10))-15" : "none") "
                    + "source=statistics\n"
            }
        }
        let observed = lotse.run(observations)
        precondition(observed.status == .ok, observed.output)
        EvaluationTests.intoNextMonth(lotse)
        return lotse
    }

    static func row(_ output: String, _ label: String, _ estimate: String) -> [String]? {
        output.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .first { $0.first == label && $0.count > 3 && $0[3] == estimate }
    }

    @Test func theStratifiedEstimateIsTheHeadlineAndReversesTheCrudeOne() throws {
        let lotse = try Self.paradox()
        let (output, status) = lotse.run("login eva\nreport evaluation --lang en --format csv")
        #expect(status == .ok, "\(output)")
        // Data: codes as keys, numbers as numbers (shares and differences as fractions).
        let data = ReportData(output)
        let row = "left_benefits_12m"
        #expect(data["evaluation", row, "participant_events"] == 42 && data["evaluation", row, "participant_observed"] == 80)
        #expect(data["evaluation", row, "comparison_events"] == 35 && data["evaluation", row, "comparison_share"] == 35.0 / 80)
        // Σ(a·n₀ − c·n₁)/N = (720 − 840)/80 + (360 − 420)/80 = −2.25 over Σ n₁n₀/N = 30.
        #expect(abs(data["evaluation", row, "mh_rd"]! + 0.075) < 1e-12, "\(output)")
        #expect(abs(data["evaluation", row, "crude_rd"]! - 0.0875) < 1e-12)
        // RR_MH = Σ a·n₀/N / Σ c·n₁/N = (9 + 4.5) / (10.5 + 5.25) = 0.857 (crude 1.20).
        #expect(abs(data["evaluation", row, "mh_rr"]! - 13.5 / 15.75) < 1e-12 && abs(data["evaluation", row, "crude_rr"]! - 1.2) < 1e-12)
        #expect(data.status("evaluation", row, "heterogeneity_p") == "shown")
        // No display text anywhere: every value is a number or empty, every key a code.
        let lines = output.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.dropFirst(2).allSatisfy { $0.count == 5 && ($0[3].isEmpty || Double($0[3]) != nil) }, "\(output)")
        #expect(!output.contains("left benefits (12 months)") && !output.contains("MH ("))
        #expect(Set(lines.dropFirst(2).map { String($0[0]) }) == ["evaluation", "time_to_integration", "missing"])
        let people = lotse.run("login eva\nreport evaluation --lang en").output
        #expect(people.contains("MH = stratified by site (Mantel–Haenszel; randomisation is per site), the headline"))
    }

    @Test func figuresEqualAnIndependentRecomputation() throws {
        let lotse = try Self.paradox(observeAll: false)
        let cases = lotse.directory.file("cases.csv"), report = lotse.directory.file("report.csv")
        let flow = lotse.directory.file("flow.csv"), svg = lotse.directory.file("flow.svg")
        let (output, status) = lotse.run("login eva\nexport cases --out \(cases)\nreport evaluation --lang en --format csv")
        #expect(status == .ok)
        let start = try #require(output.range(of: "table,row,column,value,status"))
        try String(output[start.lowerBound...]).write(toFile: report, atomically: true, encoding: .utf8)
        let flowOutput = lotse.run("login eva\nreport flow --lang en --format csv --svg \(svg)").output
        let flowStart = try #require(flowOutput.range(of: "table,row,column,value,status"))
        try String(flowOutput[flowStart.lowerBound...]).write(toFile: flow, atomically: true, encoding: .utf8)
        let diagram = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(diagram.contains("randomised: 160") && diagram.contains("observed at 12 months: 64"), "\(diagram)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestLotse.repository + "/Tools/check-evaluation.py", cases, report, flow]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if text.contains("ModuleNotFoundError") || text.contains("No such file") {
            Issue.record("statsmodels or scipy missing: \(text)")
            return
        }
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("ok  left benefits (12 months) (MH (2 sites))"), "\(text)")
        #expect(text.contains("ok  left benefits (12 months) (Breslow-Day)"), "\(text)")
        #expect(text.contains("ok  time to integration (participants)"), "\(text)")
        #expect(text.contains("ok  time to integration (comparison)"), "\(text)")
        #expect(text.contains(" 0 differ"), "\(text)")
        #expect(text.contains("ok  flow participant sum of the terminal boxes: report 80, export 80"), "\(text)")
        #expect(text.contains("ok  flow participant transferred: report 0, export 0") && text.contains("ok  flow comparison ongoing: report 80, export 80"), "\(text)")
        #expect(!text.contains("DIFFERENT"), "\(text)")
    }

    @Test func missingValuesAreCountedAgainstEveryoneRandomisedWithAWarningAndASensitivityAnalysis() throws {
        let lotse = try Self.paradox(observeAll: false)
        let refused = lotse.run("login sven\nevaluation plan --primary left_benefits_12m", keepGoing: true)
        #expect(refused.status == .commandFailed)
        #expect(refused.output.contains("needs role evaluator"), "\(refused.output)")
        let typo = lotse.run("login eva\nevaluation plan --primary left_benefit_12m", keepGoing: true)
        #expect(typo.output.contains("did you mean left_benefits_12m?"), "\(typo.output)")
        let (declared, status) = lotse.run("login eva\nevaluation plan --primary left_benefits_12m --alpha 0.05")
        #expect(status == .ok, "\(declared)")
        let again = lotse.run("login eva\nevaluation plan --primary integrated_12m", keepGoing: true)
        #expect(again.status == .commandFailed)
        #expect(again.output.contains("primary outcome left_benefits_12m, alpha 0.05, minimum site size 10; a plan is declared once"), "\(again.output)")
        var plans = 0
        try lotse.store.audit.query(AuditFilter(action: "evaluation.plan")) { _ in plans += 1 }
        #expect(plans == 1)

        let (output, _) = lotse.run("login eva\nreport evaluation --lang en --format csv")
        let data = ReportData(output)
        // 16 of 80 participants unobserved (20 %), every comparison case observed.
        #expect(data["missing", "observed_12m", "participant_observed"] == 64 && data["missing", "observed_12m", "participant_missing"] == 0.2)
        #expect(data["missing", "observed_12m", "comparison_observed"] == 80 && data["missing", "observed_12m", "comparison_missing"] == 0)
        #expect(abs(data["missing", "observed_12m", "difference_missing"]! - 0.2) < 1e-12)
        #expect(data["evaluation", "left_benefits_12m", "primary"] == 1 && data.status("evaluation", "left_benefits_12m", "p_holm") == nil)
        #expect(data.status("evaluation", "fulltime_12m", "p_holm") == "shown" && data["evaluation", "fulltime_12m", "primary"] == nil)
        for assumption in ["observed_only", "missing_as_failure", "missing_as_success"] {
            #expect(data.status("sensitivity", assumption, "mh_rd") == "shown", "\(assumption)")
        }
        // Missing counted as failure: 42 of 80 participants stay 42 of 80, the 16 unobserved fail.
        #expect(data["sensitivity", "missing_as_failure", "participant_n"] == 80)
        let people = lotse.run("login eva\nreport evaluation --lang en").output
        #expect(people.contains("Warning: observation at 12 months is missing for 20.0% of participants and 0.0% of the comparison group"))
        #expect(people.contains("primary outcome left_benefits_12m, α = 0.050; secondary outcomes with Holm-adjusted p."))
    }

    @Test func balanceIsPerSiteWithTheOneStandardisedDifference() throws {
        let lotse = try Self.paradox()
        let (output, status) = lotse.run("login eva\nrandomise balance --format csv")
        #expect(status == .ok, "\(output)")
        let rows = output.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let sex = rows.filter { $0.count == 8 && $0[1] == "sex" && $0[2] == "w" }
        #expect(Set(sex.map { $0[0] }) == ["bocholt", "borken"], "\(output)")
        for row in sex {
            let p = Double(row[3])!, c = Double(row[5])!
            let (np, nc) = row[0] == "bocholt" ? (60.0, 20.0) : (20.0, 60.0)
            #expect(row[7] == String(format: "%+.3f", StandardisedDifference.binary(p / np, c / nc)), "\(row)")
        }
    }

    @Test func kaplanMeierCurvesAreDrawnAndAWithheldGroupIsNot() throws {
        let lotse = try DisclosureTests.regionWithAOneClientSite()
        let pooled = lotse.directory.file("km.svg"), site = lotse.directory.file("km-bocholt.svg")
        let (output, status) = lotse.run("login eva\nreport evaluation --lang en --km-svg \(pooled)\n"
                                         + "report evaluation --lang en --site bocholt --km-svg \(site)")
        #expect(status == .ok, "\(output)")
        // Pooled, the comparison group's integrations changed by gescher's one client since the
        // month end before (the protection against earlier reference dates): no curve.
        let all = try String(contentsOfFile: pooled, encoding: .utf8)
        #expect(all.components(separatedBy: "<polyline").count == 2, "\(all)")
        #expect(all.contains(">comparison (suppressed)</text>") && all.contains(">participants</text>"))
        #expect(output.contains("comparison    81     •"), "\(output)")
        // At bocholt nothing changed and nothing needs protecting: both curves.
        let one = try String(contentsOfFile: site, encoding: .utf8)
        #expect(one.components(separatedBy: "<polyline").count == 3, "\(one)")
        #expect(one.contains(">participants</text>") && one.contains(">comparison</text>") && one.contains(">12 months</text>"))
    }
}