import Foundation
import LotseEvaluation
import Testing

/// Fisher's exact test, two-sided, against SciPy 1.17 (and R's documented examples).
@Suite("Fisher's exact test")
struct FisherExactTestTests {
    /// ([[a, b], [c, d]], p) where p is not tiny: compared to 1e-10 relative.
    /// Each expected value is `scipy.stats.fisher_exact(TABLE, alternative='two-sided').pvalue`.
    static let moderate: [([[Int]], Double)] = [
        ([[3, 1], [1, 3]], 0.48571428571428565),          // R ?fisher.test "Tea tasting": p = 0.4857
        ([[2, 15], [10, 3]], 0.0005367241191434358),      // R ?fisher.test "Convictions" (two-sided)
        ([[12, 38], [5, 45]], 0.1083695840882205),
        ([[0, 0], [0, 0]], 1.0),                          // empty table
        ([[0, 5], [0, 5]], 1.0),                          // empty column: one possible table
        ([[0, 10], [10, 0]], 1.082508822446903e-05),
        ([[5, 0], [0, 5]], 0.007936507936507938),
        ([[1, 0], [0, 1]], 1.0),
        ([[10, 20], [20, 10]], 0.01938318826178997),      // symmetric margins: exact ties on both sides
        ([[0, 3], [4, 1]], 0.14285714285714288),
        ([[1, 9], [11, 3]], 0.0027594561852200836),
        ([[6100, 53900], [5800, 54200]], 0.003877290778498184),   // 60,000 per group
        ([[1, 59999], [10, 59990]], 0.01171516950943351),         // 60,000 per group, rare event
        ([[30000, 30000], [30050, 29950]], 0.7772523068465063),   // 60,000 per group, no effect
    ]

    @Test(arguments: moderate)
    func moderatePValues(_ row: ([[Int]], Double)) throws {
        let t = row.0
        let test = try FisherExactTest(a: t[0][0], b: t[0][1], c: t[1][0], d: t[1][1])
        #expect(approximately(test.pValue, row.1, relative: 1e-10), "\(t): \(test.pValue) vs \(row.1)")
    }

    /// ([[a, b], [c, d]], log10 p) for tiny p, compared to 1e-9 relative on the log scale. The expected value is
    /// `numpy.log10(scipy.stats.fisher_exact(TABLE, alternative='two-sided').pvalue)`.
    static let tiny: [([[Int]], Double)] = [
        ([[3012, 26988], [1496, 28504]], -123.19251152581681),    // p = 6.419311849585635e-124
        ([[9000, 51000], [6000, 54000]], -151.20246241155937),    // p = 6.273899946040808e-152
        ([[100, 0], [0, 100]], -58.65585133494469),               // p = 2.208760693199503e-59
    ]

    @Test(arguments: tiny)
    func tinyPValues(_ row: ([[Int]], Double)) throws {
        let t = row.0
        let test = try FisherExactTest(a: t[0][0], b: t[0][1], c: t[1][0], d: t[1][1])
        #expect(approximately(test.log10PValue, row.1, relative: 1e-9), "\(t): \(test.log10PValue) vs \(row.1)")
        #expect(approximately(test.pValue, pow(10, row.1), relative: 1e-6))
    }

    /// ([a, b, c, d], p) in 50-digit arithmetic, where SciPy itself is off by up to 1e-11 (the
    /// 60,000-per-group tables); the implementation is within 1e-13 of these:
    ///
    ///     mpmath.mp.dps = 50; r1, r2, k = a + b, c + d, a + c
    ///     lp = lambda x: (mpmath.loggamma(r1+1) - mpmath.loggamma(x+1) - mpmath.loggamma(r1-x+1)
    ///                     + mpmath.loggamma(r2+1) - mpmath.loggamma(k-x+1) - mpmath.loggamma(r2-k+x+1))
    ///     w = [mpmath.e**(lp(x) - lp(a)) for x in range(max(0, k-r2), min(r1, k) + 1)]
    ///     p = sum(v for v in w if v <= 1 + mpmath.mpf('1e-7')) / sum(w)
    static let exact: [([Int], Double)] = [
        ([6100, 53900, 5800, 54200], 0.0038772907785011279193),
        ([1, 59999, 10, 59990], 0.011715169509557314186),
        ([30000, 30000, 30050, 29950], 0.77725230684559359738),
        ([3012, 26988, 1496, 28504], 6.4193118495856453044e-124),
        ([9000, 51000, 6000, 54000], 6.2738999460351415744e-152),
        ([100, 0, 0, 100], 2.2087606931995025549e-59),
        ([12, 38, 5, 45], 0.10836958408822052395),
        ([10, 20, 20, 10], 0.01938318826178996632),
    ]

    @Test(arguments: exact)
    func agreesWithExactArithmetic(_ row: ([Int], Double)) throws {
        let t = row.0
        let test = try FisherExactTest(a: t[0], b: t[1], c: t[2], d: t[3])
        #expect(approximately(test.pValue, row.1, relative: 1e-13), "\(t): \(test.pValue) vs \(row.1)")
    }

    /// SciPy returns 0.0 here; the log stays finite:
    /// `mpmath.log10(2) - mpmath.log10(mpmath.binomial(120000, 60000))` = −36120.66079821576…
    @Test func underflowingPValueKeepsItsLog() throws {
        let test = try FisherExactTest(a: 0, b: 60000, c: 60000, d: 0)
        #expect(test.pValue == 0)
        #expect(approximately(test.log10PValue, -36120.66079821576, relative: 1e-9))
    }

    @Test func proportionsGiveTheSameTable() throws {
        let p = FisherExactTest(try Proportion(events: 3012, of: 30000), versus: try Proportion(events: 1496, of: 30000))
        let q = try FisherExactTest(a: 3012, b: 26988, c: 1496, d: 28504)
        #expect(p == q)
    }

    @Test func transposedAndSwappedTablesAgree() throws {
        let p = try FisherExactTest(a: 12, b: 38, c: 5, d: 45).pValue
        #expect(approximately(try FisherExactTest(a: 12, b: 5, c: 38, d: 45).pValue, p, relative: 1e-12))
        #expect(approximately(try FisherExactTest(a: 5, b: 45, c: 12, d: 38).pValue, p, relative: 1e-12))
    }

    @Test func refusesNegativeCells() {
        #expect(throws: StatisticsError.negativeCount(-2)) { try FisherExactTest(a: 1, b: -2, c: 3, d: 4) }
    }
}
