public import LotseXPath

/// The dependency graph of `relevant` and `calculate` (javarosa's TriggerableDag does the same):
/// a vertex per bound node that has either; an edge from every node an expression reads (and
/// every vertex above it, whose relevance decides whether it counts) to the node whose
/// expression reads it. Evaluated in topological order; circles are load-time errors.
public struct BindGraph: Sendable {
    /// Vertices in evaluation order (indices into the form's binds).
    public private(set) var order: [Int] = []
    /// For each vertex, the vertices that must be re-evaluated after it changes.
    var dependents: [Int: [Int]] = [:]
    /// Circles found, each as the list of paths around it.
    public private(set) var cycles: [[[String]]] = []
    /// For each vertex, the paths its expressions read.
    var reads: [Int: Set<[String]>] = [:]

    init() {}

    /// Builds the graph of `binds`.
    init(binds: [Bind]) {
        let vertices = binds.indices.filter { binds[$0].calculate != nil || binds[$0].relevant != nil }
        var byPath: [[String]: Int] = [:]
        for v in vertices { byPath[binds[v].path] = v }
        var edges: [Int: Set<Int>] = [:]
        var incoming: [Int: Int] = [:]
        for v in vertices { incoming[v] = 0 }
        for v in vertices {
            let bind = binds[v]
            var reads: Set<[String]> = []
            for expression in [bind.calculate, bind.relevant].compactMap({ $0 }) {
                reads.formUnion(expression.references(contextPath: bind.path))
            }
            self.reads[v] = reads
            var sources: Set<Int> = []
            for path in reads {
                // The node itself, every vertex above it (its relevance), every vertex below it
                // (its text is part of the node's string value) — except below the vertex's own
                // ancestors: `count(..)` in a group reads the group, not its other calculations
                // (as javarosa, which accepts `${c1} + 1` beside `c1 = count(..)`).
                let ownAncestor = Self.isPrefix(path, of: bind.path)
                for (other, u) in byPath where path.last == "*" ? Self.read(path, touches: other)
                    : Self.isPrefix(other, of: path) || (!ownAncestor && Self.isPrefix(path, of: other)) {
                    sources.insert(u)
                }
            }
            // A node's own relevance is read by its own calculate: not an edge.
            sources.remove(v)
            // Calculating a node that reads itself is a circle of one.
            if let calculate = bind.calculate, calculate.references(contextPath: bind.path).contains(where: { read in
                read == bind.path || (read.last == "*" && Self.read(read, touches: bind.path)) }) {
                cycles.append([bind.path, bind.path])
            }
            for u in sources where edges[u, default: []].insert(v).inserted {
                incoming[v, default: 0] += 1
            }
        }
        // Kahn's algorithm in bind (document) order for stable results.
        var ready = vertices.filter { incoming[$0] == 0 }
        var remaining = incoming
        while !ready.isEmpty {
            let u = ready.removeFirst()
            order.append(u)
            for v in (edges[u] ?? []).sorted() {
                remaining[v]! -= 1
                if remaining[v] == 0 { ready.append(v) }
            }
        }
        dependents = edges.mapValues { Array($0).sorted() }
        if order.count < vertices.count {
            let stuck = Set(vertices).subtracting(order)
            cycles.append(contentsOf: Self.circles(in: stuck, edges: edges).map { $0.map { binds[$0].path } })
            // Still evaluate the rest, in document order, so filling remains possible.
            order += stuck.sorted()
        }
    }

    /// The vertices reachable from `start` (not including it), in evaluation order.
    func affected(by start: [Int]) -> [Int] {
        var seen: Set<Int> = []
        var stack = start
        while let u = stack.popLast() {
            for v in dependents[u] ?? [] where seen.insert(v).inserted { stack.append(v) }
        }
        return order.filter { seen.contains($0) }
    }

    /// The vertices to re-evaluate after the node at `path` changed, in evaluation order.
    func affected(byChangeOf path: [String]) -> [Int] {
        let direct = reads.filter { _, paths in
            paths.contains { Self.read($0, touches: path) }
        }.map(\.key)
        let all = Set(direct).union(affected(by: direct))
        return order.filter { all.contains($0) }
    }

    /// Whether an expression reading `read` depends on the node at `path`: the node, one above
    /// it or one below it; a read ending in `*` (`/data/*`) reads every node below its base.
    static func read(_ read: [String], touches path: [String]) -> Bool {
        guard read.last == "*" else { return isPrefix(read, of: path) || isPrefix(path, of: read) }
        let base = Array(read.dropLast())
        return isPrefix(path, of: base) || (isPrefix(base, of: path) && path.count > base.count)
    }

    static func isPrefix(_ a: [String], of b: [String]) -> Bool {
        a.count <= b.count && Array(b.prefix(a.count)) == a
    }

    /// One representative circle per strongly connected group among `nodes`.
    private static func circles(in nodes: Set<Int>, edges: [Int: Set<Int>]) -> [[Int]] {
        var result: [[Int]] = []
        var covered: Set<Int> = []
        for start in nodes.sorted() where !covered.contains(start) {
            // Walk forward inside the stuck set until a vertex repeats.
            var path: [Int] = [start]
            var position: [Int: Int] = [start: 0]
            var current = start
            while let next = (edges[current] ?? []).filter({ nodes.contains($0) }).sorted().first {
                if let at = position[next] {
                    let circle = Array(path[at...]) + [next]
                    if circle.allSatisfy({ !covered.contains($0) }) { result.append(circle) }
                    covered.formUnion(circle)
                    break
                }
                position[next] = path.count
                path.append(next)
                current = next
            }
            covered.insert(start)
        }
        return result
    }
}
