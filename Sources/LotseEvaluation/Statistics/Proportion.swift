/// The share of a group with some outcome: `events` of `n` members, p̂ = events / n.
///
/// A proportion always has at least one member, so p̂ is defined; the initialiser refuses
/// negative counts, more events than members and empty groups.
public struct Proportion: Sendable, Hashable {
    /// Members with the outcome.
    public let events: Int
    /// Members of the group (at least 1).
    public let n: Int

    /// Creates a proportion of `events` out of `n`.
    /// - Parameters:
    ///   - events: members with the outcome, `0...n`.
    ///   - n: members of the group, at least 1.
    /// - Throws: ``StatisticsError`` for a negative count, `events > n` or `n == 0`.
    public init(events: Int, of n: Int) throws(StatisticsError) {
        guard events >= 0 else { throw .negativeCount(events) }
        guard n >= 0 else { throw .negativeCount(n) }
        guard n > 0 else { throw .emptyGroup }
        guard events <= n else { throw .eventsExceedTotal(events: events, total: n) }
        self.events = events
        self.n = n
    }

    /// Members without the outcome, `n − events`.
    public var nonEvents: Int { n - events }

    /// The estimate p̂ = events / n.
    public var value: Double { Double(events) / Double(n) }

    /// The Wilson score interval (Wilson 1927), without continuity correction:
    ///
    ///     centre = (p̂ + z²/2n) / (1 + z²/n)
    ///     half   = z / (1 + z²/n) · √( p̂(1 − p̂)/n + z²/4n² )
    ///     [centre − half, centre + half]
    ///
    /// The limits are exactly 0 when `events == 0` and exactly 1 when `events == n`.
    /// It is the interval of `scipy.stats.binomtest(k, n).proportion_ci(method='wilson')` and of
    /// R's `prop.test(k, n, correct = FALSE)$conf.int`. Reference: E. B. Wilson, "Probable inference,
    /// the law of succession, and statistical inference", JASA 22 (1927) 209–212; Newcombe,
    /// Statistics in Medicine 17 (1998) 857–872, method 3.
    /// - Parameter z: the standard normal quantile; ``ConfidenceInterval/z95`` for 95 %.
    public func wilsonInterval(z: Double = ConfidenceInterval.z95) -> ConfidenceInterval {
        let size = Double(n)
        let p = value
        let z2 = z * z
        let denominator = 1 + z2 / size
        let centre = (p + z2 / (2 * size)) / denominator
        let half = z / denominator * (p * (1 - p) / size + z2 / (4 * size * size)).squareRoot()
        let lower = events == 0 ? 0 : max(0, centre - half)
        let upper = events == n ? 1 : min(1, centre + half)
        return ConfidenceInterval(lower: lower, upper: upper)
    }
}
