/// A group's share of an indicator as the disclosure control lets it out: its events and the
/// cases observed, each a protected count. Reports compute these; `Formatting/` writes them.
public struct ReportShare: Sendable, Equatable {
    /// Cases with the event.
    public var events: ReportCount
    /// Cases where the indicator is known (the denominator).
    public var observed: ReportCount

    public init(events: ReportCount, observed: ReportCount) {
        self.events = events
        self.observed = observed
    }

    /// No table for the indicator (no case has it): both counts not applicable.
    public static let notApplicable = ReportShare(events: ReportCount(value: nil, status: .notApplicable),
                                                  observed: ReportCount(value: nil, status: .notApplicable))

    /// How the share is published: the status of the observed count or of the events when one
    /// is hidden, `notApplicable` when nobody is observed, else shown.
    public var status: ReportDatum.Status {
        if observed.status != .shown { return observed.status }
        if events.status != .shown { return events.status }
        return observed.value == 0 ? .notApplicable : .shown
    }

    /// The share as a fraction, nil unless shown.
    public var fraction: Double? {
        guard status == .shown, let e = events.value, let n = observed.value else { return nil }
        return Double(e) / Double(n)
    }
}

/// The effect figures of one comparison between the groups: the risk difference (a fraction)
/// and the risk ratio with their 95 % intervals, and the p-value; nil where undefined.
public struct ReportEffects: Sendable, Equatable {
    /// Which estimator: crude (pooled; Newcombe, Katz, Fisher) or stratified by site
    /// (Mantel–Haenszel; Sato, Greenland–Robins, Cochran–Mantel–Haenszel).
    public enum Method: String, Sendable {
        case crude
        case mantelHaenszel = "mh"
    }

    public var method: Method
    public var riskDifference: Double?
    public var riskDifferenceInterval: ConfidenceInterval?
    public var riskRatio: Double?
    public var riskRatioInterval: ConfidenceInterval?
    public var p: Double?

    /// The crude effects of a two-by-two table.
    public init(crude: TwoByTwo) {
        method = .crude
        riskDifference = crude.riskDifference.estimate
        riskDifferenceInterval = crude.riskDifference.interval
        riskRatio = crude.riskRatio.estimate
        riskRatioInterval = crude.riskRatio.interval
        p = crude.fisher.pValue
    }

    /// The stratified effects.
    public init(_ mh: MantelHaenszel) {
        method = .mantelHaenszel
        riskDifference = mh.riskDifference?.estimate
        riskDifferenceInterval = mh.riskDifference?.interval
        riskRatio = mh.riskRatio?.estimate
        riskRatioInterval = mh.riskRatio?.interval
        p = mh.cochranMantelHaenszel?.pValue
    }
}

extension IndicatorTables {
    /// A group's share of an indicator in the pooled table (site nil) or a site's table.
    func share(_ indicator: String, _ site: String?, group g: Int) -> ReportShare {
        guard let t = indicators[indicator] else { return .notApplicable }
        return ReportShare(events: t.count(site, Self.index(g, .events)), observed: t.count(site, Self.index(g, .known)))
    }
}
