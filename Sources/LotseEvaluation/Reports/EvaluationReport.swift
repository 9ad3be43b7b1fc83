import LotseStore
import Foundation
public import LotseCases

/// `report evaluation`: per group n and every indicator, with risk difference (Newcombe),
/// risk ratio (log method), each with a 95 % interval, and Fisher's exact p; small cells
/// shown as `<5` and without effect figures. Computed from the same rows as `export cases`.
public struct EvaluationReport: Sendable {
    public var tables: [ReportTable]
    /// The 12-month indicators as a grouped bar chart.
    public var chart: GroupedBarChart

    /// Builds the report (evaluator, supervisor); `asOf` is a date `YYYY-MM-DD`.
    public static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, language: String) throws
        -> EvaluationReport {
        try office.authorize(.reports, actor)
        let bound = try Office.endOfDay(asOf) ?? office.timestamp()
        let variables = EvaluationVariables.all(office.definitions)
        let wanted = Indicators.names.map(\.variable)
        let byName = Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0) })
        let context = try office.reportContext(bound: bound)
        let legalBasis = byName["legal_basis"]!
        var noLegalBasis = [String: Int]()
        var tallies = [String: Tally]()
        var groupSize = [String: Int]()
        var daysToPlacement = [Int]()
        try office.facts(site: site, asOf: bound) { facts in
            // Only randomised cases are compared (a case opened by hand has no group).
            guard let group = facts.group?.rawValue else { return }
            groupSize[group, default: 0] += 1
            if legalBasis.value(facts, context) == LegalBasis.none.rawValue { noLegalBasis[group, default: 0] += 1 }
            for name in wanted { tallies[name, default: Tally()].add(group: group, value: byName[name]!.value(facts, context)) }
            if facts.group == .participant, let days = Derivations.daysToPlacement(facts) { daysToPlacement.append(days) }
        }
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        var table = ReportTable(
            title: (de ? "Evaluation: Teilnahme- und Vergleichsgruppe" : "Evaluation: participants and comparison group")
                + (site.map { " · \($0)" } ?? "") + " · " + (de ? "Stichtag " : "as of ") + bound.prefix(10),
            columns: de ? ["Indikator", "Teilnahme", "Vergleich", "Differenz [95 %-KI]", "Risk Ratio [95 %-KI]", "p (Fisher)"]
                : ["indicator", "participants", "comparison", "difference [95% CI]", "risk ratio [95% CI]", "p (Fisher)"])
        table.rows.append([de ? "Fälle (n)" : "cases (n)", format.count(groupSize["participant"] ?? 0),
                           format.count(groupSize["comparison"] ?? 0), "", "", ""])
        table.rows.append([de ? "davon ohne Rechtsgrundlage (ohne Ergebnisse)" : "of which no legal basis (no outcomes)",
                           format.count(noLegalBasis["participant"] ?? 0), format.count(noLegalBasis["comparison"] ?? 0),
                           "", "", ""])
        var groups: [GroupedBarChart.Group] = []
        for indicator in Indicators.names {
            let tally = tallies[indicator.variable] ?? Tally()
            let label = de ? indicator.de : indicator.en
            let p = tally.proportion("participant"), c = tally.proportion("comparison")
            var row = [label, p.map { Self.cell($0, format) } ?? "n/a", c.map { Self.cell($0, format) } ?? "n/a"]
            if let p, let c {
                let twoByTwo = TwoByTwo(participants: p, comparison: c)
                if format.smallCells.suppresses(twoByTwo) {
                    row += ["<5", "<5", "<5"]
                } else {
                    row.append(Self.points(twoByTwo.riskDifference.estimate, format) + " ["
                               + Self.points(twoByTwo.riskDifference.interval.lower, format) + "; "
                               + Self.points(twoByTwo.riskDifference.interval.upper, format) + "]")
                    row.append(twoByTwo.riskRatio.estimate.map { format.number($0) } .map { estimate in
                        estimate + (twoByTwo.riskRatio.interval.map { " " + format.interval($0) } ?? "")
                    } ?? "n/a")
                    row.append(format.pValue(twoByTwo.fisher.pValue))
                }
                if indicator.variable.hasSuffix("_12m") || indicator.variable == "nachhaltig" {
                    groups.append(GroupedBarChart.Group(label, participants: p, comparison: c))
                }
            } else {
                row += ["n/a", "n/a", "n/a"]
            }
            table.rows.append(row)
        }
        let median = daysToPlacement.median()
        table.rows.append([de ? "Tage bis zur Integration (Median, Teilnahme)" : "days to placement (median, participants)",
                           median.map { format.number($0, decimals: 1) } ?? "n/a", "", "", "", ""])
        var chart = GroupedBarChart(title: de ? "Ergebnisse nach 12 Monaten: Teilnahme- und Vergleichsgruppe"
                                        : "Outcomes 12 months after case start: participants and comparison group",
                                    groups: groups)
        chart.captions = de ? .german : .english
        chart.format = format
        // Room above the highest whisker, in steps of 10 %.
        let highest = groups.flatMap { [$0.participants.wilsonInterval().upper, $0.comparison.wilsonInterval().upper] }.max() ?? 1
        chart.yMaximum = min(1, max(0.1, (highest * 10).rounded(.up) / 10 + 0.1))
        return EvaluationReport(tables: [table], chart: chart)
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
