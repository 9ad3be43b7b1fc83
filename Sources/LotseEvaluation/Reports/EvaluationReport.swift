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
    public var tables: [ReportTable]
    /// The 12-month indicators as a grouped bar chart.
    public var chart: GroupedBarChart
    /// The Kaplan–Meier curves of the time to integration.
    public var curves: String

    /// Builds the report (evaluator, supervisor); `asOf` is a date `YYYY-MM-DD`.
    public static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, language: String) throws
        -> EvaluationReport {
        try build(office, by: actor, site: site, asOf: asOf, language: language, protect: true)
    }

    /// Builds the report; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects); `scan` reads the earlier dates'
    /// counts from one scan (or, for the test of that, one scan each).
    static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, language: String, protect: Bool,
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
        let format0 = language == "de" ? ReportFormat.german : ReportFormat.english
        let protected = IndicatorTables(tallies: tallies, items: items, sizes: sizes, rule: format0.smallCells,
                                        earlier: earlier)
        // The report's own sites: every site pooled, or the one asked for.
        let randomised = sizes.randomised.filter { site == nil || $0.key == site }.filter { !$0.value.isEmpty }
        if let site {
            for name in wanted { tallies[name] = tallies[name]?.filter { $0.key == site } }
        }
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
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
        let adjusted = Holm.adjust(secondary.map { effectsShown($0) ? comparisons[$0]!.headlineP(format.smallCells) ?? .nan : .nan })
        let holm = Dictionary(uniqueKeysWithValues: zip(secondary, adjusted))

        var columns = de ? ["Indikator", "Teilnahme", "Vergleich", "Schätzer", "Differenz (Pp.) [95 %-KI]",
                            "Risk Ratio [95 %-KI]", "p"]
            : ["indicator", "participants", "comparison", "estimate", "difference (points) [95% CI]",
               "risk ratio [95% CI]", "p"]
        if plan != nil { columns.append(de ? "p (Holm)" : "p (Holm)") }
        if stratified { columns.append(de ? "p Heterogenität (Breslow–Day)" : "heterogeneity p (Breslow–Day)") }
        func padded(_ row: [String]) -> [String] { row + Array(repeating: "", count: max(0, columns.count - row.count)) }
        var table = ReportTable(
            title: (de ? "Evaluation: Teilnahme- und Vergleichsgruppe" : "Evaluation: participants and comparison group")
                + (site.map { " · \($0)" } ?? "") + " · " + (de ? "Stichtag " : "as of ") + bound.prefix(10),
            columns: columns)
        table.rows.append(padded([de ? "Fälle (n)" : "cases (n)", format.count(groupSize["participant"] ?? 0),
                                  format.count(groupSize["comparison"] ?? 0)]))
        table.rows.append(padded([de ? "davon ohne Rechtsgrundlage (ohne Ergebnisse)" : "of which no legal basis (no outcomes)"]
                                 + (0..<2).map { protected.other.text(site, IndicatorTables.itemIndex($0, "no_legal_basis"), format) }))
        table.key = "evaluation"
        for (g, group) in IndicatorTables.groups.enumerated() {
            let n = groupSize[group] ?? 0
            table.data.append(format.smallCells.suppresses(n) ? ReportDatum(row: "cases", column: group, value: nil, status: .small)
                              : ReportDatum(row: "cases", column: group, value: Double(n), status: .shown))
            table.data.append(protected.other.datum(site, IndicatorTables.itemIndex(g, "no_legal_basis"), row: "no_legal_basis",
                                                    column: group))
        }
        let mhLabel = de ? "MH (\(sites.count) Standorte)" : "MH (\(sites.count) sites)"
        let crudeLabel = de ? "roh" : "crude"
        var groups: [GroupedBarChart.Group] = []
        for indicator in Indicators.names {
            let comparison = comparisons[indicator.variable]!
            let label = de ? indicator.de : indicator.en
            let (p, c) = comparison.proportions
            let shares = (0..<2).map { protected.share(indicator.variable, site, group: $0, format) }
            var planColumn: [String] = []
            let code = indicator.variable
            table.data += Self.groupData(protected, code, site)
            if let plan {
                let adjustedP: String = holm[indicator.variable].flatMap { $0.isNaN ? nil : format.pValue($0) } ?? ""
                planColumn = [plan.primary == indicator.variable ? (de ? "primär" : "primary") : adjustedP]
                if plan.primary == code {
                    table.data.append(ReportDatum(row: code, column: "primary", value: 1, status: .shown))
                } else {
                    table.data.append(effectsShown(code) ? Self.measured(code, "p_holm", holm[code])
                        : ReportDatum(row: code, column: "p_holm", value: nil,
                                      status: comparison.crude == nil ? .notApplicable
                                          : comparison.suppressed(format.smallCells) ? .small : .suppressed))
                }
            }
            let prefixes = stratified ? ["mh", "crude"] : ["crude"]
            guard let crude = comparison.crude else {
                table.rows.append(padded([label] + shares + [crudeLabel, "n/a", "n/a", "n/a"]))
                for prefix in prefixes { table.data += Self.withheldEffects(code, prefix, .notApplicable) }
                if stratified { table.data.append(ReportDatum(row: code, column: "heterogeneity_p", value: nil, status: .notApplicable)) }
                continue
            }
            if effectsShown(code) {
                if stratified, let mh = comparison.mantelHaenszel {
                    table.data += Self.effectData(code, "mh", mh: mh)
                    table.data.append(Self.measured(code, "heterogeneity_p", mh.breslowDay?.pValue))
                }
                table.data += Self.effectData(code, "crude", crude: crude)
            } else {
                let status: ReportDatum.Status = comparison.suppressed(format.smallCells) ? .small : .suppressed
                for prefix in prefixes { table.data += Self.withheldEffects(code, prefix, status) }
                if stratified { table.data.append(ReportDatum(row: code, column: "heterogeneity_p", value: nil, status: status)) }
            }
            if !effectsShown(indicator.variable) {
                let mark = comparison.suppressed(format.smallCells) ? "<\(format.smallCells.threshold)" : SiteTables.complementMark
                table.rows.append(padded([label] + shares + [stratified ? mhLabel : crudeLabel, mark, mark, mark]))
            } else {
                if stratified, let mh = comparison.mantelHaenszel {
                    let heterogeneity: String = mh.breslowDay.map { format.pValue($0.pValue) } ?? "–"
                    var row: [String] = [label] + shares
                    row.append(mhLabel)
                    row += Self.effects(mh, format)
                    row += planColumn
                    row.append(heterogeneity)
                    table.rows.append(row)
                    table.rows.append(padded([label, "", "", crudeLabel] + Self.effects(crude, format)))
                } else {
                    table.rows.append(padded([label] + shares + [crudeLabel] + Self.effects(crude, format) + planColumn))
                }
            }
            if let p, let c, protected.complete(indicator.variable, site),
               indicator.variable.hasSuffix("_12m") || indicator.variable == "nachhaltig" {
                groups.append(GroupedBarChart.Group(label, participants: p, comparison: c))
            }
        }
        table.notes = Self.methodNotes(stratified: stratified, sites: sites.count, plan: plan, de: de, format: format)
        if let note = scope.reference.note(de: de) { table.notes.insert(note, at: 0) }
        if protected.anyHidden(site) { table.notes.append(SiteTables.note(de: de, minimum: sizes.minimum)) }

        let missing = Self.missingTable(protected, site: site, groupSize: groupSize, de: de, format: format)
        let integrationsShown = (0..<2).map { protected.other.isShown(site, IndicatorTables.itemIndex($0, "integrated_km")) }
        var tables = [table, survival.table(de: de, format: format, shown: integrationsShown), missing]
        if let plan, let primary = comparisons[plan.primary] {
            tables.append(Self.sensitivityTable(primary, randomised: randomised, plan: plan, shown: effectsShown(plan.primary),
                                                de: de, format: format))
        }

        var chart = GroupedBarChart(title: de ? "Ergebnisse nach 12 Monaten: Teilnahme- und Vergleichsgruppe"
                                        : "Outcomes 12 months after case start: participants and comparison group",
                                    groups: groups)
        chart.captions = de ? .german : .english
        chart.format = format
        // Room above the highest whisker, in steps of 10 %.
        let highest = groups.flatMap { [$0.participants.wilsonInterval().upper, $0.comparison.wilsonInterval().upper] }.max() ?? 1
        chart.yMaximum = min(1, max(0.1, (highest * 10).rounded(.up) / 10 + 0.1))
        let curves = IntegrationCurves(
            curves: [(de ? "Teilnahme" : "participants", "#1f4e79", "participant"), (de ? "Vergleich" : "comparison", "#c55a11", "comparison")]
                .enumerated().map { index, entry in
                    let data = survival.followUps[entry.2] ?? []
                    let curve = KaplanMeier(data)
                    let withheld = !integrationsShown[index] || data.isEmpty || format.smallCells.suppresses(curve.eventCount)
                        || format.smallCells.suppresses(curve.count - curve.eventCount)
                    return (entry.0, entry.1, withheld ? nil : curve)
                },
            title: de ? "Zeit bis zur Integration (Kaplan–Meier): Anteil integriert" : "Time to integration (Kaplan–Meier): share integrated",
            format: format)
        return EvaluationReport(tables: tables, chart: chart, curves: curves.svg(de: de))
    }

    /// Difference, ratio and p of the crude table: Newcombe, Katz, Fisher.
    static func effects(_ crude: TwoByTwo, _ format: ReportFormat) -> [String] {
        [difference(crude.riskDifference.estimate, crude.riskDifference.interval, format),
         ratio(crude.riskRatio.estimate, crude.riskRatio.interval, format),
         format.pValue(crude.fisher.pValue)]
    }

    /// Difference, ratio and p of the stratified comparison: Sato, Greenland–Robins, CMH.
    static func effects(_ mh: MantelHaenszel, _ format: ReportFormat) -> [String] {
        [mh.riskDifference.map { difference($0.estimate, $0.interval, format) } ?? "n/a",
         mh.riskRatio.map { ratio($0.estimate, $0.interval, format) } ?? "n/a",
         mh.cochranMantelHaenszel.map { format.pValue($0.pValue) } ?? "–"]
    }

    /// `-6.7 [-10.2; -3.1]` in percentage points.
    static func difference(_ estimate: Double, _ interval: ConfidenceInterval, _ format: ReportFormat) -> String {
        points(estimate, format) + " [" + points(interval.lower, format) + "; " + points(interval.upper, format) + "]"
    }

    /// `0.83 [0.71; 0.97]`, `0.00` without interval, `n/a` when undefined.
    static func ratio(_ estimate: Double?, _ interval: ConfidenceInterval?, _ format: ReportFormat) -> String {
        estimate.map { format.number($0) + (interval.map { " " + format.interval($0) } ?? "") } ?? "n/a"
    }

    /// What the columns mean, below the table.
    static func methodNotes(stratified: Bool, sites: Int, plan: EvaluationPlan?, de: Bool, format: ReportFormat) -> [String] {
        var notes: [String] = []
        if stratified {
            notes.append(de ? "Schätzer: MH = nach Standort stratifiziert (Mantel–Haenszel; Randomisierung je Standort), "
                            + "Hauptergebnis; roh = gepoolt, nur zum Vergleich. Differenz mit Sato-Varianz, Risk Ratio mit "
                            + "Greenland–Robins-Varianz; p: Cochran–Mantel–Haenszel (MH) bzw. Fisher exakt (roh)."
                         : "Estimate: MH = stratified by site (Mantel–Haenszel; randomisation is per site), the headline; "
                            + "crude = pooled, for comparison only. Difference with Sato's variance, risk ratio with "
                            + "Greenland–Robins variance; p: Cochran–Mantel–Haenszel (MH) or Fisher's exact test (crude).")
        } else {
            notes.append(de ? "Ein Standort: Differenz mit Newcombe-Intervall, Risk Ratio log-Methode, p Fisher exakt."
                         : "One site: difference with Newcombe's interval, risk ratio by the log method, Fisher's exact p.")
        }
        if let plan {
            notes.append((de ? "Evaluationsplan vom \(plan.declaredAt.prefix(10)) (\(plan.declaredBy)): primärer Endpunkt "
                             : "Evaluation plan of \(plan.declaredAt.prefix(10)) (\(plan.declaredBy)): primary outcome ")
                         + plan.primary + ", α = " + format.number(plan.alpha, decimals: 3)
                         + (de ? "; sekundäre Endpunkte mit Holm-adjustiertem p." : "; secondary outcomes with Holm-adjusted p."))
        } else {
            notes.append(de ? "Kein Evaluationsplan festgelegt (`evaluation plan --primary INDIKATOR`): alle Indikatoren "
                            + "sind gleichrangig, kein p ist für Mehrfachtests adjustiert."
                         : "No evaluation plan declared (`evaluation plan --primary INDICATOR`): every indicator ranks "
                            + "alike and no p-value is adjusted for multiple testing.")
        }
        return notes
    }

    /// `12 / 80 (15,0 %)`, or `<5` for small cells.
    static func cell(_ p: Proportion, _ format: ReportFormat) -> String {
        let share = format.share(p)
        return share.hasPrefix("<") || share.hasPrefix("≥") ? share + " / \(format.count(p.n))"
            : "\(p.events) / \(format.count(p.n)) (\(share))"
    }

    /// A risk difference in percentage points with one decimal.
    static func points(_ value: Double, _ format: ReportFormat) -> String {
        format.number(value * 100, decimals: 1)
    }
}
