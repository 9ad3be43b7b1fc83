import Foundation
import LotseCases

/// `report evaluation`'s missing-data tables: observed and missing values per group, and the
/// sensitivity analysis of the primary outcome (missing counted as failure and as success).
extension EvaluationReport {
    /// Observed and missing values per group: each time point's observation and every indicator,
    /// over everyone randomised (intention to treat), with a warning where the groups' missing
    /// shares differ by more than 5 percentage points.
    static func missingTable(_ protected: IndicatorTables, site: String?, groupSize: [String: Int], de: Bool,
                             format: ReportFormat) -> ReportTable {
        var table = ReportTable(
            title: de ? "Beobachtete und fehlende Werte je Gruppe (Nenner: alle Randomisierten)"
                : "Observed and missing values per group (denominator: everyone randomised)",
            columns: de ? ["Merkmal", "Teilnahme beobachtet", "Teilnahme fehlend", "Vergleich beobachtet",
                           "Vergleich fehlend", "Differenz fehlend (Pp.)"]
                : ["item", "participants observed", "participants missing", "comparison observed",
                   "comparison missing", "difference missing (points)"])
        table.key = "missing"
        let nP = groupSize["participant"] ?? 0, nC = groupSize["comparison"] ?? 0
        /// `observed` is the count per group, nil where it is suppressed (then `text` is shown);
        /// `data` the two counts as data (row `code`).
        func row(_ label: String, _ oP: Int?, _ oC: Int?, _ textP: String, _ textC: String, code: String,
                 data: [ReportDatum]) {
            let mP = nP > 0 ? oP.map { Double(nP - $0) / Double(nP) } : .nan
            let mC = nC > 0 ? oC.map { Double(nC - $0) / Double(nC) } : .nan
            let hidden = SiteTables.complementMark
            let gap = mP.flatMap { p in mC.map { p - $0 } }
            let observed = data.map { var d = $0; d.row = code; return d }
            table.data += [observed[0], mP.map { Self.measured(code, "participant_missing", $0) }
                               ?? ReportDatum(row: code, column: "participant_missing", value: nil, status: observed[0].status),
                           observed[1], mC.map { Self.measured(code, "comparison_missing", $0) }
                               ?? ReportDatum(row: code, column: "comparison_missing", value: nil, status: observed[1].status),
                           gap.map { Self.measured(code, "difference_missing", $0) }
                               ?? ReportDatum(row: code, column: "difference_missing", value: nil, status: .suppressed)]
            table.rows.append([label, "\(textP) / \(nP)", mP.map { format.percent($0) } ?? hidden,
                               "\(textC) / \(nC)", mC.map { format.percent($0) } ?? hidden,
                               gap.map { format.number($0 * 100, decimals: 1) } ?? hidden])
            if let gap, let mP, let mC, gap.isFinite, abs(gap) > 0.05 {
                table.notes.append((de ? "Warnung: " : "Warning: ") + label + (de
                    ? " fehlt in der Teilnahmegruppe bei \(format.percent(mP)), in der Vergleichsgruppe bei "
                        + "\(format.percent(mC)) (Unterschied über 5 Pp.); die Ergebnisse können verzerrt sein."
                    : " is missing for \(format.percent(mP)) of participants and \(format.percent(mC)) of the comparison "
                        + "group (more than 5 points apart); the results may be biased."))
            }
        }
        let other = protected.other
        for (at, months) in ObservationWindow.points {
            let cells = (0..<2).map { IndicatorTables.itemIndex($0, "observed_\(at)") }
            row(de ? "Beobachtung nach \(months) Monaten" : "observation at \(months) months",
                other.isShown(site, cells[0]) ? other.value(site, cells[0]) : nil,
                other.isShown(site, cells[1]) ? other.value(site, cells[1]) : nil,
                other.text(site, cells[0], format), other.text(site, cells[1], format), code: "observed_\(at)",
                data: (0..<2).map { other.datum(site, cells[$0], row: "", column: IndicatorTables.groups[$0] + "_observed") })
        }
        for indicator in Indicators.names {
            guard let t = protected.indicators[indicator.variable] else { continue }
            let cells = (0..<2).map { IndicatorTables.index($0, .known) }
            // An indicator defined for one group only (rehabilitation) has no comparison to bias.
            guard t.value(site, cells[0]) > 0, t.value(site, cells[1]) > 0 else { continue }
            row(de ? indicator.de : indicator.en,
                t.isShown(site, cells[0]) ? t.value(site, cells[0]) : nil, t.isShown(site, cells[1]) ? t.value(site, cells[1]) : nil,
                t.text(site, cells[0], format), t.text(site, cells[1], format), code: indicator.variable,
                data: (0..<2).map { t.datum(site, cells[$0], row: "", column: IndicatorTables.groups[$0] + "_observed") })
        }
        return table
    }

    /// The primary outcome under three assumptions about the missing values.
    static func sensitivityTable(_ primary: IndicatorComparison, randomised: [String: [String: Int]], plan: EvaluationPlan,
                                 shown: Bool, de: Bool, format: ReportFormat) -> ReportTable {
        let label = Indicators.names.first { $0.variable == plan.primary }.map { de ? $0.de : $0.en } ?? plan.primary
        var table = ReportTable(
            title: (de ? "Sensitivitätsanalyse des primären Endpunkts: " : "Sensitivity analysis of the primary outcome: ") + label,
            columns: de ? ["Annahme", "Teilnahme", "Vergleich", "Differenz (Pp.) [95 %-KI]", "Risk Ratio [95 %-KI]", "p"]
                : ["assumption", "participants", "comparison", "difference (points) [95% CI]", "risk ratio [95% CI]", "p"])
        table.key = "sensitivity"
        let cases: [(String, String, IndicatorComparison)] = [
            (de ? "nur Beobachtete" : "observed only", "observed_only", primary),
            (de ? "fehlend = kein Erfolg" : "missing as failure", "missing_as_failure",
             primary.imputed(randomised: randomised, asSuccess: false)),
            (de ? "fehlend = Erfolg" : "missing as success", "missing_as_success",
             primary.imputed(randomised: randomised, asSuccess: true)),
        ]
        let prefix = primary.stratified ? "mh" : "crude"
        for (assumption, code, comparison) in cases {
            let (p, c) = comparison.proportions
            func groupData(_ status: ReportDatum.Status?) -> [ReportDatum] {
                zip(IndicatorTables.groups, [p, c]).flatMap { group, share -> [ReportDatum] in
                    guard let status else {
                        return [Self.measured(code, group + "_events", share.map { Double($0.events) }),
                                Self.measured(code, group + "_n", share.map { Double($0.n) }),
                                Self.measured(code, group + "_share", share?.value)]
                    }
                    return ["events", "n", "share"].map { ReportDatum(row: code, column: group + "_" + $0, value: nil, status: status) }
                }
            }
            guard shown else {
                // The observed counts are suppressed: the imputed ones would give them away.
                table.rows.append([assumption] + Array(repeating: SiteTables.complementMark, count: 5))
                table.data += groupData(.suppressed) + Self.withheldEffects(code, prefix, .suppressed)
                continue
            }
            let shares = [p.map { Self.cell($0, format) } ?? "n/a", c.map { Self.cell($0, format) } ?? "n/a"]
            guard let crude = comparison.crude else {
                table.rows.append([assumption] + shares + ["n/a", "n/a", "n/a"])
                table.data += groupData(nil) + Self.withheldEffects(code, prefix, .notApplicable)
                continue
            }
            if comparison.suppressed(format.smallCells) {
                table.rows.append([assumption] + shares + ["<5", "<5", "<5"])
                table.data += groupData(.small) + Self.withheldEffects(code, prefix, .small)
            } else if let mh = comparison.mantelHaenszel {
                table.rows.append([assumption] + shares + Self.effects(mh, format))
                table.data += groupData(nil) + Self.effectData(code, "mh", mh: mh)
            } else {
                table.rows.append([assumption] + shares + Self.effects(crude, format))
                table.data += groupData(nil) + Self.effectData(code, "crude", crude: crude)
            }
        }
        table.notes.append(primary.stratified
            ? (de ? "Schätzer: Mantel–Haenszel nach Standort, p Cochran–Mantel–Haenszel."
                  : "Estimate: Mantel–Haenszel by site, p Cochran–Mantel–Haenszel.")
            : (de ? "Schätzer: roh (ein Standort), p Fisher exakt." : "Estimate: crude (one site), Fisher's exact p."))
        return table
    }
}
