/// `report evaluation` as data (`--format csv|json`): the same numbers as the display tables,
/// keyed by codes (`integrated_12m`, `participant`), as numbers in full precision (shares and
/// risk differences as fractions), each with its status; what they mean is in the method notes
/// and the codebook, never in the data.
///
/// Tables and their columns:
/// - `evaluation`: row `cases` and `no_legal_basis` (columns `participant`, `comparison`); a row
///   per indicator with `GROUP_events`, `GROUP_observed`, `GROUP_share`, the effects of each
///   estimator shown (`mh_…` stratified by site, the headline with more than one site;
///   `crude_…`): `rd`, `rd_lower`, `rd_upper`, `rr`, `rr_lower`, `rr_upper`, `p` (CMH or
///   Fisher); `heterogeneity_p` (Breslow–Day), `primary` (1) or `p_holm` with a plan.
/// - `time_to_integration`: rows `participant`, `comparison` with `cases`, `integrations`,
///   `median`, `median_lower`, `median_upper` (days), `integrated_6m`, `integrated_12m`
///   (fractions); row `log_rank` with `statistic`, `p`.
/// - `missing`: rows `observed_6m`, `observed_12m` and the indicators with `GROUP_observed`,
///   `GROUP_missing` (fraction of everyone randomised) and `difference_missing`.
/// - `sensitivity`: rows `observed_only`, `missing_as_failure`, `missing_as_success` with the
///   groups' `events`, `n`, `share` and the effects (`mh_…` or `crude_…`).
extension EvaluationReport {
    /// The columns of one estimator's effects, after its prefix.
    static let effectColumns = ["rd", "rd_lower", "rd_upper", "rr", "rr_lower", "rr_upper", "p"]

    /// A measured value: shown when defined, else `na`.
    static func measured(_ row: String, _ column: String, _ value: Double?) -> ReportDatum {
        guard let value, value.isFinite else { return ReportDatum(row: row, column: column, value: nil, status: .notApplicable) }
        return ReportDatum(row: row, column: column, value: value, status: .shown)
    }

    /// The effects of one estimator under its prefix (`mh`, `crude`).
    static func effectData(_ row: String, _ effects: ReportEffects) -> [ReportDatum] {
        zip(effectColumns, [effects.riskDifference, effects.riskDifferenceInterval?.lower, effects.riskDifferenceInterval?.upper,
                            effects.riskRatio, effects.riskRatioInterval?.lower, effects.riskRatioInterval?.upper, effects.p])
            .map { measured(row, effects.method.rawValue + "_" + $0, $1) }
    }

    /// Effects withheld (small cells, or complements of them) or undefined.
    static func withheldEffects(_ row: String, _ method: ReportEffects.Method, _ status: ReportDatum.Status) -> [ReportDatum] {
        effectColumns.map { ReportDatum(row: row, column: method.rawValue + "_" + $0, value: nil, status: status) }
    }

    /// A group's events, observed cases and share of an indicator, as protected.
    static func groupData(_ row: IndicatorRow) -> [ReportDatum] {
        zip(IndicatorTables.groups, [row.participants, row.comparison]).flatMap { group, share -> [ReportDatum] in
            [share.events.datum(row: row.indicator, column: group + "_events"),
             share.observed.datum(row: row.indicator, column: group + "_observed"),
             ReportDatum(row: row.indicator, column: group + "_share", value: share.fraction, status: share.status)]
        }
    }
}
