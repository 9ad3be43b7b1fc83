public import LotseXPath

/// Expressions in words for people (`form show`, `workflow show`): paths as field names,
/// `.` as "the value", comparisons with symbols, common ODK functions as phrases.
///
/// `/data/capacity = 'LT3' and . <= today()` reads `capacity = 'LT3' and the value ≤ today`.
public enum ExpressionWording {
    /// The wording of `expression`; paths below `/root/` are shown relative to it.
    /// - Parameter language: `de` for German words, anything else for English.
    public static func words(_ expression: XPathExpression, root: String, language: String = "en") -> String {
        Wording(root: root, de: language == "de").words(expression.ast, parent: 0)
    }
}

/// The wording of one expression in one language.
private struct Wording {
    let root: String
    let de: Bool

    func w(_ en: String, _ german: String) -> String { de ? german : en }

    func words(_ ast: XPathAST, parent: Int) -> String {
        switch ast {
        case let .string(s, _): return s.isEmpty ? w("empty", "leer") : "'\(s)'"
        case let .number(n, _): return XPathNumber.format(n)
        case let .negate(inner, _): return "-" + words(inner, parent: 7)
        case let .binary(op, lhs, rhs, _):
            let left = words(lhs, parent: op.precedence)
            if case let .string(s, _) = rhs, s.isEmpty, op == .equal || op == .notEqual {
                return wrap(left + (op == .equal ? w(" is empty", " ist leer") : w(" is answered", " ist beantwortet")),
                            op.precedence, parent)
            }
            let right = words(rhs, parent: op.precedence + 1)
            let symbol: String
            switch op {
            case .notEqual: symbol = "≠"
            case .lessOrEqual: symbol = "≤"
            case .greaterOrEqual: symbol = "≥"
            case .and: symbol = w("and", "und")
            case .or: symbol = w("or", "oder")
            default: symbol = op.rawValue
            }
            return wrap("\(left) \(symbol) \(right)", op.precedence, parent)
        case let .call(call):
            let args = call.arguments.map { words($0, parent: 0) }
            switch (call.name, args.count) {
            case ("today", 0): return w("today", "heute")
            case ("now", 0): return w("now", "jetzt")
            case ("true", 0): return w("always", "immer")
            case ("false", 0): return w("never", "nie")
            case ("not", 1): return w("not", "nicht") + " (\(args[0]))"
            case ("selected", 2): return "\(args[0]) " + w("includes", "enthält") + " \(args[1])"
            case ("count-selected", 1): return w("number chosen in ", "Anzahl gewählt in ") + args[0]
            case ("regex", 2): return "\(args[0]) " + w("matches", "passt zu") + " \(args[1])"
            case ("string-length", 1): return w("length of ", "Länge von ") + args[0]
            default: return "\(call.name)(\(args.joined(separator: ", ")))"
            }
        case let .path(path): return words(path)
        }
    }

    func words(_ path: XPathPath) -> String {
        var text = ""
        var steps = path.steps
        switch path.start {
        case .root:
            if steps.first.map({ if case let .name(_, local) = $0.test { return local == root } else { return false } }) == true {
                steps.removeFirst()
            } else {
                text = "/"
            }
        case .context:
            if steps.count == 1, steps[0].axis == .self, steps[0].predicates.isEmpty { return w("the value", "der Wert") }
        case let .expression(primary, predicates):
            if case let .call(call) = primary, call.name == "instance", case let .string(id, _)? = call.arguments.first {
                text = id == "case" ? w("case: ", "Fall: ") : w("list ", "Liste ") + id + ": "
                if id == "case", let first = steps.first, case .name(_, "case") = first.test { steps.removeFirst() }
            } else {
                text = words(primary, parent: 8)
                if !predicates.isEmpty { text += predicates.map { "[\(words($0, parent: 0))]" }.joined() }
                if !steps.isEmpty { text += "/" }
            }
        }
        text += steps.map { step -> String in
            var s: String
            switch (step.axis, step.test) {
            case (.parent, _): s = ".."
            case (.self, _): s = "."
            case let (.attribute, .name(_, local)): s = "@" + local
            case let (_, .name(_, local)): s = local
            case (_, .any): s = "*"
            case (_, .node): s = "node()"
            case (_, .text): s = "text()"
            }
            s += step.predicates.map { "[\(words($0, parent: 0))]" }.joined()
            return s
        }.joined(separator: "/")
        return text
    }

    private func wrap(_ text: String, _ precedence: Int, _ parent: Int) -> String {
        precedence < parent ? "(\(text))" : text
    }
}
