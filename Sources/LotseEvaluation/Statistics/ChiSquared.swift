import Foundation

/// Tail probabilities of the χ² and standard normal distributions, for the p-values of the
/// stratified tests.
///
/// P(χ²ₖ ≥ x) = Q(k/2, x/2), the regularised upper incomplete gamma function, computed by its
/// power series below a + 1 and by Lentz's continued fraction above (Abramowitz & Stegun 6.5.29
/// and 6.5.31); both converge to double precision within a few hundred terms for the degrees of
/// freedom of a site comparison. For one degree of freedom the exact identity
/// P(χ²₁ ≥ x) = erfc(√(x/2)) is used.
public enum ChiSquared {
    /// P(χ²ₖ ≥ x), the p-value of a χ² statistic `x` with `degreesOfFreedom` k ≥ 1.
    /// - Returns: 1 for x ≤ 0, NaN for k < 1 or a NaN statistic.
    public static func survival(_ x: Double, degreesOfFreedom k: Int) -> Double {
        guard k >= 1, !x.isNaN else { return .nan }
        guard x > 0 else { return 1 }
        guard x.isFinite else { return 0 }
        if k == 1 { return erfc((x / 2).squareRoot()) }
        return upperRegularisedGamma(Double(k) / 2, x / 2)
    }

    /// Two-sided p-value of a standard normal statistic z: 2 · P(Z ≥ |z|) = erfc(|z|/√2).
    public static func normalTwoSided(_ z: Double) -> Double {
        guard !z.isNaN else { return .nan }
        return erfc(abs(z) / 2.squareRoot())
    }

    /// Q(a, x) = Γ(a, x) / Γ(a) for a > 0, x ≥ 0.
    static func upperRegularisedGamma(_ a: Double, _ x: Double) -> Double {
        if x < a + 1 { return max(0, 1 - lowerSeries(a, x)) }
        return continuedFraction(a, x)
    }

    /// P(a, x) by its series: e^{−x} xᵃ / Γ(a + 1) · Σ xⁿ / ((a + 1)…(a + n)).
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var n = a
        for _ in 0..<10_000 {
            n += 1
            term *= x / n
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Q(a, x) by the continued fraction, evaluated with the modified Lentz method.
    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
