/// Exit and entry sets (SCXML §3.13, Appendix D `computeExitSet`,
/// `computeEntrySet`, `getTransitionDomain`), for one active leaf.
extension WorkflowInterpreter {
    /// The transition's domain: the state it does not leave, nil for `scxml`.
    ///
    /// An `internal` transition of a compound state whose target lies inside it
    /// keeps the source; otherwise the domain is the nearest compound proper
    /// ancestor of the source that also contains the target (the LCCA).
    func domain(of transition: WorkflowTransition) -> String? {
        let source = definition[transition.source]
        if transition.kind == .internal, source.kind == .compound,
           definition.isDescendant(transition.target, of: source.id) {
            return source.id
        }
        return source.ancestors.first { definition.isDescendant(transition.target, of: $0) }
    }

    /// The active states the transition exits, innermost first.
    func exitSet(for transition: WorkflowTransition, leaf: String) -> [String] {
        let chain = [leaf] + definition[leaf].ancestors
        guard let domain = domain(of: transition) else { return chain }
        return Array(chain.prefix { $0 != domain })
    }

    /// Takes `transition`: records history of the exited states, enters the target.
    func move(event: String, transition: WorkflowTransition, from configuration: Configuration,
              exited: [String], values: [GuardValue]) -> Move {
        var memory = configuration.history
        var logs: [WorkflowLog] = []
        let chain = [configuration.state] + definition[configuration.state].ancestors
        for (position, state) in exited.enumerated() {
            let node = definition[state]
            if position > 0, node.children.contains(where: { definition[$0].kind == .history }) {
                memory[state] = chain[position - 1]
            }
            logs += node.onExit
        }
        logs += transition.logs
        let domain = domain(of: transition)
        let target = transition.target
        var path = definition.path(to: target)
        if let domain, let cut = path.firstIndex(of: domain) { path.removeFirst(cut + 1) }
        var entry = Entry(memory: memory)
        entry.enter(path: path, in: definition)
        logs += entry.logs
        let leaf = definition[entry.leaf]
        return Move(event: event, transition: transition, from: configuration.state,
                    configuration: Configuration(state: entry.leaf, history: memory),
                    exited: exited, entered: entry.entered, closes: leaf.closesCase, values: values, logs: logs)
    }
}

/// Entering states from the top down (SCXML `addDescendantStatesToEnter`).
struct Entry {
    let memory: [String: String]
    private(set) var entered: [String] = []
    private(set) var logs: [WorkflowLog] = []
    private(set) var leaf = ""

    init(memory: [String: String]) {
        self.memory = memory
    }

    /// Enters the states of `path` in order; the last is the target, entered with
    /// its default entry (compound: its initial; history: restored or default).
    mutating func enter(path: [String], in definition: WorkflowDefinition) {
        guard let target = path.last else { return }
        for state in path.dropLast() { add(state, in: definition) }
        enterTarget(target, in: definition)
    }

    private mutating func add(_ id: String, in definition: WorkflowDefinition) {
        entered.append(id)
        logs += definition[id].onEntry
    }

    private mutating func enterTarget(_ id: String, in definition: WorkflowDefinition) {
        let state = definition[id]
        switch state.kind {
        case .atomic, .final:
            add(id, in: definition)
            leaf = id
        case .compound:
            add(id, in: definition)
            enterInitial(of: state, in: definition)
        case .history:
            guard let parentID = state.parent else { return }
            if let remembered = memory[parentID], definition.state(id: remembered)?.parent == parentID {
                enterTarget(remembered, in: definition)
            } else if let fallback = state.transitions.first {
                logs += fallback.logs
                enter(path: Self.path(from: parentID, to: fallback.target, in: definition), in: definition)
            } else {
                enterInitial(of: definition[parentID], in: definition)
            }
        }
    }

    private mutating func enterInitial(of compound: WorkflowState, in definition: WorkflowDefinition) {
        guard let initial = compound.initial else { leaf = compound.id; return }
        enter(path: Self.path(from: compound.id, to: initial, in: definition), in: definition)
    }

    /// The states below `ancestor` down to `descendant` (inclusive), top down.
    static func path(from ancestor: String, to descendant: String, in definition: WorkflowDefinition) -> [String] {
        let full = definition.path(to: descendant)
        guard let cut = full.firstIndex(of: ancestor) else { return full }
        return Array(full[(cut + 1)...])
    }
}
