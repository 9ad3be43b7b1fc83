import LotseCases
import LotseForms
import LotseXML

extension Shell {
    static func formCommands() -> [Command] {
        [
            Command(path: ["form", "list"], arguments: [], options: [.lang, .format],
                    summary: Wording(de: "die Formulare auflisten: Kennung, Titel, Version, Felder, Zugriff",
                                     en: "list the forms: id, title, version, fields, access"),
                    details: Wording(de: "Zugriff ist open (jede Fallrolle), medical (nur die Rolle medical liest den "
                                         + "Inhalt) oder partly medical.",
                                     en: "Access is open (every case role), medical (only the medical role reads the content) "
                                         + "or partly medical."),
                    group: .forms, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in try shell.listForms(inv) }),
            Command(path: ["form", "show"], arguments: ["FORM"], options: [.lang, .format],
                    summary: Wording(de: "die Felder eines Formulars mit Typen, Auswahlen, Relevanz und Bedingungen in "
                                         + "Worten zeigen",
                                     en: "show a form's fields with types, choices, relevance and constraints in words"),
                    details: .empty, group: .forms, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in try shell.showForm(inv) }),
            Command(path: ["form", "check"], arguments: ["FILE"], options: [],
                    summary: Wording(de: "XForm-Dateien laden und jedes Problem mit Datei:Zeile ausgeben",
                                     en: "load XForm files and print every problem with file:line"),
                    details: Wording(de: "Scheitert (Exit-Code 1 im Skript), wenn eine Datei einen Fehler hat. Prüft "
                                         + "jedes XForm, auch eines außerhalb des Definitionsordners.",
                                     en: "Fails (exit code 1 in a script) when any file has an error. Checks any XForm, "
                                         + "also one outside the definitions folder."),
                    group: .forms, permission: .viewDefinitions, needsLogin: true, variadic: true,
                    run: { shell, inv in try shell.checkForms(inv) }),
            Command(path: ["form", "try"], arguments: ["FORM", "[KEY=VALUE]"], options: [
                        OptionSpec("file", value: "FILE", Wording(de: "die Werte aus einer Instanz-XML-Datei nehmen",
                                                                  en: "take the values from an instance XML file")), .lang],
                    summary: Wording(de: "ein Formular ausfüllen, ohne es zu speichern; das Instanz-XML oder jedes "
                                         + "Problem ausgeben",
                                     en: "fill a form without storing it; print the instance XML or every problem"),
                    details: Wording(de: "Mit SCHLÜSSEL=WERT-Paaren oder --file füllt es ohne Rückfragen aus. Ohne sie "
                                         + "fragt es am Terminal Feld für Feld in der Reihenfolge des Formulars und "
                                         + "überspringt, was nicht relevant ist: Enter behält den Wert in [Klammern], - "
                                         + "leert ihn, ? zeigt den Hinweis, < geht zurück, q bricht ab. Ein SCHLÜSSEL ist der "
                                         + "Name eines Felds oder sein Pfad unter der Wurzel (person/age); mehrere "
                                         + "Auswahlen sind ein Wert in Anführungszeichen (limits=\"lifting night\").",
                                     en: "With KEY=VALUE pairs or --file it fills non-interactively. Without them, on a terminal, "
                                         + "it asks field by field in form order, skipping what is not relevant: Enter keeps the value "
                                         + "in [brackets], - clears it, ? shows the hint, < goes back, q cancels. A KEY is a field's "
                                         + "name or its path below the root (person/age); several choices are one quoted value "
                                         + "(limits=\"lifting night\")."),
                    group: .forms, permission: .viewDefinitions, needsLogin: true, variadic: true,
                    run: { shell, inv in try shell.tryForm(inv) }),
        ]
    }

    /// The language a command uses: `--lang`, else the shell's.
    func language(_ inv: Invocation) throws -> String {
        guard let lang = inv.option("lang") else { return language }
        guard lang == "de" || lang == "en" else { throw ShellError.badValue(option: "lang", value: lang, expected: Wording(de: "de oder en", en: "de or en")) }
        return lang
    }

    /// The form with this id, or an error naming the known ones.
    func form(_ id: String) throws -> FormDefinition {
        let forms = try forms()
        if let form = forms[id] { return form }
        let known = forms.sorted.map(\.id)
        if known.isEmpty && !forms.diagnostics.isEmpty {
            throw ShellError.definitions(Wording(
                de: "die Formulare des Definitionsordners haben Fehler; `form check` auf sie anwenden",
                en: "the forms of the definitions folder have errors; run `form check` on them"))
        }
        throw ShellError.unknownName(id, kind: .form, suggestion: Self.closest(to: id, in: known), known: known)
    }

    func listForms(_ inv: Invocation) throws {
        let forms = try forms()
        let lang = try language(inv)
        try show(Listing(columns: ["id", "title", "version", "fields", "access"], rows: forms.sorted.map { form in
            [.text(form.id), .text(form.title(language: lang)), .text(form.version),
             .int(Self.answerCount(form)),
             .text(form.access.rawValue)]
        }), inv)
        if !forms.diagnostics.isEmpty {
            warn(.formFilesNotLoaded(forms.diagnostics.map { "\($0)" }))
        }
    }

    func checkForms(_ inv: Invocation) throws {
        _ = try definitions()   // the same check as reading the folder's forms
        var errors = 0
        for file in inv.arguments {
            let result = FormReader.read(fileAt: file)
            for diagnostic in result.diagnostics { say(diagnostic.description) }
            errors += result.diagnostics.filter { $0.severity == .error }.count
            if result.diagnostics.isEmpty, let form = result.definition {
                say(.formFileOK(file: file, form: form.id, version: form.version, fields: Self.answerCount(form)))
            }
        }
        if errors > 0 {
            throw ShellError.checkFailed("form check", .checkSummary(errors: errors, files: inv.arguments.count))
        }
    }

    func tryForm(_ inv: Invocation) throws {
        let lang = try language(inv)
        let definition = try form(inv.arguments[0])
        let instance = FormInstance(definition: definition, environment: formEnvironment)
        let pairs = try Self.keyValues(Array(inv.arguments.dropFirst()))
        if let file = inv.option("file") {
            let document: LotseXML.XMLDocument
            do { document = try XMLDocument.parse(fileAt: file) } catch { throw ShellError.definitions(.verbatim(error.description)) }
            try instance.load(document.root)
        }
        if pairs.isEmpty && inv.option("file") == nil && interactive {
            let filler = FormFiller(instance: instance, language: lang, console: console,
                                    ask: { [unowned self] in self.readLine(prompt: $0, purpose: .answer) })
            guard filler.run() else {
                say(.cancelledNothingStored)
                return
            }
        } else {
            try instance.set(pairs.map { ($0.key, $0.value) }, language: lang)
        }
        let problems = instance.validate(language: lang)
        guard problems.isEmpty else { throw ShellError.formProblems(form: definition.id, problems) }
        console.out(instance.xml() + "\n")
    }

    /// The fields a form records (no groups, notes or meta), as `form list` and `form check` count.
    static func answerCount(_ form: FormDefinition) -> Int {
        form.fields.filter { $0.kind != .group && !$0.isNote && !$0.path.contains("meta") }.count
    }

    /// Splits `key=value` words.
    static func keyValues(_ words: [String]) throws -> [(key: String, value: String)] {
        var seen: Set<String> = []
        return try words.map { word in
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
                throw ShellError.badArgument(word, expected: Wording(de: "SCHLÜSSEL=WERT", en: "KEY=VALUE"))
            }
            let key = String(word[..<eq])
            guard seen.insert(key).inserted else { throw ShellError.repeatedKey(key) }
            return (key, String(word[word.index(after: eq)...]))
        }
    }
}
