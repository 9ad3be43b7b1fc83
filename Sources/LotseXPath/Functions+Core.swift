/// Function dispatch and XPath 1.0's core function library.
extension Evaluator {
    func call(_ call: XPathCall, _ focus: Focus) throws(XPathError) -> XPathValue {
        guard let function = call.function else { return try callExtra(call, focus) }
        let count = call.arguments.count
        guard function.arity.accepts(count) else {
            throw XPathError(.arity, Self.arityMessage(call.name, function.arity, given: count), at: call.location)
        }
        // Functions that evaluate their arguments lazily or not at all.
        switch function {
        case .if:
            let condition = boolean(try evaluate(call.arguments[0], focus))
            return try evaluate(call.arguments[condition ? 1 : 2], focus)
        case .coalesce:
            let first = try evaluate(call.arguments[0], focus)
            if !isEmpty(first) { return first }
            return try evaluate(call.arguments[1], focus)
        case .once:
            let value = context.node.xpathStringValue
            if !value.isEmpty { return .string(value) }
            return try evaluate(call.arguments[0], focus)
        case .instance:
            guard let top = try instanceTop(call, focus) else { return .nodeSet([]) }
            return .nodeSet([XPathDocumentNode(top: top)])
        case .current:
            return .nodeSet([context.current])
        case .position:
            guard let argument = call.arguments.first else { return .number(Double(focus.position)) }
            return try repeatPosition(argument, call, focus)
        case .indexedRepeat:
            return try indexedRepeat(call, focus)
        default:
            break
        }
        var arguments: [XPathValue] = []
        arguments.reserveCapacity(count)
        for argument in call.arguments { arguments.append(try evaluate(argument, focus)) }
        if let value = try core(function, arguments, call, focus) { return value }
        if let value = try odk(function, arguments, call, focus) { return value }
        return try dates(function, arguments, call)
    }

    static func arityMessage(_ name: String, _ arity: XPathArity, given: Int) -> String {
        let noun = arity.max == 1 && arity.min == 1 ? "argument" : "arguments"
        return "function '\(name)' takes \(arity) \(noun) but was given \(given)"
    }

    private func callExtra(_ call: XPathCall, _ focus: Focus) throws(XPathError) -> XPathValue {
        if let hook = context.functions {
            var arguments: [XPathValue] = []
            for argument in call.arguments { arguments.append(try evaluate(argument, focus)) }
            if let value = try hook(call.name, arguments, context) { return value }
        }
        if let reason = XPathUnsupportedFunction.reasons[call.name] {
            throw XPathError(.unsupported, reason, at: call.location)
        }
        throw XPathError(.unknownFunction, "unknown function '\(call.name)'", at: call.location)
    }

    /// Empty for `coalesce`: an empty string, NaN, or a node-set whose first node is empty.
    func isEmpty(_ value: XPathValue) -> Bool {
        switch value {
        case .string(let s): return s.isEmpty
        case .number(let n): return n.isNaN
        case .nodeSet(let nodes): return (nodes.first?.xpathStringValue ?? "").isEmpty
        case .boolean, .date: return false
        }
    }

    func nodeSet(_ value: XPathValue, _ call: XPathCall, argument: Int = 0) throws(XPathError) -> [any XPathNode] {
        guard case .nodeSet(let nodes) = value else {
            throw XPathError(.type, "function '\(call.name)' expects a node-set but got \(typeName(value))",
                             at: call.arguments[argument].location)
        }
        return nodes
    }

    /// XPath 1.0's core functions; `nil` when `function` is not one of them.
    private func core(_ function: XPathFunction, _ args: [XPathValue], _ call: XPathCall,
                      _ focus: Focus) throws(XPathError) -> XPathValue? {
        switch function {
        case .count:
            return .number(Double(try nodeSet(args[0], call).count))
        case .string:
            return .string(args.isEmpty ? focus.node.xpathStringValue : string(args[0]))
        case .concat:
            if args.count == 1, case .nodeSet(let nodes) = args[0] {
                return .string(nodes.map(\.xpathStringValue).joined())
            }
            return .string(args.map(string).joined())
        case .startsWith:
            return .boolean(string(args[0]).hasPrefix(string(args[1])))
        case .endsWith:
            return .boolean(string(args[0]).hasSuffix(string(args[1])))
        case .contains:
            let needle = string(args[1])
            return .boolean(needle.isEmpty || string(args[0]).contains(needle))
        case .substringBefore:
            let s = string(args[0]), needle = string(args[1])
            guard let range = s.range(of: needle) else { return .string("") }
            return .string(String(s[..<range.lowerBound]))
        case .substringAfter:
            let s = string(args[0]), needle = string(args[1])
            guard let range = s.range(of: needle) else { return .string("") }
            return .string(String(s[range.upperBound...]))
        case .stringLength:
            let s = args.isEmpty ? focus.node.xpathStringValue : string(args[0])
            return .number(Double(s.count))
        case .normalizeSpace:
            let s = args.isEmpty ? focus.node.xpathStringValue : string(args[0])
            return .string(s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                .joined(separator: " "))
        case .translate:
            return .string(translate(string(args[0]), string(args[1]), string(args[2])))
        case .boolean:
            return .boolean(boolean(args[0]))
        case .not:
            return .boolean(!boolean(args[0]))
        case .true:
            return .boolean(true)
        case .false:
            return .boolean(false)
        case .number:
            return .number(number(args[0]))
        case .sum:
            var total = 0.0
            // As javarosa: nodes that are not numbers (empty answers) are skipped.
            for node in try nodeSet(args[0], call) {
                let value = number(.nodeSet([node]))
                if !value.isNaN { total += value }
            }
            return .number(total)
        case .round:
            let digits = args.count > 1 ? number(args[1]) : 0
            return .number(XPathRounding.round(number(args[0]), digits: digits))
        default:
            return nil
        }
    }

    private func translate(_ s: String, _ from: String, _ to: String) -> String {
        let source = Array(from), target = Array(to)
        var result = ""
        result.reserveCapacity(s.utf8.count)
        for character in s {
            if let index = source.firstIndex(of: character) {
                if index < target.count { result.append(target[index]) }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
