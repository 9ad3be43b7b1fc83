public import LotseXML
import LotseXPath

extension FormInstance {
    /// Sets a field's value (empty text clears it) and re-evaluates what depends on it.
    /// The value is stored even when it is not valid, so a batch of values can be checked
    /// as a whole; the returned problem (type, choice or constraint) lets a person re-enter it.
    /// - Throws: `FormError.notEnterable` for groups, notes, calculations and read-only fields.
    @discardableResult
    public func set(_ field: Field, to text: String, language: String = "de") throws(FormError) -> FieldProblem? {
        try set(definition.firstAddress(field), to: text, language: language)
    }

    /// Sets the value at an address (the repeat instances must exist).
    @discardableResult
    public func set(_ address: FieldAddress, to text: String, language: String = "de") throws(FormError) -> FieldProblem? {
        try assign(address, text)
        return problem(of: address, language: language).flatMap { $0.kind == .required ? nil : $0 }
    }

    /// Stores a value and (unless `recalculating` is false) re-evaluates what depends on it,
    /// without checking it.
    private func assign(_ address: FieldAddress, _ text: String, recalculating: Bool = true) throws(FormError) {
        let field = address.field
        guard isEnterable(address) else {
            throw .notEnterable(address.text, reason: reasonNotEnterable(field))
        }
        guard let node = node(address) else {
            throw .repeatInstance(address.text, .noSuchInstance)
        }
        let old = node.value
        node.value = text.trimmed().isEmpty ? "" : (entered(text, type: field.type) ?? text)
        var changed = [field.path]
        // The control's xforms-value-changed actions, as Collect runs them, on values brought up
        // to date first (only then: a batch of values is re-checked once, after the last).
        let actions = definition.setValues.filter { $0.trigger == field.path }
        if node.value != old && !actions.isEmpty {
            bringUpToDate()
            for action in actions {
                guard let target = related(action.path, near: node) else { continue }
                target.value = action.value.flatMap { try? $0.evaluate(context(target)) }.map { stored($0, in: target) } ?? ""
                changed.append(action.path)
            }
        }
        if recalculating && isConsistent {
            for path in changed { recalculate(definition.graph.affected(byChangeOf: path)) }
        } else {
            isConsistent = false
        }
    }

    /// Sets `key=value` pairs (keys as `FormDefinition.resolveAddress` reads them: `age`,
    /// `member[2]/age`), all before anything is re-checked. A key may name the next instance
    /// of a repeat a person adds to (`member[3]` when there are 2): it is added.
    /// - Throws: `FormError.repeatInstance` for an instance further on, or of a repeat whose
    ///   number of instances the form sets.
    public func set(_ pairs: [(key: String, value: String)], language: String = "de") throws(FormError) {
        for (key, value) in pairs {
            let address = try definition.resolveAddress(key)
            try makeInstances(for: address, key: key)
            try assign(address, value, recalculating: pairs.count == 1)
        }
        // All values first, then one pass in dependency order.
        bringUpToDate()
    }

    /// Adds the instance an address names when it is the next one of a repeat a person adds to.
    private func makeInstances(for address: FieldAddress, key: String) throws(FormError) {
        let depths = definition.repeatDepths(address.field.path)
        for (r, length) in depths.enumerated() where r < address.indices.count {
            guard let repeatDefinition = definition.repeatDefinition(at: Array(address.field.path.prefix(length))) else {
                continue
            }
            let outer = Array(address.indices.prefix(r))
            let count = instanceCount(repeatDefinition, in: outer)
            let wanted = address.indices[r]
            if wanted <= count { continue }
            let name = repeatDefinition.path.last ?? ""
            guard repeatDefinition.asksToAdd else {
                throw .repeatInstance(key, .instancesSetByForm(name: name, count: count, byCount: repeatDefinition.count != nil))
            }
            guard wanted == count + 1 else {
                throw .repeatInstance(key, .nextInstance(name: name, count: count))
            }
            try addInstance(repeatDefinition, in: outer)
        }
    }

    private func reasonNotEnterable(_ field: Field) -> FormError.Reason {
        switch field.kind {
        case .group: return .isGroup
        default:
            if field.isNote { return .isNote }
            if definition.bind(of: field)?.calculate != nil { return .isCalculated }
            if definition.bind(of: field)?.preload != nil { return .isPreloaded }
            return .isReadOnly
        }
    }

    /// The first problem of one field now: required and empty, not of its type or choices,
    /// or its constraint false (constraints only on non-empty values). nil when fine or not relevant.
    public func problem(of field: Field, language: String) -> FieldProblem? {
        problem(of: definition.firstAddress(field), language: language)
    }

    /// The first problem of a field in one set of repeat instances now.
    public func problem(of address: FieldAddress, language: String) -> FieldProblem? {
        bringUpToDate()
        let field = address.field
        guard let node = node(address), node.isRelevant, isEnterable(address) else { return nil }
        let bind = definition.bind(of: field)
        let value = node.value
        if value.trimmed().isEmpty {
            guard isRequired(address) else { return nil }
            let message = definition.text(bind?.requiredMessage, language: language)
                ?? (language == "de" ? "Pflichtfeld: bitte ausfüllen." : "This field is required.")
            return FieldProblem(field: address.text, kind: .required, message: message)
        }
        if field.type.normalise(value) == nil {
            return FieldProblem(field: address.text, kind: .type,
                                message: field.type.problemMessage(for: value.trimmed(), language))
        }
        if field.type == .string, value.count > Self.maximumTextLength {
            return FieldProblem(field: address.text, kind: .constraint, message: language == "de"
                ? "höchstens \(Self.maximumTextLength.formatted) Zeichen (hier \(value.count.formatted))"
                : "at most \(Self.maximumTextLength.formatted) characters (this has \(value.count.formatted))")
        }
        if field.type == .select1 || field.type == .select {
            let ordered = choiceValues(of: address)
            let offered = Set(ordered)
            let given = value.split(separator: " ").map(String.init)
            let unknown = given.filter { !offered.contains($0) }
            if !unknown.isEmpty || Set(given).count != given.count {
                let what = unknown.isEmpty ? (language == "de" ? "doppelt" : "twice") : unknown.joined(separator: " ")
                let codes = ordered.joined(separator: ", ")
                return FieldProblem(field: address.text, kind: .type, message: language == "de"
                    ? "ungültige Auswahl \(what); möglich: \(codes)" : "invalid choice \(what); choose from \(codes)")
            }
        }
        if let constraint = bind?.constraint, !((try? constraint.evaluateBoolean(context(node))) ?? false) {
            let message = definition.text(bind?.constraintMessage, language: language)
                ?? (language == "de" ? "Der Wert ist nicht zulässig." : "The value is not allowed.")
            return FieldProblem(field: address.text, kind: .constraint, message: message)
        }
        return nil
    }

    /// Every problem of the whole instance, in form order: the check before a submission is
    /// stored. Calculations are brought up to date first.
    public func validate(language: String = "de") -> [FieldProblem] {
        bringUpToDate()
        return definition.fields.flatMap { field in
            addresses(of: field).compactMap { problem(of: $0, language: language) }
        }
    }

    /// The instance as an XML element: non-relevant nodes empty.
    public func element() -> LotseXML.XMLElement {
        bringUpToDate()
        return Self.element(root)
    }

    private static func element(_ node: InstanceNode) -> LotseXML.XMLElement {
        let attributes = node.attributes.map { XMLAttribute(name: $0.name, value: $0.value) }
        if node.children.isEmpty {
            let value = node.isRelevant ? node.value : ""
            return XMLElement(name: node.name, attributes: attributes, children: value.isEmpty ? [] : [.text(value)])
        }
        return XMLElement(name: node.name, attributes: attributes, children: node.children.map { .element(element($0)) })
    }

    /// The instance as XML text (an XForms submission).
    public func xml() -> String { element().serialized(indent: 2) }

    /// Fills the instance from a submission document (an instance of this form, as `xml()`
    /// writes it). Calculated and read-only values in the document are ignored and recomputed.
    /// - Throws: `FormError.wrongInstance` when the root or an element does not fit the form.
    public func load(_ document: LotseXML.XMLElement) throws(FormError) {
        guard document.name == root.name else {
            throw .wrongInstance(.otherRoot(document: document.name, form: root.name))
        }
        if let id = document.attribute("id"), id != definition.id {
            throw .wrongInstance(.otherForm(document: id, form: definition.id))
        }
        var values: [(InstanceNode, Field, String)] = []
        func walk(_ element: LotseXML.XMLElement, into node: InstanceNode, path: [String]) throws(FormError) {
            var seen: [String: Int] = [:]
            for child in element.elements {
                let childPath = path + [child.name]
                guard FormSchema.node(childPath, in: definition.template) != nil else {
                    throw .wrongInstance(.noField(form: definition.id, path: childPath.dropFirst().joined(separator: "/")))
                }
                let number = seen[child.name, default: 0]
                seen[child.name] = number + 1
                let matching = node.children.filter { $0.name == child.name }
                let target: InstanceNode
                if let repeatDefinition = definition.repeatDefinition(at: childPath) {
                    if number < matching.count {
                        target = matching[number]
                    } else {
                        guard number < FormDefinition.maximumRepeatInstances,
                              let added = appendInstance(of: repeatDefinition, to: node) else {
                            throw .wrongInstance(.tooManyInstances(path: childPath.dropFirst().joined(separator: "/"),
                                                                 maximum: FormDefinition.maximumRepeatInstances))
                        }
                        target = added
                    }
                } else {
                    guard number == 0, let first = matching.first else {
                        throw .wrongInstance(.twiceButNoRepeat(path: childPath.dropFirst().joined(separator: "/")))
                    }
                    target = first
                }
                if child.elements.isEmpty && target.children.isEmpty {
                    if let field = definition.field(at: childPath) {
                        values.append((target, field, child.text))
                    }
                } else {
                    try walk(child, into: target, path: childPath)
                }
            }
            // Instances the form starts with but the document does not have.
            for (name, _) in Dictionary(grouping: node.children, by: \.name) {
                guard definition.repeatDefinition(at: path + [name]) != nil else { continue }
                let present = seen[name, default: 0]
                for extra in node.children.filter({ $0.name == name }).dropFirst(present) { node.remove(extra) }
            }
        }
        try walk(document, into: root, path: [root.name])
        for (node, field, value) in values {
            // Only what a person enters: calculated, read-only and automatic values are recomputed.
            guard isEnterable(field, at: node) else { continue }
            node.value = entered(value, type: field.type) ?? value
        }
        // Re-evaluated when next read or validated (often after more values are set).
        isConsistent = false
    }
}

extension FormInstance {
    /// The longest text a string field takes (a constraint may set a lower limit), so that no
    /// submission, and no audit row about one, grows without bound.
    public static let maximumTextLength = 10_000
}

extension Int {
    /// The number with thin groups of three digits: `10,000`.
    var formatted: String {
        let digits = Array(String(self))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 && d != "-" && digits[i - 1] != "-" { out += "," }
            out.append(d)
        }
        return out
    }
}
