public import LotseCases

/// `report placements --by kldb|wz [--level N]`: placements by occupation (KldB 2010, levels
/// 1–5 digits) or sector (WZ 2008: 1 = section A–U, 2 = division NN, 3 = group NN.N,
/// 4 = class NN.NN, 5 = subclass NN.NN.N): labour-market monitoring (seed recommendation c).
///
/// The report is numbers (counts with their disclosure status); `PlacementReport+Text.swift`
/// writes them as the table a person reads.
public struct PlacementReport: Sendable {
    /// One code with a placement: its counts of integrations (K2), minijobs, other and in total.
    public struct Row: Sendable, Equatable {
        /// The code at the report's level (`01`, `C`, `47.1`).
        public var code: String
        public var integration: ReportCount
        public var minijob: ReportCount
        public var other: ReportCount
        public var total: ReportCount
    }

    /// Sectors (WZ 2008) rather than occupations (KldB 2010).
    public var byWZ: Bool
    public var level: Int
    /// The site reported on, nil for every site the reader sees.
    public var site: String?
    public var reference: ReferenceDate
    /// The codes with at least one placement, in code order.
    public var rows: [Row]
    /// The minimum site size of the plan (for the note on hidden cells).
    public var minimumSiteSize: Int

    public static func build(_ office: Office, by actor: Actor, byWZ: Bool, level: Int, site: String?, asOf: String?) throws
        -> PlacementReport {
        try build(office, by: actor, byWZ: byWZ, level: level, site: site, asOf: asOf, protect: true)
    }

    /// Placements per site and code, counts per kind (integration, minijob, other), as of a
    /// bound; and the site sizes.
    struct Counts {
        var codes = [String: [String: [Int]]]()     // site → code → counts per kind
        var sizes: SiteSizes
    }

    /// Adds a case's facts (as of some bound) to the counts.
    static func add(_ counts: inout Counts, _ facts: CaseFacts, byWZ: Bool, level: Int) {
        counts.sizes.add(site: facts.site, group: facts.group?.rawValue)
        guard let placement = facts.forms["placement"]?.last else { return }
        let raw = placement[byWZ ? "wz" : "kldb"] ?? ""
        guard !raw.isEmpty else { return }
        let code = byWZ ? wzCode(raw, level: level) : String(raw.prefix(level))
        let kind = Derivations.integrationCodes.contains(placement["outcome"] ?? "") ? 0
            : placement["outcome"] == "MINIJOB" ? 1 : 2
        counts.codes[facts.site, default: [:]][code, default: [0, 0, 0]][kind] += 1
    }

    /// Builds the report; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects); `scan` as for `report evaluation`.
    static func build(_ office: Office, by actor: Actor, byWZ: Bool, level: Int, site: String?, asOf: String?,
                      protect: Bool, scan: MonthEndScan = .once) throws -> PlacementReport {
        let scope = try office.reportScope(by: actor, site: site, asOf: asOf)
        guard (1...5).contains(level) else { throw EvaluationError.badLevel(level, byWZ ? "WZ" : "KldB") }
        let kinds = ["integration", "minijob", "other"]
        let minimum = try office.minimumSiteSize()
        let totals = try office.monthEndTotals(acrossSitesOf: scope, protect: protect, scan: scan,
                                               empty: Counts(sizes: SiteSizes(minimum: minimum))) { counts, facts, _ in
            add(&counts, facts, byWZ: byWZ, level: level)
        }
        let (counts, sizes) = (totals.current.codes, totals.current.sizes)
        try sizes.check(site: site, in: office)
        // One row of three kinds and its total per code; one such table per site and pooled.
        let codes = Set(counts.values.flatMap(\.keys)).sorted()
        let width = kinds.count + 1
        let layout = SiteTables.Layout(
            roles: Array(repeating: .published, count: codes.count * width),
            sums: codes.indices.map { r in CellSuppression.Sum(total: r * width + kinds.count, parts: (0..<kinds.count).map { r * width + $0 }) })
        func values(_ counts: [String: [String: [Int]]], _ sites: some Sequence<String>) -> [String: [Int]] {
            var values = [String: [Int]]()
            for s in Set(counts.keys).union(sites) {
                values[s] = codes.flatMap { code -> [Int] in
                    let c = counts[s]?[code] ?? [0, 0, 0]
                    return c + [c.reduce(0, +)]
                }
            }
            return values
        }
        // The same codes' counts at every earlier reference date.
        let earlier = totals.earlier.map { values($0.totals.codes, $0.totals.sizes.randomised.keys) }
        let protected = SiteTables(layout: layout, values: values(counts, sizes.randomised.keys), small: sizes.small,
                                   rule: .standard, earlier: earlier)
        let rows = codes.enumerated().filter { r, _ in protected.value(site, r * width + kinds.count) > 0 }.map { r, code in
            Row(code: code, integration: protected.count(site, r * width), minijob: protected.count(site, r * width + 1),
                other: protected.count(site, r * width + 2), total: protected.count(site, r * width + 3))
        }
        return PlacementReport(byWZ: byWZ, level: level, site: site, reference: scope.reference, rows: rows,
                               minimumSiteSize: sizes.minimum)
    }

    /// A WZ code `NN.NN.N` at a level.
    static func wzCode(_ code: String, level: Int) -> String {
        let digits = code.filter(\.isNumber)
        switch level {
        case 1: return Int(digits.prefix(2)).flatMap(section) ?? "?"
        case 2: return String(digits.prefix(2))
        case 3: return String(digits.prefix(2)) + "." + String(digits.dropFirst(2).prefix(1))
        case 4: return String(digits.prefix(2)) + "." + String(digits.dropFirst(2).prefix(2))
        default: return code
        }
    }

    /// The WZ 2008 / NACE Rev. 2 section of a division.
    static func section(_ division: Int) -> String? {
        let ranges: [(ClosedRange<Int>, String)] = [
            (1...3, "A"), (5...9, "B"), (10...33, "C"), (35...35, "D"), (36...39, "E"), (41...43, "F"), (45...47, "G"),
            (49...53, "H"), (55...56, "I"), (58...63, "J"), (64...66, "K"), (68...68, "L"), (69...75, "M"), (77...82, "N"),
            (84...84, "O"), (85...85, "P"), (86...88, "Q"), (90...93, "R"), (94...96, "S"), (97...98, "T"), (99...99, "U"),
        ]
        return ranges.first { $0.0.contains(division) }?.1
    }
}
