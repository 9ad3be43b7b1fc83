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

    /// One place in the walk through the form: a question in some repeat instances, or
    /// Collect's "add another …?" after a repeat's last instance.
    enum Item {
        case question(FieldAddress)
        case addAnother(RepeatDefinition, indices: [Int], count: Int)
    }

    /// The walk as the instance is now (repeat instances expanded in form order).
    func items() -> [Item] {
        let form = instance.definition
        var out: [Item] = []
        func walk(_ fields: ArraySlice<Field>, indices: [Int]) {
            var i = fields.startIndex
            while i < fields.endIndex {
                let field = fields[i]
                i += 1
                if let repeatDefinition = form.repeatDefinition(at: field.path) {
                    var end = i
                    while end < fields.endIndex, fields[end].path.count > field.path.count,
                          Array(fields[end].path.prefix(field.path.count)) == field.path { end += 1 }
                    let count = instance.instanceCount(repeatDefinition, in: indices)
                    for k in 0..<count where k < FormDefinition.maximumRepeatInstances {
                        walk(fields[i..<end], indices: indices + [k + 1])
                    }
                    if repeatDefinition.asksToAdd { out.append(.addAnother(repeatDefinition, indices: indices, count: count)) }
                    i = end
                } else if field.kind != .group && field.kind != .hidden {
                    out.append(.question(form.address(field, indices: indices)))
                }
            }
        }
        walk(form.fields[...], indices: [])
        return out
    }

    /// Runs until every field is answered and the whole form is valid (true), or the person
    /// cancels or input ends (false).
    func run() -> Bool {
        let form = instance.definition
        console.out("\(form.title(language: language)) (\(form.id) \(form.version))\n" + Wording(
            de: "Eingabe: Wert; Enter behält [Wert]; - löscht; ? Hinweis; < zurück; q abbrechen\n",
            en: "Type a value; Enter keeps the [value]; - clears it; ? hint; < back; q cancel\n").text(words))
        let fields = form.questions
        var index = 0
        var shownGroups: Set<String> = []
        var history: [Int] = []
        while true {
            let items = items()
            if index >= items.count {
                let problems = instance.validate(language: language)
                guard let first = problems.first else { return true }
                console.out((Wording(de: "Noch nicht vollständig:\n", en: "Not complete yet:\n").text(words))
                    + problems.map { "  \($0.field): \($0.message)\n" }.joined())
                index = items.firstIndex {
                    if case let .question(address) = $0 { return address.text == first.field }
                    return false
                } ?? 0
                continue
            }
            let step: Step
            switch items[index] {
            case let .question(address):
                guard instance.isRelevant(address) else { index += 1; continue }
                announceGroups(of: address, shown: &shownGroups)
                if address.field.isNote || !instance.isEnterable(address) {
                    if let text = instance.text(address.field.label, for: address, language: language), !text.isEmpty {
                        console.out("  \(text)\n")
                    }
                    index += 1
                    continue
                }
                step = ask(address)
            case let .addAnother(repeatDefinition, indices, count):
                step = askToAdd(repeatDefinition, indices: indices, count: count)
            }
            switch step {
            case .next:
                history.append(index)
                index += 1
            case .skip:
                index += 1
            case .stay:
                history.append(index)
            case .back:
                if let previous = history.popLast() { index = previous } else {
                    console.out(Wording(de: "  (schon beim ersten Feld)\n", en: "  (already at the first field)\n").text(words))
                }
            case .cancel:
                return false
            }
        }
    }

    /// `stay`: the walk continues at the same place (a new repeat instance's first question);
    /// `skip`: nothing was asked, so `<` does not come back here.
    private enum Step { case next, skip, stay, back, cancel }

    private func announceGroups(of address: FieldAddress, shown: inout Set<String>) {
        let form = instance.definition
        let path = address.field.path
        var repeatNumber = 0
        for length in 2..<max(2, path.count) {
            let prefix = Array(path.prefix(length))
            let isRepeat = form.repeatDefinition(at: prefix) != nil
            if isRepeat { repeatNumber += 1 }
            guard let group = form.field(at: prefix), group.kind == .group else { continue }
            let indices = Array(address.indices.prefix(repeatNumber))
            let key = prefix.joined(separator: "/") + indices.map { "[\($0)]" }.joined()
            guard shown.insert(key).inserted else { continue }
            let groupAddress = form.address(group, indices: indices)
            guard let label = instance.text(group.label, for: groupAddress, language: language) else { continue }
            console.out("\n== \(label)\(isRepeat ? " \(indices.last ?? 1)" : "") ==\n")
        }
    }

    /// Collect's question after a repeat's last instance: add another one?
    private func askToAdd(_ repeatDefinition: RepeatDefinition, indices: [Int], count: Int) -> Step {
        let form = instance.definition
        guard let group = form.field(at: repeatDefinition.path) else { return .next }
        // A repeat inside an instance that is not relevant, or not relevant itself: nothing to ask.
        guard instance.mayAddInstance(repeatDefinition, in: indices) else { return .skip }
        let label = instance.text(group.label, for: form.address(group, indices: indices + [max(1, count)]),
                                  language: language) ?? group.name
        let question = count == 0
            ? Wording(de: "\(label) hinzufügen? (j/N) ", en: "Add a \"\(label)\"? (y/N) ").text(words)
            : Wording(de: "Noch eine(n) \(label) hinzufügen? (j/N) ", en: "Add another \"\(label)\"? (y/N) ").text(words)
        while true {
            let line: String
            switch ask(question) {
            case .end: return .cancel
            case .interrupted:
                if confirmDiscard() { return .cancel }
                continue
            case let .line(text): line = text
            }
            switch line.trimmingCharacters().lowercased() {
            case "q": return .cancel
            case "<": return .back
            case "", "n", "no", "nein": return .next
            case "y", "yes", "j", "ja":
                do {
                    try instance.addInstance(repeatDefinition, in: indices)
                } catch {
                    console.out("  \(ErrorPresenter.message(for: error, language: words))\n")
                    return .next
                }
                return .stay
            default:
                console.out(Wording(de: "  j oder n\n", en: "  y or n\n").text(words))
            }
        }
    }

    /// Asks one field until it has an acceptable value (or the person moves or cancels).
    private func ask(_ address: FieldAddress) -> Step {
        let field = address.field
        let label = instance.text(field.label, for: address, language: language) ?? field.name
        let required = instance.isRequired(address)
        var header = "\n\(label)"
        var facts = [field.type.displayName(language)]
        if required { facts.append(Wording(de: "Pflicht", en: "required").text(words)) }
        header += " (\(address.text): \(facts.joined(separator: ", ")))\n"
        let choices = instance.choices(of: address, language: language)
        for (number, choice) in choices.enumerated() { header += "  \(number + 1)) \(choice.value)  \(choice.label)\n" }
        console.out(header)
        while true {
            let current = instance.value(of: address)
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
                let hint = instance.text(field.hint, for: address, language: language)
                console.out("  " + (hint ?? (Wording(de: "kein Hinweis", en: "no hint").text(words))) + "\n")
                continue
            case "":
                if let problem = instance.problem(of: address, language: language) {
                    console.out("  \(problem.message)\n")
                    continue
                }
                return .next
            default: break
            }
            let value = input == "-" ? "" : choiceValue(input, choices: choices, field: field)
            let problem: FieldProblem?
            do { problem = try instance.set(address, to: value, language: language) } catch {
                console.out("  \(ErrorPresenter.message(for: error, language: words))\n")
                continue
            }
            if let problem = problem ?? instance.problem(of: address, language: language) {
                console.out("  \(problem.message)\n")
                // Keep the last acceptable value, so Enter does not bring the bad one back.
                if problem.kind != .required { _ = try? instance.set(address, to: current, language: language) }
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
