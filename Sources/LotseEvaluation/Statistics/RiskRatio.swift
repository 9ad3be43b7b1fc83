import Foundation

/// The risk ratio p̂_A / p̂_B of two independent proportions with the log (Katz) interval.
///
/// With a events of n_A in group A and c events of n_B in group B:
///
///     RR = (a / n_A) / (c / n_B)
///     SE(ln RR) = √( 1/a − 1/n_A + 1/c − 1/n_B )
///     CI = exp( ln RR ± z · SE )
///
/// Reference: D. Katz, J. Baptista, S. P. Azen, M. C. Pike, "Obtaining confidence intervals for
/// the risk ratio in cohort studies", Biometrics 34 (1978) 469–474.
///
/// **Zero cells.** No continuity correction is applied, so every number shown is one that was
/// observed:
/// - `c == 0` (no events in group B): the ratio is undefined; ``estimate`` and ``interval`` are nil.
/// - `a == 0`, `c > 0`: ``estimate`` is 0, but ln 0 has no interval, so ``interval`` is nil.
/// - otherwise both are defined. (When both groups have 100 % events the standard error is 0 and
///   the interval collapses to [1, 1]; that is the Katz formula, not an error.)
///
/// Where a ratio has no interval, the risk difference (``RiskDifference``) and Fisher's exact test
/// (``FisherExactTest``) remain defined and carry the comparison. The common alternative, adding
/// 0.5 to every cell (Haldane–Anscombe), reports a ratio nobody observed and is deliberately not
/// done here.
public struct RiskRatio: Sendable, Hashable {
    /// p̂_A / p̂_B, or nil when group B has no events.
    public let estimate: Double?
    /// The Katz log interval, or nil when either group has no events.
    public let interval: ConfidenceInterval?

    /// Computes the ratio of group A to group B.
    /// - Parameters:
    ///   - a: group A (participants), the numerator.
    ///   - b: group B (comparison), the denominator.
    ///   - z: the standard normal quantile; ``ConfidenceInterval/z95`` for 95 %.
    public init(_ a: Proportion, over b: Proportion, z: Double = ConfidenceInterval.z95) {
        guard b.events > 0 else {
            estimate = nil
            interval = nil
            return
        }
        let ratio = a.value / b.value
        estimate = ratio
        guard a.events > 0 else {
            interval = nil
            return
        }
        let variance = 1 / Double(a.events) - 1 / Double(a.n) + 1 / Double(b.events) - 1 / Double(b.n)
        let half = z * max(0, variance).squareRoot()
        let logRatio = log(ratio)
        interval = ConfidenceInterval(lower: exp(logRatio - half), upper: exp(logRatio + half))
    }
}
