/// The time to integration as text and data, from the report's figures.
extension TimeToIntegration.Summary {
    /// The table: per group cases, integrations, median with its interval, the share integrated
    /// at 6 and 12 months; the log-rank test below it. A group with 1–4 integrations or 1–4 cases
    /// without one shows `<5`, a group whose integrations are suppressed `•` throughout.
    func table(de: Bool, format: ReportFormat) -> ReportTable {
        var table = ReportTable(
            title: de ? "Zeit bis zur Integration (Kaplan–Meier, Tage ab Fallbeginn; Ereignis: Integration K2 laut Beobachtung)"
                : "Time to integration (Kaplan–Meier, days from case start; event: integration K2 as observed)",
            columns: de ? ["Gruppe", "Fälle", "Integrationen", "Median (Tage) [95 %-KI]", "integriert nach 6 Monaten",
                           "integriert nach 12 Monaten"]
                : ["group", "cases", "integrations", "median (days) [95% CI]", "integrated by 6 months",
                   "integrated by 12 months"])
        table.key = "time_to_integration"
        let columns = ["integrations", "median", "median_lower", "median_upper", "integrated_6m", "integrated_12m"]
        for row in groups {
            let group = row.group
            let label = group == "participant" ? (de ? "Teilnahme" : "participants") : (de ? "Vergleich" : "comparison")
            table.data.append(row.cases.datum(row: group, column: "cases"))
            switch row.status {
            case .suppressed, .notApplicable:
                let mark = row.status == .suppressed ? SiteTables.complementMark : "n/a"
                table.rows.append([label, format.count(row.cases)]
                                  + (row.status == .suppressed ? [mark] : [format.count(row.integrations)]) + [mark, mark, mark])
                table.data += columns.map { ReportDatum(row: group, column: $0, value: nil, status: row.status) }
            case .small:
                table.rows.append([label, format.count(row.cases), format.count(row.integrations), "<5", "<5", "<5"])
                table.data.append(row.integrations.datum(row: group, column: "integrations"))
                table.data += columns.dropFirst().map { ReportDatum(row: group, column: $0, value: nil, status: .small) }
            case .shown:
                let median = row.median.map { days in
                    format.number(days, decimals: 0) + " [" + (row.medianLower.map { format.number($0, decimals: 0) } ?? "–") + "; "
                        + (row.medianUpper.map { format.number($0, decimals: 0) } ?? "–") + "]"
                } ?? (de ? "nicht erreicht" : "not reached")
                table.rows.append([label, format.count(row.cases), format.count(row.integrations), median]
                                  + row.integrated.map { format.percent($0) })
                table.data += [row.integrations.datum(row: group, column: "integrations"),
                               EvaluationReport.measured(group, "median", row.median),
                               EvaluationReport.measured(group, "median_lower", row.medianLower),
                               EvaluationReport.measured(group, "median_upper", row.medianUpper)]
                    + zip(TimeToIntegration.landmarks, row.integrated).map {
                        EvaluationReport.measured(group, "integrated_\($0.months)m", $1)
                    }
            }
        }
        if let test = logRank {
            table.data += [EvaluationReport.measured("log_rank", "statistic", test.statistic),
                           EvaluationReport.measured("log_rank", "p", test.p)]
            table.notes.append((de ? "Log-Rank-Test: χ² = " : "Log-rank test: χ² = ") + format.number(test.statistic)
                               + ", p = " + format.pValue(test.p)
                               + (de ? "; Fälle ohne Integration zensiert bei ihrer letzten Beobachtung."
                                     : "; cases without an integration censored at their last observation."))
        }
        return table
    }
}
