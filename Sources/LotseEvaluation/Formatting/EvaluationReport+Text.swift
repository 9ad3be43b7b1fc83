import Foundation

/// `report evaluation` as text: the tables (German or English) from the report's numbers, their
/// data (`--format csv|json`) from the same numbers, the bar chart and the Kaplan–Meier curves.
extension EvaluationReport {
    /// The tables: the evaluation, time to integration, missing values and, with a plan, the
    /// sensitivity analysis of the primary outcome.
    public func tables(language: String) -> [ReportTable] {
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        var tables = [evaluationTable(de: de, format: format), timeToIntegration.table(de: de, format: format),
                      missing.table(de: de, format: format)]
        if let plan, let sensitivity {
            tables.append(Self.sensitivityTable(sensitivity, plan: plan, stratified: stratified, de: de, format: format))
        }
        return tables
    }

    /// The indicators, their shares and effects, with the method notes.
    func evaluationTable(de: Bool, format: ReportFormat) -> ReportTable {
        var columns = de ? ["Indikator", "Teilnahme", "Vergleich", "Schätzer", "Differenz (Pp.) [95 %-KI]",
                            "Risk Ratio [95 %-KI]", "p"]
            : ["indicator", "participants", "comparison", "estimate", "difference (points) [95% CI]",
               "risk ratio [95% CI]", "p"]
        if plan != nil { columns.append(de ? "p (Holm)" : "p (Holm)") }
        if stratified { columns.append(de ? "p Heterogenität (Breslow–Day)" : "heterogeneity p (Breslow–Day)") }
        func padded(_ row: [String]) -> [String] { row + Array(repeating: "", count: max(0, columns.count - row.count)) }
        var table = ReportTable(
            title: (de ? "Evaluation: Teilnahme- und Vergleichsgruppe" : "Evaluation: participants and comparison group")
                + (site.map { " · \($0)" } ?? "") + " · " + (de ? "Stichtag " : "as of ") + day,
            columns: columns)
        table.key = "evaluation"
        table.rows.append(padded([de ? "Fälle (n)" : "cases (n)"] + cases.map { format.count($0) }))
        table.rows.append(padded([de ? "davon ohne Rechtsgrundlage (ohne Ergebnisse)" : "of which no legal basis (no outcomes)"]
                                 + noLegalBasis.map { format.count($0) }))
        for (g, group) in IndicatorTables.groups.enumerated() {
            table.data.append(cases[g].datum(row: "cases", column: group))
            table.data.append(noLegalBasis[g].datum(row: "no_legal_basis", column: group))
        }
        let mhLabel = de ? "MH (\(siteCount) Standorte)" : "MH (\(siteCount) sites)"
        let crudeLabel = de ? "roh" : "crude"
        let methods: [ReportEffects.Method] = stratified ? [.mantelHaenszel, .crude] : [.crude]
        for row in indicators {
            let code = row.indicator
            let label = Self.label(code, de: de)
            let shares = [row.participants, row.comparison].map { Self.share($0, format) }
            table.data += Self.groupData(row)
            var planColumn: [String] = []
            if let plan {
                let adjustedP: String = row.holmP.flatMap { $0.isNaN ? nil : format.pValue($0) } ?? ""
                planColumn = [plan.primary == code ? (de ? "primär" : "primary") : adjustedP]
                table.data.append(plan.primary == code ? ReportDatum(row: code, column: "primary", value: 1, status: .shown)
                                  : row.effects == .shown ? Self.measured(code, "p_holm", row.holmP)
                                  : ReportDatum(row: code, column: "p_holm", value: nil, status: row.effects))
            }
            switch row.effects {
            case .notApplicable:
                table.rows.append(padded([label] + shares + [crudeLabel, "n/a", "n/a", "n/a"]))
            case .small, .suppressed:
                let mark = format.count(ReportCount(value: nil, status: row.effects))
                table.rows.append(padded([label] + shares + [stratified ? mhLabel : crudeLabel, mark, mark, mark]))
            case .shown:
                if stratified, let mh = row.mantelHaenszel {
                    table.rows.append([label] + shares + [mhLabel] + Self.effects(mh, format) + planColumn
                                      + [row.heterogeneityP.map { format.pValue($0) } ?? "–"])
                    if let crude = row.crude { table.rows.append(padded([label, "", "", crudeLabel] + Self.effects(crude, format))) }
                } else if let crude = row.crude {
                    table.rows.append(padded([label] + shares + [crudeLabel] + Self.effects(crude, format) + planColumn))
                }
            }
            if row.effects == .shown {
                if stratified, let mh = row.mantelHaenszel {
                    table.data += Self.effectData(code, mh)
                    table.data.append(Self.measured(code, "heterogeneity_p", row.heterogeneityP))
                }
                if let crude = row.crude { table.data += Self.effectData(code, crude) }
            } else {
                for method in methods { table.data += Self.withheldEffects(code, method, row.effects) }
                if stratified { table.data.append(ReportDatum(row: code, column: "heterogeneity_p", value: nil, status: row.effects)) }
            }
        }
        table.notes = Self.methodNotes(stratified: stratified, sites: siteCount, plan: plan, de: de, format: format)
        if let note = reference.note(de: de) { table.notes.insert(note, at: 0) }
        if anyHidden { table.notes.append(SiteTables.note(de: de, minimum: minimumSiteSize)) }
        return table
    }

    /// The 12-month indicators as a grouped bar chart.
    public func chart(language: String) -> GroupedBarChart {
        let de = language == "de"
        let groups = chartBars.map {
            GroupedBarChart.Group(Self.label($0.indicator, de: de), participants: $0.participants, comparison: $0.comparison)
        }
        var chart = GroupedBarChart(title: de ? "Ergebnisse nach 12 Monaten: Teilnahme- und Vergleichsgruppe"
                                        : "Outcomes 12 months after case start: participants and comparison group",
                                    groups: groups)
        chart.captions = de ? .german : .english
        chart.format = de ? .german : .english
        // Room above the highest whisker, in steps of 10 %.
        let highest = groups.flatMap { [$0.participants.wilsonInterval().upper, $0.comparison.wilsonInterval().upper] }.max() ?? 1
        chart.yMaximum = min(1, max(0.1, (highest * 10).rounded(.up) / 10 + 0.1))
        return chart
    }

    /// The Kaplan–Meier curves of the time to integration as SVG; a withheld group is not drawn.
    public func curves(language: String) -> String {
        let de = language == "de"
        let entries = [(de ? "Teilnahme" : "participants", "#1f4e79"), (de ? "Vergleich" : "comparison", "#c55a11")]
        let curves = IntegrationCurves(
            curves: zip(entries, timeToIntegration.groups).map { entry, group in (entry.0, entry.1, group.curve) },
            title: de ? "Zeit bis zur Integration (Kaplan–Meier): Anteil integriert" : "Time to integration (Kaplan–Meier): share integrated",
            format: de ? .german : .english)
        return curves.svg(de: de)
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

    /// An indicator's name.
    static func label(_ indicator: String, de: Bool) -> String {
        Indicators.names.first { $0.variable == indicator }.map { de ? $0.de : $0.en } ?? indicator
    }

    /// A group's share: `12 / 80 (15,0 %)`; `<5 / 80` when the events are small; `•` (or
    /// `• / 80`) when suppressed as a complement; `n/a` when nobody is observed.
    static func share(_ share: ReportShare, _ format: ReportFormat) -> String {
        guard share.observed.status == .shown, let known = share.observed.value else { return format.count(share.observed) }
        guard known > 0 else { return "n/a" }
        guard share.events.status == .shown, let events = share.events.value else { return format.count(share.events) + " / \(known)" }
        return "\(events) / \(known) (\(format.percent(Double(events) / Double(known))))"
    }

    /// Difference, ratio and p: `-6.7 [-10.2; -3.1]`, `0.83 [0.71; 0.97]`, `0.046`; `n/a` for an
    /// undefined estimate, `–` for an undefined p.
    static func effects(_ effects: ReportEffects, _ format: ReportFormat) -> [String] {
        [effects.riskDifference.map { difference($0, effects.riskDifferenceInterval, format) } ?? "n/a",
         ratio(effects.riskRatio, effects.riskRatioInterval, format),
         effects.p.map { format.pValue($0) } ?? "–"]
    }

    /// `-6.7 [-10.2; -3.1]` in percentage points.
    static func difference(_ estimate: Double, _ interval: ConfidenceInterval?, _ format: ReportFormat) -> String {
        points(estimate, format) + (interval.map { " [" + points($0.lower, format) + "; " + points($0.upper, format) + "]" } ?? "")
    }

    /// `0.83 [0.71; 0.97]`, `0.00` without interval, `n/a` when undefined.
    static func ratio(_ estimate: Double?, _ interval: ConfidenceInterval?, _ format: ReportFormat) -> String {
        estimate.map { format.number($0) + (interval.map { " " + format.interval($0) } ?? "") } ?? "n/a"
    }

    /// A risk difference in percentage points with one decimal.
    static func points(_ value: Double, _ format: ReportFormat) -> String {
        format.number(value * 100, decimals: 1)
    }

    /// `12 / 80 (15,0 %)`, or `<5` for small cells.
    static func cell(_ p: Proportion, _ format: ReportFormat) -> String {
        let share = format.share(p)
        return share.hasPrefix("<") || share.hasPrefix("≥") ? share + " / \(format.count(p.n))"
            : "\(p.events) / \(format.count(p.n)) (\(share))"
    }
}
