/// The protected counts of the evaluation reports (`report evaluation`, `report sites`): per
/// indicator and site, for each group the events, the cases without the event, the cases
/// observed and the cases missing of everyone randomised; and per site the cases without a legal
/// basis, the observations at +6 / +12 months and the integrations of the Kaplan–Meier table.
/// Each is one ``SiteTables`` (every site and pooled, suppressed together), so the shares, the
/// missing-value table, the flow and the per-site benchmark never give a suppressed cell away.
struct IndicatorTables {
    static let groups = ["participant", "comparison"]
    /// Cells of one group in an indicator table: events, non-events (implied), observed,
    /// missing (derived: not protected, CONSORT reports attrition whole), randomised (known).
    enum Cell: Int, CaseIterable { case events, nonEvents, known, missing, randomised }

    static func index(_ group: Int, _ cell: Cell) -> Int { group * Cell.allCases.count + cell.rawValue }

    static let layout: SiteTables.Layout = {
        var roles: [CellSuppression.Role] = []
        var sums: [CellSuppression.Sum] = []
        for g in groups.indices {
            roles += [.published, .implied, .published, .derived, .known]
            sums.append(CellSuppression.Sum(total: index(g, .known), parts: [index(g, .events), index(g, .nonEvents)]))
            sums.append(CellSuppression.Sum(total: index(g, .randomised), parts: [index(g, .known), index(g, .missing)]))
        }
        return SiteTables.Layout(roles: roles, sums: sums)
    }()

    /// Per-site items outside the indicators, each a published count with its implied complement
    /// out of everyone randomised.
    static let items = ["no_legal_basis", "observed_6m", "observed_12m", "integrated_km"]

    /// Per group and item: count, complement (implied); then the randomised count (known).
    static let itemLayout: SiteTables.Layout = {
        var roles: [CellSuppression.Role] = []
        var sums: [CellSuppression.Sum] = []
        let width = 2 * items.count + 1
        for g in groups.indices {
            // Not integrated is an outcome (protected); having a legal basis or an observation is not.
            for item in items { roles += [.published, item == "integrated_km" ? .implied : .derived] }
            roles.append(.known)
            for i in items.indices {
                sums.append(CellSuppression.Sum(total: g * width + 2 * items.count, parts: [g * width + 2 * i, g * width + 2 * i + 1]))
            }
        }
        return SiteTables.Layout(roles: roles, sums: sums)
    }()

    static func itemIndex(_ group: Int, _ item: String) -> Int {
        group * (2 * items.count + 1) + 2 * items.firstIndex(of: item)!
    }

    /// Indicator → its protected tables.
    let indicators: [String: SiteTables]
    /// The other items.
    let other: SiteTables

    /// - Parameters:
    ///   - tallies: indicator → site → tally.
    ///   - items: site → item → group → count.
    ///   - sizes: the randomised cases per site and group, and the minimum site size.
    ///   - earlier: the same counts at every earlier reference date (see `SiteTables`).
    init(tallies: [String: [String: Tally]], items: [String: [String: [String: Int]]], sizes: SiteSizes, rule: SmallCellRule,
         earlier: [(tallies: [String: [String: Tally]], items: [String: [String: [String: Int]]], sizes: SiteSizes)] = []) {
        let now = Self.values(tallies: tallies, items: items, sizes: sizes)
        let before = earlier.map { Self.values(tallies: $0.tallies, items: $0.items, sizes: $0.sizes) }
        var indicators = [String: SiteTables]()
        for (name, values) in now.indicators {
            indicators[name] = SiteTables(layout: Self.layout, values: values, small: sizes.small, rule: rule,
                                          earlier: before.map { $0.indicators[name] ?? [:] })
        }
        self.indicators = indicators
        other = SiteTables(layout: Self.itemLayout, values: now.other, small: sizes.small, rule: rule, earlier: before.map(\.other))
    }

    /// The cells of every indicator's tables and of the other items, per site.
    static func values(tallies: [String: [String: Tally]], items: [String: [String: [String: Int]]], sizes: SiteSizes)
        -> (indicators: [String: [String: [Int]]], other: [String: [Int]]) {
        let sites = sizes.randomised.keys
        var indicators = [String: [String: [Int]]]()
        for (name, bySite) in tallies {
            var values = [String: [Int]]()
            for site in sites {
                let tally = bySite[site] ?? Tally()
                values[site] = Self.groups.flatMap { group -> [Int] in
                    let events = tally.events[group] ?? 0, known = tally.known[group] ?? 0
                    let randomised = sizes.randomised[site]?[group] ?? 0
                    return [events, known - events, known, randomised - known, randomised]
                }
            }
            indicators[name] = values
        }
        var values = [String: [Int]]()
        for site in sites {
            values[site] = Self.groups.flatMap { group -> [Int] in
                let randomised = sizes.randomised[site]?[group] ?? 0
                return Self.items.flatMap { item -> [Int] in
                    let n = items[site]?[item]?[group] ?? 0
                    return [n, randomised - n]
                } + [randomised]
            }
        }
        return (indicators, values)
    }

    /// Whether an indicator's events and observed counts of both groups are shown in the pooled
    /// table (site nil) or a site's table (the non-events follow; were they small, one of the two
    /// would be hidden).
    func complete(_ indicator: String, _ site: String?) -> Bool {
        guard let t = indicators[indicator] else { return false }
        return Self.groups.indices.allSatisfy { g in
            [Cell.events, .known].allSatisfy { t.isShown(site, Self.index(g, $0)) }
        }
    }

    /// Whether every site's table of the indicator is complete (then estimates computed from the
    /// strata, Mantel–Haenszel, give nothing away). A site where a group has no observed case
    /// has weight 0 in every Mantel–Haenszel sum and does not count.
    func stratumComplete(_ indicator: String) -> Bool {
        guard let t = indicators[indicator] else { return false }
        return t.sites.allSatisfy { site in
            Self.groups.indices.contains { t.value(site, Self.index($0, .known)) == 0 } || complete(indicator, site)
        }
    }

    /// Whether anything in the tables is hidden (for the note).
    func anyHidden(_ site: String?) -> Bool {
        indicators.values.contains { t in (0..<Self.layout.roles.count).contains { !t.isShown(site, $0) && Self.layout.roles[$0] == .published } }
            || (0..<Self.itemLayout.roles.count).contains { !other.isShown(site, $0) && Self.itemLayout.roles[$0] == .published }
    }
}
