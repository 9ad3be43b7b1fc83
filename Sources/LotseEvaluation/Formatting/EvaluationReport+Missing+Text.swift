import Foundation
import LotseCases

/// `report evaluation`'s missing-data tables as text and data, from the report's numbers.
extension EvaluationReport.Missing {
    /// Observed and missing values per group over everyone randomised, with a warning where the
    /// groups' missing shares differ by more than 5 percentage points.
    func table(de: Bool, format: ReportFormat) -> ReportTable {
        var table = ReportTable(
            title: de ? "Beobachtete und fehlende Werte je Gruppe (Nenner: alle Randomisierten)"
                : "Observed and missing values per group (denominator: everyone randomised)",
            columns: de ? ["Merkmal", "Teilnahme beobachtet", "Teilnahme fehlend", "Vergleich beobachtet",
                           "Vergleich fehlend", "Differenz fehlend (Pp.)"]
                : ["item", "participants observed", "participants missing", "comparison observed",
                   "comparison missing", "difference missing (points)"])
        table.key = "missing"
        let hidden = SiteTables.complementMark
        for row in rows {
            let code = row.item
            let label = Self.label(code, de: de)
            let shares = (0..<2).map { missing(row, group: $0) }
            let gap = difference(row)
            for (g, group) in IndicatorTables.groups.enumerated() {
                table.data.append(row.observed[g].datum(row: code, column: group + "_observed"))
                table.data.append(shares[g].map { EvaluationReport.measured(code, group + "_missing", $0) }
                                  ?? ReportDatum(row: code, column: group + "_missing", value: nil, status: row.observed[g].status))
            }
            table.data.append(gap.map { EvaluationReport.measured(code, "difference_missing", $0) }
                              ?? ReportDatum(row: code, column: "difference_missing", value: nil, status: .suppressed))
            table.rows.append([label]
                              + (0..<2).flatMap { ["\(format.count(row.observed[$0])) / \(randomised[$0])", shares[$0].map { format.percent($0) } ?? hidden] }
                              + [gap.map { format.number($0 * 100, decimals: 1) } ?? hidden])
            if let gap, let mP = shares[0], let mC = shares[1], gap.isFinite, abs(gap) > 0.05 {
                table.notes.append((de ? "Warnung: " : "Warning: ") + label + (de
                    ? " fehlt in der Teilnahmegruppe bei \(format.percent(mP)), in der Vergleichsgruppe bei "
                        + "\(format.percent(mC)) (Unterschied über 5 Pp.); die Ergebnisse können verzerrt sein."
                    : " is missing for \(format.percent(mP)) of participants and \(format.percent(mC)) of the comparison "
                        + "group (more than 5 points apart); the results may be biased."))
            }
        }
        return table
    }

    /// An item's name: an observation time point or an indicator.
    static func label(_ item: String, de: Bool) -> String {
        if let point = ObservationWindow.points.first(where: { "observed_\($0.at)" == item }) {
            return de ? "Beobachtung nach \(point.months) Monaten" : "observation at \(point.months) months"
        }
        return EvaluationReport.label(item, de: de)
    }
}

extension EvaluationReport {
    /// The primary outcome under three assumptions about the missing values.
    static func sensitivityTable(_ rows: [SensitivityRow], plan: EvaluationPlan, stratified: Bool, de: Bool,
                                 format: ReportFormat) -> ReportTable {
        var table = ReportTable(
            title: (de ? "Sensitivitätsanalyse des primären Endpunkts: " : "Sensitivity analysis of the primary outcome: ")
                + label(plan.primary, de: de),
            columns: de ? ["Annahme", "Teilnahme", "Vergleich", "Differenz (Pp.) [95 %-KI]", "Risk Ratio [95 %-KI]", "p"]
                : ["assumption", "participants", "comparison", "difference (points) [95% CI]", "risk ratio [95% CI]", "p"])
        table.key = "sensitivity"
        let names = ["observed_only": de ? "nur Beobachtete" : "observed only",
                     "missing_as_failure": de ? "fehlend = kein Erfolg" : "missing as failure",
                     "missing_as_success": de ? "fehlend = Erfolg" : "missing as success"]
        let method: ReportEffects.Method = stratified ? .mantelHaenszel : .crude
        for row in rows {
            let code = row.assumption
            let assumption = names[code] ?? code
            func groupData(_ status: ReportDatum.Status?) -> [ReportDatum] {
                zip(IndicatorTables.groups, [row.participants, row.comparison]).flatMap { group, share -> [ReportDatum] in
                    guard let status else {
                        return [measured(code, group + "_events", share.map { Double($0.events) }),
                                measured(code, group + "_n", share.map { Double($0.n) }),
                                measured(code, group + "_share", share?.value)]
                    }
                    return ["events", "n", "share"].map { ReportDatum(row: code, column: group + "_" + $0, value: nil, status: status) }
                }
            }
            let shares = [row.participants, row.comparison].map { $0.map { cell($0, format) } ?? "n/a" }
            switch row.status {
            case .suppressed:
                table.rows.append([assumption] + Array(repeating: SiteTables.complementMark, count: 5))
                table.data += groupData(.suppressed) + withheldEffects(code, method, .suppressed)
            case .notApplicable:
                table.rows.append([assumption] + shares + ["n/a", "n/a", "n/a"])
                table.data += groupData(nil) + withheldEffects(code, method, .notApplicable)
            case .small:
                table.rows.append([assumption] + shares + ["<5", "<5", "<5"])
                table.data += groupData(.small) + withheldEffects(code, method, .small)
            case .shown:
                guard let effects = row.effects else { continue }
                table.rows.append([assumption] + shares + Self.effects(effects, format))
                table.data += groupData(nil) + effectData(code, effects)
            }
        }
        table.notes.append(stratified
            ? (de ? "Schätzer: Mantel–Haenszel nach Standort, p Cochran–Mantel–Haenszel."
                  : "Estimate: Mantel–Haenszel by site, p Cochran–Mantel–Haenszel.")
            : (de ? "Schätzer: roh (ein Standort), p Fisher exakt." : "Estimate: crude (one site), Fisher's exact p."))
        return table
    }
}
