/// A two-sided confidence interval `[lower, upper]` on the scale of its estimate
/// (a proportion, a difference of proportions or a ratio).
public struct ConfidenceInterval: Sendable, Hashable {
    /// The lower limit.
    public var lower: Double
    /// The upper limit.
    public var upper: Double

    /// Creates an interval.
    /// - Parameters:
    ///   - lower: the lower limit.
    ///   - upper: the upper limit (not below `lower`).
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// The standard normal quantile for a two-sided 95 % interval, Φ⁻¹(0.975)
    /// (`scipy.stats.norm.ppf(0.975)` = 1.959963984540054).
    public static let z95 = 1.959963984540054
}
