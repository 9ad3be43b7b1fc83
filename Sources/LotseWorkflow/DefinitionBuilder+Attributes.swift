import LotseXML
import LotseXPath

/// Reading Lotse's extension attributes and the expressions of one element.
extension DefinitionBuilder {
    /// The names in `l:NAME`, each checked against the loaded forms.
    ///
    /// - Parameters:
    ///   - name: `requires` or `records`.
    ///   - repeatableOnly: true for `l:records`, whose forms must be repeatable.
    mutating func formList(_ name: String, of element: XMLElement, repeatableOnly: Bool) -> [String] {
        guard let text = element.attribute(name, namespace: WorkflowSchema.lotseNamespace) else { return [] }
        let words = Self.words(of: text)
        for (id, offset) in words {
            let at = place(of: name, in: element, offset: offset)
            if !forms.contains(id) {
                report(.form, "l:\(name) names '\(id)', which is not a loaded form" + formSuggestion(for: id), at: at)
            } else if repeatableOnly, !repeatableForms.contains(id) {
                report(.form, "l:records names '\(id)', which is not a repeatable form", at: at)
            }
        }
        return words.map(\.word)
    }

    /// The whitespace-separated words of a list value, each with its character offset.
    static func words(of text: String) -> [(word: String, offset: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, char) in text.enumerated() {
            if char.isWhitespace {
                if !current.isEmpty { result.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(char)
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    private func formSuggestion(for id: String) -> String {
        let close = forms.sorted().min { EditDistance.between(id, $0) < EditDistance.between(id, $1) }
        guard let close, EditDistance.between(id, close) <= max(1, id.count / 3) else { return "" }
        return "; did you mean '\(close)'?"
    }

    /// `l:roles` as roles; nil when absent (a warning on event transitions).
    mutating func roles(of element: XMLElement, eventDriven: Bool) -> [WorkflowRole]? {
        guard let text = element.attribute("roles", namespace: WorkflowSchema.lotseNamespace) else {
            if eventDriven {
                report(.role, "transition has no l:roles, so every role may fire it", at: place(of: element),
                       severity: .warning)
            }
            return nil
        }
        var roles: [WorkflowRole] = []
        for (name, offset) in Self.words(of: text) {
            if let role = WorkflowRole(rawValue: name) {
                if !roles.contains(role) { roles.append(role) }
            } else {
                let known = WorkflowRole.allCases.map(\.rawValue).joined(separator: ", ")
                report(.role, "unknown role '\(name)' in l:roles (known: \(known))",
                       at: place(of: "roles", in: element, offset: offset))
            }
        }
        return roles
    }

    /// `l:due` parsed, or nil (reported when malformed).
    mutating func due(of element: XMLElement) -> WorkflowDuration? {
        guard let text = element.attribute("due", namespace: WorkflowSchema.lotseNamespace) else { return nil }
        if let duration = WorkflowDuration(text) { return duration }
        report(.due, "l:due '\(text)' is not an ISO 8601 duration of years, months, weeks and days (e.g. P4W, P12M)",
               at: place(of: "due", in: element))
        return nil
    }

    /// `l:contact-interval` compiled, or nil.
    mutating func contactInterval(of element: XMLElement) -> XPathExpression? {
        compile(element.attribute("contact-interval", namespace: WorkflowSchema.lotseNamespace),
                attribute: "contact-interval", of: element).expression
    }

    /// Parses and checks an expression against the case document; reports every
    /// problem at its column in the file.
    ///
    /// - Returns: the expression (nil when absent or wrong) and the sorted
    ///   absolute paths it reads.
    mutating func compile(_ source: String?, attribute: String,
                          of element: XMLElement) -> (expression: XPathExpression?, reads: [String]) {
        guard let source else { return (nil, []) }
        let label = attribute == "cond" ? "cond" : "l:\(attribute)"
        let problems = checker.check(source, contextPath: ["case"])
        for problem in problems {
            report(.cond, "\(label): \(problem.message)",
                   at: place(of: attribute, in: element, offset: problem.column - 1))
        }
        guard problems.isEmpty, let expression = try? XPathExpression(source) else { return (nil, []) }
        let reads = expression.references(contextPath: ["case"]).map { "/" + $0.joined(separator: "/") }.sorted()
        return (expression, reads)
    }

    /// `l:label-de` and `l:label-en`.
    func labels(of element: XMLElement) -> WorkflowLabels {
        WorkflowLabels(de: element.attribute("label-de", namespace: WorkflowSchema.lotseNamespace),
                       en: element.attribute("label-en", namespace: WorkflowSchema.lotseNamespace))
    }

    /// The `<log>`s of a state's `<onentry>` or `<onexit>` blocks, in order.
    func logs(in element: XMLElement, block: String) -> [WorkflowLog] {
        element.elements(named: block, namespace: WorkflowSchema.scxmlNamespace).flatMap(logs(of:))
    }

    /// The `<log>` children of an element.
    func logs(of element: XMLElement) -> [WorkflowLog] {
        element.elements(named: "log", namespace: WorkflowSchema.scxmlNamespace).map {
            WorkflowLog(label: $0.attribute("label"), expr: $0.attribute("expr"), line: $0.line)
        }
    }
}
