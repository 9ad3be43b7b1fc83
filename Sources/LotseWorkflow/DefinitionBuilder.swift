import LotseXML
import LotseXPath

/// Turns a parsed, schema-checked SCXML tree into the states of a
/// ``WorkflowDefinition``, collecting every problem on the way. Used once per
/// read by ``WorkflowReader``; the checks that need the whole tree are in
/// `DefinitionBuilder+Checks.swift`.
struct DefinitionBuilder {
    /// A `state`, `final` or `history` element as found, before kinds and
    /// initial states are known.
    struct Node {
        var id: String
        var element: XMLElement
        var parent: Int?
        var children: [Int] = []
    }

    let file: String
    let locator: SourceLocator
    let checker: XPathChecker
    let forms: Set<String>
    let repeatableForms: Set<String>
    /// The purposes `l:consent` may name; nil: not checked.
    var consentPurposes: Set<String>?

    private(set) var diagnostics: [WorkflowDiagnostic] = []
    private(set) var nodes: [Node] = []
    private(set) var firstIndex: [String: Int] = [:]
    private(set) var topLevel: [Int] = []
    /// Each `<transition>` element's position in document order.
    private var transitionOrder: [XMLElement: Int] = [:]

    init(file: String, locator: SourceLocator, checker: XPathChecker, forms: Set<String>,
         repeatableForms: Set<String>) {
        self.file = file
        self.locator = locator
        self.checker = checker
        self.forms = forms
        self.repeatableForms = repeatableForms
    }

    // MARK: - Diagnostics

    mutating func report(_ code: WorkflowDiagnostic.Code, _ message: String, at place: SourceLocator.Place,
                         severity: WorkflowDiagnostic.Severity = .error) {
        diagnostics.append(WorkflowDiagnostic(file: file, line: place.line, column: place.column,
                                              severity: severity, code: code, message: message))
    }

    func place(of element: XMLElement) -> SourceLocator.Place {
        locator.element(element.qualifiedName, line: element.line, ordinal: element.ordinalOnLine)
    }

    func place(of attribute: String, in element: XMLElement, offset: Int = 0) -> SourceLocator.Place {
        let qualified = element.attributes.first { $0.name == attribute && $0.namespaceURI == nil }?.qualifiedName
            ?? element.attributes.first { $0.name == attribute }?.qualifiedName ?? attribute
        return locator.attributeValue(qualified, of: element.qualifiedName, line: element.line,
                                      ordinal: element.ordinalOnLine, offset: offset)
    }

    // MARK: - Unsupported elements

    /// Reports every SCXML element outside the subset (the outermost one of a
    /// nest), and deep history.
    mutating func reportUnsupported(in element: XMLElement) {
        for child in element.elements where child.namespaceURI == WorkflowSchema.scxmlNamespace {
            let name = child.name
            if WorkflowSchema.unsupportedElements.contains(name) {
                report(.unsupported, "<\(child.qualifiedName)> is not supported by Lotse's SCXML subset "
                       + "(supported: scxml, state, final, history, transition, onentry, onexit, log)",
                       at: place(of: child))
            } else if !WorkflowSchema.supportedElements.contains(name) {
                report(.unsupported, "<\(child.qualifiedName)> is not an SCXML element", at: place(of: child))
            } else {
                if name == "history", child.attribute("type") == "deep" {
                    report(.unsupported, "deep history is not supported; use type=\"shallow\"",
                           at: place(of: "type", in: child))
                }
                reportUnsupported(in: child)
            }
        }
    }

    // MARK: - Collecting states

    /// Numbers the `<transition>` elements in document order.
    mutating func numberTransitions(in element: XMLElement) {
        for child in element.elements where child.namespaceURI == WorkflowSchema.scxmlNamespace {
            if child.name == "transition" { transitionOrder[child] = transitionOrder.count }
            numberTransitions(in: child)
        }
    }

    /// Collects the `state`, `final` and `history` elements below `element` in
    /// document order; elements without an id are left out (the schema reported them).
    mutating func collectStates(in element: XMLElement, parent: Int?) {
        for child in element.elements where child.namespaceURI == WorkflowSchema.scxmlNamespace {
            guard ["state", "final", "history"].contains(child.name) else { continue }
            guard let id = child.attribute("id"), !id.isEmpty else { continue }
            let index = nodes.count
            nodes.append(Node(id: id, element: child, parent: parent))
            if let parent { nodes[parent].children.append(index) } else { topLevel.append(index) }
            if let first = firstIndex[id] {
                report(.duplicateID, "duplicate id '\(id)' (first used on line \(nodes[first].element.line))",
                       at: place(of: "id", in: child))
                // Renamed so that the model stays a tree; no target can name it.
                nodes[index].id = "\(id)#\(index)"
            } else {
                firstIndex[id] = index
            }
            collectStates(in: child, parent: index)
        }
    }

    // MARK: - Building

    /// The kind of each collected node.
    func kind(of node: Node) -> WorkflowState.Kind {
        switch node.element.name {
        case "final": return .final
        case "history": return .history
        default:
            let hasChildStates = node.children.contains { nodes[$0].element.name != "history" }
            return hasChildStates ? .compound : .atomic
        }
    }

    /// Builds the states in document order (ids of duplicates keep their first meaning).
    mutating func buildStates() -> [WorkflowState] {
        var states: [WorkflowState] = []
        states.reserveCapacity(nodes.count)
        for index in nodes.indices {
            let node = nodes[index]
            let element = node.element
            var ancestors: [String] = []
            var up = node.parent
            while let parent = up {
                ancestors.append(nodes[parent].id)
                up = nodes[parent].parent
            }
            let kind = kind(of: node)
            let transitionElements = element.elements(named: "transition", namespace: WorkflowSchema.scxmlNamespace)
            if kind == .history, node.parent.map({ self.kind(of: nodes[$0]) }) != .compound {
                report(.schema, "history '\(node.id)' must be the child of a state with child states", at: place(of: element))
            }
            if kind == .history, transitionElements.count > 1 {
                report(.schema, "a history state holds at most one default transition", at: place(of: transitionElements[1]))
            }
            let transitions = transitionElements.compactMap { buildTransition($0, source: node.id, kind: kind) }
            let isState = element.name == "state"
            states.append(WorkflowState(
                id: node.id, kind: kind, parent: node.parent.map { nodes[$0].id }, ancestors: ancestors,
                children: node.children.map { nodes[$0].id },
                initial: kind == .compound ? initialChild(of: index) : nil,
                transitions: transitions,
                requires: isState ? formList("requires", of: element, repeatableOnly: false) : [],
                records: isState ? formList("records", of: element, repeatableOnly: true) : [],
                due: isState ? due(of: element) : nil,
                contactInterval: isState ? contactInterval(of: element) : nil,
                labels: labels(of: element),
                onEntry: logs(in: element, block: "onentry"),
                onExit: logs(in: element, block: "onexit"),
                line: element.line))
        }
        return states
    }

    /// The descendant a compound state enters by default: `initial`, else the
    /// first child state that is not a history. Reports an `initial` that names no
    /// descendant.
    private mutating func initialChild(of index: Int) -> String? {
        let node = nodes[index]
        let firstChild = node.children.first { nodes[$0].element.name != "history" }.map { nodes[$0].id }
        guard let initial = node.element.attribute("initial") else { return firstChild }
        if let target = firstIndex[initial], isInside(target, index), nodes[target].element.name != "history" {
            return initial
        }
        report(.target, "initial state '\(initial)' of '\(node.id)' is not one of its descendant states"
               + suggestion(for: initial), at: place(of: "initial", in: node.element))
        return firstChild
    }

    /// Whether node `inner` lies strictly inside node `outer`.
    func isInside(_ inner: Int, _ outer: Int) -> Bool {
        var up = nodes[inner].parent
        while let parent = up {
            if parent == outer { return true }
            up = nodes[parent].parent
        }
        return false
    }

    /// "; did you mean 'x'?" for a misspelt id, or "".
    func suggestion(for id: String) -> String {
        guard firstIndex[id] == nil else { return "" }
        var best: (id: String, distance: Int)? = nil
        for candidate in firstIndex.keys.sorted() {
            let distance = EditDistance.between(id, candidate)
            if distance <= max(1, id.count / 3), distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best.map { "; did you mean '\($0.id)'?" } ?? ""
    }

    private mutating func buildTransition(_ element: XMLElement, source: String,
                                          kind: WorkflowState.Kind) -> WorkflowTransition? {
        guard let target = element.attribute("target"), !target.isEmpty else { return nil }
        let order = transitionOrder[element] ?? transitionOrder.count
        let events = (element.attribute("event") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        for descriptor in events where !EventDescriptor.isWellFormed(descriptor) {
            report(.event, "'\(descriptor)' is not an event descriptor (names separated by dots, or '*')",
                   at: place(of: "event", in: element))
        }
        let (cond, reads) = compile(element.attribute("cond"), attribute: "cond", of: element)
        let consent = Self.words(of: element.attribute("consent", namespace: WorkflowSchema.lotseNamespace) ?? "")
        if let purposes = consentPurposes {
            for (word, offset) in consent where !purposes.contains(word) {
                report(.consent, "l:consent names '\(word)', which is not a purpose of the consent form (purposes: "
                       + purposes.sorted().joined(separator: ", ") + ")", at: place(of: "consent", in: element, offset: offset))
            }
        }
        return WorkflowTransition(
            source: source, events: events, cond: cond, condReads: reads, target: target,
            kind: element.attribute("type") == "internal" ? .internal : .external,
            roles: roles(of: element, eventDriven: kind != .history),
            requires: formList("requires", of: element, repeatableOnly: false),
            fourEyes: element.attribute("four-eyes", namespace: WorkflowSchema.lotseNamespace) == "true",
            consent: consent.map(\.word),
            labels: labels(of: element),
            logs: logs(of: element),
            line: element.line, order: order)
    }
}
