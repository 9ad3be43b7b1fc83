import LotseStore
import Foundation
public import LotseCases

/// `report evaluation`: per indicator the groups' shares, the site-stratified (Mantel–Haenszel)
/// and the crude risk difference and risk ratio with 95 % intervals, the Cochran–Mantel–Haenszel
/// or Fisher p-value, Breslow–Day heterogeneity across sites, Holm-adjusted p-values for the
/// secondary outcomes of the evaluation plan; then observed and missing values per group with a
/// sensitivity analysis of the primary outcome. Small cells are shown as `<5`, without effect
/// figures. Computed from the same rows as `export cases`; intention to treat: every randomised
/// case counts in its group.
public struct EvaluationReport: Sendable {
    /// One indicator: both groups' shares and the effect figures as published.
    public struct IndicatorRow: Sendable, Equatable {
        /// The indicator's variable (`integrated_12m`).
        public var indicator: String
        public var participants: ReportShare
        public var comparison: ReportShare
        /// How the effect figures are published: shown, withheld (`small` when a pooled cell is
        /// 1–4, else `suppressed`), or `notApplicable` when a group has no observed case.
        public var effects: ReportDatum.Status
        /// The stratified effects (the headline with more than one site), when shown.
        public var mantelHaenszel: ReportEffects?
        /// The crude effects, when shown.
        public var crude: ReportEffects?
        /// Breslow–Day heterogeneity across sites, when stratified and shown.
        public var heterogeneityP: Double?
        /// The Holm-adjusted p of a secondary outcome under an evaluation plan (NaN when withheld).
        public var holmP: Double?
    }

    /// The indicator and its two groups' shares for the bar chart of the 12-month outcomes.
    public struct ChartBar: Sendable, Equatable {
        public var indicator: String
        public var participants: Proportion
        public var comparison: Proportion
    }

    /// The site reported on, nil for every site pooled.
    public var site: String?
    public var reference: ReferenceDate
    /// The day the counts are as of, `YYYY-MM-DD`.
    public var day: String
    /// The sites with randomised cases in the report (more than one: stratified by site).
    public var siteCount: Int
    /// The evaluation plan, if declared.
    public var plan: EvaluationPlan?
    /// Randomised cases per group (participants, comparison).
    public var cases: [ReportCount]
    /// Cases without a legal basis for their outcomes per group.
    public var noLegalBasis: [ReportCount]
    /// The indicators in the order of DOMAIN §9.5.
    public var indicators: [IndicatorRow]
    /// Whether any published cell of the evaluation's tables is hidden (for the note).
    public var anyHidden: Bool
    /// The minimum site size of the plan (for the note on hidden cells).
    public var minimumSiteSize: Int
    public var timeToIntegration: TimeToIntegration.Summary
    /// Observed and missing values per group.
    public var missing: Missing
    /// The sensitivity analysis of the primary outcome, nil without a plan.
    public var sensitivity: [SensitivityRow]?
    /// The 12-month indicators with every cell shown, for the chart.
    public var chartBars: [ChartBar]

    /// Whether the headline estimate is stratified by site.
    public var stratified: Bool { siteCount > 1 }

    /// Builds the report (evaluator, supervisor); `asOf` is a date `YYYY-MM-DD`.
    public static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?) throws -> EvaluationReport {
        try build(office, by: actor, site: site, asOf: asOf, protect: true)
    }

    /// Builds the report; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects); `scan` reads the earlier dates'
    /// counts from one scan (or, for the test of that, one scan each).
    static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, protect: Bool,
                      scan: MonthEndScan = .once) throws -> EvaluationReport {
        let scope = try office.reportScope(by: actor, site: site, asOf: asOf)
        let bound = scope.bound
        let variables = EvaluationVariables.all(office.definitions(for: scope))
        let wanted = Indicators.names.map(\.variable)
        let byName = Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0) })
        let plan = try office.evaluationPlan()
        let legalBasis = byName["legal_basis"]!
        let minimum = try office.minimumSiteSize()
        /// Every site's counts as of a bound, whichever table is asked for: the disclosure control
        /// suppresses the per-site and pooled tables together; the survival only as of the report's.
        struct Counts {
            var tallies = [String: [String: Tally]]()       // indicator → site → tally
            var items = [String: [String: [String: Int]]]()  // site → item → group → cases
            var sizes: SiteSizes
            var survival = TimeToIntegration()
        }
        // The same counts at every earlier reference date: no count may differ by 1–4 from any
        // of them (see `SiteTables`).
        let totals = try office.monthEndTotals(acrossSitesOf: scope, protect: protect, scan: scan,
                                               empty: Counts(sizes: SiteSizes(minimum: minimum))) { counts, facts, moment in
            counts.sizes.add(site: facts.site, group: facts.group?.rawValue)
            // Only randomised cases are compared (a case opened by hand has no group).
            guard let group = facts.group?.rawValue else { return }
            func count(_ item: String) { counts.items[facts.site, default: [:]][item, default: [:]][group, default: 0] += 1 }
            let context = moment.context
            let usable = legalBasis.value(facts, context) != LegalBasis.none.rawValue
            if !usable { count("no_legal_basis") }
            if moment.bound == bound, site == nil || site == facts.site { counts.survival.add(facts, outcomesUsable: usable) }
            if usable, TimeToIntegration.followUp(facts).event { count("integrated_km") }
            for name in wanted {
                counts.tallies[name, default: [:]][facts.site, default: Tally()].add(group: group, value: byName[name]!.value(facts, context))
            }
            for (at, _) in ObservationWindow.points where !byName["benefit_\(at)"]!.value(facts, context).isEmpty {
                count("observed_\(at)")
            }
        }
        var tallies = totals.current.tallies
        let (items, sizes, survival) = (totals.current.items, totals.current.sizes, totals.current.survival)
        try sizes.check(site: site, in: office)
        let earlier = totals.earlier.map { ($0.totals.tallies, $0.totals.items, $0.totals.sizes) }
        let rule = SmallCellRule.standard
        let protected = IndicatorTables(tallies: tallies, items: items, sizes: sizes, rule: rule,
                                        earlier: earlier)
        // The report's own sites: every site pooled, or the one asked for.
        let randomised = sizes.randomised.filter { site == nil || $0.key == site }.filter { !$0.value.isEmpty }
        if let site {
            for name in wanted { tallies[name] = tallies[name]?.filter { $0.key == site } }
        }
        let sites = randomised.keys.sorted()
        let stratified = sites.count > 1
        let comparisons = Dictionary(uniqueKeysWithValues: wanted.map {
            ($0, IndicatorComparison(sites: tallies[$0] ?? [:], stratified: stratified))
        })
        var groupSize = [String: Int]()
        for groups in randomised.values { for (group, n) in groups { groupSize[group, default: 0] += n } }
        // Effects only from tables with every cell shown (and, stratified, every site's cells:
        // the Mantel–Haenszel figures are computed from them).
        func effectsShown(_ name: String) -> Bool {
            protected.complete(name, site) && (!stratified || protected.stratumComplete(name))
        }

        // Holm over the secondary outcomes' headline p-values.
        let secondary = wanted.filter { $0 != plan?.primary }
        let adjusted = Holm.adjust(secondary.map { effectsShown($0) ? comparisons[$0]!.headlineP(rule) ?? .nan : .nan })
        let holm = Dictionary(uniqueKeysWithValues: zip(secondary, adjusted))

        var rows: [IndicatorRow] = []
        var bars: [ChartBar] = []
        for code in wanted {
            let comparison = comparisons[code]!
            var row = IndicatorRow(indicator: code, participants: protected.share(code, site, group: 0),
                                   comparison: protected.share(code, site, group: 1), effects: .shown,
                                   holmP: plan != nil && plan?.primary != code ? holm[code] : nil)
            if let crude = comparison.crude {
                if effectsShown(code) {
                    let mh = comparison.mantelHaenszel
                    row.mantelHaenszel = mh.map(ReportEffects.init)
                    row.heterogeneityP = mh?.breslowDay?.pValue
                    row.crude = ReportEffects(crude: crude)
                } else {
                    row.effects = comparison.suppressed(rule) ? .small : .suppressed
                }
            } else {
                row.effects = .notApplicable
            }
            rows.append(row)
            let (p, c) = comparison.proportions
            if let p, let c, protected.complete(code, site), code.hasSuffix("_12m") || code == "nachhaltig" {
                bars.append(ChartBar(indicator: code, participants: p, comparison: c))
            }
        }
        let integrationsShown = (0..<2).map { protected.other.isShown(site, IndicatorTables.itemIndex($0, "integrated_km")) }
        let sensitivity = plan.flatMap { plan in
            comparisons[plan.primary].map { Self.sensitivity($0, randomised: randomised, shown: effectsShown(plan.primary), rule: rule) }
        }
        return EvaluationReport(
            site: site, reference: scope.reference, day: String(bound.prefix(10)), siteCount: sites.count, plan: plan,
            cases: IndicatorTables.groups.map { group in
                let n = groupSize[group] ?? 0
                return ReportCount(value: n, status: rule.suppresses(n) ? .small : .shown)
            },
            noLegalBasis: (0..<2).map { protected.other.count(site, IndicatorTables.itemIndex($0, "no_legal_basis")) },
            indicators: rows, anyHidden: protected.anyHidden(site), minimumSiteSize: sizes.minimum,
            timeToIntegration: survival.summary(shown: integrationsShown, rule: rule),
            missing: Self.missing(protected, site: site, groupSize: groupSize), sensitivity: sensitivity, chartBars: bars)
    }
}
