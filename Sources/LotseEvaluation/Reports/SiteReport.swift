import Foundation
public import LotseCases

/// `report sites`: the indicators per model site side by side (benchmarking), caseload per
/// caseworker against 1:50, median days between contacts, median days in each state.
public enum SiteReport {
    public static func build(_ office: Office, by actor: Actor, asOf: String?, language: String) throws -> [ReportTable] {
        let scope = try office.reportScope(by: actor, site: nil, asOf: asOf)
        let bound = scope.bound
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        let variables = Dictionary(uniqueKeysWithValues: EvaluationVariables.all(office.definitions(for: scope))
            .map { ($0.name, $0) })
        let context = scope.context
        var tallies = [String: [String: Tally]]()      // site → indicator → tally
        var gaps = [String: [Int]]()                     // site → days between contacts
        var stateDays = [String: [String: [Int]]]()      // site → state → days spent
        let today = Derivations.days(bound) ?? 0
        try office.facts(in: scope) { facts in
            // Only randomised cases are compared (a case opened by hand has no group).
            guard let group = facts.group?.rawValue else { return }
            for indicator in Indicators.names {
                tallies[facts.site, default: [:]][indicator.variable, default: Tally()]
                    .add(group: group, value: variables[indicator.variable]!.value(facts, context))
            }
            let dates = facts.entries("contact").compactMap { $0["date"].flatMap(Derivations.days) }.sorted()
            for (a, b) in zip(dates, dates.dropFirst()) { gaps[facts.site, default: []].append(b - a) }
            for (index, t) in facts.transitions.enumerated() {
                guard let start = Derivations.days(t.at) else { continue }
                let end = index + 1 < facts.transitions.count ? Derivations.days(facts.transitions[index + 1].at) : nil
                if end == nil && ["closed", "transferred"].contains(t.to) { continue }
                stateDays[facts.site, default: [:]][t.to, default: []].append((end ?? today) - start)
            }
        }
        let sites = tallies.keys.sorted()
        var indicators = ReportTable(
            title: de ? "Standortvergleich (Teilnahme / Vergleich)" : "Sites side by side (participants / comparison)",
            columns: [de ? "Indikator" : "indicator"] + sites.flatMap { ["\($0) P", "\($0) " + (de ? "V" : "C")] }
                + sites.map { "\($0) " + (de ? "Diff." : "diff.") })
        for indicator in Indicators.names {
            var row = [de ? indicator.de : indicator.en]
            var differences: [String] = []
            for site in sites {
                let tally = tallies[site]?[indicator.variable] ?? Tally()
                let p = tally.proportion("participant"), c = tally.proportion("comparison")
                row.append(p.map { format.share($0) } ?? "n/a")
                row.append(c.map { format.share($0) } ?? "n/a")
                if let p, let c {
                    let table = TwoByTwo(participants: p, comparison: c)
                    differences.append(format.smallCells.suppresses(table) ? "<5"
                        : EvaluationReport.points(table.riskDifference.estimate, format) + " "
                        + format.interval(ConfidenceInterval(lower: table.riskDifference.interval.lower * 100,
                                                             upper: table.riskDifference.interval.upper * 100), decimals: 1))
                } else {
                    differences.append("n/a")
                }
            }
            indicators.rows.append(row + differences)
        }
        var caseload = ReportTable(title: de ? "Fallzahl je Fachkraft (Ziel 1:50)" : "Caseload per caseworker (target 1:50)",
                                   columns: de ? ["Fachkraft", "Standort", "offene Fälle", "Anteil am Ziel"]
                                       : ["caseworker", "site", "open cases", "of target"])
        for row in try office.caseload(in: scope) {
            caseload.rows.append([row.user, row.site ?? "-", format.count(row.open), format.percent(Double(row.open) / 50, decimals: 0)])
        }
        var process = ReportTable(title: de ? "Kontakte und Verweildauer (Median, Tage)" : "Contacts and time in states (median days)",
                                  columns: [de ? "Kennzahl" : "measure"] + sites)
        process.rows.append([de ? "Tage zwischen Kontakten" : "days between contacts"]
                            + sites.map { gaps[$0]?.median().map { format.number($0, decimals: 1) } ?? "n/a" })
        let states = Set(stateDays.values.flatMap(\.keys)).sorted()
        for state in states {
            process.rows.append([(de ? "Tage in " : "days in ") + state]
                                + sites.map { stateDays[$0]?[state]?.median().map { format.number($0, decimals: 1) } ?? "n/a" })
        }
        return [indicators, caseload, process]
    }
}
