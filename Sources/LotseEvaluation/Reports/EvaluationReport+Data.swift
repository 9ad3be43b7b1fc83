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

    /// The crude effects: Newcombe's difference, Katz's ratio, Fisher's p.
    static func effectData(_ row: String, _ prefix: String, crude: TwoByTwo) -> [ReportDatum] {
        let rd = crude.riskDifference, rr = crude.riskRatio
        return zip(effectColumns, [rd.estimate, rd.interval.lower, rd.interval.upper, rr.estimate, rr.interval?.lower,
                                   rr.interval?.upper, crude.fisher.pValue]).map { measured(row, prefix + "_" + $0, $1) }
    }

    /// The stratified effects: Sato's difference, Greenland–Robins' ratio, the CMH p.
    static func effectData(_ row: String, _ prefix: String, mh: MantelHaenszel) -> [ReportDatum] {
        let rd = mh.riskDifference, rr = mh.riskRatio
        return zip(effectColumns, [rd?.estimate, rd?.interval.lower, rd?.interval.upper, rr?.estimate, rr?.interval?.lower,
                                   rr?.interval?.upper, mh.cochranMantelHaenszel?.pValue]).map { measured(row, prefix + "_" + $0, $1) }
    }

    /// Effects withheld (small cells, or complements of them) or undefined.
    static func withheldEffects(_ row: String, _ prefix: String, _ status: ReportDatum.Status) -> [ReportDatum] {
        effectColumns.map { ReportDatum(row: row, column: prefix + "_" + $0, value: nil, status: status) }
    }

    /// A group's events, observed cases and share of an indicator, as protected.
    static func groupData(_ protected: IndicatorTables, _ indicator: String, _ site: String?) -> [ReportDatum] {
        IndicatorTables.groups.enumerated().flatMap { g, group -> [ReportDatum] in
            guard let t = protected.indicators[indicator] else {
                return ["events", "observed", "share"].map {
                    ReportDatum(row: indicator, column: group + "_" + $0, value: nil, status: .notApplicable)
                }
            }
            return [t.datum(site, IndicatorTables.index(g, .events), row: indicator, column: group + "_events"),
                    t.datum(site, IndicatorTables.index(g, .known), row: indicator, column: group + "_observed"),
                    protected.shareDatum(indicator, site, group: g, column: group + "_share")]
        }
    }
}
