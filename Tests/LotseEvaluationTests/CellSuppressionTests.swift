import LotseEvaluation
import Testing

/// Complementary suppression: no hidden cell can be computed back, by a reader who solves the
/// published sums as a linear system (the differencing attacks of the review included).
@Suite("Cell suppression")
struct CellSuppressionTests {
    /// An attacker independent of the suppression's own linear check: enumerates every assignment
    /// of non-negative integers to the hidden cells that satisfies all published sums (so it also
    /// uses what non-negativity gives away), and returns the hidden cells that have one possible
    /// value only — the cells it recovers.
    static func recovered(_ s: CellSuppression) -> Set<Int> {
        let unknown = s.cells.indices.filter { !s.isShown($0) }
        guard !unknown.isEmpty else { return [] }
        let bound = s.cells.max() ?? 0
        var value = [Int: Int]()
        for i in s.cells.indices where s.isShown(i) { value[i] = s.cells[i] }
        var seen = [Int: Set<Int>]()
        /// Forces every sum with one open member; false when a sum cannot hold.
        func propagate(_ forced: inout [Int]) -> Bool {
            var changed = true
            while changed {
                changed = false
                for sum in s.sums {
                    let members = [sum.total] + sum.parts
                    let open = members.filter { value[$0] == nil }
                    let parts = sum.parts.reduce(0) { $0 + (value[$1] ?? 0) }
                    if open.isEmpty {
                        if parts != value[sum.total]! { return false }
                    } else if open.count == 1 {
                        let cell = open[0]
                        let v = cell == sum.total ? parts : value[sum.total]! - parts
                        guard v >= 0 else { return false }
                        value[cell] = v
                        forced.append(cell)
                        changed = true
                    } else if let total = value[sum.total], parts > total {
                        return false
                    }
                }
            }
            return true
        }
        func search() {
            var forced: [Int] = []
            defer { for cell in forced { value[cell] = nil } }
            guard propagate(&forced) else { return }
            guard let next = unknown.first(where: { value[$0] == nil }) else {
                for cell in unknown { seen[cell, default: []].insert(value[cell]!) }
                return
            }
            // A part is at most the smallest total it is part of that is known by now.
            let limit = s.sums.filter { $0.parts.contains(next) }.compactMap { value[$0.total] }.min() ?? bound
            for v in 0...limit {
                value[next] = v
                search()
                value[next] = nil
            }
        }
        search()
        return Set(unknown.filter { (seen[$0]?.count ?? 0) <= 1 })
    }

    @Test func theTotalNoLongerGivesAwayTheSuppressedCell() {
        // One row of report placements: 36 integrations, 8 minijobs, 3 other, 47 in all.
        let (cells, sums) = CellSuppression.twoWay([[36, 8, 3], [20, 6, 12]])
        let s = CellSuppression(cells: cells, sums: sums)
        #expect(!s.isShown(2))                     // the 3
        #expect(s.hidden.count(where: { $0 }) >= 4) // its complements in the row and the column
        #expect(CellSuppression.disclosedCell(cells: s.cells, sums: s.sums, hidden: s.hidden) == nil)
        #expect(Self.recovered(s).isEmpty)
    }

    @Test func perSiteAndPooledTablesCannotBeDifferenced() {
        // Three sites (rows) × outcome (integrated, not integrated); the pooled report is the
        // column totals, each site's report its row. A one-client site: its row is 1, 0.
        let (cells, sums) = CellSuppression.twoWay([[40, 60], [1, 0], [25, 30]])
        let s = CellSuppression(cells: cells, sums: sums)
        #expect(!s.isShown(2))                      // the one client's outcome
        #expect(!s.isShown(6 + 1))                  // the site total of 1 is itself a small count
        #expect(CellSuppression.disclosedCell(cells: s.cells, sums: s.sums, hidden: s.hidden) == nil)
        #expect(Self.recovered(s).isEmpty)
    }

    @Test func aBridgeBetweenTwoProtectedBlocksIsFound() {
        // Every line has two hidden cells, yet the linear system fixes a cell: the elimination finds it.
        let table = [[2, 9, 0, 0], [9, 2, 0, 0], [0, 0, 3, 9], [0, 0, 9, 3]]
        let (cells, sums) = CellSuppression.twoWay(table)
        let s = CellSuppression(cells: cells, sums: sums)
        #expect(CellSuppression.disclosedCell(cells: s.cells, sums: s.sums, hidden: s.hidden) == nil)
        #expect(Self.recovered(s).isEmpty)
    }

    @Test func nothingSmallNothingHidden() {
        let (cells, sums) = CellSuppression.twoWay([[10, 20], [30, 0]])
        let s = CellSuppression(cells: cells, sums: sums)
        #expect(s.hidden.allSatisfy { !$0 })
    }

    @Test func manyRandomTablesLeakNothing() {
        var generator = SplitMix(seed: 2026)
        for _ in 0..<100 {
            let rows = Int.random(in: 2...3, using: &generator), columns = Int.random(in: 2...4, using: &generator)
            let table = (0..<rows).map { _ in (0..<columns).map { _ in
                [0, 1, 2, 3, 4, 5, 7, 9].randomElement(using: &generator)!
            } }
            let (cells, sums) = CellSuppression.twoWay(table)
            let s = CellSuppression(cells: cells, sums: sums)
            #expect(CellSuppression.disclosedCell(cells: s.cells, sums: s.sums, hidden: s.hidden) == nil, "\(table)")
            #expect(Self.recovered(s).isEmpty, "\(table)")
            for i in cells.indices where s.primary[i] { #expect(!s.isShown(i)) }
        }
    }
}

/// A small deterministic generator for the random tables.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
