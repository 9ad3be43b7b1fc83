import Foundation

/// Fisher's exact test of independence in a 2×2 table, two-sided, as R's `fisher.test` computes it.
///
///              event   no event
///     group A    a        b        (r₁ = a + b)
///     group B    c        d        (r₂ = c + d)
///             (k = a + c)
///
/// Given the margins, the count in the first cell follows the hypergeometric distribution
/// P(x) = C(r₁, x) · C(r₂, k − x) / C(r₁ + r₂, k) on max(0, k − r₂) … min(r₁, k). The two-sided
/// p-value is the sum of P(x) over every table whose probability does not exceed the observed
/// table's, with R's relative tolerance: P(x) ≤ P(a) · (1 + 10⁻⁷). (SciPy's `fisher_exact` uses the
/// same rule with tolerance 10⁻¹⁴; the two agree except on near-ties.)
///
/// **Computation.** Log-probabilities relative to the mode m = ⌊(r₁ + 1)(k + 1)/(N + 2)⌋ come from
/// the ratio P(x + 1)/P(x) = (r₁ − x)(k − x) / ((x + 1)(r₂ − k + x + 1)), accumulated outwards from
/// the mode, so nothing overflows and the terms that matter are exact to about 10⁻¹³. The p-value
/// is a ratio of two compensated (Neumaier) sums of exp(log P − max), so the normalising constant
/// C(N, k) is never formed. The work is linear in the support (≤ min(r₁, k) + 1 terms): a table
/// with 60,000 per group takes about a millisecond. ``log10PValue`` stays finite where the p-value
/// itself underflows to 0 (below about 10⁻³⁰⁸).
///
/// Reference: R. A. Fisher, *Statistical Methods for Research Workers*, §21.02; R `fisher.test`
/// (stats, src/library/stats/R/fisher.test.R); A. Agresti, *Categorical Data Analysis* (2013) §3.5.
public struct FisherExactTest: Sendable, Hashable {
    /// The two-sided p-value, in [0, 1].
    public let pValue: Double
    /// log₁₀ of the p-value (≤ 0), accurate also where ``pValue`` underflows.
    public let log10PValue: Double

    /// Tests the table `[[a, b], [c, d]]`.
    /// - Parameters:
    ///   - a: group A with the event.
    ///   - b: group A without the event.
    ///   - c: group B with the event.
    ///   - d: group B without the event.
    /// - Throws: ``StatisticsError/negativeCount(_:)`` for a negative cell. An empty table,
    ///   or one with an empty row or column, has p = 1.
    public init(a: Int, b: Int, c: Int, d: Int) throws(StatisticsError) {
        for cell in [a, b, c, d] where cell < 0 { throw .negativeCount(cell) }
        let logP = Self.logPValue(a: a, r1: a + b, r2: c + d, k: a + c)
        log10PValue = min(0, logP / log(10.0))
        pValue = min(1, exp(logP))
    }

    /// Tests group A against group B, each as events of n.
    /// - Parameters:
    ///   - a: group A (participants).
    ///   - b: group B (comparison).
    public init(_ a: Proportion, versus b: Proportion) {
        let logP = Self.logPValue(a: a.events, r1: a.n, r2: b.n, k: a.events + b.events)
        log10PValue = min(0, logP / log(10.0))
        pValue = min(1, exp(logP))
    }

    /// R's relative tolerance for "not more probable than the observed table".
    static let relativeTolerance = 1e-7

    /// The natural log of the two-sided p-value for first cell `a`, row totals `r1`, `r2` and
    /// first column total `k`.
    static func logPValue(a: Int, r1: Int, r2: Int, k: Int) -> Double {
        let lo = max(0, k - r2), hi = min(r1, k)
        guard hi > lo else { return 0 }
        let total = r1 + r2
        let mode = min(hi, max(lo, (r1 + 1) * (k + 1) / (total + 2)))

        // log P(x) − log P(mode) for x in lo...hi, stored at x − lo.
        var logs = [Double](repeating: 0, count: hi - lo + 1)
        func logRatio(_ x: Int) -> Double {   // log P(x + 1) − log P(x)
            log((Double(r1 - x) * Double(k - x)) / (Double(x + 1) * Double(r2 - k + x + 1)))
        }
        var x = mode
        while x < hi {
            logs[x + 1 - lo] = logs[x - lo] + logRatio(x)
            x += 1
        }
        x = mode
        while x > lo {
            logs[x - 1 - lo] = logs[x - lo] - logRatio(x - 1)
            x -= 1
        }

        let threshold = logs[a - lo] + log1p(relativeTolerance)
        var allMax = -Double.infinity, tailMax = -Double.infinity
        for value in logs {
            allMax = max(allMax, value)
            if value <= threshold { tailMax = max(tailMax, value) }
        }
        var all = CompensatedSum(), tail = CompensatedSum()
        for value in logs {
            all.add(exp(value - allMax))
            if value <= threshold { tail.add(exp(value - tailMax)) }
        }
        return min(0, tailMax - allMax + log(tail.value) - log(all.value))
    }
}

/// Neumaier's improved Kahan summation: the sum of many terms of mixed size without the
/// rounding drift of a plain loop.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ term: Double) {
        let t = sum + term
        if abs(sum) >= abs(term) {
            compensation += (sum - t) + term
        } else {
            compensation += (term - t) + sum
        }
        sum = t
    }

    var value: Double { sum + compensation }
}
