import LotseCases

/// Time to integration for both groups (Kaplan–Meier), from `employment_since` in the outcome
/// observations: the event is an integration (K2) reported at an observation, at the day its
/// employment began; a case without one is censored at its last observation (at day 0 without
/// any observation, so that it adds nothing after the start). Days from case start.
///
/// Unlike "days to placement among those placed", the curve uses every randomised case, so
/// the median is the time by which half a group is integrated, or none when fewer than half are.
struct TimeToIntegration {
    /// One follow-up per randomised case, per group.
    var followUps: [String: [FollowUp]] = [:]

    /// Six and twelve months in days (365.25 / 2 and 365.25), the report's landmarks.
    static let landmarks: [(months: Int, days: Double)] = [(6, 182.625), (12, 365.25)]

    /// Adds a case; one without a legal basis for its outcomes counts as censored at the start.
    mutating func add(_ facts: CaseFacts, outcomesUsable: Bool) {
        guard let group = facts.group?.rawValue else { return }
        followUps[group, default: []].append(outcomesUsable ? Self.followUp(facts) : FollowUp(time: 0, event: false))
    }

    /// The case's follow-up: its first reported integration, else its last observation.
    static func followUp(_ facts: CaseFacts) -> FollowUp {
        guard let start = Derivations.days(facts.openedAt) else { return FollowUp(time: 0, event: false) }
        var event: Int?
        var last = start
        for (at, _) in ObservationWindow.points {
            guard let observation = Derivations.observation(facts, at) else { continue }
            if let date = observation["date"].flatMap(Derivations.days) { last = max(last, date) }
            if Derivations.integrationCodes.contains(observation["employment"] ?? ""),
               let since = observation["employment_since"].flatMap(Derivations.days) {
                event = min(event ?? since, since)
            }
        }
        if let event { return FollowUp(time: Double(max(0, event - start)), event: true) }
        return FollowUp(time: Double(last - start), event: false)
    }

    /// The table: per group cases, integrations, median with its interval, the share integrated
    /// at 6 and 12 months; the log-rank test below it. Groups with 1–4 integrations or 1–4
    /// cases without one show `<5` and no curve figures.
    /// - Parameter shown: per group (participants, comparison), whether its integration count
    ///   survives the report's disclosure control; a suppressed group shows `•` throughout.
    func table(de: Bool, format: ReportFormat, shown integrationsShown: [Bool] = [true, true]) -> ReportTable {
        var table = ReportTable(
            title: de ? "Zeit bis zur Integration (Kaplan–Meier, Tage ab Fallbeginn; Ereignis: Integration K2 laut Beobachtung)"
                : "Time to integration (Kaplan–Meier, days from case start; event: integration K2 as observed)",
            columns: de ? ["Gruppe", "Fälle", "Integrationen", "Median (Tage) [95 %-KI]", "integriert nach 6 Monaten",
                           "integriert nach 12 Monaten"]
                : ["group", "cases", "integrations", "median (days) [95% CI]", "integrated by 6 months",
                   "integrated by 12 months"])
        table.key = "time_to_integration"
        func hide(_ group: String, _ status: ReportDatum.Status, from first: Int = 0) {
            for column in ["integrations", "median", "median_lower", "median_upper", "integrated_6m", "integrated_12m"].dropFirst(first) {
                table.data.append(ReportDatum(row: group, column: column, value: nil, status: status))
            }
        }
        var shown: [String: Bool] = [:]
        for (index, (group, label)) in [("participant", de ? "Teilnahme" : "participants"),
                                         ("comparison", de ? "Vergleich" : "comparison")].enumerated() {
            let data = followUps[group] ?? []
            let curve = KaplanMeier(data)
            guard integrationsShown[index] || data.isEmpty else {
                let hidden = SiteTables.complementMark
                table.rows.append([label, format.count(curve.count), hidden, hidden, hidden, hidden])
                table.data.append(format.smallCells.suppresses(curve.count)
                              ? ReportDatum(row: group, column: "cases", value: nil, status: .small)
                              : ReportDatum(row: group, column: "cases", value: Double(curve.count), status: .shown))
                hide(group, .suppressed)
                shown[group] = false
                continue
            }
            let withheld = format.smallCells.suppresses(curve.eventCount)
                || format.smallCells.suppresses(curve.count - curve.eventCount)
            shown[group] = !withheld && !data.isEmpty
            table.data.append(format.smallCells.suppresses(curve.count)
                              ? ReportDatum(row: group, column: "cases", value: nil, status: .small)
                              : ReportDatum(row: group, column: "cases", value: Double(curve.count), status: .shown))
            guard !withheld, !data.isEmpty else {
                if data.isEmpty { hide(group, .notApplicable) } else {
                    table.data.append(ReportDatum(row: group, column: "integrations", value: Double(curve.eventCount),
                                                  status: .shown))
                    hide(group, .small, from: 1)
                }
                table.rows.append([label, format.count(curve.count), format.count(curve.eventCount),
                                   data.isEmpty ? "n/a" : "<5", data.isEmpty ? "n/a" : "<5", data.isEmpty ? "n/a" : "<5"])
                continue
            }
            let median = curve.median.map { days in
                format.number(days, decimals: 0) + " ["
                    + (curve.medianLower.map { format.number($0, decimals: 0) } ?? "–") + "; "
                    + (curve.medianUpper.map { format.number($0, decimals: 0) } ?? "–") + "]"
            } ?? (de ? "nicht erreicht" : "not reached")
            table.rows.append([label, format.count(curve.count), format.count(curve.eventCount), median]
                              + Self.landmarks.map { format.percent(1 - curve.survival(at: $0.days)) })
            table.data += [ReportDatum(row: group, column: "integrations", value: Double(curve.eventCount), status: .shown),
                           EvaluationReport.measured(group, "median", curve.median),
                           EvaluationReport.measured(group, "median_lower", curve.median == nil ? nil : curve.medianLower),
                           EvaluationReport.measured(group, "median_upper", curve.median == nil ? nil : curve.medianUpper)]
                + Self.landmarks.map { EvaluationReport.measured(group, "integrated_\($0.months)m", 1 - curve.survival(at: $0.days)) }
        }
        if shown["participant"] == true, shown["comparison"] == true {
            let test = LogRankTest(followUps["participant"]!, followUps["comparison"]!)
            table.data += [EvaluationReport.measured("log_rank", "statistic", test.statistic),
                           EvaluationReport.measured("log_rank", "p", test.pValue)]
            table.notes.append((de ? "Log-Rank-Test: χ² = " : "Log-rank test: χ² = ") + format.number(test.statistic)
                               + ", p = " + format.pValue(test.pValue)
                               + (de ? "; Fälle ohne Integration zensiert bei ihrer letzten Beobachtung."
                                     : "; cases without an integration censored at their last observation."))
        }
        return table
    }
}
