/// The state graph of a definition as the load-time checks see it (DESIGN §3:
/// "every state is reachable and can reach a final state"). Conditions and roles
/// are ignored: an edge exists when some transition could be taken.
///
/// Nodes are the leaves a configuration can rest in (atomic and final states);
/// being in a leaf means being in its ancestors too, so a leaf's edges are the
/// transitions of the leaf and of its ancestors.
struct Reachability {
    let definition: WorkflowDefinition
    /// States reachable from the initial state: leaves, their ancestors and the
    /// history states some transition enters.
    private(set) var reached: Set<String> = []

    init(definition: WorkflowDefinition) {
        self.definition = definition
        computeReached()
    }

    /// The leaves entering `id` can lead to. A history can restore any child of its
    /// parent that has been active, so the result depends on what is reached.
    func entryLeaves(_ id: String) -> [String] {
        guard let state = definition.state(id: id) else { return [] }
        switch state.kind {
        case .atomic, .final:
            return [id]
        case .compound:
            return state.initial.map(entryLeaves) ?? []
        case .history:
            guard let parentID = state.parent, let parent = definition.state(id: parentID) else { return [] }
            var leaves: [String]
            if let fallback = state.transitions.first, definition.state(id: fallback.target)?.kind != .history {
                leaves = entryLeaves(fallback.target)
            } else {
                leaves = parent.initial.map(entryLeaves) ?? []
            }
            for child in parent.children where reached.contains(child) && definition[child].kind != .history {
                leaves += entryLeaves(child)
            }
            return leaves
        }
    }

    /// The leaves one transition away from `leaf`.
    func successors(of leaf: String) -> [String] {
        var result: [String] = []
        for source in [leaf] + definition[leaf].ancestors {
            for transition in definition[source].transitions where definition.state(id: transition.target) != nil {
                result += entryLeaves(transition.target)
            }
        }
        return result
    }

    private mutating func computeReached() {
        guard definition.state(id: definition.initial) != nil else { return }
        var previousCount = -1
        while reached.count != previousCount {
            previousCount = reached.count
            var queue = entryLeaves(definition.initial)
            var seen = Set(queue)
            while let leaf = queue.popLast() {
                mark(leaf)
                for source in [leaf] + definition[leaf].ancestors {
                    for transition in definition[source].transitions {
                        guard let target = definition.state(id: transition.target) else { continue }
                        if target.kind == .history { reached.insert(target.id) }
                        for next in entryLeaves(target.id) where seen.insert(next).inserted {
                            queue.append(next)
                        }
                    }
                }
            }
        }
    }

    private mutating func mark(_ leaf: String) {
        reached.insert(leaf)
        for ancestor in definition[leaf].ancestors { reached.insert(ancestor) }
    }

    /// Reached leaves from which no final child of `scxml` can be reached, in
    /// document order.
    func leavesWithoutFinal() -> [String] {
        let leaves = definition.states.filter { ($0.kind == .atomic || $0.kind == .final) && reached.contains($0.id) }
        var predecessors: [String: [String]] = [:]
        for leaf in leaves {
            for next in successors(of: leaf.id) { predecessors[next, default: []].append(leaf.id) }
        }
        var canFinish = Set(leaves.filter(\.closesCase).map(\.id))
        var queue = Array(canFinish)
        while let leaf = queue.popLast() {
            for previous in predecessors[leaf] ?? [] where canFinish.insert(previous).inserted {
                queue.append(previous)
            }
        }
        return leaves.filter { !canFinish.contains($0.id) }.map(\.id)
    }
}
