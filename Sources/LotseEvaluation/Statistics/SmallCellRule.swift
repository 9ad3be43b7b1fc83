/// Statistical disclosure control for reports: counts from 1 to 4 (below ``threshold``) are not
/// shown (DOMAIN §9.5 and §8: "small cells (n < 5) suppressed in reports").
///
/// Decisions, following common practice of official statistics:
/// - **0 is shown as 0.** An empty cell names nobody; suppressing it would also hide the
///   structural zeros a reader needs ("no one in the comparison group left benefits").
/// - **1 to 4 are shown as `<5`.**
/// - **A proportion counts as two cells**, events and non-events: with n published, 97 % of 100
///   reveals 3 people as surely as "3" does. So a share is withheld when either count is 1–4
///   (``Verdict/fewEvents`` is checked first).
/// - **Effects reveal their table.** A risk difference, ratio or p-value, together with the group
///   sizes, lets a reader rebuild the cells; `suppresses(_:)` for a ``TwoByTwo`` tells a report to print no
///   effect for a table with a small cell.
public struct SmallCellRule: Sendable, Hashable {
    /// Counts `1 ..< threshold` are suppressed (5: counts 1–4).
    public var threshold: Int

    /// Creates a rule.
    /// - Parameter threshold: the smallest count that may be shown apart from 0; 5 by default.
    public init(threshold: Int = 5) {
        self.threshold = max(1, threshold)
    }

    /// The rule of the Lotse reports: 1–4 suppressed, 0 shown.
    public static let standard = SmallCellRule()

    /// How a proportion may be shown.
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        /// Both counts are 0 or at least ``SmallCellRule/threshold``: show it.
        case shown
        /// 1–4 events: show `<5`.
        case fewEvents
        /// 1–4 members without the event: show only a lower bound ("≥ 96 %").
        case fewNonEvents
    }

    /// Whether a single count must be hidden (1 ... threshold − 1).
    public func suppresses(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// How `proportion` may be shown.
    public func verdict(for proportion: Proportion) -> Verdict {
        if suppresses(proportion.events) { return .fewEvents }
        if suppresses(proportion.nonEvents) { return .fewNonEvents }
        return .shown
    }

    /// Whether any of the four cells of the table (events and non-events of both groups) must be
    /// hidden; if so, a report shows neither the proportions' exact values nor the effects.
    public func suppresses(_ table: TwoByTwo) -> Bool {
        verdict(for: table.participants) != .shown || verdict(for: table.comparison) != .shown
    }

    /// The largest share consistent with a suppressed proportion: (threshold − 1)/n for few events
    /// (never above 1), 1 for few non-events, the value itself otherwise. Charts draw a withheld
    /// bar up to this bound so that its height discloses nothing the label does not.
    public func upperBound(for proportion: Proportion) -> Double {
        switch verdict(for: proportion) {
        case .shown: proportion.value
        case .fewEvents: min(1, Double(threshold - 1) / Double(proportion.n))
        case .fewNonEvents: 1
        }
    }

    /// The smallest share consistent with few non-events: (n − threshold + 1)/n.
    func lowerBoundForFewNonEvents(_ proportion: Proportion) -> Double {
        max(0, Double(proportion.n - threshold + 1) / Double(proportion.n))
    }
}
