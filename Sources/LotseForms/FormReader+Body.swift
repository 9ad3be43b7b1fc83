import LotseXML
import LotseXPath

extension FormReader {
    /// Reads the body's controls in order; groups nest.
    mutating func readBody(_ elements: [XMLElement], medicalAbove: Bool) {
        for element in elements {
            guard element.namespaceURI == NS.xforms || element.namespaceURI == NS.odk else { continue }
            switch element.name {
            case "input", "select1", "select", "trigger":
                readControl(element, medicalAbove: medicalAbove)
            case "group":
                var medical = medicalAbove
                if let ref = element.attribute("ref"), let path = absolutePath(ref, attribute: "ref", on: element) {
                    let bindIndex = binds.firstIndex { $0.path == path }
                    medical = medical || (bindIndex.map { binds[$0].medical } ?? false)
                    fields.append(Field(path: path, kind: .group, type: .string, label: label(of: element, "label"),
                                        hint: nil, choices: nil, bind: bindIndex, isMedical: medical, isNote: false,
                                        line: element.line))
                }
                readBody(element.elements, medicalAbove: medical)
            case "label", "hint": continue
            case "setvalue" where (element.attribute("event") ?? "").split(separator: " ").contains("odk-new-repeat"):
                // A value computed for each new repeat instance (an XLSForm default inside a repeat).
                readSetValue(element, newRepeat: true)
            case "repeat":
                readRepeat(element, medicalAbove: medicalAbove)
            case "rank":
                report(.unsupported, "rank questions (<odk:rank>, XLSForm type rank) are not supported by Lotse", at: element)
            case "upload", "range", "secret":
                report(.unsupported, "<\(element.qualifiedName)> controls are not supported by Lotse", at: element)
            default:
                report(.unsupported, "unknown body element <\(element.qualifiedName)>", at: element)
            }
        }
    }

    mutating func readControl(_ element: XMLElement, medicalAbove: Bool) {
        guard let ref = element.attribute("ref") else {
            report(.structure, "<\(element.name)> without ref", at: element)
            return
        }
        guard let path = absolutePath(ref, attribute: "ref", on: element) else { return }
        if element.name == "input", element.attribute("query") != nil {
            report(.unsupported, "select_one_external (<input query=…>, choices from an external CSV file) is not "
                + "supported by Lotse: use select_one with the choices in the form", at: element)
            return
        }
        if fields.contains(where: { $0.path == path }) {
            report(.duplicate, "a second control for \(ref)", at: element)
        }
        for action in element.elements where action.name == "setvalue"
            && (action.namespaceURI == NS.xforms || action.namespaceURI == NS.odk) {
            readSetValue(action, trigger: path)
        }
        let bindIndex = binds.firstIndex { $0.path == path }
        let bind = bindIndex.map { binds[$0] }
        var type = bind?.type ?? .string
        var choices: ChoiceSource?
        let kind = ControlKind(rawValue: element.name) ?? .input
        if kind == .select1 || kind == .select {
            type = kind == .select1 ? .select1 : .select
            choices = readChoices(element)
        }
        // A note: a read-only input with no calculation (pyxform's `note`).
        let isNote = kind == .input && bind?.readonly?.source.trimmed() == "true()" && bind?.calculate == nil
        fields.append(Field(path: path, kind: kind, type: type, label: label(of: element, "label"),
                            hint: label(of: element, "hint"), choices: choices, bind: bindIndex,
                            isMedical: medicalAbove || (bind?.medical ?? false) || medicalAncestor(path),
                            isNote: isNote, line: element.line))
    }

    /// Whether a bind above `path` is marked medical (a group bind without a body group).
    func medicalAncestor(_ path: [String]) -> Bool {
        binds.contains { $0.medical && $0.path.count < path.count && BindGraph.isPrefix($0.path, of: path) }
    }

    mutating func label(of element: XMLElement, _ name: String) -> LocalizedText? {
        guard let label = element.firstElement(named: name, namespace: NS.xforms) else { return nil }
        if let ref = label.attribute("ref") {
            guard let id = Self.itextID(ref) else {
                report(.itext, "\(name) ref=\"\(ref)\" must be jr:itext('id')", at: label)
                return nil
            }
            checkItext(id, on: label)
            return .itext(id)
        }
        return .literal(segments(of: label, contextPath: fieldPath(element)))
    }

    mutating func readChoices(_ element: XMLElement) -> ChoiceSource? {
        if let itemset = element.firstElement(named: "itemset", namespace: NS.xforms) {
            guard let nodeset = itemset.attribute("nodeset"),
                  let expression = compile(nodeset, attribute: "nodeset", on: itemset) else { return nil }
            guard let instance = Self.instanceID(of: nodeset) else {
                report(.instance, "itemset nodeset=\"\(nodeset)\" must start with instance('id')", at: itemset)
                return nil
            }
            if let src = external[instance] {
                report(.unsupported, "choices from the file \(src) (select_one_from_file, select_multiple_from_file) "
                    + "are not supported by Lotse: put the choices in the form's choices sheet", at: itemset)
                return nil
            }
            guard secondary[instance] != nil else {
                report(.instance, "itemset over instance('\(instance)'), but the form has no such instance", at: itemset)
                return nil
            }
            pendingChecks.append(PendingCheck(expression: expression, contextPath: fieldPath(element),
                                              attribute: "nodeset", element: itemset))
            let valueRef = itemset.firstElement(named: "value", namespace: NS.xforms)?.attribute("ref") ?? "name"
            guard let value = compile(valueRef, attribute: "ref", on: itemset) else { return nil }
            let labelElement = itemset.firstElement(named: "label", namespace: NS.xforms)
            let labelRef = labelElement?.attribute("ref") ?? "label"
            let labelReference: LabelReference
            if labelRef.hasPrefix("jr:itext("), labelRef.hasSuffix(")") {
                guard let inner = compile(String(labelRef.dropFirst(9).dropLast()), attribute: "ref", on: itemset) else {
                    return nil
                }
                labelReference = .itext(inner)
            } else {
                guard let plain = compile(labelRef, attribute: "ref", on: itemset) else { return nil }
                labelReference = .plain(plain)
            }
            // As javarosa: the value and label refs must name a child of the items.
            if let top = secondary[instance] {
                let names = Set(top.children.flatMap { $0.children.map(\.name) })
                let innerLabel = labelRef.hasPrefix("jr:itext(") ? String(labelRef.dropFirst(9).dropLast()) : labelRef
                for (what, ref) in [("value", valueRef), ("label", innerLabel)]
                    where ref.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) && !names.contains(ref) {
                    report(.path, "itemset \(what) ref=\"\(ref)\": the items of instance('\(instance)') have no <\(ref)> "
                        + "(ODK Collect refuses the form)", at: itemset)
                }
            }
            return .itemset(instance: instance, nodeset: expression, valueRef: value, labelRef: labelReference)
        }
        var items: [Choice] = []
        for item in element.elements(named: "item", namespace: NS.xforms) {
            let value = item.firstElement(named: "value", namespace: NS.xforms)?.textContent.trimmed() ?? ""
            if value.isEmpty || value.contains(" ") {
                report(.structure, "choice value \"\(value)\" must be one word", at: item)
            }
            items.append(Choice(value: value, label: label(of: item, "label") ?? .literal([.literal(value)])))
        }
        if items.isEmpty { report(.structure, "<\(element.name)> has no choices (neither items nor an itemset)", at: element) }
        return .inline(items)
    }

    func fieldPath(_ element: XMLElement) -> [String] {
        guard let ref = element.attribute("ref") else { return [] }
        return ref.split(separator: "/").map(String.init)
    }

    /// `instance('list')/root/item` → `list`.
    static func instanceID(of nodeset: String) -> String? {
        var t = nodeset.trimmed()
        // randomize(instance('id')/…[, seed]): the choices in a shuffled order.
        if t.hasPrefix("randomize(") { t = String(t.dropFirst(10)).trimmed() }
        guard t.hasPrefix("instance("), let close = t.firstIndex(of: ")") else { return nil }
        let inner = String(t[t.index(t.startIndex, offsetBy: 9)..<close]).trimmed()
        guard inner.count >= 2, let q = inner.first, q == "'" || q == "\"", inner.last == q else { return nil }
        return String(inner.dropFirst().dropLast())
    }

    /// Bound nodes without a body control (calculates, meta) become hidden fields.
    mutating func addHiddenFields() {
        for (index, bind) in binds.enumerated() where !fields.contains(where: { $0.path == bind.path }) {
            let isGroup = FormSchema.node(bind.path, in: template).map { !$0.children.isEmpty } ?? false
            if isGroup { continue }
            fields.append(Field(path: bind.path, kind: .hidden, type: bind.type, label: nil, hint: nil, choices: nil,
                                bind: index, isMedical: bind.medical || medicalAncestor(bind.path), isNote: false,
                                line: bind.line))
        }
    }

    /// Runs the static checks on every expression, now that the form's shape is known.
    mutating func checkExpressions() {
        var external: [String: TemplateNode?] = [:]
        for id in self.external.keys { external[id] = .some(nil) }
        let checker = XPathChecker(schema: FormSchema(template: template, secondary: secondary, external: external))
        for check in pendingChecks {
            for problem in checker.check(check.expression, contextPath: check.contextPath) {
                reportXPath(problem, text: check.expression.source, attribute: check.attribute, on: check.element)
            }
        }
    }
}

extension FormSchema {
    /// The template node at `path`, if any.
    static func node(_ path: [String], in top: TemplateNode) -> TemplateNode? {
        guard path.first == top.name else { return nil }
        var node = top
        for step in path.dropFirst() {
            guard let child = node.children.first(where: { $0.name == step }) else { return nil }
            node = child
        }
        return node
    }
}
