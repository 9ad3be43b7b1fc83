import Foundation
import Testing
@testable import LotseEvaluation
import LotseTestSupport

/// `report evaluation`, `report sites` and the time to integration return numbers: the tests
/// read the estimates and the disclosure marks from the report values, not from their text.
@Suite struct ReportNumbersTests {
    @Test func theEvaluationHoldsTheMantelHaenszelAndCrudeEstimatesAsNumbers() throws {
        let lotse = try StratifiedReportTests.paradox()
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)
        let report = try EvaluationReport.build(lotse.office, by: eva, site: nil, asOf: nil)
        #expect(report.siteCount == 2 && report.stratified && report.plan == nil)
        #expect(report.cases == [ReportCount(value: 80, status: .shown), ReportCount(value: 80, status: .shown)])
        let row = try #require(report.indicators.first { $0.indicator == "left_benefits_12m" })
        #expect(row.participants == ReportShare(events: ReportCount(value: 42, status: .shown),
                                                observed: ReportCount(value: 80, status: .shown)))
        #expect(row.comparison.fraction == 35.0 / 80 && row.comparison.status == .shown)
        #expect(row.effects == .shown)
        let mh = try #require(row.mantelHaenszel), crude = try #require(row.crude)
        #expect(mh.method == .mantelHaenszel && crude.method == .crude)
        // Σ(a·n₀ − c·n₁)/N over Σ n₁n₀/N = −2.25 / 30; RR_MH = 13.5 / 15.75; crude 0.0875 and 1.2.
        #expect(abs(mh.riskDifference! + 0.075) < 1e-12 && abs(crude.riskDifference! - 0.0875) < 1e-12)
        #expect(abs(mh.riskRatio! - 13.5 / 15.75) < 1e-12 && abs(crude.riskRatio! - 1.2) < 1e-12)
        let interval = try #require(mh.riskDifferenceInterval)
        #expect(interval.lower < -0.075 && -0.075 < interval.upper)
        #expect(row.heterogeneityP.map { $0 > 0 && $0 <= 1 } == true && mh.p.map { $0 > 0 && $0 <= 1 } == true)
        // The text is written from these numbers: −7.5 points, the headline of the row.
        let table = report.tables(language: "en")[0]
        let text = try #require(table.rows.first { $0.first == "left benefits (12 months)" })
        #expect(text[3] == "MH (2 sites)" && text[4].hasPrefix("-7.5 [") && text[5].hasPrefix("0.86 ["), "\(text)")
        #expect(text[1] == "42 / 80 (52.5%)", "\(text)")
    }

    @Test func aSiteBelowTheMinimumAndAChangedGroupAreMarksNotNumbers() throws {
        let lotse = try DisclosureTests.regionWithAOneClientSite()
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)
        let report = try EvaluationReport.build(lotse.office, by: eva, site: nil, asOf: nil)
        // Gescher's one client changed the comparison group's integrations since the month end
        // before: the group's curve figures are suppressed, its cases are not.
        let survival = report.timeToIntegration.groups
        #expect(survival.map(\.group) == ["participant", "comparison"])
        #expect(survival[1].cases == ReportCount(value: 81, status: .shown))
        #expect(survival[1].status == .suppressed && survival[1].integrations == ReportCount(value: nil, status: .suppressed))
        #expect(survival[1].median == nil && survival[1].curve == nil && survival[1].integrated.isEmpty)
        #expect(survival[0].status == .shown && survival[0].curve != nil && survival[0].integrated.count == 2)
        #expect(report.timeToIntegration.logRank == nil)

        let sites = try SiteReport.build(lotse.office, by: eva, asOf: nil)
        #expect(sites.sites == ["bocholt", "borken", "gescher"])
        let row = try #require(sites.indicators.first { $0.indicator == "left_benefits_12m" })
        let bocholt = row.sites[0], gescher = row.sites[2]
        #expect(bocholt.participants.fraction == 0.6 && bocholt.status == .shown)
        // 36/60 − 14/20 = −0.1.
        #expect(abs(bocholt.difference! + 0.1) < 1e-12 && bocholt.differenceInterval != nil)
        #expect(gescher.participants.status != .shown && gescher.comparison.status != .shown)
        #expect(gescher.participants.fraction == nil && gescher.difference == nil)
        #expect([ReportDatum.Status.suppressed, .notApplicable].contains(gescher.status))
        #expect(sites.anyHidden)
        let text = sites.tables(language: "en")[0]
        #expect(text.rows.first { $0.first == "left benefits (12 months)" }?[1] == "60.0%")
    }

    @Test func theSensitivityAnalysisAndTheMissingValuesAreNumbers() throws {
        let lotse = try StratifiedReportTests.paradox(observeAll: false)
        let declared = lotse.run("login eva\nevaluation plan --primary left_benefits_12m")
        #expect(declared.status == .ok, "\(declared.output)")
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)
        let report = try EvaluationReport.build(lotse.office, by: eva, site: nil, asOf: nil)
        let observed = try #require(report.missing.rows.first { $0.item == "observed_12m" })
        #expect(report.missing.randomised == [80, 80])
        #expect(observed.observed == [ReportCount(value: 64, status: .shown), ReportCount(value: 80, status: .shown)])
        #expect(report.missing.missing(observed, group: 0) == 0.2 && report.missing.missing(observed, group: 1) == 0)
        let sensitivity = try #require(report.sensitivity)
        #expect(sensitivity.map(\.assumption) == ["observed_only", "missing_as_failure", "missing_as_success"])
        #expect(sensitivity.allSatisfy { $0.status == .shown && $0.effects?.method == .mantelHaenszel })
        #expect(sensitivity[1].participants?.n == 80 && sensitivity[0].participants?.n == 64)
        // Missing as success raises the participants' share, missing as failure lowers it.
        #expect(sensitivity[2].participants!.value > sensitivity[0].participants!.value)
        #expect(sensitivity[1].participants!.value < sensitivity[0].participants!.value)
        let primary = try #require(report.indicators.first { $0.indicator == "left_benefits_12m" })
        #expect(primary.holmP == nil)
        let secondary = try #require(report.indicators.first { $0.indicator == "fulltime_12m" })
        #expect(secondary.holmP.map { $0.isFinite && $0 <= 1 } == true)
    }
}
