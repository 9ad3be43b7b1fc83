import LotseXML
import LotseXPath

/// An expression waiting for the static checks once the whole form is read.
struct PendingCheck {
    var expression: XPathExpression
    var contextPath: [String]
    var attribute: String
    var element: XMLElement
}

extension FormReader {
    mutating func readBinds(_ model: XMLElement) {
        for element in model.elements {
            switch (element.namespaceURI, element.name) {
            case (NS.xforms, "bind"): readBind(element)
            case (NS.xforms, "setvalue"): readSetValue(element)
            case (NS.odk, "setgeopoint"), (NS.odk, "recordaudio"), (NS.xforms, "action"), (NS.odk, "action"):
                report(.unsupported, "<\(element.qualifiedName)> is not supported by Lotse", at: element)
            default: break
            }
        }
    }

    mutating func readBind(_ element: XMLElement) {
        guard let nodeset = element.attribute("nodeset") else {
            report(.structure, "<bind> without nodeset", at: element)
            return
        }
        guard let path = absolutePath(nodeset, attribute: "nodeset", on: element) else { return }
        var type = DataType.string
        if let text = element.attribute("type") {
            if let known = DataType(bindType: text) {
                type = known
            } else if text == "odk:rank" {
                report(.unsupported, "type odk:rank of \(nodeset) (a rank question) is not supported by Lotse", at: element)
            } else if DataType.refused.contains(text) {
                report(.unsupported, "type \"\(text)\" of \(nodeset) is not supported by Lotse", at: element)
            } else {
                let suggestion = Self.closest(text, in: DataType.allCases.map(\.rawValue) + ["integer"])
                report(.type, "unknown type \"\(text)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""),
                       at: element)
            }
        }
        var medical = false
        if let access = element.attribute("access", namespace: NS.lotse) {
            if access == "medical" { medical = true } else {
                report(.access, "lotse:access=\"\(access)\": the only access level is \"medical\"", at: element)
            }
        }
        func expression(_ name: String, namespace: String? = nil) -> XPathExpression? {
            guard let text = element.attribute(name, namespace: namespace) else { return nil }
            let qualified = namespace == nil ? name : "jr:" + name
            guard let compiled = compile(text, attribute: qualified, on: element) else { return nil }
            pendingChecks.append(PendingCheck(expression: compiled, contextPath: path, attribute: qualified, element: element))
            return compiled
        }
        var preload = element.attribute("preload", namespace: NS.javarosa)
        let params = element.attribute("preloadParams", namespace: NS.javarosa)
        if let kind = preload, kind != "uid", !(kind == "timestamp" && (params == "start" || params == "end")) {
            report(.unsupported, "jr:preload=\"\(kind)\"\(params.map { " (\($0))" } ?? "") is not supported; "
                + "Lotse fills uid and timestamp start/end", at: element)
            preload = nil
        }
        if binds.contains(where: { $0.path == path }) {
            report(.duplicate, "a second <bind> for \(nodeset)", at: element)
        }
        binds.append(Bind(
            path: path, type: type, required: expression("required"), relevant: expression("relevant"),
            constraint: expression("constraint"), calculate: expression("calculate"), readonly: expression("readonly"),
            requiredMessage: message(element.attribute("requiredMsg", namespace: NS.javarosa), on: element),
            constraintMessage: message(element.attribute("constraintMsg", namespace: NS.javarosa), on: element),
            preload: preload, preloadParams: params, medical: medical, line: element.line,
                           column: source.column(of: element)))
    }

    /// A `<setvalue>` in the model (on first load) or inside a control (`trigger`: when that
    /// control's value changes).
    mutating func readSetValue(_ element: XMLElement, trigger: [String]? = nil, newRepeat: Bool = false) {
        guard let ref = element.attribute("ref"), let path = absolutePath(ref, attribute: "ref", on: element) else {
            report(.structure, "<setvalue> needs a ref to a node of the primary instance", at: element)
            return
        }
        let events = (element.attribute("event") ?? "").split(separator: " ").map(String.init)
        let expected = newRepeat ? "odk-new-repeat" : trigger == nil ? "odk-instance-first-load" : "xforms-value-changed"
        guard events == [expected] else {
            report(.unsupported, "setvalue on event \"\(events.joined(separator: " "))\" is not supported; "
                + "Lotse runs odk-instance-first-load in the model and xforms-value-changed in a control", at: element)
            return
        }
        var value: XPathExpression?
        if let text = element.attribute("value"), let compiled = compile(text, attribute: "value", on: element) {
            pendingChecks.append(PendingCheck(expression: compiled, contextPath: path, attribute: "value", element: element))
            value = compiled
        }
        setValues.append(SetValue(path: path, value: value, line: element.line, trigger: trigger, onNewRepeat: newRepeat))
    }

    /// A message attribute: `jr:itext('id')` or literal text.
    mutating func message(_ text: String?, on element: XMLElement) -> LocalizedText? {
        guard let text else { return nil }
        if let id = Self.itextID(text) {
            checkItext(id, on: element)
            return .itext(id)
        }
        return .literal([.literal(text)])
    }

    mutating func checkItext(_ id: String, on element: XMLElement) {
        guard !texts.isEmpty else {
            report(.itext, "jr:itext('\(id)') but the form has no <itext>", at: element)
            return
        }
        for language in languages where texts[language.code]?[id] == nil {
            report(.itext, "no text \"\(id)\" in language \(language.name)", at: element)
        }
    }

    /// `jr:itext('id')` → `id`.
    static func itextID(_ text: String) -> String? {
        let t = text.trimmed()
        guard t.hasPrefix("jr:itext("), t.hasSuffix(")") else { return nil }
        var inner = String(t.dropFirst(9).dropLast()).trimmed()
        guard inner.count >= 2, let q = inner.first, q == "'" || q == "\"", inner.last == q else { return nil }
        inner = String(inner.dropFirst().dropLast())
        return inner
    }

    /// The path of an absolute location like `/data/person/age`, which must exist in the primary instance.
    mutating func absolutePath(_ text: String, attribute: String, on element: XMLElement) -> [String]? {
        let trimmed = text.trimmed()
        let steps = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard trimmed.hasPrefix("/"), steps.count >= 2, steps.dropFirst().allSatisfy({ !$0.isEmpty && !$0.contains("[") })
        else {
            report(.path, "\(attribute)=\"\(text)\" must be an absolute path into the primary instance", at: element)
            return nil
        }
        let path = Array(steps.dropFirst()).map { $0.split(separator: ":").last.map(String.init) ?? $0 }
        guard FormSchema.has(path, in: template) else {
            report(.path, "\(attribute)=\"\(text)\": the primary instance has no node \(trimmed)", at: element)
            return nil
        }
        return path
    }

    /// Parses an expression, reporting a syntax or unsupported-XPath error at its place.
    mutating func compile(_ text: String, attribute: String, on element: XMLElement) -> XPathExpression? {
        do {
            return try XPathExpression(text)
        } catch {
            reportXPath(error, text: text, attribute: attribute, on: element)
            return nil
        }
    }

    mutating func reportXPath(_ error: XPathError, text: String, attribute: String, on element: XMLElement) {
        let code: FormDiagnostic.Code
        switch error.code {
        case .unknownFunction: code = .function
        case .arity: code = .arity
        case .unknownPath: code = .path
        case .unknownInstance: code = .instance
        case .unsupported: code = .unsupported
        default: code = .xpath
        }
        var line = element.line, column = source.column(of: element)
        if let place = source.attributeValue(attribute, of: element) {
            line = place.line
            column = place.column + error.column - 1
        }
        diagnostics.append(FormDiagnostic(file: file, line: line, column: column, code: code,
                                          message: "\(attribute)=\"\(Self.shorten(text))\": \(error.message)"))
    }

    static func shorten(_ text: String) -> String {
        let t = text.trimmed()
        return t.count > 60 ? String(t.prefix(57)) + "..." : t
    }

    /// The candidate within edit distance 2, if any.
    static func closest(_ word: String, in candidates: [String]) -> String? {
        EditDistance.closest(to: word.lowercased(), in: candidates, limit: 2)
    }
}
