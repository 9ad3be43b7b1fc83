public import LotseCases
import LotseStore

/// `report flow [--site S] [--svg FILE]`: the participant flow in the style of CONSORT 2010 —
/// eligible pool → randomised → per group: started, then exactly one terminal box per case
/// (consent refused, withdrew, transferred, moved away, closed, still in the programme),
/// observed at +6 / +12 months, and analysed. Intention to treat: everyone randomised is analysed
/// in their group, so "analysed" equals "randomised". The counts equal those of `export cases`
/// (the same case facts); the terminal boxes of a group add up to its randomised count.
///
/// The report is numbers (counts with their disclosure status); `FlowReport+Text.swift` writes
/// them as the table and the diagram a person reads.
public struct FlowReport: Sendable {
    /// One box of the flow: its key and its counts for the participants, the comparison group and in total.
    public struct Row: Sendable, Equatable {
        /// `randomised`, `started`, a terminal box (`withdrew`), `observed_6m`, `analysed`.
        public var key: String
        public var participants: ReportCount
        public var comparison: ReportCount
        public var total: ReportCount
    }

    /// The site reported on, nil for every site the reader sees.
    public var site: String?
    /// The reference date.
    public var reference: ReferenceDate
    /// The eligible pool (public: every reader knows it).
    public var eligible: Int
    /// The boxes in order: randomised, started, the terminal boxes, observed, analysed.
    public var rows: [Row]
    /// The minimum site size of the plan (for the note on hidden cells).
    public var minimumSiteSize: Int

    /// Where a randomised case ends up, as of the reference date (exactly one per case).
    enum Terminal: String, CaseIterable {
        case consentRefused, withdrew, transferred, movedAway, closed, ongoing

        /// The case's terminal box from its last transition.
        static func of(_ facts: CaseFacts) -> Terminal {
            guard let last = facts.transitions.last else { return .ongoing }
            switch (last.to, last.event) {
            case ("transferred", _): return .transferred
            case ("closed", "consent_refused"): return .consentRefused
            case ("closed", "withdraw_consent"): return .withdrew
            case ("closed", "move_away"): return .movedAway
            case ("closed", _): return .closed
            default: return .ongoing
            }
        }
    }

    /// The rows of the flow, each a count per group and in total; `implied` rows are never
    /// printed but follow from the randomised count (who did not start, who was not observed).
    static let steps: [(key: String, implied: Bool)] =
        [("randomised", false), ("started", false), ("not_started", true)]
        + Terminal.allCases.map { ($0.rawValue, false) }
        + ObservationWindow.points.flatMap { [("observed_\($0.at)", false), ("unobserved_\($0.at)", true)] }

    /// The shape of one site's flow for disclosure control: the eligible pool, then per step the
    /// participants, the comparison group and the total; the randomised counts are known to
    /// every reader (the randomisation log), the rest is protected.
    static func layout() -> SiteTables.Layout {
        var roles: [CellSuppression.Role] = [.known]
        var sums: [CellSuppression.Sum] = []
        for step in steps {
            // Not starting and not being observed say nothing about an outcome: derived, unprotected.
            let role: CellSuppression.Role = step.key == "randomised" ? .known : step.implied ? .derived : .published
            roles += [role, role, role]
        }
        func cell(_ key: String, _ g: Int) -> Int { 1 + 3 * steps.firstIndex { $0.key == key }! + g }
        for key in steps.map(\.key) { sums.append(CellSuppression.Sum(total: cell(key, 2), parts: [cell(key, 0), cell(key, 1)])) }
        for g in 0..<3 {
            sums.append(CellSuppression.Sum(total: cell("randomised", g), parts: [cell("started", g), cell("not_started", g)]))
            sums.append(CellSuppression.Sum(total: cell("randomised", g), parts: Terminal.allCases.map { cell($0.rawValue, g) }))
            for (at, _) in ObservationWindow.points {
                sums.append(CellSuppression.Sum(total: cell("randomised", g), parts: [cell("observed_\(at)", g), cell("unobserved_\(at)", g)]))
            }
        }
        return SiteTables.Layout(roles: roles, sums: sums)
    }

    /// Builds the flow (evaluator, supervisor).
    public static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?) throws -> FlowReport {
        try build(office, by: actor, site: site, asOf: asOf, protect: true)
    }

    /// Every site's flow boxes as of a bound: site → box → group → cases, and the site sizes.
    struct Counts {
        var boxes = [String: [String: [String: Int]]]()
        var sizes: SiteSizes
    }

    /// Adds a case's facts as of `scope`'s bound to the boxes.
    static func add(_ counts: inout Counts, _ facts: CaseFacts, _ scope: ReportScope) {
        counts.sizes.add(site: facts.site, group: facts.group?.rawValue)
        guard let group = facts.group?.rawValue else { return }
        func add(_ key: String) { counts.boxes[facts.site, default: [:]][key, default: [:]][group, default: 0] += 1 }
        add("randomised")
        // Started: the programme began (consent given, profiling reached); the comparison
        // group has no programme to start.
        add(facts.group == .participant && facts.entered["profiling"] != nil ? "started" : "not_started")
        add(Terminal.of(facts).rawValue)
        // Outcomes without a legal basis are not evaluated, so such a case counts as not observed.
        let usable = Derivations.legalBasis(facts, scope.context) != .none
        for (at, _) in ObservationWindow.points {
            add(usable && Derivations.observation(facts, at) != nil ? "observed_\(at)" : "unobserved_\(at)")
        }
    }

    /// Every site's flow cells (in the order of `layout()`): the eligible clients, then the boxes.
    static func values(_ counts: Counts, eligible: [String: Int]) -> [String: [Int]] {
        var values = [String: [Int]]()
        for s in Set(counts.boxes.keys).union(eligible.keys).union(counts.sizes.randomised.keys) {
            values[s] = [eligible[s] ?? 0] + steps.flatMap { step -> [Int] in
                let p = counts.boxes[s]?[step.key]?["participant"] ?? 0, c = counts.boxes[s]?[step.key]?["comparison"] ?? 0
                return [p, c, p + c]
            }
        }
        return values
    }

    /// Builds the flow; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects); `scan` as for `report evaluation`.
    static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, protect: Bool,
                      scan: MonthEndScan = .once) throws -> FlowReport {
        let scope = try office.reportScope(by: actor, site: site, asOf: asOf)
        let minimum = try office.minimumSiteSize()
        let totals = try office.monthEndTotals(acrossSitesOf: scope, protect: protect, scan: scan,
                                               empty: Counts(sizes: SiteSizes(minimum: minimum)), add)
        let sizes = totals.current.sizes
        try sizes.check(site: site, in: office)
        let eligible = try office.eligibleClientsBySite(acrossSitesOf: [scope] + totals.earlier.map(\.scope))
        let values = Self.values(totals.current, eligible: eligible[0])
        let earlier = zip(totals.earlier, eligible.dropFirst()).map { Self.values($0.totals, eligible: $1) }
        let protected = SiteTables(layout: layout(), values: values, small: sizes.small, rule: .standard, earlier: earlier)
        func row(_ key: String, as name: String? = nil) -> Row {
            let base = 1 + 3 * steps.firstIndex { $0.key == key }!
            return Row(key: name ?? key, participants: protected.count(site, base), comparison: protected.count(site, base + 1),
                       total: protected.count(site, base + 2))
        }
        // The randomised counts again at the end: intention to treat analyses everyone randomised.
        let rows = [row("randomised"), row("started")] + Terminal.allCases.map { row($0.rawValue) }
            + ObservationWindow.points.map { row("observed_\($0.at)") } + [row("randomised", as: "analysed")]
        return FlowReport(site: site, reference: scope.reference, eligible: protected.value(site, 0), rows: rows,
                          minimumSiteSize: sizes.minimum)
    }
}
