import Foundation
public import LotseCases

/// `report sites`: the indicators per model site side by side (benchmarking), caseload per
/// caseworker against 1:50, median days between contacts, median days in each state.
public enum SiteReport {
    public static func build(_ office: Office, by actor: Actor, asOf: String?, language: String) throws -> [ReportTable] {
        try build(office, by: actor, asOf: asOf, language: language, protect: true)
    }

    /// Builds the report; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects); `scan` as for `report evaluation`.
    static func build(_ office: Office, by actor: Actor, asOf: String?, language: String, protect: Bool,
                      scan: MonthEndScan = .once) throws -> [ReportTable] {
        let scope = try office.reportScope(by: actor, site: nil, asOf: asOf)
        let bound = scope.bound
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        let variables = Dictionary(uniqueKeysWithValues: EvaluationVariables.all(office.definitions(for: scope)).map { ($0.name, $0) })
        /// Every site's tallies as of a bound; the contacts and the days in each state only as of the report's.
        struct Counts {
            var tallies = [String: [String: Tally]]()      // indicator → site → tally
            var sizes: SiteSizes
            var gaps = [String: [Int]]()                     // site → days between contacts
            var stateDays = [String: [String: [Int]]]()      // site → state → days spent
        }
        let today = Derivations.days(bound) ?? 0
        // The same tallies at every earlier reference date (the same protection as `report evaluation`).
        let totals = try office.monthEndTotals(acrossSitesOf: scope, protect: protect, scan: scan,
                                               empty: Counts(sizes: SiteSizes(minimum: try office.minimumSiteSize()))) {
            counts, facts, moment in
            counts.sizes.add(site: facts.site, group: facts.group?.rawValue)
            // Only randomised cases are compared (a case opened by hand has no group).
            guard let group = facts.group?.rawValue else { return }
            for indicator in Indicators.names {
                counts.tallies[indicator.variable, default: [:]][facts.site, default: Tally()]
                    .add(group: group, value: variables[indicator.variable]!.value(facts, moment.context))
            }
            guard moment.bound == bound else { return }
            let dates = facts.entries("contact").compactMap { $0["date"].flatMap(Derivations.days) }.sorted()
            for (a, b) in zip(dates, dates.dropFirst()) { counts.gaps[facts.site, default: []].append(b - a) }
            for (index, t) in facts.transitions.enumerated() {
                guard let start = Derivations.days(t.at) else { continue }
                let end = index + 1 < facts.transitions.count ? Derivations.days(facts.transitions[index + 1].at) : nil
                if end == nil && ["closed", "transferred"].contains(t.to) { continue }
                counts.stateDays[facts.site, default: [:]][t.to, default: []].append((end ?? today) - start)
            }
        }
        let (tallies, sizes, gaps, stateDays) = (totals.current.tallies, totals.current.sizes, totals.current.gaps,
                                                 totals.current.stateDays)
        let sites = sizes.randomised.filter { !$0.value.isEmpty }.keys.sorted()
        let earlier = totals.earlier.map {
            (tallies: $0.totals.tallies, items: [String: [String: [String: Int]]](), sizes: $0.totals.sizes)
        }
        let protected = IndicatorTables(tallies: tallies, items: [:], sizes: sizes, rule: format.smallCells, earlier: earlier)
        var indicators = ReportTable(
            title: (de ? "Standortvergleich (Teilnahme / Vergleich)" : "Sites side by side (participants / comparison)")
                + " · " + (de ? "Stichtag " : "as of ") + scope.reference.day,
            columns: [de ? "Indikator" : "indicator"] + sites.flatMap { ["\($0) P", "\($0) " + (de ? "V" : "C")] }
                + sites.map { "\($0) " + (de ? "Diff." : "diff.") })
        for indicator in Indicators.names {
            var row = [de ? indicator.de : indicator.en]
            var differences: [String] = []
            for site in sites {
                let tally = tallies[indicator.variable]?[site] ?? Tally()
                row += (0..<2).map { protected.percent(indicator.variable, site, group: $0, format) }
                for (g, group) in IndicatorTables.groups.enumerated() {
                    indicators.data.append(protected.shareDatum(indicator.variable, site, group: g, column: "\(site):\(group)_share"))
                }
                func effect(_ status: ReportDatum.Status, _ values: [Double?] = [nil, nil, nil]) {
                    for (measure, value) in zip(["difference", "difference_lower", "difference_upper"], values) {
                        indicators.data.append(ReportDatum(row: indicator.variable, column: "\(site):\(measure)", value: value,
                                                           status: status))
                    }
                }
                if let p = tally.proportion("participant"), let c = tally.proportion("comparison") {
                    guard protected.complete(indicator.variable, site) else {
                        effect(format.smallCells.suppresses(TwoByTwo(participants: p, comparison: c)) && !sizes.small.contains(site)
                               ? .small : .suppressed)
                        differences.append(format.smallCells.suppresses(TwoByTwo(participants: p, comparison: c))
                                           && !sizes.small.contains(site) ? "<5" : SiteTables.complementMark)
                        continue
                    }
                    let table = TwoByTwo(participants: p, comparison: c)
                    effect(.shown, [table.riskDifference.estimate, table.riskDifference.interval.lower,
                                    table.riskDifference.interval.upper])
                    differences.append(EvaluationReport.points(table.riskDifference.estimate, format) + " "
                        + format.interval(ConfidenceInterval(lower: table.riskDifference.interval.lower * 100,
                                                             upper: table.riskDifference.interval.upper * 100), decimals: 1))
                } else {
                    effect(.notApplicable)
                    differences.append("n/a")
                }
            }
            indicators.rows.append(row + differences)
        }
        if let note = scope.reference.note(de: de) { indicators.notes.append(note) }
        if protected.anyHidden(nil) || sites.contains(where: { protected.anyHidden($0) || sizes.small.contains($0) }) {
            indicators.notes.append(SiteTables.note(de: de, minimum: sizes.minimum))
        }
        var caseload = ReportTable(title: de ? "Fallzahl je Fachkraft (Ziel 1:50)" : "Caseload per caseworker (target 1:50)",
                                   columns: de ? ["Fachkraft", "Standort", "offene Fälle", "Anteil am Ziel"]
                                       : ["caseworker", "site", "open cases", "of target"])
        caseload.key = "caseload"
        indicators.key = "sites"
        for row in try office.caseload(in: scope) {
            caseload.rows.append([row.user, row.site ?? "-", format.count(row.open), format.percent(Double(row.open) / 50, decimals: 0)])
            let small = format.smallCells.suppresses(row.open)
            caseload.data.append(ReportDatum(row: row.user, column: (row.site ?? "") + ":open_cases",
                                             value: small ? nil : Double(row.open), status: small ? .small : .shown))
        }
        var process = ReportTable(title: de ? "Kontakte und Verweildauer (Median, Tage)" : "Contacts and time in states (median days)",
                                  columns: [de ? "Kennzahl" : "measure"] + sites)
        process.key = "process"
        process.rows.append([de ? "Tage zwischen Kontakten" : "days between contacts"]
                            + sites.map { gaps[$0]?.median().map { format.number($0, decimals: 1) } ?? "n/a" })
        for site in sites {
            let median = gaps[site]?.median()
            process.data.append(ReportDatum(row: "days_between_contacts", column: site, value: median,
                                            status: median == nil ? .notApplicable : .shown))
        }
        let states = Set(stateDays.values.flatMap(\.keys)).sorted()
        for state in states {
            process.rows.append([(de ? "Tage in " : "days in ") + state]
                                + sites.map { stateDays[$0]?[state]?.median().map { format.number($0, decimals: 1) } ?? "n/a" })
            for site in sites {
                let median = stateDays[site]?[state]?.median()
                process.data.append(ReportDatum(row: "days_in:" + state, column: site, value: median,
                                                status: median == nil ? .notApplicable : .shown))
            }
        }
        return [indicators, caseload, process]
    }
}
