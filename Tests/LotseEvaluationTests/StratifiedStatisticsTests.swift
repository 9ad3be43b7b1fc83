import Foundation
import LotseEvaluation
import Testing

/// The site-stratified statistics against independent implementations: statsmodels 0.14
/// (`StratifiedTable`: pooled risk ratio, CMH test, Breslow–Day), R 4.2 (`mantelhaen.test`,
/// `survival::survfit`/`survdiff`), lifelines (`logrank_test`) and numpy on Sato's and
/// Greenland–Robins' formulas.
@Suite("Stratified statistics")
struct StratifiedStatisticsTests {
    /// Simpson's paradox: participants do worse at both sites (40 % vs 50 %, 10 % vs 15 %), but
    /// most participants are at the site with the high base rate, so the crude pooled comparison
    /// says they do better (+12 points, RR 1.55).
    static let simpson = [
        try! Stratum(participantEvents: 160, of: 400, comparisonEvents: 50, of: 100),
        try! Stratum(participantEvents: 10, of: 100, comparisonEvents: 60, of: 400),
    ]

    @Test func stratifiedEstimatesReverseTheCrudeOne() throws {
        let crude = try TwoByTwo(participantEvents: 170, of: 500, comparisonEvents: 110, of: 500)
        #expect(crude.riskDifference.estimate > 0.1)
        let mh = MantelHaenszel(Self.simpson)
        let rd = try #require(mh.riskDifference)
        #expect(approximately(rd.estimate, -0.075, relative: 1e-12))
        #expect(approximately(rd.standardError, 0.03258402599434269, relative: 1e-12))
        #expect(approximately(rd.interval.lower, -0.1388635174202286, relative: 1e-12))
        #expect(approximately(rd.interval.upper, -0.0111364825797714, relative: 1e-10))
        let rr = try #require(mh.riskRatio)
        #expect(approximately(rr.estimate, 0.7692307692307693, relative: 1e-12))   // statsmodels riskratio_pooled
        #expect(approximately(try #require(rr.logStandardError), 0.11519214716824568, relative: 1e-12))
        #expect(approximately(try #require(rr.interval).lower, 0.6137689502253856, relative: 1e-12))
        #expect(approximately(try #require(rr.interval).upper, 0.9640695836993278, relative: 1e-12))
    }

    @Test func cochranMantelHaenszelAndBreslowDay() throws {
        let mh = MantelHaenszel(Self.simpson)
        let cmh = try #require(mh.cochranMantelHaenszel)
        // R: mantelhaen.test(correct = FALSE): X-squared = 4.9352, p-value = 0.02632
        #expect(approximately(cmh.statistic, 4.935164835164835, relative: 1e-12))
        #expect(approximately(cmh.pValue, 0.026315552641762108, relative: 1e-10))
        let bd = try #require(mh.breslowDay)
        #expect(bd.degreesOfFreedom == 1)
        #expect(approximately(bd.statistic, 0.01809851010260436, relative: 1e-9))
        #expect(approximately(bd.pValue, 0.8929829341178208, relative: 1e-9))
    }

    @Test func secondTableAgainstStatsmodels() throws {
        let mh = MantelHaenszel([
            try Stratum(participantEvents: 20, of: 200, comparisonEvents: 30, of: 100),
            try Stratum(participantEvents: 60, of: 100, comparisonEvents: 130, of: 200),
        ])
        #expect(approximately(try #require(mh.riskDifference).standardError, 0.03907124902021945, relative: 1e-12))
        #expect(approximately(try #require(mh.riskRatio).estimate, 0.7368421052631579, relative: 1e-12))
        #expect(approximately(try #require(mh.cochranMantelHaenszel).pValue, 0.0008223403733117474, relative: 1e-9))
        #expect(approximately(try #require(mh.breslowDay).statistic, 7.869144449632255, relative: 1e-9))
    }

    @Test func uninformativeStrataAreLeftOut() throws {
        let mh = MantelHaenszel([
            try Stratum(participantEvents: 3, of: 10, comparisonEvents: 0, of: 0),
            try Stratum(participantEvents: 0, of: 0, comparisonEvents: 0, of: 0),
        ])
        #expect(mh.strata.isEmpty)
        #expect(mh.riskDifference == nil && mh.riskRatio == nil && mh.cochranMantelHaenszel == nil && mh.breslowDay == nil)
        let noComparisonEvents = MantelHaenszel([try Stratum(participantEvents: 3, of: 10, comparisonEvents: 0, of: 10)])
        #expect(noComparisonEvents.riskRatio == nil)
        #expect(noComparisonEvents.riskDifference != nil)
        #expect(noComparisonEvents.breslowDay == nil)   // one stratum: nothing to compare
    }

    @Test func strataRefuseImpossibleCounts() {
        #expect(throws: StatisticsError.eventsExceedTotal(events: 5, total: 4)) {
            try Stratum(participantEvents: 5, of: 4, comparisonEvents: 0, of: 1)
        }
        #expect(throws: StatisticsError.negativeCount(-1)) {
            try Stratum(participantEvents: 0, of: 4, comparisonEvents: -1, of: 1)
        }
    }

    @Test func chiSquaredTails() {
        // scipy.stats.chi2.sf
        #expect(approximately(ChiSquared.survival(3.84, degreesOfFreedom: 1), 0.05004352124870519, relative: 1e-12))
        #expect(approximately(ChiSquared.survival(5, degreesOfFreedom: 3), 0.1717971442967335, relative: 1e-12))
        #expect(approximately(ChiSquared.survival(20, degreesOfFreedom: 4), 0.0004993992273873336, relative: 1e-12))
        #expect(ChiSquared.survival(0, degreesOfFreedom: 2) == 1)
        #expect(ChiSquared.survival(1, degreesOfFreedom: 0).isNaN)
    }

    @Test func holmAgainstStatsmodels() {
        // statsmodels multipletests(method="holm") and R p.adjust(method = "holm")
        #expect(Holm.adjust([0.01, 0.04, 0.03, 0.005]) == [0.03, 0.06, 0.06, 0.02])
        let withNaN = Holm.adjust([0.02, .nan, 0.04])
        #expect(withNaN[0] == 0.04 && withNaN[1].isNaN && withNaN[2] == 0.04)
        #expect(Holm.adjust([0.6, 0.9]) == [1, 1])
    }

    /// `survfit(Surv(T1, E1) ~ 1)` with T1 = 5, 8, 10, 10, 12, 15, 20 and E1 = 1, 0, 1, 1, 0, 1, 0.
    @Test func kaplanMeierAgainstR() throws {
        let times: [(Double, Bool)] = [(5, true), (8, false), (10, true), (10, true), (12, false), (15, true), (20, false)]
        let km = KaplanMeier(times.map { FollowUp(time: $0.0, event: $0.1) })
        #expect(km.steps.map(\.time) == [5, 10, 15])
        let expected = [0.8571428571428572, 0.5142857142857143, 0.2571428571428572]
        let lower = [0.6334465290121496, 0.2364708121686281, 0.0524992961639314]
        for (i, step) in km.steps.enumerated() {
            #expect(approximately(step.survival, expected[i], relative: 1e-12))
            #expect(approximately(try #require(step.interval).lower, lower[i], relative: 1e-12))
            #expect(try #require(step.interval).upper == 1)
        }
        #expect(km.median == 15 && km.medianLower == 10 && km.medianUpper == nil)
        #expect(km.survival(at: 4) == 1 && km.survival(at: 11) == expected[1])
    }

    @Test func kaplanMeierMedianAtExactlyOneHalfIsTheMidpoint() {
        // survfit(Surv(1:4, rep(1, 4)) ~ 1): quantile 2.5, lower 1
        let km = KaplanMeier((1...4).map { FollowUp(time: Double($0), event: true) })
        #expect(km.median == 2.5)
        #expect(km.medianLower == 1)
    }

    /// Forty follow-ups drawn in R (set.seed(7); exponential times, 70 % events, alternating groups).
    static let sample: [(Double, Bool, Int)] = [
        (10, false, 1), (324, true, 2), (343, true, 1), (162, true, 2), (109, true, 1), (524, true, 2), (150, true, 1),
        (855, false, 2), (41, false, 1), (9, false, 2), (189, true, 1), (150, false, 2), (374, true, 1), (373, true, 2),
        (242, true, 1), (69, false, 2), (135, true, 1), (192, true, 2), (104, true, 1), (183, true, 2), (480, false, 1),
        (127, true, 2), (79, false, 1), (88, true, 2), (110, true, 1), (51, true, 2), (89, false, 1), (248, true, 2),
        (338, true, 1), (377, true, 2), (252, true, 1), (158, true, 2), (384, true, 1), (2, true, 2), (106, false, 1),
        (77, true, 2), (18, false, 1), (64, true, 2), (185, true, 1), (178, true, 2),
    ]

    @Test func medianIntervalAndLogRankAgainstR() {
        let group1 = Self.sample.filter { $0.2 == 1 }.map { FollowUp(time: $0.0, event: $0.1) }
        let group2 = Self.sample.filter { $0.2 == 2 }.map { FollowUp(time: $0.0, event: $0.1) }
        let km = KaplanMeier(group1)
        // quantile(survfit(Surv(x, e) ~ 1, data = d[d$g == 1, ]), 0.5): 242 (150, 384)
        #expect(km.median == 242 && km.medianLower == 150 && km.medianUpper == 384)
        #expect(km.count == 20 && km.eventCount == 13)
        let test = LogRankTest(group1, group2)
        // survdiff: observed 13, expected 14 (rounded), chisq 0.13632012418039; lifelines p = 0.711967064393086
        #expect(test.observed == 13)
        #expect(approximately(test.statistic, 0.13632012418039058, relative: 1e-10))
        #expect(approximately(test.pValue, 0.711967064393086, relative: 1e-10))
    }
}
