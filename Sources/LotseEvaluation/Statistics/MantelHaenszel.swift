import Foundation

/// The site-stratified comparison of one binary indicator: the Mantel–Haenszel risk difference
/// and risk ratio with their 95 % intervals, the Cochran–Mantel–Haenszel test of no association
/// and the Breslow–Day test of homogeneity across sites.
///
/// With strata i (sites), a_i events of n₁ᵢ participants, c_i events of n₀ᵢ comparison members,
/// Nᵢ = n₁ᵢ + n₀ᵢ (strata with an empty group are left out: they carry no information):
///
/// **Risk difference** (Mantel–Haenszel weights wᵢ = n₁ᵢn₀ᵢ/Nᵢ):
///
///     RD_MH = Σ (aᵢn₀ᵢ − cᵢn₁ᵢ)/Nᵢ / Σ wᵢ
///     Var   = (RD_MH · Σ Pᵢ + Σ Qᵢ) / (Σ wᵢ)²                      (Sato 1989)
///     Pᵢ = (n₁ᵢ² cᵢ − n₀ᵢ² aᵢ + n₁ᵢn₀ᵢ(n₀ᵢ − n₁ᵢ)/2) / Nᵢ²
///     Qᵢ = (aᵢ(n₀ᵢ − cᵢ) + cᵢ(n₁ᵢ − aᵢ)) / (2Nᵢ)
///
/// Sato's variance is consistent both for many small strata and for few large ones, unlike the
/// Greenland–Robins (1985) variance of the difference.
///
/// **Risk ratio**:
///
///     RR_MH = Σ aᵢn₀ᵢ/Nᵢ / Σ cᵢn₁ᵢ/Nᵢ
///     Var(ln RR_MH) = Σ (n₁ᵢn₀ᵢmᵢ − aᵢcᵢNᵢ)/Nᵢ² / ((Σ aᵢn₀ᵢ/Nᵢ)(Σ cᵢn₁ᵢ/Nᵢ))   (Greenland–Robins 1985)
///
/// with mᵢ = aᵢ + cᵢ. As for the crude ``RiskRatio``, no continuity correction is made: with no
/// comparison events anywhere the ratio is undefined, with no participant events it is 0
/// without an interval.
///
/// **Cochran–Mantel–Haenszel test** (without continuity correction, as
/// `statsmodels.stats.contingency_tables.StratifiedTable.test_null()`; R's `mantelhaen.test`
/// corrects by default, `correct = FALSE` gives this statistic):
///
///     X² = (Σ aᵢ − Σ n₁ᵢmᵢ/Nᵢ)² / Σ n₁ᵢn₀ᵢmᵢ(Nᵢ − mᵢ) / (Nᵢ²(Nᵢ − 1)),   χ² with 1 df
///
/// **Breslow–Day test** of a common odds ratio across sites (the homogeneity test; without
/// Tarone's adjustment, as statsmodels' `test_equal_odds(adjust=False)`): for each stratum the
/// expected participant events Eᵢ under the Mantel–Haenszel odds ratio ψ with the stratum's
/// margins fixed (the root of (E(n₀ − m + E)) = ψ(n₁ − E)(m − E) inside the feasible range),
/// Vᵢ = 1 / (1/E + 1/(n₁ − E) + 1/(m − E) + 1/(n₀ − m + E)), and BD = Σ (aᵢ − Eᵢ)²/Vᵢ, χ² with
/// K − 1 df over the K strata that inform it.
///
/// References: N. Mantel, W. Haenszel, JNCI 22 (1959) 719–748; S. Greenland, J. M. Robins,
/// Biometrics 41 (1985) 55–68; T. Sato, Biometrics 45 (1989) 1323–1324; N. E. Breslow,
/// N. E. Day, *Statistical Methods in Cancer Research I* (IARC 1980) §4.4; K. J. Rothman,
/// S. Greenland, T. L. Lash, *Modern Epidemiology* 3rd ed. (2008) ch. 15.
public struct MantelHaenszel: Sendable, Hashable {
    /// The strata the estimate uses (both groups non-empty), in the order given.
    public let strata: [Stratum]
    /// The Mantel–Haenszel risk difference with Sato's interval, nil when no stratum informs it.
    public let riskDifference: Estimate?
    /// The Mantel–Haenszel risk ratio (nil without comparison events) and its Greenland–Robins
    /// interval (nil also without participant events).
    public let riskRatio: RatioEstimate?
    /// The Cochran–Mantel–Haenszel test of no association, nil when its variance is 0.
    public let cochranMantelHaenszel: ChiSquaredTest?
    /// The Breslow–Day test of a common odds ratio, nil with fewer than two informative strata
    /// or an undefined common odds ratio.
    public let breslowDay: ChiSquaredTest?

    /// An estimate with its standard error and interval.
    public struct Estimate: Sendable, Hashable {
        /// The point estimate.
        public let estimate: Double
        /// Its standard error.
        public let standardError: Double
        /// estimate ± z · SE.
        public let interval: ConfidenceInterval
    }

    /// A ratio with the standard error of its logarithm and its interval.
    public struct RatioEstimate: Sendable, Hashable {
        /// The point estimate (0 when no participant had the event).
        public let estimate: Double
        /// SE of ln(estimate), nil when the estimate is 0.
        public let logStandardError: Double?
        /// exp(ln estimate ± z · SE), nil when the estimate is 0.
        public let interval: ConfidenceInterval?
    }

    /// A χ² statistic with its degrees of freedom and p-value.
    public struct ChiSquaredTest: Sendable, Hashable {
        /// The statistic.
        public let statistic: Double
        /// Degrees of freedom.
        public let degreesOfFreedom: Int
        /// P(χ² ≥ statistic).
        public let pValue: Double
    }

    /// Computes the stratified comparison.
    /// - Parameters:
    ///   - strata: one table per site.
    ///   - z: the normal quantile of the intervals, ``ConfidenceInterval/z95`` for 95 %.
    public init(_ strata: [Stratum], z: Double = ConfidenceInterval.z95) {
        let used = strata.filter(\.isInformative)
        self.strata = used
        var weights = 0.0, differenceSum = 0.0, pSum = 0.0, qSum = 0.0
        var rNumerator = 0.0, rDenominator = 0.0, rVariance = 0.0
        var observed = 0.0, expected = 0.0, variance = 0.0
        var oddsNumerator = 0.0, oddsDenominator = 0.0
        for s in used {
            let a = Double(s.participantEvents), c = Double(s.comparisonEvents)
            let n1 = Double(s.participants), n0 = Double(s.comparison), n = n1 + n0
            let m = a + c
            weights += n1 * n0 / n
            differenceSum += (a * n0 - c * n1) / n
            pSum += (n1 * n1 * c - n0 * n0 * a + n1 * n0 * (n0 - n1) / 2) / (n * n)
            qSum += (a * (n0 - c) + c * (n1 - a)) / (2 * n)
            rNumerator += a * n0 / n
            rDenominator += c * n1 / n
            rVariance += (n1 * n0 * m - a * c * n) / (n * n)
            observed += a
            expected += n1 * m / n
            if n > 1 { variance += n1 * n0 * m * (n - m) / (n * n * (n - 1)) }
            oddsNumerator += a * (n0 - c) / n
            oddsDenominator += (n1 - a) * c / n
        }
        if weights > 0 {
            let rd = differenceSum / weights
            let se = max(0, (rd * pSum + qSum) / (weights * weights)).squareRoot()
            riskDifference = Estimate(estimate: rd, standardError: se,
                                      interval: ConfidenceInterval(lower: max(-1, rd - z * se),
                                                                   upper: min(1, rd + z * se)))
        } else {
            riskDifference = nil
        }
        if rDenominator > 0 {
            let rr = rNumerator / rDenominator
            if rNumerator > 0 {
                let se = max(0, rVariance / (rNumerator * rDenominator)).squareRoot()
                riskRatio = RatioEstimate(estimate: rr, logStandardError: se,
                                          interval: ConfidenceInterval(lower: exp(log(rr) - z * se),
                                                                       upper: exp(log(rr) + z * se)))
            } else {
                riskRatio = RatioEstimate(estimate: 0, logStandardError: nil, interval: nil)
            }
        } else {
            riskRatio = nil
        }
        if variance > 0 {
            let statistic = (observed - expected) * (observed - expected) / variance
            cochranMantelHaenszel = ChiSquaredTest(statistic: statistic, degreesOfFreedom: 1,
                                                   pValue: ChiSquared.survival(statistic, degreesOfFreedom: 1))
        } else {
            cochranMantelHaenszel = nil
        }
        breslowDay = Self.breslowDay(used, oddsNumerator: oddsNumerator, oddsDenominator: oddsDenominator)
    }

    /// The Breslow–Day statistic under the Mantel–Haenszel common odds ratio.
    private static func breslowDay(_ strata: [Stratum], oddsNumerator: Double,
                                   oddsDenominator: Double) -> ChiSquaredTest? {
        guard strata.count >= 2, oddsNumerator > 0, oddsDenominator > 0 else { return nil }
        let psi = oddsNumerator / oddsDenominator
        var statistic = 0.0
        var informative = 0
        for s in strata {
            let a = Double(s.participantEvents)
            let n1 = Double(s.participants), n0 = Double(s.comparison), m = Double(s.events)
            let low = max(0, m - n0), high = min(n1, m)
            guard high > low else { continue } // the margins fix a: no information
            // (1 − ψ)E² + (n₀ − m + ψ(n₁ + m))E − ψn₁m = 0 with E in [low, high].
            let qa = 1 - psi, qb = n0 - m + psi * (n1 + m), qc = -psi * n1 * m
            let e: Double
            if abs(qa) < 1e-12 {
                e = -qc / qb
            } else {
                let root = max(0, qb * qb - 4 * qa * qc).squareRoot()
                let r1 = (-qb + root) / (2 * qa), r2 = (-qb - root) / (2 * qa)
                e = (r1 >= low - 1e-9 && r1 <= high + 1e-9) ? r1 : r2
            }
            let v = 1 / (1 / e + 1 / (n1 - e) + 1 / (m - e) + 1 / (n0 - m + e))
            guard v > 0, v.isFinite else { continue }
            statistic += (a - e) * (a - e) / v
            informative += 1
        }
        guard informative >= 2 else { return nil }
        return ChiSquaredTest(statistic: statistic, degreesOfFreedom: informative - 1,
                              pValue: ChiSquared.survival(statistic, degreesOfFreedom: informative - 1))
    }
}
