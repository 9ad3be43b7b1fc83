import Foundation
public import LotseCases

/// `report sites`: the indicators per model site side by side (benchmarking), caseload per
/// caseworker against 1:50, median days between contacts, median days in each state.
///
/// The report is numbers (shares, differences, medians with their disclosure status);
/// `Formatting/SiteReport+Text.swift` writes them as the tables a person reads.
public struct SiteReport: Sendable {
    /// One indicator at one site: both groups' shares and the risk difference.
    public struct SiteComparison: Sendable, Equatable {
        public var site: String
        public var participants: ReportShare
        public var comparison: ReportShare
        /// How the difference is published: shown, `small` (a cell of 1–4), `suppressed` (a
        /// complement, or a site below the minimum size), `notApplicable` (a group unobserved).
        public var status: ReportDatum.Status
        /// The crude risk difference (a fraction) with its Newcombe interval, when shown.
        public var difference: Double?
        public var differenceInterval: ConfidenceInterval?
    }

    /// One indicator across the sites (in site order).
    public struct Row: Sendable, Equatable {
        public var indicator: String
        public var sites: [SiteComparison]
    }

    /// A caseworker's open cases (against the target of 50).
    public struct Caseload: Sendable, Equatable {
        public var user: String
        public var site: String?
        public var open: Int
    }

    /// Median days in a state per site (nil without a stay there).
    public struct StateDays: Sendable, Equatable {
        public var state: String
        public var medians: [Double?]
    }

    public var reference: ReferenceDate
    /// The sites with randomised cases, in order.
    public var sites: [String]
    /// The indicators in the order of DOMAIN §9.5.
    public var indicators: [Row]
    /// Whether any cell is hidden or a site too small for its own figures (for the note).
    public var anyHidden: Bool
    public var minimumSiteSize: Int
    public var caseload: [Caseload]
    /// Median days between contacts per site (nil without two contacts).
    public var daysBetweenContacts: [Double?]
    /// Median days in each state, per site, in state order.
    public var daysInStates: [StateDays]

    public static func build(_ office: Office, by actor: Actor, asOf: String?) throws -> SiteReport {
        try build(office, by: actor, asOf: asOf, protect: true)
    }

    /// Builds the report; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects); `scan` as for `report evaluation`.
    static func build(_ office: Office, by actor: Actor, asOf: String?, protect: Bool,
                      scan: MonthEndScan = .once) throws -> SiteReport {
        let scope = try office.reportScope(by: actor, site: nil, asOf: asOf)
        let bound = scope.bound
        let rule = SmallCellRule.standard
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
        let protected = IndicatorTables(tallies: tallies, items: [:], sizes: sizes, rule: rule, earlier: earlier)
        let rows = Indicators.names.map { indicator in
            Row(indicator: indicator.variable, sites: sites.map { site in
                let tally = tallies[indicator.variable]?[site] ?? Tally()
                var comparison = SiteComparison(site: site, participants: protected.share(indicator.variable, site, group: 0),
                                                comparison: protected.share(indicator.variable, site, group: 1), status: .shown)
                if let p = tally.proportion("participant"), let c = tally.proportion("comparison") {
                    let table = TwoByTwo(participants: p, comparison: c)
                    if protected.complete(indicator.variable, site) {
                        comparison.difference = table.riskDifference.estimate
                        comparison.differenceInterval = table.riskDifference.interval
                    } else {
                        comparison.status = rule.suppresses(table) && !sizes.small.contains(site) ? .small : .suppressed
                    }
                } else {
                    comparison.status = .notApplicable
                }
                return comparison
            })
        }
        let states = Set(stateDays.values.flatMap(\.keys)).sorted()
        return SiteReport(
            reference: scope.reference, sites: sites, indicators: rows,
            anyHidden: protected.anyHidden(nil) || sites.contains(where: { protected.anyHidden($0) || sizes.small.contains($0) }),
            minimumSiteSize: sizes.minimum,
            caseload: try office.caseload(in: scope).map { Caseload(user: $0.user, site: $0.site, open: $0.open) },
            daysBetweenContacts: sites.map { gaps[$0]?.median() },
            daysInStates: states.map { state in StateDays(state: state, medians: sites.map { stateDays[$0]?[state]?.median() }) })
    }
}
