/// Walks an expression without a document, following paths by name: the common ground of
/// the checker (diagnostics) and of reference extraction (dependencies).
struct StaticAnalysis {
    /// A statically known node-set: a document and a path into it.
    struct Place {
        enum Document: Equatable { case primary, instance(String), unknown }
        var document: Document
        /// Local names from the top element (`@name` for attributes); empty for the document node.
        var path: [String]
        /// False once a wildcard was followed: `path` is then only a known ancestor.
        var exact: Bool
        /// False once a problem was reported for this path (no follow-up reports).
        var checked: Bool
        /// The document node reached by `..` from the top element (javarosa finds no child there).
        var aboveTop = false

        static let unknown = Place(document: .unknown, path: [], exact: false, checked: false)
    }

    let schema: (any XPathSchema)?
    let extraFunctions: [String: XPathArity]
    /// The place of the expression's context node, which `current()` also returns.
    let contextPlace: Place

    private(set) var diagnostics: [XPathError] = []
    private(set) var references: Set<[String]> = []

    init(schema: (any XPathSchema)?, extraFunctions: [String: XPathArity], contextPath: [String]) {
        self.schema = schema
        self.extraFunctions = extraFunctions
        self.contextPlace = Place(document: .primary, path: contextPath, exact: true, checked: true)
    }

    /// Visits an expression used as a value; paths it reads are recorded as references.
    mutating func walk(_ ast: XPathAST, at context: Place) {
        switch ast {
        case .string, .number:
            return
        case .negate(let operand, _):
            walk(operand, at: context)
        case .binary(_, let lhs, let rhs, _):
            walk(lhs, at: context)
            walk(rhs, at: context)
        case .call, .path:
            if let place = resolve(ast, at: context) { record(place) }
        }
    }

    private mutating func record(_ place: Place) {
        guard place.document == .primary, !place.path.isEmpty else { return }
        // After a wildcard the path is a known ancestor: `*` marks that its children are read.
        references.insert(place.exact ? place.path : place.path + ["*"])
    }

    /// The place an expression selects, or `nil` if it is not a node-set.
    private mutating func resolve(_ ast: XPathAST, at context: Place) -> Place? {
        switch ast {
        case .call(let call):
            return resolveCall(call, at: context)
        case .path(let path):
            return resolvePath(path, at: context)
        default:
            walk(ast, at: context)
            return nil
        }
    }

    private mutating func resolveCall(_ call: XPathCall, at context: Place) -> Place? {
        checkFunction(call)
        switch call.function {
        case .instance?:
            guard call.arguments.count == 1 else { return .unknown }
            guard case .string(let id, let location) = call.arguments[0] else {
                walk(call.arguments[0], at: context)
                return .unknown
            }
            if let schema, !schema.hasInstance(id) {
                diagnostics.append(XPathError(.unknownInstance, "unknown instance '\(id)'", at: location))
                return .unknown
            }
            return Place(document: .instance(id), path: [], exact: true, checked: true)
        case .current?:
            return contextPlace
        case let function? where call.arguments.isEmpty && Self.readsContext.contains(function):
            record(context)
            return nil
        default:
            for argument in call.arguments { walk(argument, at: context) }
            return nil
        }
    }

    /// Functions that read the context node when called without arguments.
    private static let readsContext: Set<XPathFunction> = [.stringLength, .normalizeSpace, .string]

    private mutating func resolvePath(_ path: XPathPath, at context: Place) -> Place {
        var place: Place
        switch path.start {
        case .root:
            place = Place(document: .primary, path: [], exact: true, checked: true)
        case .context:
            place = context
        case .expression(let primary, let predicates):
            place = resolve(primary, at: context) ?? .unknown
            for predicate in predicates { walk(predicate, at: place) }
        }
        for step in path.steps {
            place = apply(step, to: place)
            for predicate in step.predicates { walk(predicate, at: place) }
        }
        return place
    }

    private mutating func apply(_ step: XPathStep, to place: Place) -> Place {
        guard place.document != .unknown, place.exact else { return place }
        var next = place
        switch (step.axis, step.test) {
        case (.self, _), (.child, .text):
            return place
        case (.parent, _):
            guard !place.path.isEmpty else {
                if place.checked, schema != nil {
                    diagnostics.append(XPathError(.unknownPath, "'..' goes above the document root", at: step.location))
                }
                return .unknown
            }
            next.path.removeLast()
            next.aboveTop = next.path.isEmpty
            return next
        case (.child, .name(_, let local)), (.attribute, .name(_, let local)):
            if place.aboveTop, place.checked, schema != nil {
                diagnostics.append(XPathError(.unsupported, "a path below the top element's '..' is not supported: "
                    + "ODK Collect finds nothing there", at: step.location))
                next.checked = false
            }
            next.aboveTop = false
            next.path.append(step.axis == .attribute ? "@" + local : local)
        case (.child, _), (.attribute, _):
            next.exact = false
            return next
        }
        if next.checked, let schema {
            let exists: Bool?
            switch next.document {
            case .primary: exists = schema.hasPath(next.path)
            case .instance(let id): exists = schema.hasPath(next.path, inInstance: id)
            case .unknown: exists = nil
            }
            if exists == false {
                diagnostics.append(XPathError(.unknownPath, "path \(Self.describe(next)) does not exist in the document",
                                              at: step.location))
                next.checked = false
            }
        }
        return next
    }

    static func describe(_ place: Place) -> String {
        let path = "/" + place.path.joined(separator: "/")
        if case .instance(let id) = place.document { return "instance('\(id)')" + path }
        return path
    }

    // MARK: - Functions

    private mutating func checkFunction(_ call: XPathCall) {
        guard schema != nil else { return }
        let arity: XPathArity
        if let reason = XPathUnsupportedFunction.reasons[call.name], extraFunctions[call.name] == nil {
            diagnostics.append(XPathError(.unsupported, reason, at: call.location))
            return
        }
        if let function = call.function {
            arity = function.arity
        } else if let extra = extraFunctions[call.name] {
            arity = extra
        } else {
            var message = "unknown function '\(call.name)'"
            if let suggestion = suggestion(for: call.name) { message += "; did you mean '\(suggestion)'?" }
            diagnostics.append(XPathError(.unknownFunction, message, at: call.location))
            return
        }
        if !arity.accepts(call.arguments.count) {
            diagnostics.append(XPathError(.arity, Evaluator.arityMessage(call.name, arity, given: call.arguments.count),
                                          at: call.location))
        }
    }

    private func suggestion(for name: String) -> String? {
        let names = XPathFunction.allCases.map(\.rawValue) + extraFunctions.keys.sorted()
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if let prefixed = names.first(where: { $0 != name && $0.split(separator: ":").last.map(String.init) == local }) {
            return prefixed
        }
        var best: (name: String, distance: Int)? = nil
        for candidate in names {
            let distance = EditDistance.between(name, candidate)
            if distance <= max(1, name.count / 3), distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }
}

/// Levenshtein distance for "did you mean" suggestions, shared by every layer that suggests
/// names (functions, forms, states, commands).
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions from `a` to `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `word` within `limit` edits (ties: the alphabetically first), if any.
    public static func closest(to word: String, in candidates: [String], limit: Int) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = between(word, candidate)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.name <= candidate) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.name
    }
}
