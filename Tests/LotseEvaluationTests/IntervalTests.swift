import LotseEvaluation
import Testing

/// Wilson, Newcombe and Katz intervals against SciPy 1.17 / numpy.
@Suite("Intervals")
struct IntervalTests {
    @Test func z95IsTheNormalQuantile() {
        #expect(ConfidenceInterval.z95 == 1.959963984540054)   // scipy.stats.norm.ppf(0.975)
    }

    /// (events, n, lower, upper); expected values from
    /// `ci = scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson'); ci.low, ci.high`.
    static let wilson: [(Int, Int, Double, Double)] = [
        (0, 10, 0.0, 0.27753279986288926),
        (10, 10, 0.7224672001371109, 1.0),
        (1, 10, 0.017876213095072896, 0.4041500267952385),
        (12, 50, 0.1429739139699173, 0.3741268375794292),
        (5, 45, 0.048404717945671846, 0.23499096995768576),
        (0, 1, 0.0, 0.7934506856227626),
        (1, 1, 0.20654931437723745, 1.0),
        (37, 120, 0.23272736988916295, 0.3958299772380067),
        (3012, 30000, 0.09705021059019198, 0.10385211277042544),
        (1, 60000, 2.94208197400375e-06, 9.440933218008817e-05),
    ]

    @Test(arguments: wilson)
    func wilsonInterval(_ row: (Int, Int, Double, Double)) throws {
        let ci = try Proportion(events: row.0, of: row.1).wilsonInterval()
        #expect(approximately(ci.lower, row.2, relative: 1e-12), "lower \(ci.lower) vs \(row.2)")
        #expect(approximately(ci.upper, row.3, relative: 1e-12), "upper \(ci.upper) vs \(row.3)")
    }

    @Test func wilsonLimitsAreExactAtTheEdges() throws {
        #expect(try Proportion(events: 0, of: 7).wilsonInterval().lower == 0)
        #expect(try Proportion(events: 7, of: 7).wilsonInterval().upper == 1)
    }

    /// (x₁, n₁, x₂, n₂, estimate, lower, upper). Expected values from a direct numpy implementation of
    /// Newcombe (1998) method 10 on SciPy's Wilson limits (p1 = x1/n1, p2 = x2/n2):
    /// `d = p1 - p2; d - np.sqrt((p1-l1)**2 + (u2-p2)**2), d + np.sqrt((u1-p1)**2 + (p2-l2)**2)`
    /// with `l, u = binomtest(x, n).proportion_ci(method='wilson')`. The first eight rows are the
    /// examples of Newcombe's Table II (method 10: 0.0524–0.3339, 0.1705–0.8090, 0.0582–0.8062,
    /// −0.0381–0.1926, −0.1611–0.2775, −0.2775–0.2775, 0.6791–1, 0.6075–1).
    static let newcombe: [(Int, Int, Int, Int, Double, Double, Double)] = [
        (56, 70, 48, 80, 0.2, 0.052431472402364815, 0.3338726540369059),
        (9, 10, 3, 10, 0.6, 0.17052272393450302, 0.8090179735354881),
        (6, 7, 2, 7, 0.5714285714285714, 0.0582279274823122, 0.8062496375242278),
        (5, 56, 0, 29, 0.08928571428571429, -0.03813714790353688, 0.1925600138551116),
        (0, 10, 0, 20, 0.0, -0.16112515805281935, 0.27753279986288926),
        (0, 10, 0, 10, 0.0, -0.27753279986288926, 0.27753279986288926),
        (10, 10, 0, 20, 1.0, 0.6790860371419147, 1.0),
        (10, 10, 0, 10, 1.0, 0.6075093504305242, 1.0),
        (12, 50, 5, 50, 0.14, -0.009397279766490796, 0.2855506705896386),
        (3012, 30000, 1496, 30000, 0.05053333333333334, 0.046340737134570154, 0.05474117413656163),
    ]

    @Test(arguments: newcombe)
    func newcombeInterval(_ row: (Int, Int, Int, Int, Double, Double, Double)) throws {
        let rd = RiskDifference(try Proportion(events: row.0, of: row.1), minus: try Proportion(events: row.2, of: row.3))
        #expect(approximately(rd.estimate, row.4, relative: 1e-12))
        #expect(approximately(rd.interval.lower, row.5, relative: 1e-10), "lower \(rd.interval.lower) vs \(row.5)")
        #expect(approximately(rd.interval.upper, row.6, relative: 1e-10), "upper \(rd.interval.upper) vs \(row.6)")
    }

    /// (a, n_A, c, n_B, RR, lower, upper) from
    /// `r = scipy.stats.contingency.relative_risk(a, nA, c, nB); r.relative_risk, r.confidence_interval(0.95)`
    /// (SciPy's interval is the Katz log interval).
    static let katz: [(Int, Int, Int, Int, Double, Double, Double)] = [
        (12, 50, 5, 50, 2.4, 0.9126904183465645, 6.311011800074389),
        (56, 70, 48, 80, 1.3333333333333335, 1.076626422763193, 1.651248511266387),
        (3012, 30000, 1496, 30000, 2.0133689839572195, 1.8963234093795214, 2.137638888762801),
        (10, 10, 10, 10, 1.0, 1.0, 1.0),
        (1, 20, 19, 20, 0.052631578947368425, 0.007770508808959136, 0.3564867077042963),
        (5, 56, 2, 29, 1.2946428571428572, 0.26737800997121186, 6.268653610412777),
    ]

    @Test(arguments: katz)
    func katzInterval(_ row: (Int, Int, Int, Int, Double, Double, Double)) throws {
        let rr = RiskRatio(try Proportion(events: row.0, of: row.1), over: try Proportion(events: row.2, of: row.3))
        let estimate = try #require(rr.estimate)
        let ci = try #require(rr.interval)
        #expect(approximately(estimate, row.4, relative: 1e-12))
        #expect(approximately(ci.lower, row.5, relative: 1e-12), "lower \(ci.lower) vs \(row.5)")
        #expect(approximately(ci.upper, row.6, relative: 1e-12), "upper \(ci.upper) vs \(row.6)")
    }

    @Test func riskRatioWithZeroCells() throws {
        // No events among participants: the ratio is 0, ln 0 has no interval.
        let none = RiskRatio(try Proportion(events: 0, of: 40), over: try Proportion(events: 6, of: 40))
        #expect(none.estimate == 0)
        #expect(none.interval == nil)
        // No events in the comparison group: undefined.
        let undefined = RiskRatio(try Proportion(events: 6, of: 40), over: try Proportion(events: 0, of: 40))
        #expect(undefined.estimate == nil)
        #expect(undefined.interval == nil)
        let neither = RiskRatio(try Proportion(events: 0, of: 40), over: try Proportion(events: 0, of: 40))
        #expect(neither.estimate == nil && neither.interval == nil)
    }

    @Test func proportionRefusesImpossibleCounts() {
        #expect(throws: StatisticsError.emptyGroup) { try Proportion(events: 0, of: 0) }
        #expect(throws: StatisticsError.negativeCount(-1)) { try Proportion(events: -1, of: 5) }
        #expect(throws: StatisticsError.eventsExceedTotal(events: 6, total: 5)) { try Proportion(events: 6, of: 5) }
        #expect(StatisticsError.eventsExceedTotal(events: 6, total: 5).description == "events (6) exceed the group size (5)")
    }

    @Test func twoByTwoBundlesEverything() throws {
        let table = try TwoByTwo(participantEvents: 12, of: 50, comparisonEvents: 5, of: 50)
        #expect(table.participants.value == 0.24)
        #expect(table.comparison.nonEvents == 45)
        #expect(approximately(table.participantsInterval.upper, 0.3741268375794292))
        #expect(approximately(table.riskDifference.interval.lower, -0.009397279766490796, relative: 1e-10))
        #expect(approximately(try #require(table.riskRatio.interval).upper, 6.311011800074389))
        // scipy.stats.fisher_exact([[12, 38], [5, 45]], alternative='two-sided').pvalue
        #expect(approximately(table.fisher.pValue, 0.1083695840882205, relative: 1e-10))
        #expect(throws: StatisticsError.emptyGroup) {
            try TwoByTwo(participantEvents: 0, of: 0, comparisonEvents: 0, of: 3)
        }
    }
}
