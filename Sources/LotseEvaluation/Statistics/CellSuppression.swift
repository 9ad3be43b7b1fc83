/// Complementary cell suppression for published tables: small counts are hidden (primary
/// suppression, ``SmallCellRule``), and then as many further cells as it takes (secondary, or
/// complementary, suppression) so that no hidden cell can be computed back from what is shown —
/// neither from the totals of one table nor from the difference of two published tables that
/// share cells (a per-site table and the pooled one are parts and sum of the same numbers).
///
/// **Model.** The published numbers are `cells`: the inner counts and every total built from
/// them; each total is an equation `total = Σ parts`. Everything a reader can derive from the
/// shown cells is what this linear system determines. A hidden cell is *disclosed* when the
/// system fixes its value: when its unit vector lies in the row space of the equations restricted
/// to the hidden cells (equivalently, every solution of the homogeneous system is 0 there). The
/// check is exact linear algebra (Gaussian elimination with partial pivoting on the small 0/±1
/// systems of a report), so it finds every disclosure by sums and differences, not only the
/// "one unknown in a line" case.
///
/// **Algorithm.** 1. Hide every cell the rule suppresses (1 … threshold − 1). 2. While some sum has
/// exactly one hidden member, hide its smallest positive shown part (else its total). 3. While some
/// hidden cell is still disclosed: among the equations that contain it, take the one with the fewest hidden
/// cells, and hide its smallest positive shown part; if it has none, hide its total. Zeros are never
/// hidden: a hidden zero in a line whose other cells are shown is found again by non-negativity,
/// and a zero names nobody. The loop ends because every step hides one more cell.
///
/// What it does not promise: interval protection. A reader may still bound a hidden cell (between
/// 0 and a line's residual); official statistics (τ-ARGUS) add protection intervals for that, which
/// the small tables of a model project do not need beyond "never the exact value".
///
/// References: L. Willenborg, T. de Waal, *Elements of Statistical Disclosure Control* (2001) ch. 6;
/// A. Hundepool et al., *Statistical Disclosure Control* (Wiley 2012) §4.3 (secondary suppression).
public struct CellSuppression: Sendable {
    /// One published equation: `cells[total] = Σ cells[parts]`.
    public struct Sum: Sendable, Hashable {
        /// The index of the total.
        public let total: Int
        /// The indices of its parts.
        public let parts: [Int]

        /// Creates an equation.
        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    /// The counts, inner cells and totals alike.
    public let cells: [Int]
    /// How the totals are built from the cells.
    public let sums: [Sum]
    /// For each cell, whether it is hidden.
    public private(set) var hidden: [Bool]
    /// For each cell, whether it was hidden by the rule itself (not as a complement).
    public let primary: [Bool]
    /// Cells every reader knows (never hidden).
    let fixed: [Bool]
    /// Hidden cells that may be derived (implied complements that are not small).
    let exempt: [Bool]

    /// Suppresses `cells` under `rule`.
    /// - Parameters:
    ///   - cells: every published count.
    ///   - sums: the equations among them.
    ///   - rule: the small-cell rule of the primary suppression.
    public init(cells: [Int], sums: [Sum], rule: SmallCellRule = .standard) {
        self.init(cells: cells, sums: sums, rule: rule, roles: Array(repeating: .published, count: cells.count))
    }

    /// What a cell is to the reader.
    public enum Role: Sendable, Hashable {
        /// Printed unless suppressed; hidden by the rule when small, or as a complement.
        case published
        /// Known to every reader anyway (a group size from the randomisation log): never hidden,
        /// never protected; it is a constant in the reader's equations.
        case known
        /// Never printed but implied by the sums (a complement such as "did not start"):
        /// always hidden, protected when the rule would suppress it.
        case implied
        /// Never printed, implied by the sums, and never protected however small: a count that
        /// says nothing about a person's outcome and that readers need whole (observations
        /// missing out of everyone randomised, CONSORT item 13).
        case derived
        /// Withheld and protected whatever its value (a site below the minimum site size).
        case withheld
    }

    /// Suppresses `cells` under `rule`, each cell with its role.
    /// - Parameters:
    ///   - cells: every count, published or implied.
    ///   - sums: the equations among them.
    ///   - rule: the small-cell rule of the primary suppression.
    ///   - roles: the role of each cell.
    public init(cells: [Int], sums: [Sum], rule: SmallCellRule = .standard, roles: [Role]) {
        precondition(roles.count == cells.count)
        self.cells = cells
        self.sums = sums
        fixed = roles.map { $0 == .known }
        let primary = cells.indices.map { i in
            roles[i] == .withheld || ((roles[i] == .published || roles[i] == .implied) && rule.suppresses(cells[i]))
        }
        self.primary = primary
        hidden = cells.indices.map { primary[$0] || roles[$0] == .implied || roles[$0] == .derived }
        // An implied cell that is not small may be derived: it is not protected.
        exempt = cells.indices.map { (roles[$0] == .implied || roles[$0] == .derived) && !primary[$0] }
        var guardSteps = cells.count + 1
        // The line rule first: no sum with exactly one hidden member that is protected.
        while guardSteps > 0, let line = sums.first(where: { sum in
            let members = [sum.total] + sum.parts
            return members.count(where: { hidden[$0] }) == 1 && members.contains { hidden[$0] && !exempt[$0] }
        }) {
            guardSteps -= 1
            if !hideComplement(in: [line.total] + line.parts) { break }
        }
        guardSteps = cells.count + 1
        while guardSteps > 0, let disclosed = Self.disclosedCell(cells: cells, sums: sums, hidden: hidden, exempt: exempt) {
            guardSteps -= 1
            if !hideComplement(for: disclosed) { break }
        }
        // Fail safe: should the search stop short, withhold everything that may be withheld.
        if Self.disclosedCell(cells: cells, sums: sums, hidden: hidden, exempt: exempt) != nil {
            for i in cells.indices where !fixed[i] { hidden[i] = true }
        }
    }

    /// Whether cell `index` is shown.
    public func isShown(_ index: Int) -> Bool { !hidden[index] }

    /// Hides one more cell of the best equation through the disclosed cell.
    /// - Returns: whether a cell was hidden.
    private mutating func hideComplement(for index: Int) -> Bool {
        let through = sums.filter { $0.total == index || $0.parts.contains(index) }
        let members = through.map { [$0.total] + $0.parts }
        let ranked = members.sorted { a, b in
            a.count(where: { hidden[$0] }) < b.count(where: { hidden[$0] })
        }
        for line in ranked where hideComplement(in: line) { return true }
        // Every equation through it is hidden throughout, yet it is determined: hide the smallest
        // positive cell left anywhere.
        if let any = hidden.indices.filter({ !hidden[$0] && !fixed[$0] && cells[$0] > 0 }).min(by: { cells[$0] < cells[$1] }) {
            hidden[any] = true
            return true
        }
        return false
    }

    /// Hides the smallest positive shown part of a line (total first, parts after), else its total.
    /// - Returns: whether a cell was hidden.
    @discardableResult
    private mutating func hideComplement(in line: [Int]) -> Bool {
        let shownParts = line.dropFirst().filter { !hidden[$0] && !fixed[$0] && cells[$0] > 0 }
        if let pick = shownParts.min(by: { cells[$0] < cells[$1] }) {
            hidden[pick] = true
            return true
        }
        if !hidden[line[0]] && !fixed[line[0]] {
            hidden[line[0]] = true
            return true
        }
        return false
    }

    /// The first hidden cell whose value the shown cells and the sums determine, if any.
    /// - Parameters:
    ///   - cells: the counts (only the shown ones are read).
    ///   - sums: the equations.
    ///   - hidden: which cells are hidden.
    ///   - exempt: hidden cells that may be determined (not protected); none by default.
    public static func disclosedCell(cells: [Int], sums: [Sum], hidden: [Bool], exempt: [Bool]? = nil) -> Int? {
        let unknowns = hidden.indices.filter { hidden[$0] }
        guard !unknowns.isEmpty else { return nil }
        var column = [Int: Int]()
        for (i, cell) in unknowns.enumerated() { column[cell] = i }
        // Rows of the homogeneous system over the unknowns: +1 for the total, −1 for each part.
        var rows: [[(Int, Double)]] = []
        for sum in sums {
            var row = [Int: Double]()
            if let c = column[sum.total] { row[c, default: 0] += 1 }
            for part in sum.parts { if let c = column[part] { row[c, default: 0] -= 1 } }
            if !row.isEmpty { rows.append(row.sorted { $0.key < $1.key }) }
        }
        // The system falls apart into independent blocks of unknowns linked by equations:
        // solve each block alone (union–find over the unknowns of every row).
        var parent = Array(unknowns.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for row in rows { for (c, _) in row.dropFirst() { parent[root(c)] = root(row[0].0) } }
        var blocks = [Int: [Int]]()
        for c in unknowns.indices { blocks[root(c), default: []].append(c) }
        var blockRows = [Int: [[(Int, Double)]]]()
        for row in rows { blockRows[root(row[0].0), default: []].append(row) }
        var found: [Int] = []
        for (key, members) in blocks {
            let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            let dense = (blockRows[key] ?? []).map { row -> [Double] in
                var d = [Double](repeating: 0, count: members.count)
                for (c, v) in row { d[local[c]!] = v }
                return d
            }
            for j in determinedColumns(dense, columns: members.count) {
                let cell = unknowns[members[j]]
                if exempt?[cell] != true { found.append(cell) }
            }
        }
        return found.min()
    }

    /// The columns x_j that `rows · x = b` fixes for every right-hand side b: reduce to row
    /// echelon form; x_j is fixed iff j is a pivot column whose reduced row has no entry in a free
    /// column.
    static func determinedColumns(_ input: [[Double]], columns: Int) -> [Int] {
        var rows = input
        let epsilon = 1e-9
        var pivotRow = 0
        var pivots: [(row: Int, column: Int)] = []
        for c in 0..<columns where pivotRow < rows.count {
            guard let best = (pivotRow..<rows.count).max(by: { abs(rows[$0][c]) < abs(rows[$1][c]) }),
                  abs(rows[best][c]) > epsilon else { continue }
            rows.swapAt(pivotRow, best)
            let scale = rows[pivotRow][c]
            for k in 0..<columns { rows[pivotRow][k] /= scale }
            for r in 0..<rows.count where r != pivotRow && abs(rows[r][c]) > epsilon {
                let factor = rows[r][c]
                for k in 0..<columns { rows[r][k] -= factor * rows[pivotRow][k] }
            }
            pivots.append((pivotRow, c))
            pivotRow += 1
        }
        let pivotColumns = Set(pivots.map(\.column))
        return pivots.filter { pivot in
            (0..<columns).allSatisfy { k in pivotColumns.contains(k) || abs(rows[pivot.row][k]) <= epsilon }
        }.map(\.column).sorted()
    }
}

extension CellSuppression {
    /// The cells and sums of a two-way table with its row totals, column totals and grand total,
    /// laid out row by row: inner cell (r, c) is `r * columns + c`; then the row totals, the column
    /// totals, and the grand total last.
    /// - Parameter table: the inner counts, `rows × columns`.
    public static func twoWay(_ table: [[Int]]) -> (cells: [Int], sums: [Sum]) {
        let rowCount = table.count, columnCount = table.first?.count ?? 0
        var cells = table.flatMap { $0 }
        let rowTotal = cells.count
        cells += table.map { $0.reduce(0, +) }
        let columnTotal = cells.count
        cells += (0..<columnCount).map { c in table.reduce(0) { $0 + $1[c] } }
        let grand = cells.count
        cells.append(cells[rowTotal..<columnTotal].reduce(0, +))
        var sums: [Sum] = []
        for r in 0..<rowCount {
            sums.append(Sum(total: rowTotal + r, parts: (0..<columnCount).map { r * columnCount + $0 }))
        }
        for c in 0..<columnCount {
            sums.append(Sum(total: columnTotal + c, parts: (0..<rowCount).map { $0 * columnCount + c }))
        }
        sums.append(Sum(total: grand, parts: Array(rowTotal..<columnTotal)))
        sums.append(Sum(total: grand, parts: Array(columnTotal..<grand)))
        return (cells, sums)
    }
}
