import LotseForms
import LotseXPath

/// A form's fields in words, for `form show` (and, later, for a field's explanation in `form fill`).
struct FormDescription {
    let form: FormDefinition
    let language: String

    /// One row per field: path, kind, label, required, relevance, constraint, calculation, choices, access.
    var listing: Listing {
        Listing(columns: ["field", "type", "label", "required", "relevant", "constraint", "calculate", "choices", "access"],
                rows: form.fields.filter { !$0.path.contains("meta") }.map { field in
                    let bind = form.bind(of: field)
                    return [.text(field.relativePath), .text(kind(field)),
                            .text(form.text(field.label, language: language)),
                            .text(bind?.required.map(words)), .text(bind?.relevant.map(words)),
                            .text(constraint(field)), .text(bind?.calculate.map(words)),
                            .text(choices(field)), .text(field.isMedical ? "medical" : "open")]
                })
    }

    /// The form as readable text, a block per field.
    var text: String {
        let lang = Language(code: language)
        var out = "\(form.id): \(form.title(language: language)) (" + Wording(de: "Version", en: "version").text(lang)
            + " \(form.version), \(form.access.rawValue))\n"
        for field in form.fields where !field.path.contains("meta") {
            let bind = form.bind(of: field)
            let indent = String(repeating: "  ", count: max(0, field.path.count - 2))
            var facts = [kind(field)]
            if let required = bind?.required { facts.append(required.source.trimmed() == "true()" ? (Wording(de: "Pflicht", en: "required").text(lang)) : (Wording(de: "Pflicht wenn ", en: "required when ").text(lang)) + words(required)) }
            if field.isMedical { facts.append(Wording(de: "nur ärztlicher Dienst", en: "medical only").text(lang)) }
            out += "\n\(indent)\(field.relativePath)  (\(facts.joined(separator: ", ")))\n"
            if let label = form.text(field.label, language: language, evaluate: output), !label.isEmpty {
                out += "\(indent)  \(label)\n"
            }
            if let hint = form.text(field.hint, language: language, evaluate: output), !hint.isEmpty { out += "\(indent)  \(Wording(de: "Hinweis", en: "hint").text(lang)): \(hint)\n" }
            if let relevant = bind?.relevant { out += "\(indent)  \(Wording(de: "nur wenn", en: "only when").text(lang)): \(words(relevant))\n" }
            if let text = constraint(field) { out += "\(indent)  \(Wording(de: "muss gelten", en: "must hold").text(lang)): \(text)\n" }
            if let calculate = bind?.calculate { out += "\(indent)  \(Wording(de: "berechnet", en: "calculated").text(lang)): \(words(calculate))\n" }
            if let set = form.setValues.first(where: { $0.path == field.path }), let value = set.value {
                out += "\(indent)  \(Wording(de: "vorbelegt aus", en: "prefilled from").text(lang)): \(words(value))\n"
            }
            if let choices = choices(field) { out += "\(indent)  \(Wording(de: "Auswahl", en: "choices").text(lang)): \(choices)\n" }
            if let filter = choiceFilter(field) { out += "\(indent)  \(Wording(de: "Auswahl nur", en: "choices only").text(lang)): \(filter)\n" }
        }
        return out
    }

    /// An `<output value="…"/>` in a label or hint, shown as what it reads: `[age]`.
    func output(_ expression: XPathExpression) -> String { "[" + words(expression) + "]" }

    /// A choice filter (the predicate of an itemset's nodeset) in words.
    func choiceFilter(_ field: Field) -> String? {
        guard case let .itemset(_, nodeset, _, _) = field.choices, let open = nodeset.source.firstIndex(of: "["),
              let close = nodeset.source.lastIndex(of: "]"), open < close else { return nil }
        let predicate = String(nodeset.source[nodeset.source.index(after: open)..<close])
        guard let expression = try? XPathExpression(predicate) else { return predicate }
        return words(expression)
    }

    func words(_ expression: XPathExpression) -> String {
        ExpressionWording.words(expression, root: form.template.name, language: language)
    }

    func kind(_ field: Field) -> String {
        if field.kind == .group { return Wording(de: "Gruppe", en: "group").text(Language(code: language)) }
        if field.isNote { return Wording(de: "Hinweistext", en: "note").text(Language(code: language)) }
        if form.bind(of: field)?.calculate != nil { return Wording(de: "berechnet", en: "calculated").text(Language(code: language)) }
        return field.type.displayName(language)
    }

    func constraint(_ field: Field) -> String? {
        guard let bind = form.bind(of: field), let constraint = bind.constraint else { return nil }
        let message = form.text(bind.constraintMessage, language: language)
        return words(constraint) + (message.map { " — \"\($0)\"" } ?? "")
    }

    func choices(_ field: Field) -> String? {
        let list = form.choices(of: field, language: language)
        guard !list.isEmpty else { return nil }
        return list.map { "\($0.value) = \($0.label)" }.joined(separator: "; ")
    }
}

extension String {
    func trimmed() -> String { trimmingCharacters() }
}

extension Shell {
    func showForm(_ inv: Invocation) throws {
        let description = FormDescription(form: try form(inv.arguments[0]), language: try language(inv))
        if inv.option("format") == nil {
            console.out(description.text)
        } else {
            try show(description.listing, inv)
        }
    }
}
