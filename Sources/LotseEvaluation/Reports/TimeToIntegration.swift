import LotseCases

/// Time to integration for both groups (Kaplan–Meier), from `employment_since` in the outcome
/// observations: the event is an integration (K2) reported at an observation, at the day its
/// employment began; a case without one is censored at its last observation (at day 0 without
/// any observation, so that it adds nothing after the start). Days from case start.
///
/// Unlike "days to placement among those placed", the curve uses every randomised case, so
/// the median is the time by which half a group is integrated, or none when fewer than half are.
public struct TimeToIntegration: Sendable {
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

    /// One group's curve figures as published.
    public struct Group: Sendable, Equatable {
        /// `participant` or `comparison`.
        public var group: String
        /// Randomised cases (`small` for 1–4).
        public var cases: ReportCount
        /// Integrations (events); `suppressed` when the report's disclosure control hides them.
        public var integrations: ReportCount
        /// How the curve figures are published: shown; `small` with 1–4 integrations or 1–4
        /// cases without one; `suppressed` with the integrations; `notApplicable` without cases.
        public var status: ReportDatum.Status
        /// The median days to integration and its interval; nil when not reached (or not shown).
        public var median: Double?
        public var medianLower: Double?
        public var medianUpper: Double?
        /// The share integrated at each landmark (6, 12 months), when shown.
        public var integrated: [Double]
        /// The curve, when shown.
        public var curve: KaplanMeier?
    }

    /// The log-rank test of equal curves.
    public struct LogRank: Sendable, Equatable {
        public var statistic: Double
        public var p: Double
    }

    /// Both groups' figures and the log-rank test (when both curves are shown).
    public struct Summary: Sendable, Equatable {
        public var groups: [Group]
        public var logRank: LogRank?
    }

    /// The figures per group: cases, integrations, median with its interval, the share
    /// integrated at 6 and 12 months; the log-rank test. Groups with 1–4 integrations or 1–4
    /// cases without one give no curve figures.
    /// - Parameter integrationsShown: per group (participants, comparison), whether its
    ///   integration count survives the report's disclosure control; if not, it gives nothing.
    func summary(shown integrationsShown: [Bool], rule: SmallCellRule) -> Summary {
        var groups: [Group] = []
        for (index, group) in ["participant", "comparison"].enumerated() {
            let data = followUps[group] ?? []
            let curve = KaplanMeier(data)
            let cases = ReportCount(value: curve.count, status: rule.suppresses(curve.count) ? .small : .shown)
            var row = Group(group: group, cases: cases,
                            integrations: ReportCount(value: curve.eventCount, status: rule.suppresses(curve.eventCount) ? .small : .shown),
                            status: .shown, integrated: [])
            if !integrationsShown[index] && !data.isEmpty {
                row.integrations = ReportCount(value: nil, status: .suppressed)
                row.status = .suppressed
            } else if data.isEmpty {
                row.status = .notApplicable
            } else if rule.suppresses(curve.eventCount) || rule.suppresses(curve.count - curve.eventCount) {
                row.status = .small
            } else {
                row.median = curve.median
                row.medianLower = curve.median == nil ? nil : curve.medianLower
                row.medianUpper = curve.median == nil ? nil : curve.medianUpper
                row.integrated = Self.landmarks.map { 1 - curve.survival(at: $0.days) }
                row.curve = curve
            }
            groups.append(row)
        }
        var logRank: LogRank?
        if groups.allSatisfy({ $0.status == .shown }) {
            let test = LogRankTest(followUps["participant"]!, followUps["comparison"]!)
            logRank = LogRank(statistic: test.statistic, p: test.pValue)
        }
        return Summary(groups: groups, logRank: logRank)
    }
}
