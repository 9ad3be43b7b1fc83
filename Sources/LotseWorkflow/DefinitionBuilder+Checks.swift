import LotseXML

/// The checks that need every state: targets, the initial state, reachability.
extension DefinitionBuilder {
    /// The state `scxml` starts in: its `initial`, else its first child state.
    mutating func topLevelInitial(of root: XMLElement) -> String? {
        let first = topLevel.first { nodes[$0].element.name != "history" }.map { nodes[$0].id }
        guard let initial = root.attribute("initial") else {
            if first == nil { report(.schema, "the workflow has no states", at: place(of: root)) }
            return first
        }
        if let index = firstIndex[initial], nodes[index].element.name != "history" { return initial }
        report(.target, "initial state '\(initial)' does not exist" + suggestion(for: initial),
               at: place(of: "initial", in: root))
        return first
    }

    /// Reports targets that name no state, and history defaults that leave the
    /// history's parent (SCXML §3.10.1).
    ///
    /// - Returns: The ids of states holding a transition with a bad target.
    mutating func checkTargets(_ states: [WorkflowState], definition: WorkflowDefinition) -> Set<String> {
        var bad: Set<String> = []
        let elements = transitionElementsByLine()
        for state in states {
            for transition in state.transitions {
                let element = elements[transition.line]?.first { $0.attribute("target") == transition.target }
                let at = element.map { place(of: "target", in: $0) } ?? SourceLocator.Place(line: transition.line, column: 0)
                guard let target = definition.state(id: transition.target) else {
                    report(.target, "target '\(transition.target)' does not exist" + suggestion(for: transition.target),
                           at: at)
                    bad.insert(state.id)
                    continue
                }
                if state.kind == .history {
                    let parent = state.parent ?? ""
                    if !target.ancestors.contains(parent) || target.kind == .history {
                        report(.target, "the default transition of history '\(state.id)' must target a state "
                               + "inside '\(parent)' that is not a history", at: at)
                        bad.insert(state.id)
                    }
                }
            }
        }
        return bad
    }

    private func transitionElementsByLine() -> [Int: [XMLElement]] {
        var result: [Int: [XMLElement]] = [:]
        for node in nodes {
            for element in node.element.elements(named: "transition", namespace: WorkflowSchema.scxmlNamespace) {
                result[element.line, default: []].append(element)
            }
        }
        return result
    }

    /// Reports states that cannot be reached, and reached states from which no
    /// final child of `scxml` can be reached (skipping states whose own or
    /// inherited transitions have a bad target: that is already reported).
    mutating func checkReachability(_ definition: WorkflowDefinition, badSources: Set<String>, root: XMLElement) {
        let graph = Reachability(definition: definition)
        for index in nodes.indices where firstIndex[nodes[index].id] == index {
            let state = definition[nodes[index].id]
            guard state.kind != .history, !graph.reached.contains(state.id) else { continue }
            if let parent = state.parent, !graph.reached.contains(parent) { continue }
            report(.unreachable, "state '\(state.id)' cannot be reached from the initial state '\(definition.initial)'",
                   at: place(of: nodes[index].element))
        }
        let finals = definition.states.filter(\.closesCase)
        guard !finals.isEmpty else {
            report(.noFinal, "the workflow has no <final> state at its top level, so no case can close",
                   at: place(of: root))
            return
        }
        for leaf in graph.leavesWithoutFinal() {
            let state = definition[leaf]
            if ([leaf] + state.ancestors).contains(where: badSources.contains) { continue }
            guard let index = firstIndex[leaf] else { continue }
            report(.noFinal, "no final state can be reached from '\(leaf)'", at: place(of: nodes[index].element))
        }
    }
}
