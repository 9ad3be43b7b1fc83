import Foundation
import LotseCases

/// `report evaluation`'s missing data: observed and missing values per group, and the
/// sensitivity analysis of the primary outcome (missing counted as failure and as success).
extension EvaluationReport {
    /// Observed values per group over everyone randomised (intention to treat): each time
    /// point's observation and every indicator defined for both groups.
    public struct Missing: Sendable, Equatable {
        /// One item: its cases observed per group (participants, comparison), as protected.
        public struct Row: Sendable, Equatable {
            /// `observed_6m`, `observed_12m` or an indicator's variable.
            public var item: String
            public var observed: [ReportCount]
        }

        /// Everyone randomised per group (participants, comparison), the denominator.
        public var randomised: [Int]
        public var rows: [Row]

        /// The share missing in a group (0 participants, 1 comparison): nil when the observed
        /// count is hidden, NaN when the group has nobody.
        public func missing(_ row: Row, group g: Int) -> Double? {
            let n = randomised[g]
            guard n > 0 else { return .nan }
            return row.observed[g].value.map { Double(n - $0) / Double(n) }
        }

        /// Participants' minus comparison's share missing; nil when either is hidden.
        public func difference(_ row: Row) -> Double? {
            missing(row, group: 0).flatMap { p in missing(row, group: 1).map { p - $0 } }
        }
    }

    /// The primary outcome under one assumption about the missing values.
    public struct SensitivityRow: Sendable, Equatable {
        /// `observed_only`, `missing_as_failure`, `missing_as_success`.
        public var assumption: String
        /// The groups' proportions under the assumption (nil for a group without cases).
        public var participants: Proportion?
        public var comparison: Proportion?
        /// How the figures are published: `suppressed` when the observed counts are (the imputed
        /// ones would give them away; then no proportion either), `small` when a cell is 1–4
        /// (no effect figures), `notApplicable` without a comparison, else shown.
        public var status: ReportDatum.Status
        /// The effects (stratified by site with more than one site), when shown.
        public var effects: ReportEffects?
    }

    /// The observed counts of each item per group.
    static func missing(_ protected: IndicatorTables, site: String?, groupSize: [String: Int]) -> Missing {
        var rows: [Missing.Row] = []
        let other = protected.other
        for (at, _) in ObservationWindow.points {
            rows.append(Missing.Row(item: "observed_\(at)",
                                    observed: (0..<2).map { other.count(site, IndicatorTables.itemIndex($0, "observed_\(at)")) }))
        }
        for indicator in Indicators.names {
            guard let t = protected.indicators[indicator.variable] else { continue }
            let cells = (0..<2).map { IndicatorTables.index($0, .known) }
            // An indicator defined for one group only (rehabilitation) has no comparison to bias.
            guard t.value(site, cells[0]) > 0, t.value(site, cells[1]) > 0 else { continue }
            rows.append(Missing.Row(item: indicator.variable, observed: cells.map { t.count(site, $0) }))
        }
        return Missing(randomised: IndicatorTables.groups.map { groupSize[$0] ?? 0 }, rows: rows)
    }

    /// The primary outcome observed only, with missing values as failures and as successes.
    static func sensitivity(_ primary: IndicatorComparison, randomised: [String: [String: Int]], shown: Bool,
                            rule: SmallCellRule) -> [SensitivityRow] {
        let cases: [(String, IndicatorComparison)] = [
            ("observed_only", primary),
            ("missing_as_failure", primary.imputed(randomised: randomised, asSuccess: false)),
            ("missing_as_success", primary.imputed(randomised: randomised, asSuccess: true)),
        ]
        return cases.map { code, comparison in
            let (p, c) = comparison.proportions
            guard shown else {
                return SensitivityRow(assumption: code, participants: nil, comparison: nil, status: .suppressed, effects: nil)
            }
            var row = SensitivityRow(assumption: code, participants: p, comparison: c, status: .shown, effects: nil)
            if let crude = comparison.crude {
                if comparison.suppressed(rule) {
                    row.status = .small
                } else {
                    row.effects = comparison.mantelHaenszel.map(ReportEffects.init) ?? ReportEffects(crude: crude)
                }
            } else {
                row.status = .notApplicable
            }
            return row
        }
    }
}
