import LotseCases
import LotseForms
import LotseStore
import LotseXML

extension Shell {
    static func submissionCommands() -> [Command] {
        [
            Command(path: ["form", "fill"], arguments: ["CASE", "FORM"], options: [
                        OptionSpec("entry", value: "N", Wording(de: "Eintrag N eines wiederholbaren Formulars "
                                                                    + "korrigieren",
                                                                en: "correct entry N of a repeatable form")), .lang],
                    summary: Wording(de: "ein Formular an einem Fall Feld für Feld ausfüllen (Terminal) und speichern",
                                     en: "fill a form on a case field by field (terminal) and store it"),
                    details: Wording(de: "Wie `form try`, aber das Formular beginnt mit dem Fall (und bei einer "
                                         + "Korrektur mit den Werten, die es korrigiert) und wird gespeichert, wenn es "
                                         + "vollständig und gültig ist. In Skripten `form submit` verwenden.",
                                     en: "As `form try`, but the form starts from the case (and, for a correction, from the values "
                                         + "it corrects) and is stored when complete and valid. In scripts use `form submit`."),
                    group: .forms, permission: .submitForm, needsLogin: true,
                    run: { shell, inv in try shell.fillForm(inv) }),
            Command(path: ["form", "submit"], arguments: ["CASE", "FORM", "[KEY=VALUE]"], options: [
                        OptionSpec("file", value: "FILE", Wording(de: "die Werte aus einer Instanz-XML-Datei nehmen",
                                                                  en: "take the values from an instance XML file")),
                        OptionSpec("entry", value: "N", Wording(de: "Eintrag N eines wiederholbaren Formulars "
                                                                    + "korrigieren",
                                                                en: "correct entry N of a repeatable form")), .lang],
                    summary: Wording(de: "ein Formular an einem Fall aus SCHLÜSSEL=WERT-Paaren oder einer Instanzdatei "
                                         + "speichern",
                                     en: "store a form on a case from KEY=VALUE pairs or an instance file"),
                    details: Wording(de: "Ein Formular erneut zu erfassen ist eine Korrektur: die neue Erfassung "
                                         + "ersetzt die alte, und beide bleiben erhalten. Wiederholbare Formulare "
                                         + "(Kontakte, Schritte, Nachbetreuung) bekommen jedes Mal einen neuen Eintrag.",
                                     en: "Submitting a form again is a correction: the new submission supersedes the old one, and "
                                         + "both are kept. Repeatable forms (contacts, steps, follow-ups) get a new entry each time."),
                    group: .forms, permission: .submitForm, needsLogin: true, variadic: true,
                    run: { shell, inv in try shell.submitForm(inv) }),
            Command(path: ["form", "view"], arguments: ["CASE", "FORM"], options: [
                        OptionSpec("all-versions", Wording(de: "auch die ersetzten Erfassungen",
                                                           en: "also the superseded submissions")), .lang, .format],
                    summary: Wording(de: "die Erfassungen eines Formulars an einem Fall zeigen",
                                     en: "show a case's submissions of a form"),
                    details: Wording(de: "Gesundheitsfelder sieht nur die Rolle medical; andere sehen [medical]. Jede "
                                         + "Ansicht wird protokolliert.",
                                     en: "Health fields are shown to the medical role only; others see [medical]. Every view is "
                                         + "audited."),
                    group: .forms, permission: .viewForm, needsLogin: true,
                    run: { shell, inv in try shell.viewForm(inv) }),
        ]
    }

    func entryOption(_ inv: Invocation) throws -> Int? {
        guard let text = inv.option("entry") else { return nil }
        guard let n = Int(text), n > 0 else { throw ShellError.badValue(option: "entry", value: text, expected: Wording(de: "eine Eintragsnummer", en: "an entry number")) }
        return n
    }

    func fillForm(_ inv: Invocation) throws {
        guard interactive else {
            throw ShellError.definitions(Wording(
                de: "form fill fragt am Terminal Feld für Feld; in einem Skript form submit verwenden",
                en: "form fill asks field by field on a terminal; in a script use form submit"))
        }
        let actor = try currentActor
        let lang = try language(inv)
        let prepared = try office.prepareSubmission(by: actor, caseID: try Self.number(inv.arguments[0], "case"),
                                                    formID: inv.arguments[1], entry: try entryOption(inv))
        let filler = FormFiller(instance: prepared.instance, language: lang, console: console,
                                    ask: { [unowned self] in self.readLine(prompt: $0, purpose: .answer) })
        guard filler.run() else {
            say(.cancelledNothingStored)
            return
        }
        report(try office.store(prepared, by: actor, language: lang))
    }

    func submitForm(_ inv: Invocation) throws {
        let actor = try currentActor
        var document: LotseXML.XMLElement?
        if let file = inv.option("file") {
            do { document = try XMLDocument.parse(fileAt: file).root } catch { throw ShellError.definitions(.verbatim(error.description)) }
        }
        let record = try office.submit(by: actor, caseID: try Self.number(inv.arguments[0], "case"), formID: inv.arguments[1],
                                       values: try Self.keyValues(Array(inv.arguments.dropFirst(2))), document: document,
                                       entry: try entryOption(inv), language: try language(inv))
        report(record)
    }

    /// Whether the case document keeps every entry of this form (its submissions are numbered).
    private func isRepeatable(_ form: String) -> Bool {
        (try? definitions().caseDocument.repeatable.contains(form)) ?? false
    }

    private func report(_ record: SubmissionRecord) {
        say(.stored(form: record.form, caseID: record.caseID, submission: record.id,
                    entry: record.entry > 1 || isRepeatable(record.form) ? record.entry : nil, corrects: record.supersedes))
    }

    func viewForm(_ inv: Invocation) throws {
        let actor = try currentActor
        let lang = try language(inv)
        let views = try office.viewSubmissions(by: actor, caseID: try Self.number(inv.arguments[0], "case"),
                                               formID: inv.arguments[1], allVersions: inv.flag("all-versions"))
        if inv.option("format") != nil {
            try show(Listing(columns: ["submission", "entry", "current", "by", "at", "field", "value"], rows: views.flatMap { view in
                view.values.map { item in
                    [.int(view.record.id), .int(view.record.entry), .bool(view.record.isCurrent), .text(view.record.user),
                     .text(view.record.at), .text(item.key), .text(item.withheld ? "[medical]" : item.value)]
                }
            }), inv)
            return
        }
        guard !views.isEmpty else {
            say(.noSubmission(caseID: inv.arguments[0], form: inv.arguments[1]))
            return
        }
        for view in views {
            let r = view.record, said = Language(code: lang)
            func say(_ de: String, _ en: String) -> String { Wording(de: de, en: en).text(said) }
            var text = "\(view.form.title(language: lang)) (\(view.form.id) \(view.form.version)) · "
                + say("Erfassung \(r.id)", "submission \(r.id)")
                + (isRepeatable(view.form.id) ? say(" · Eintrag \(r.entry)", " · entry \(r.entry)") : "")
                + say(" · von \(r.user) am \(r.at)", " · by \(r.user) at \(r.at)")
                + (r.isCurrent ? "" : say(" · ersetzt", " · superseded"))
                + (r.supersedes.map { say(" · korrigiert \($0)", " · corrects \($0)") } ?? "") + "\n"
            for item in view.values where item.field.kind != .hidden || !item.value.isEmpty || item.withheld {
                if item.field.path.contains("meta") { continue }
                let label = view.form.text(item.field.label, language: lang) ?? item.field.name
                text += "  \(item.key): " + (item.withheld ? "[medical]" : display(item.value, item.field, view.form, lang))
                    + "   (\(label))\n"
            }
            console.out(text)
        }
    }

    /// A value with its choice labels: `LT3 (unter 3 Stunden täglich)`.
    private func display(_ value: String, _ field: Field, _ form: FormDefinition, _ lang: String) -> String {
        guard !value.isEmpty else { return "-" }
        let choices = form.choices(of: field, language: lang)
        guard !choices.isEmpty else { return value }
        return value.split(separator: " ").map { code in
            (choices.first { $0.value == code }?.label).map { "\(code) (\($0))" } ?? String(code)
        }.joined(separator: ", ")
    }
}
