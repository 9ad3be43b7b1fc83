/// One indicator compared between the groups, crude (pooled over sites) and stratified by site
/// (Mantel–Haenszel), from the counts of each site.
///
/// Randomisation is per site, so the site-stratified estimate follows the design and is the
/// headline whenever more than one site contributes; the crude estimate is shown beside it
/// (they differ when sites differ in allocation ratio and base rate: Simpson's paradox).
struct IndicatorComparison {
    /// Events and known values of the indicator per site and group.
    let sites: [String: Tally]
    /// Whether the stratified estimate is the headline (more than one site in the report).
    let stratified: Bool

    /// The counts pooled over every site.
    var pooled: Tally {
        var total = Tally()
        for tally in sites.values { total.add(tally) }
        return total
    }

    /// The participants' and the comparison group's pooled proportions (nil for an empty group).
    var proportions: (participants: Proportion?, comparison: Proportion?) {
        (pooled.proportion("participant"), pooled.proportion("comparison"))
    }

    /// The crude two-by-two table, nil when a group has no known value.
    var crude: TwoByTwo? {
        guard let p = proportions.participants, let c = proportions.comparison else { return nil }
        return TwoByTwo(participants: p, comparison: c)
    }

    /// The site strata, in site order.
    var strata: [Stratum] {
        sites.keys.sorted().compactMap { site in
            let t = sites[site]!
            return try? Stratum(participantEvents: t.events["participant"] ?? 0, of: t.known["participant"] ?? 0,
                                comparisonEvents: t.events["comparison"] ?? 0, of: t.known["comparison"] ?? 0)
        }
    }

    /// The Mantel–Haenszel comparison over the sites, nil unless stratified.
    var mantelHaenszel: MantelHaenszel? { stratified ? MantelHaenszel(strata) : nil }

    /// Whether a pooled cell is 1–4 (then no effect figure is shown at all).
    func suppressed(_ rule: SmallCellRule) -> Bool { crude.map(rule.suppresses) ?? false }

    /// The headline p-value: Cochran–Mantel–Haenszel when stratified, else Fisher's exact test;
    /// nil when it cannot be computed or is withheld.
    func headlineP(_ rule: SmallCellRule) -> Double? {
        guard let crude, !suppressed(rule) else { return nil }
        return stratified ? mantelHaenszel?.cochranMantelHaenszel?.pValue : crude.fisher.pValue
    }

    /// The same indicator with missing values imputed for a sensitivity analysis: every case
    /// randomised but not observed counted as a failure (`asSuccess` false) or a success.
    func imputed(randomised: [String: [String: Int]], asSuccess: Bool) -> IndicatorComparison {
        var result = [String: Tally]()
        for (site, groups) in randomised {
            var tally = Tally()
            for (group, n) in groups {
                let known = sites[site]?.known[group] ?? 0
                let events = sites[site]?.events[group] ?? 0
                tally.known[group] = n
                tally.events[group] = events + (asSuccess ? n - known : 0)
            }
            result[site] = tally
        }
        return IndicatorComparison(sites: result, stratified: stratified)
    }
}
