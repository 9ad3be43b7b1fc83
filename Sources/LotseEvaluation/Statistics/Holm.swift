/// Holm's step-down adjustment of p-values for the secondary outcomes of an evaluation plan:
/// it keeps the family-wise error rate at α without assuming independence, and is uniformly
/// more powerful than Bonferroni.
///
/// With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted values are
/// p̃₍ⱼ₎ = max_{k ≤ j} min(1, (m − k + 1) · p₍ₖ₎), returned in the input order — the values of R's
/// `p.adjust(p, method = "holm")` and of `statsmodels.stats.multitest.multipletests(p,
/// method="holm")`. A NaN p-value (a test that could not be computed) stays NaN and does not
/// count towards m.
///
/// Reference: S. Holm, "A simple sequentially rejective multiple test procedure",
/// Scandinavian Journal of Statistics 6 (1979) 65–70.
public enum Holm {
    /// The Holm-adjusted p-values, in the order of `pValues`.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted { pValues[$0] < pValues[$1] }
        let m = order.count
        var adjusted = pValues
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
