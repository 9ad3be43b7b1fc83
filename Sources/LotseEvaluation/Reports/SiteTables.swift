@_spi(Office) import LotseCases

/// Disclosure control across the per-site and pooled versions of one report table.
///
/// A report can be asked for every site (`--site S`) and pooled; the pooled table is the sum of
/// the site tables, so a reader holding several of them holds one linear system. `SiteTables`
/// builds that system once — one copy of the table's layout per site and the pooled copy, every
/// pooled cell the sum of its site cells — and runs ``CellSuppression`` over all of it, so every
/// version of the table is cut from the same pattern and no combination of published versions
/// (totals, per-site minus pooled) recovers a suppressed cell.
///
/// A site below the minimum site size (the plan's, default 10 cases per group) gets no site
/// report; inside the pooled table its cells are *withheld*: protected whatever their value, so
/// "pooled minus every other site" cannot single out its clients.
///
/// Reports at two reference dates (`--as-of`) are two more versions: their difference is the
/// table of what was recorded in between, and a reader who knows whose data came in then (a
/// supervisor does) learns those few people's outcomes from a change of 1–4. Reports are
/// published only as of completed month ends (``ReferenceDate``), so the versions a reader can
/// hold are the tables at every month end; a table is built with the same table at every earlier
/// month end (`earlier`) and also hides, as primary suppressions, every cell that differs from
/// any of them by less than the threshold (`•`), and complements as always. So no two published
/// versions show a change of 1–4 in any cell, and every hidden cell stays undetermined within its
/// own reference date's system, which shares no equation with another date's.
struct SiteTables {
    /// The shape of one table: the role of each cell and the sums among them (local indices).
    struct Layout {
        var roles: [CellSuppression.Role]
        var sums: [CellSuppression.Sum]
    }

    /// How a cell is shown.
    enum Status: Equatable {
        case shown(Int)
        /// Hidden by the small-cell rule (1–4) or withheld (small site): printed `<5`.
        case small
        /// Hidden as a complement: printed `•`.
        case complement
    }

    let layout: Layout
    /// The sites in order; table 0 is the pooled one, table `1 + i` the site `sites[i]`.
    let sites: [String]
    /// The sites below the minimum site size (their cells are withheld).
    let small: Set<String>
    let suppression: CellSuppression
    /// Cells (system indices) hidden because they differ by 1–4 from an earlier reference date.
    let changed: Set<Int>
    let rule: SmallCellRule

    /// Builds and suppresses the tables.
    /// - Parameters:
    ///   - layout: the shape of each table.
    ///   - values: the cell values per site (every site with cases).
    ///   - small: the sites below the minimum site size.
    ///   - rule: the small-cell rule.
    ///   - earlier: the same cells at every earlier reference date (a site missing there had none).
    init(layout: Layout, values: [String: [Int]], small: Set<String>, rule: SmallCellRule,
         earlier: [[String: [Int]]] = []) {
        self.layout = layout
        self.small = small
        sites = values.keys.sorted()
        let width = layout.roles.count
        var pooled = [Int](repeating: 0, count: width)
        for v in values.values { for i in 0..<width { pooled[i] += v[i] } }
        var cells = pooled
        var roles = layout.roles
        var sums = layout.sums
        for (t, site) in sites.enumerated() {
            let offset = (t + 1) * width
            cells += values[site]!
            roles += layout.roles.map { role in small.contains(site) && role != .known ? .withheld : role }
            sums += layout.sums.map { CellSuppression.Sum(total: $0.total + offset, parts: $0.parts.map { $0 + offset }) }
        }
        if sites.count > 1 {
            for i in 0..<width {
                sums.append(CellSuppression.Sum(total: i, parts: sites.indices.map { ($0 + 1) * width + i }))
            }
        }
        var changed: Set<Int> = []
        for previous in earlier {
            let empty = [Int](repeating: 0, count: width)
            var before = empty
            for v in previous.values { for i in 0..<width { before[i] += v[i] } }
            for site in sites { before += previous[site] ?? empty }
            // An earlier value of 1–4 was hidden then, whatever it is now: no pair to subtract.
            for i in cells.indices where (roles[i] == .published || roles[i] == .implied) && !changed.contains(i)
                && !rule.suppresses(before[i]) {
                if rule.suppresses(abs(cells[i] - before[i])) {
                    roles[i] = .withheld
                    changed.insert(i)
                }
            }
        }
        self.changed = changed
        self.rule = rule
        suppression = CellSuppression(cells: cells, sums: sums, rule: rule, roles: roles)
    }

    private func index(_ site: String?, _ cell: Int) -> Int {
        guard let site else { return cell }
        guard let t = sites.firstIndex(of: site) else { return -1 }
        return (t + 1) * layout.roles.count + cell
    }

    /// The value of a cell (0 for a site without cases).
    func value(_ site: String?, _ cell: Int) -> Int {
        let i = index(site, cell)
        return i < 0 ? 0 : suppression.cells[i]
    }

    /// How a cell of the pooled table (site nil) or of a site's table is shown.
    func status(_ site: String?, _ cell: Int) -> Status {
        let i = index(site, cell)
        guard i >= 0 else { return .shown(0) }
        if suppression.isShown(i) { return .shown(suppression.cells[i]) }
        if let site, small.contains(site) { return .complement }
        // A cell of 1–4 reads `<5` also when it changed: its status tells nothing about the change.
        return suppression.primary[i] && (!changed.contains(i) || rule.suppresses(suppression.cells[i])) ? .small : .complement
    }

    /// Whether a cell is shown.
    func isShown(_ site: String?, _ cell: Int) -> Bool {
        if case .shown = status(site, cell) { return true }
        return false
    }

    /// The cell as report text: the number, `<5`, or `•` for a complementary suppression.
    func text(_ site: String?, _ cell: Int, _ format: ReportFormat) -> String {
        switch status(site, cell) {
        case let .shown(v): String(v)
        case .small: "<\(format.smallCells.threshold)"
        case .complement: SiteTables.complementMark
        }
    }

    /// The cell as data.
    func datum(_ site: String?, _ cell: Int, row: String, column: String) -> ReportDatum {
        switch status(site, cell) {
        case let .shown(v): ReportDatum(row: row, column: column, value: Double(v), status: .shown)
        case .small: ReportDatum(row: row, column: column, value: nil, status: .small)
        case .complement: ReportDatum(row: row, column: column, value: nil, status: .suppressed)
        }
    }

    /// The mark of a cell hidden as a complement (Destatis uses the same dot for "secret").
    static let complementMark = "•"

    /// The note below a table with hidden cells.
    static func note(de: Bool, minimum: Int) -> String {
        de ? "<5: 1 bis 4 Fälle; •: zum Schutz kleiner Zellen ebenfalls unterdrückt (Summen und der Vergleich mit "
            + "Standortberichten verraten keine Zelle); Standorte mit weniger als \(minimum) Fällen je Gruppe nur im Gesamtbericht."
           : "<5: 1 to 4 cases; •: also suppressed to protect small cells (neither the totals nor a comparison with the site "
            + "reports recovers a cell); sites with fewer than \(minimum) cases per group only in the pooled report."
    }
}

/// The minimum site size and which sites fall below it.
struct SiteSizes {
    /// Randomised cases per site and group.
    var randomised: [String: [String: Int]] = [:]
    /// The smallest number of cases per group a site report needs.
    var minimum: Int

    /// Counts a case of `site` (a case without a group still makes the site known).
    mutating func add(site: String, group: String?) {
        if let group { randomised[site, default: [:]][group, default: 0] += 1 } else if randomised[site] == nil { randomised[site] = [:] }
    }

    /// The sites with fewer than `minimum` cases in either group (a site without any randomised
    /// case has nothing to publish and is not listed).
    var small: Set<String> {
        Set(randomised.filter { _, groups in
            ["participant", "comparison"].contains { (groups[$0] ?? 0) < minimum }
        }.keys)
    }

    /// Refuses a site report for an unknown site and for a site below the minimum size (one
    /// without cases included).
    func check(site: String?, in office: Office) throws {
        guard let site else { return }
        guard try office.store.directory.site(code: site) != nil else { throw CasesError.unknownSite(site) }
        guard small.contains(site) || randomised[site] == nil else { return }
        throw EvaluationError.siteTooSmall(site, participants: randomised[site]?["participant"] ?? 0,
                                           comparison: randomised[site]?["comparison"] ?? 0, minimum: minimum)
    }
}
