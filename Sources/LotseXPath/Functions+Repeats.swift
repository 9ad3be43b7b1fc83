/// The functions about repeat instances: `position(node)` and `indexed-repeat()`.
extension Evaluator {
    /// `position(..)`: the 1-based number of a node among its parent's children of its name
    /// (a repeat instance's number; 1 for any other node).
    func repeatPosition(_ argument: XPathAST, _ call: XPathCall, _ focus: Focus) throws(XPathError) -> XPathValue {
        guard case .nodeSet(let nodes) = try evaluate(argument, focus) else {
            throw XPathError(.type, "position() takes a node (position(..)), not a value", at: call.location)
        }
        guard let node = nodes.first else { return .number(.nan) }
        guard let parent = node.xpathParent, !node.xpathIsAttribute else { return .number(1) }
        var number = 0
        for i in 0..<parent.xpathChildCount {
            let sibling = parent.xpathChild(at: i)
            if sibling.xpathName == node.xpathName { number += 1 }
            if sibling === node { return .number(Double(number)) }
        }
        return .number(1)
    }

    /// `indexed-repeat(/data/r/q, /data/r, 2[, /data/r/s, 1 …])`: the node `q` in instance 2 of
    /// repeat `r` (and instance 1 of `s` in it). Every path must be absolute, each repeat an
    /// ancestor of the node (or of the next repeat).
    func indexedRepeat(_ call: XPathCall, _ focus: Focus) throws(XPathError) -> XPathValue {
        guard call.arguments.count % 2 == 1 else {
            throw XPathError(.arity, "indexed-repeat() takes a node and pairs of repeat and index "
                + "(3, 5, 7 … arguments) but was given \(call.arguments.count)", at: call.location)
        }
        func names(_ ast: XPathAST) throws(XPathError) -> [String] {
            guard case .path(let path) = ast, case .root = path.start else {
                throw XPathError(.type, "indexed-repeat() takes absolute paths (/data/…) for the node and the repeats",
                                 at: call.location)
            }
            var names: [String] = []
            for step in path.steps {
                guard step.axis == .child, step.predicates.isEmpty, case .name(_, let local) = step.test else {
                    throw XPathError(.type, "indexed-repeat() takes plain paths (/data/group/name)", at: step.location)
                }
                names.append(local)
            }
            return names
        }
        let target = try names(call.arguments[0])
        var indices: [Int: Int] = [:]
        var i = 1
        while i + 1 < call.arguments.count {
            let repeatNames = try names(call.arguments[i])
            guard repeatNames.count <= target.count, Array(target.prefix(repeatNames.count)) == repeatNames else {
                throw XPathError(.type, "indexed-repeat(): /\(repeatNames.joined(separator: "/")) does not contain "
                    + "/\(target.joined(separator: "/"))", at: call.location)
            }
            let index = number(try evaluate(call.arguments[i + 1], focus))
            guard index.isFinite, index >= 0, index == index.rounded() else { return .nodeSet([]) }
            // As javarosa: index 0 is no index (the instance the expression is in).
            if index >= 1 { indices[repeatNames.count - 1] = Int(index) }
            i += 2
        }
        let top = context.node.xpathTop
        guard let first = target.first, top.xpathName == first else { return .nodeSet([]) }
        // Levels without an index stay in the focus's instances (javarosa's contextualisation).
        var chain: [any XPathNode] = []
        if focus.node.xpathTop === top {
            var node: (any XPathNode)? = focus.node
            while let n = node { chain.append(n); node = n.xpathParent }
            chain.reverse()
        }
        var nodes: [any XPathNode] = [top]
        for depth in 1..<max(1, target.count) where depth < target.count {
            var next: [any XPathNode] = []
            for node in nodes {
                var matching: [any XPathNode] = []
                for c in 0..<node.xpathChildCount {
                    let child = node.xpathChild(at: c)
                    if child.xpathName == target[depth] { matching.append(child) }
                }
                if let index = indices[depth] {
                    if index <= matching.count { next.append(matching[index - 1]) }
                } else if depth < chain.count, chain[depth].xpathIsRepeatInstance,
                          matching.contains(where: { $0 === chain[depth] }) {
                    next.append(chain[depth])
                } else {
                    next += matching
                }
            }
            nodes = next
        }
        return .nodeSet(nodes)
    }
}
