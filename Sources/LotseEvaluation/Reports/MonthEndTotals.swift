@_spi(Office) import LotseCases

/// How a report reads its counts as of the earlier month ends it is protected against.
enum MonthEndScan: Sendable {
    /// One scan of the cases' timelines; the counts as of every month end derived from it in
    /// memory (what the reports do).
    case once
    /// One scan of the case facts per month end: the reference the one scan is tested against.
    case perMonthEnd
}

/// A report's totals as of its reference date and as of every earlier month end a reader can
/// hold (``ReferenceDate/earlier(since:)`` from the first randomised case's month), in that
/// order; none without the protection.
struct MonthEndTotals<Totals> {
    var current: Totals
    var earlier: [(scope: ReportScope, totals: Totals)]
}

extension Office {
    /// Adds every case the scope's actor sees, of every site, to the report's totals as of the
    /// scope's bound and as of every earlier month end (`protect`), with the facts as of each:
    /// `add(&totals, facts, scopeOfThoseTotals)`. With `.once` each case is read once, with its
    /// transitions and submissions and their times, and its facts as of each month end are
    /// derived from that, one case at a time (nothing per case is kept).
    func monthEndTotals<Totals>(acrossSitesOf scope: ReportScope, protect: Bool, scan: MonthEndScan = .once,
                                empty: Totals, _ add: (inout Totals, CaseFacts, ReportScope) throws -> Void) throws
        -> MonthEndTotals<Totals> {
        var current = empty
        var first: String?
        switch scan {
        case .perMonthEnd:
            try facts(acrossSitesOf: scope) { facts in
                try add(&current, facts, scope)
                if facts.group != nil { first = min(first ?? facts.openedAt, facts.openedAt) }
            }
            let earlier = try earlierScopes(of: scope, since: first, protect: protect).map { earlierScope in
                var totals = empty
                try facts(acrossSitesOf: earlierScope) { try add(&totals, $0, earlierScope) }
                return (scope: earlierScope, totals: totals)
            }
            return MonthEndTotals(current: current, earlier: earlier)
        case .once:
            // The month ends before the reference date from the earliest case's month on, ascending.
            var ends: [(scope: ReportScope, totals: Totals)] = []
            var since: String?
            try timelines(site: nil, asOf: scope.bound) { timeline in
                guard scope.actor.works(at: timeline.site), let facts = timeline.facts(asOf: scope.bound) else { return }
                try add(&current, facts, scope)
                if facts.group != nil { first = min(first ?? facts.openedAt, facts.openedAt) }
                guard protect else { return }
                if since.map({ timeline.openedAt.prefix(7) < $0.prefix(7) }) ?? true {
                    since = timeline.openedAt
                    let days = scope.reference.earlier(since: timeline.openedAt)
                    ends = try days.prefix(max(0, days.count - ends.count)).map {
                        (scope: try reportScope(by: scope.actor, site: scope.site, asOf: $0), totals: empty)
                    } + ends
                }
                for index in ends.indices {
                    guard let facts = timeline.facts(asOf: ends[index].scope.bound) else { continue }
                    try add(&ends[index].totals, facts, ends[index].scope)
                }
            }
            guard protect, let first else { return MonthEndTotals(current: current, earlier: []) }
            let byDay = Dictionary(ends.map { ($0.scope.reference.day, $0) }) { a, _ in a }
            let earlier = try scope.reference.earlier(since: first).map { day in
                try byDay[day] ?? (scope: reportScope(by: scope.actor, site: scope.site, asOf: day), totals: empty)
            }
            return MonthEndTotals(current: current, earlier: earlier)
        }
    }
}
