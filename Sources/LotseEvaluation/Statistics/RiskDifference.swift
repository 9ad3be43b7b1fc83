/// The risk difference p̂_A − p̂_B of two independent proportions with the Newcombe hybrid
/// score interval.
///
/// With (l_A, u_A) and (l_B, u_B) the Wilson score intervals of the two groups
/// (``Proportion/wilsonInterval(z:)``, no continuity correction) and D = p̂_A − p̂_B:
///
///     lower = D − √( (p̂_A − l_A)² + (u_B − p̂_B)² )
///     upper = D + √( (u_A − p̂_A)² + (p̂_B − l_B)² )
///
/// Reference: R. G. Newcombe, "Interval estimation for the difference between independent
/// proportions: comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890, method 10.
/// The same as R's `DescTools::BinomDiffCI(x1, n1, x2, n2, method = "score")`. The tests check it
/// against a direct numpy implementation of this formula built on SciPy's Wilson intervals.
/// The interval is defined for every table, including 0 % and 100 % in either group, and stays
/// inside [−1, 1].
public struct RiskDifference: Sendable, Hashable {
    /// p̂_A − p̂_B.
    public let estimate: Double
    /// The Newcombe hybrid score interval.
    public let interval: ConfidenceInterval

    /// Computes the difference of group A minus group B.
    /// - Parameters:
    ///   - a: group A (participants).
    ///   - b: group B (comparison).
    ///   - z: the standard normal quantile; ``ConfidenceInterval/z95`` for 95 %.
    public init(_ a: Proportion, minus b: Proportion, z: Double = ConfidenceInterval.z95) {
        let pA = a.value, pB = b.value
        let wA = a.wilsonInterval(z: z), wB = b.wilsonInterval(z: z)
        let d = pA - pB
        let lower = d - ((pA - wA.lower) * (pA - wA.lower) + (wB.upper - pB) * (wB.upper - pB)).squareRoot()
        let upper = d + ((wA.upper - pA) * (wA.upper - pA) + (pB - wB.lower) * (pB - wB.lower)).squareRoot()
        estimate = d
        interval = ConfidenceInterval(lower: max(-1, lower), upper: min(1, upper))
    }
}
