import LotseForms

/// Fills a form with a person, field by field in form order: skips what is not relevant,
/// shows choices with their codes, re-asks with the form's message after a bad value.
/// Typing: a value; Enter keeps the value in [brackets]; `-` clears it; `?` shows the hint;
/// `<` goes back; `q` or Ctrl-D cancels the form (only the form); Ctrl-C asks whether to
/// discard the answers.
final class FormFiller {
    let instance: FormInstance
    let language: String
    let console: any Console
    /// Shows a prompt and reads an answer.
    let ask: (String) -> InputLine

    init(instance: FormInstance, language: String, console: any Console, ask: @escaping (String) -> InputLine) {
        self.instance = instance
        self.language = language
        self.console = console
        self.ask = ask
    }

    private var words: Language { Language(code: language) }

    /// Runs until every field is answered and the whole form is valid (true), or the person
    /// cancels or input ends (false).
    func run() -> Bool {
        let form = instance.definition
        console.out("\(form.title(language: language)) (\(form.id) \(form.version))\n" + Wording(
            de: "Eingabe: Wert; Enter behält [Wert]; - löscht; ? Hinweis; < zurück; q abbrechen\n",
            en: "Type a value; Enter keeps the [value]; - clears it; ? hint; < back; q cancel\n").text(words))
        let fields = form.questions
        var index = 0
        var shownGroups: Set<[String]> = []
        var history: [Int] = []
        while true {
            if index >= fields.count {
                let problems = instance.validate(language: language)
                guard let first = problems.first else { return true }
                console.out((Wording(de: "Noch nicht vollständig:\n", en: "Not complete yet:\n").text(words))
                    + problems.map { "  \($0.field): \($0.message)\n" }.joined())
                index = fields.firstIndex { $0.relativePath == first.field } ?? 0
                continue
            }
            let field = fields[index]
            guard instance.isRelevant(field) else { index += 1; continue }
            announceGroups(of: field, shown: &shownGroups)
            if field.isNote || !instance.isEnterable(field) {
                if let text = instance.text(field.label, for: field, language: language), !text.isEmpty {
                    console.out("  \(text)\n")
                }
                index += 1
                continue
            }
            switch ask(field) {
            case .next:
                history.append(index)
                index += 1
            case .back:
                if let previous = history.popLast() { index = previous } else {
                    console.out(Wording(de: "  (schon beim ersten Feld)\n", en: "  (already at the first field)\n").text(words))
                }
            case .cancel:
                return false
            }
        }
    }

    private enum Step { case next, back, cancel }

    private func announceGroups(of field: Field, shown: inout Set<[String]>) {
        for length in 2..<max(2, field.path.count) {
            let prefix = Array(field.path.prefix(length))
            guard !shown.contains(prefix), let group = instance.definition.field(at: prefix), group.kind == .group else { continue }
            shown.insert(prefix)
            if let label = instance.text(group.label, for: group, language: language) { console.out("\n== \(label) ==\n") }
        }
    }

    /// Asks one field until it has an acceptable value (or the person moves or cancels).
    private func ask(_ field: Field) -> Step {
        let label = instance.text(field.label, for: field, language: language) ?? field.name
        let required = instance.isRequired(field)
        var header = "\n\(label)"
        var facts = [field.type.displayName(language)]
        if required { facts.append(Wording(de: "Pflicht", en: "required").text(words)) }
        header += " (\(field.relativePath): \(facts.joined(separator: ", ")))\n"
        let choices = instance.choices(of: field, language: language)
        for (number, choice) in choices.enumerated() { header += "  \(number + 1)) \(choice.value)  \(choice.label)\n" }
        console.out(header)
        while true {
            let current = instance.value(of: field)
            let line: String
            switch ask((current.isEmpty ? "" : "[\(current)] ") + "> ") {
            case .end: return .cancel
            case .interrupted:
                if confirmDiscard() { return .cancel }
                continue
            case let .line(text): line = text
            }
            let input = line.trimmingCharacters()
            switch input {
            case "q": return .cancel
            case "<": return .back
            case "?":
                let hint = instance.text(field.hint, for: field, language: language)
                console.out("  " + (hint ?? (Wording(de: "kein Hinweis", en: "no hint").text(words))) + "\n")
                continue
            case "":
                if let problem = instance.problem(of: field, language: language) {
                    console.out("  \(problem.message)\n")
                    continue
                }
                return .next
            default: break
            }
            let value = input == "-" ? "" : choiceValue(input, choices: choices, field: field)
            let problem: FieldProblem?
            do { problem = try instance.set(field, to: value, language: language) } catch {
                console.out("  \(ErrorPresenter.message(for: error, language: words))\n")
                continue
            }
            if let problem = problem ?? instance.problem(of: field, language: language) {
                console.out("  \(problem.message)\n")
                // Keep the last acceptable value, so Enter does not bring the bad one back.
                if problem.kind != .required { _ = try? instance.set(field, to: current, language: language) }
                continue
            }
            return .next
        }
    }

    /// After Ctrl-C: whether the person wants to throw the answers away.
    private func confirmDiscard() -> Bool {
        guard case let .line(answer) = ask(Wording(de: "Antworten verwerfen? (j/N) ", en: "discard the answers? (y/N) ").text(words)) else {
            return true
        }
        return ["y", "yes", "j", "ja"].contains(answer.trimmingCharacters().lowercased())
    }

    /// Choice numbers (`2`, `1 3`) become codes, unless the text is itself a code.
    private func choiceValue(_ input: String, choices: [(value: String, label: String)], field: Field) -> String {
        guard !choices.isEmpty else { return input }
        let codes = Set(choices.map(\.value))
        let words = input.split(separator: " ").map(String.init)
        return words.map { word in
            if codes.contains(word) { return word }
            if let n = Int(word), n >= 1, n <= choices.count { return choices[n - 1].value }
            return word
        }.joined(separator: " ")
    }
}
