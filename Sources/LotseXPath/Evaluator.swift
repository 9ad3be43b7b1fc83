import Foundation

/// Evaluates a parsed expression against a context. One evaluator serves one evaluation.
struct Evaluator {
    let context: XPathContext
    let timeZone: TimeZone

    /// The node, position and size an expression is evaluated at.
    struct Focus {
        var node: any XPathNode
        var position: Int
        var size: Int
    }

    init(context: XPathContext) {
        self.context = context
        self.timeZone = context.clock.timeZone
    }

    var rootFocus: Focus { Focus(node: context.node, position: context.position, size: context.size) }

    func evaluate(_ ast: XPathAST, _ focus: Focus) throws(XPathError) -> XPathValue {
        switch ast {
        case .string(let s, _):
            return .string(s)
        case .number(let n, _):
            return .number(n)
        case .negate(let operand, _):
            return .number(-number(try evaluate(operand, focus)))
        case .binary(let op, let lhs, let rhs, _):
            return try binary(op, lhs, rhs, focus)
        case .call(let call):
            return try self.call(call, focus)
        case .path(let path):
            return .nodeSet(try nodes(of: path, focus))
        }
    }

    // MARK: - Conversions in this context's time zone

    func string(_ value: XPathValue) -> String { value.stringValue }
    func number(_ value: XPathValue) -> Double { value.numberValue(timeZone: timeZone) }
    func boolean(_ value: XPathValue) -> Bool { value.booleanValue }

    // MARK: - Paths

    func nodes(of path: XPathPath, _ focus: Focus) throws(XPathError) -> [any XPathNode] {
        var nodes: [any XPathNode] = []
        // While set, the current node-set is the (virtual) document node above this top element.
        var document: (any XPathNode)? = nil
        switch path.start {
        case .root:
            // As in javarosa, `/` is the primary document (the context's), also inside
            // predicates on secondary instances.
            document = context.node.xpathTop
        case .context:
            nodes = [focus.node]
        case .expression(let primary, let predicates):
            if case .call(let call) = primary, call.function == .instance {
                document = try instanceTop(call, focus)
            } else {
                let value = try evaluate(primary, focus)
                guard case .nodeSet(let set) = value else {
                    throw XPathError(.type, "expected a node-set before '/' or '[' but got \(typeName(value))",
                                     at: primary.location)
                }
                nodes = set
            }
            if !predicates.isEmpty {
                if let top = document {
                    nodes = [XPathDocumentNode(top: top)]
                    document = nil
                }
                nodes = try filter(nodes, predicates)
            }
        }
        // As javarosa contextualises an absolute path: while its steps name the focus node's
        // ancestors (without predicates), a step stays in the focus's repeat instance, so
        // `/data/member/age` inside member 2 is member 2's age.
        var chain: [any XPathNode] = []
        if case .root = path.start, let top = document, focus.node.xpathTop === top {
            var node: (any XPathNode)? = focus.node
            while let n = node, !(n is XPathDocumentNode) { chain.append(n); node = n.xpathParent }
            chain.reverse()
            if chain.contains(where: { $0.xpathIsRepeatInstance }) == false { chain = [] }
        }
        for (depth, step) in path.steps.enumerated() {
            if let top = document {
                nodes = try filter(stepFromDocument(top, step), step.predicates)
                document = nil
            } else {
                nodes = try apply(step, to: nodes)
            }
            if !chain.isEmpty {
                if depth < chain.count, step.axis == .child, step.predicates.isEmpty,
                   case .name(_, let local) = step.test, chain[depth].xpathName == local {
                    let ancestor = chain[depth]
                    if ancestor.xpathIsRepeatInstance { nodes = nodes.filter { $0 === ancestor } }
                } else {
                    chain = []
                }
            }
            if nodes.isEmpty { return nodes }
        }
        if let top = document { return [XPathDocumentNode(top: top)] }
        return nodes
    }

    func instanceTop(_ call: XPathCall, _ focus: Focus) throws(XPathError) -> (any XPathNode)? {
        guard call.arguments.count == 1 else {
            throw XPathError(.arity, "function 'instance' takes 1 argument but was given \(call.arguments.count)",
                             at: call.location)
        }
        let id = string(try evaluate(call.arguments[0], focus))
        return context.instance(id)
    }

    private func stepFromDocument(_ top: any XPathNode, _ step: XPathStep) -> [any XPathNode] {
        switch step.axis {
        case .child:
            return matches(top, step.test, principalAttribute: false) ? [top] : []
        case .self:
            if case .node = step.test { return [XPathDocumentNode(top: top)] }
            return []
        case .parent, .attribute:
            return []
        }
    }

    private func matches(_ node: any XPathNode, _ test: XPathNodeTest, principalAttribute: Bool) -> Bool {
        switch test {
        case .node:
            return true
        case .text:
            return node is XPathTextNode
        case .any:
            return node.xpathIsAttribute == principalAttribute && !node.xpathName.isEmpty
        case .name(_, let local):
            return node.xpathIsAttribute == principalAttribute && node.xpathName == local
        }
    }

    func apply(_ step: XPathStep, to input: [any XPathNode]) throws(XPathError) -> [any XPathNode] {
        var output: [any XPathNode] = []
        var candidates: [any XPathNode] = []
        for node in input {
            candidates.removeAll(keepingCapacity: true)
            switch step.axis {
            case .child:
                if case .text = step.test {
                    if !node.xpathIsAttribute, node.xpathChildCount == 0, !(node is XPathTextNode),
                       !node.xpathStringValue.isEmpty {
                        candidates.append(XPathTextNode(element: node))
                    }
                } else {
                    for i in 0..<node.xpathChildCount {
                        let child = node.xpathChild(at: i)
                        if matches(child, step.test, principalAttribute: false) { candidates.append(child) }
                    }
                }
            case .attribute:
                for i in 0..<node.xpathAttributeCount {
                    let attribute = node.xpathAttribute(at: i)
                    if matches(attribute, step.test, principalAttribute: true) { candidates.append(attribute) }
                }
            case .self:
                if matches(node, step.test, principalAttribute: false) { candidates.append(node) }
            case .parent:
                if let parent = node.xpathParent {
                    if matches(parent, step.test, principalAttribute: false) { candidates.append(parent) }
                } else if !(node is XPathDocumentNode), case .node = step.test {
                    candidates.append(XPathDocumentNode(top: node))
                }
            }
            if !step.predicates.isEmpty { candidates = try filter(candidates, step.predicates) }
            for candidate in candidates {
                // Sets here hold nodes of one depth, so duplicates (parents of siblings) are adjacent.
                if step.axis == .parent, let last = output.last, last === candidate { continue }
                output.append(candidate)
            }
        }
        return output
    }

    func filter(_ nodes: [any XPathNode], _ predicates: [XPathAST]) throws(XPathError) -> [any XPathNode] {
        var current = nodes
        for predicate in predicates {
            // As javarosa: a predicate whose value is a number ([2], [count(…)]) is a repeat
            // instance's index; outside repeats it selects nothing. [position() = 2] selects.
            var kept: [any XPathNode] = []
            for (i, node) in current.enumerated() {
                let value = try evaluate(predicate, Focus(node: node, position: i + 1, size: current.count))
                let keep: Bool
                if case .number(let n) = value { keep = node.xpathIsRepeatInstance && Double(i + 1) == n } else {
                    keep = boolean(value)
                }
                if keep { kept.append(node) }
            }
            current = kept
        }
        return current
    }

    func typeName(_ value: XPathValue) -> String {
        switch value {
        case .string: return "a string"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .nodeSet: return "a node-set"
        case .date(.date): return "a date"
        case .date(.dateTime): return "a dateTime"
        }
    }
}
