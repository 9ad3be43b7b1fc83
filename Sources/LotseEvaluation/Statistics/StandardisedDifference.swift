/// Standardised differences for balance tables: how far apart two groups are on a baseline
/// characteristic, in units of the pooled standard deviation. Unlike a p-value it does not
/// grow with the sample size; |d| < 0.1 is the usual sign of good balance.
///
/// Reference: P. C. Austin, "Balance diagnostics for comparing the distribution of baseline
/// covariates between treatment groups in propensity-score matched samples", Statistics in
/// Medicine 28 (2009) 3083–3107, equations 1 and 2.
public enum StandardisedDifference {
    /// The standardised difference of two shares (a binary characteristic, or one category of a
    /// categorical one):
    ///
    ///     d = (p₁ − p₂) / √( (p₁(1 − p₁) + p₂(1 − p₂)) / 2 )
    ///
    /// - Parameters:
    ///   - p1: the share in group 1 (participants), in [0, 1].
    ///   - p2: the share in group 2 (comparison), in [0, 1].
    /// - Returns: d; 0 when the shares are equal (also when both are 0 or both 1), and ±infinity
    ///   when one share is 0 and the other 1.
    public static func binary(_ p1: Double, _ p2: Double) -> Double {
        let difference = p1 - p2
        guard difference != 0 else { return 0 }
        let pooled = ((p1 * (1 - p1) + p2 * (1 - p2)) / 2).squareRoot()
        return difference / pooled
    }

    /// The standardised difference of two shares given as proportions; see `binary(_:_:)` for doubles.
    /// - Parameters:
    ///   - group1: group 1 (participants).
    ///   - group2: group 2 (comparison).
    public static func binary(_ group1: Proportion, _ group2: Proportion) -> Double {
        binary(group1.value, group2.value)
    }

    /// The standardised difference of a continuous characteristic from group means and standard
    /// deviations:
    ///
    ///     d = (m₁ − m₂) / √( (s₁² + s₂²) / 2 )
    ///
    /// - Returns: d; 0 when the means are equal, ±infinity when they differ and both standard
    ///   deviations are 0.
    public static func continuous(mean1: Double, sd1: Double, mean2: Double, sd2: Double) -> Double {
        let difference = mean1 - mean2
        guard difference != 0 else { return 0 }
        return difference / ((sd1 * sd1 + sd2 * sd2) / 2).squareRoot()
    }

    /// The standardised difference of a continuous characteristic from the raw values, with the
    /// sample standard deviation (divisor n − 1, `numpy.std(x, ddof=1)`).
    /// - Returns: d, or nil when a group has fewer than two values.
    public static func continuous(_ group1: [Double], _ group2: [Double]) -> Double? {
        guard let (m1, s1) = meanAndSD(group1), let (m2, s2) = meanAndSD(group2) else { return nil }
        return continuous(mean1: m1, sd1: s1, mean2: m2, sd2: s2)
    }

    /// Mean and sample standard deviation (two-pass), nil below two values.
    static func meanAndSD(_ values: [Double]) -> (mean: Double, sd: Double)? {
        guard values.count >= 2 else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / Double(values.count - 1)).squareRoot())
    }
}
