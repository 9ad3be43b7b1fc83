/// `report sites` as text: the tables (German or English) from the report's numbers, and their
/// data (`--format csv|json`) from the same numbers, under their keys.
extension SiteReport {
    /// The indicators per site side by side, the caseload per caseworker, contacts and time in states.
    public func tables(language: String) -> [ReportTable] {
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        return [indicatorTable(de: de, format: format), caseloadTable(de: de, format: format), processTable(de: de, format: format)]
    }

    func indicatorTable(de: Bool, format: ReportFormat) -> ReportTable {
        var table = ReportTable(
            title: (de ? "Standortvergleich (Teilnahme / Vergleich)" : "Sites side by side (participants / comparison)")
                + " · " + (de ? "Stichtag " : "as of ") + reference.day,
            columns: [de ? "Indikator" : "indicator"] + sites.flatMap { ["\($0) P", "\($0) " + (de ? "V" : "C")] }
                + sites.map { "\($0) " + (de ? "Diff." : "diff.") })
        table.key = "sites"
        for row in indicators {
            let code = row.indicator
            var shares: [String] = []
            var differences: [String] = []
            for cell in row.sites {
                shares += [cell.participants, cell.comparison].map { Self.percent($0, format) }
                for (share, group) in zip([cell.participants, cell.comparison], IndicatorTables.groups) {
                    table.data.append(ReportDatum(row: code, column: "\(cell.site):\(group)_share", value: share.fraction,
                                                  status: share.status))
                }
                let values = [cell.difference, cell.differenceInterval?.lower, cell.differenceInterval?.upper]
                for (measure, value) in zip(["difference", "difference_lower", "difference_upper"], values) {
                    table.data.append(ReportDatum(row: code, column: "\(cell.site):\(measure)", value: value, status: cell.status))
                }
                switch cell.status {
                case .shown:
                    differences.append(cell.difference.map { difference in
                        EvaluationReport.points(difference, format)
                            + (cell.differenceInterval.map {
                                " " + format.interval(ConfidenceInterval(lower: $0.lower * 100, upper: $0.upper * 100), decimals: 1)
                            } ?? "")
                    } ?? "n/a")
                case .notApplicable: differences.append("n/a")
                case .small, .suppressed: differences.append(format.count(ReportCount(value: nil, status: cell.status)))
                }
            }
            table.rows.append([EvaluationReport.label(code, de: de)] + shares + differences)
        }
        if let note = reference.note(de: de) { table.notes.append(note) }
        if anyHidden { table.notes.append(SiteTables.note(de: de, minimum: minimumSiteSize)) }
        return table
    }

    func caseloadTable(de: Bool, format: ReportFormat) -> ReportTable {
        var table = ReportTable(title: de ? "Fallzahl je Fachkraft (Ziel 1:50)" : "Caseload per caseworker (target 1:50)",
                                columns: de ? ["Fachkraft", "Standort", "offene Fälle", "Anteil am Ziel"]
                                    : ["caseworker", "site", "open cases", "of target"])
        table.key = "caseload"
        for row in caseload {
            table.rows.append([row.user, row.site ?? "-", format.count(row.open), format.percent(Double(row.open) / 50, decimals: 0)])
            let small = format.smallCells.suppresses(row.open)
            table.data.append(ReportDatum(row: row.user, column: (row.site ?? "") + ":open_cases",
                                          value: small ? nil : Double(row.open), status: small ? .small : .shown))
        }
        return table
    }

    func processTable(de: Bool, format: ReportFormat) -> ReportTable {
        var table = ReportTable(title: de ? "Kontakte und Verweildauer (Median, Tage)" : "Contacts and time in states (median days)",
                                columns: [de ? "Kennzahl" : "measure"] + sites)
        table.key = "process"
        func text(_ median: Double?) -> String { median.map { format.number($0, decimals: 1) } ?? "n/a" }
        func data(_ row: String, _ medians: [Double?]) {
            for (site, median) in zip(sites, medians) {
                table.data.append(ReportDatum(row: row, column: site, value: median, status: median == nil ? .notApplicable : .shown))
            }
        }
        table.rows.append([de ? "Tage zwischen Kontakten" : "days between contacts"] + daysBetweenContacts.map(text))
        data("days_between_contacts", daysBetweenContacts)
        for state in daysInStates {
            table.rows.append([(de ? "Tage in " : "days in ") + state.state] + state.medians.map(text))
            data("days_in:" + state.state, state.medians)
        }
        return table
    }

    /// A group's share alone: `15,0 %`, `<5`, `•`, `n/a`.
    static func percent(_ share: ReportShare, _ format: ReportFormat) -> String {
        guard share.observed.status == .shown, let known = share.observed.value else { return format.count(share.observed) }
        guard known > 0 else { return "n/a" }
        guard share.events.status == .shown, let events = share.events.value else { return format.count(share.events) }
        return format.percent(Double(events) / Double(known))
    }
}
