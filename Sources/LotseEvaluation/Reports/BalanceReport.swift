import Foundation
@_spi(Office) public import LotseCases

/// `randomise balance`: baseline characteristics by group, per site (randomisation is per site,
/// so balance is judged where it was made), with standardised differences from
/// ``StandardisedDifference`` — the stratification variables (balanced by construction) and the
/// covariates beyond them: long-term receipt, every target group, years in SGB II. Profiling need
/// levels are recorded for participants only (the comparison group is not profiled), so they
/// cannot be compared and are left out.
public enum BalanceReport {
    /// The baseline variables of the export that are compared (codes and flags).
    static let categorical = ["sex", "age_class", "applicant_type", "lzb"]

    /// One line: a level (or a continuous variable's mean) by group at a site.
    public struct Row: Sendable, Equatable {
        public var site: String
        public var variable: String
        /// The level; empty for a continuous variable.
        public var level: String
        public var participants: Int
        public var comparison: Int
        /// Shares of the level (or means), per group; nil without cases.
        public var participantsValue: Double?
        public var comparisonValue: Double?
        public var standardisedDifference: Double?
    }

    /// The rows for every site (or one), in site order.
    public static func build(_ office: Office, by actor: Actor, site: String?) throws -> [Row] {
        try office.authorize(.viewBalance, actor)
        if let site { try office.authorize(site: site, actor, .viewBalance, what: "the randomisation") }
        let bound = office.timestamp()
        let context = try office.reportContext(bound: bound)
        let variables = EvaluationVariables.all(office.definitions).filter {
            categorical.contains($0.name) || $0.name.hasPrefix("tg_")
        }
        // site → variable → group → values (one per case; empty when unknown)
        var values = [String: [String: [String: [String]]]]()
        var years = [String: [String: [Double]]]()
        try office.facts(site: site, asOf: bound) { facts in
            guard actor.works(at: facts.site), let group = facts.group?.rawValue else { return }
            for variable in variables {
                values[facts.site, default: [:]][variable.name, default: [:]][group, default: []].append(variable.value(facts, context))
            }
            if let since = facts.value("referral", "sgb2_since").flatMap(Derivations.days),
               let start = Derivations.days(facts.openedAt) {
                years[facts.site, default: [:]][group, default: []].append(Double(start - since) / 365.25)
            }
        }
        var rows: [Row] = []
        for s in values.keys.sorted() {
            for variable in variables {
                let byGroup = values[s]?[variable.name] ?? [:]
                let p = (byGroup["participant"] ?? []).filter { !$0.isEmpty }, c = (byGroup["comparison"] ?? []).filter { !$0.isEmpty }
                let levels = variable.kind == .flag ? ["1"] : Set(p + c).sorted()
                for level in levels where !p.isEmpty || !c.isEmpty {
                    let np = p.count(where: { $0 == level }), nc = c.count(where: { $0 == level })
                    let sp = p.isEmpty ? nil : Double(np) / Double(p.count), sc = c.isEmpty ? nil : Double(nc) / Double(c.count)
                    let d = sp.flatMap { a in sc.map { StandardisedDifference.binary(a, $0) } }
                    rows.append(Row(site: s, variable: variable.name, level: variable.kind == .flag ? "yes" : level,
                                    participants: np, comparison: nc, participantsValue: sp, comparisonValue: sc,
                                    standardisedDifference: d))
                }
            }
            let yp = years[s]?["participant"] ?? [], yc = years[s]?["comparison"] ?? []
            if !yp.isEmpty || !yc.isEmpty {
                func mean(_ x: [Double]) -> Double? { x.isEmpty ? nil : x.reduce(0, +) / Double(x.count) }
                rows.append(Row(site: s, variable: "years_in_sgb2", level: "", participants: yp.count, comparison: yc.count,
                                participantsValue: mean(yp), comparisonValue: mean(yc),
                                standardisedDifference: StandardisedDifference.continuous(yp, yc)))
            }
        }
        return rows
    }
}
