/// Draws a workflow as Graphviz DOT (`workflow diagram`; render with `dot -Tsvg`).
///
/// States are boxes with their label (and `l:due`), compound states clusters
/// (`subgraph cluster_ID`), finals double circles, histories small "H" circles;
/// transitions are edges labelled `event [roles]` with the `cond` as tooltip, a
/// history's default transition dashed. The highlighted state (the case's
/// current one) is filled.
public enum WorkflowDiagram {
    /// The DOT text.
    ///
    /// - Parameters:
    ///   - definition: The workflow.
    ///   - lang: The language of the labels.
    ///   - highlight: A state to fill, or nil.
    public static func dot(_ definition: WorkflowDefinition, lang: WorkflowLanguage, highlight: String? = nil) -> String {
        var out = "digraph \(quote(definition.name.isEmpty ? "workflow" : definition.name)) {\n"
        let title = definition.name + (definition.version.map { " " + $0 } ?? "")
        out += "  graph [label=\(quote(title)), labelloc=t, fontname=\"Helvetica\", compound=true];\n"
        out += "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        out += "  \"__initial\" [shape=point, width=0.15, label=\"\"];\n"
        for id in definition.topLevel {
            draw(id, in: definition, lang: lang, highlight: highlight, indent: "  ", into: &out)
        }
        let start = anchor(entering: definition.initial, in: definition)
        out += "  \"__initial\" -> \(quote(start))"
        if definition[definition.initial].kind == .compound { out += " [lhead=\(quote(cluster(definition.initial)))]" }
        out += ";\n"
        for transition in definition.transitions {
            out += "  " + edge(transition, in: definition) + ";\n"
        }
        out += "}\n"
        return out
    }

    private static func draw(_ id: String, in definition: WorkflowDefinition, lang: WorkflowLanguage,
                             highlight: String?, indent: String, into out: inout String) {
        let state = definition[id]
        let lit = id == highlight
        switch state.kind {
        case .compound:
            out += "\(indent)subgraph \(quote(cluster(id))) {\n"
            out += "\(indent)  label=\(quote(text(of: state, lang: lang)));\n"
            out += "\(indent)  style=\(lit ? "\"rounded,filled\"" : "rounded");\n"
            if lit { out += "\(indent)  fillcolor=\"#ffe08a\";\n" }
            for child in state.children {
                draw(child, in: definition, lang: lang, highlight: highlight, indent: indent + "  ", into: &out)
            }
            out += "\(indent)}\n"
        case .atomic:
            var attributes = "label=\(quote(text(of: state, lang: lang)))"
            if lit { attributes += ", style=\"rounded,filled\", fillcolor=\"#ffe08a\"" }
            out += "\(indent)\(quote(id)) [\(attributes)];\n"
        case .final:
            var attributes = "shape=doublecircle, label=\(quote(state.label(lang)))"
            if lit { attributes += ", style=filled, fillcolor=\"#ffe08a\"" }
            out += "\(indent)\(quote(id)) [\(attributes)];\n"
        case .history:
            out += "\(indent)\(quote(id)) [shape=circle, label=\"H\", width=0.3, fixedsize=true, fontsize=9];\n"
        }
    }

    private static func text(of state: WorkflowState, lang: WorkflowLanguage) -> String {
        var text = state.label(lang)
        if let due = state.due { text += "\n(\(due))" }
        return text
    }

    private static func edge(_ transition: WorkflowTransition, in definition: WorkflowDefinition) -> String {
        let source = definition[transition.source]
        let tail = anchor(entering: source.id, in: definition)
        let head = anchor(entering: transition.target, in: definition)
        var attributes: [String] = []
        if source.kind == .history {
            attributes.append("style=dashed")
        } else {
            var label = transition.event
            if let roles = transition.roles { label += " [" + roles.map(\.rawValue).joined(separator: ", ") + "]" }
            if transition.fourEyes { label += " (4-eyes)" }
            attributes.append("label=\(quote(label))")
        }
        if let cond = transition.condSource { attributes.append("tooltip=\(quote(cond))") }
        if source.kind == .compound, !definition.isDescendant(transition.target, of: source.id) {
            attributes.append("ltail=\(quote(cluster(source.id)))")
        }
        if definition[transition.target].kind == .compound, !definition.isDescendant(source.id, of: transition.target),
           source.id != transition.target {
            attributes.append("lhead=\(quote(cluster(transition.target)))")
        }
        return "\(quote(tail)) -> \(quote(head)) [\(attributes.joined(separator: ", "))]"
    }

    /// The node an edge into or out of `id` is drawn at: a compound state's
    /// initial leaf (the edge is then clipped at the cluster's border).
    private static func anchor(entering id: String, in definition: WorkflowDefinition) -> String {
        var state = definition[id]
        while state.kind == .compound, let initial = state.initial { state = definition[initial] }
        return state.id
    }

    private static func cluster(_ id: String) -> String { "cluster_" + id }

    /// A DOT double-quoted string.
    static func quote(_ text: String) -> String {
        var result = "\""
        for char in text {
            switch char {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(char)
            }
        }
        return result + "\""
    }
}
