import LotseCases
import LotseStore
import LotseWorkflow
import LotseXML

extension Shell {
    static func workflowCommands() -> [Command] {
        [
            Command(path: ["workflow", "list"], arguments: [], options: [.format],
                    summary: Wording(de: "die Workflows auflisten: jede gespeicherte Version und wie viele Fälle sie "
                                         + "nutzen",
                                     en: "list the workflows: every stored version and how many cases use it"),
                    details: Wording(de: "Eine Version wird (über ihren SHA-256) gespeichert, wenn der erste Fall mit "
                                         + "ihr eröffnet wird; die Version, die jetzt in Workflows/ liegt, ist als "
                                         + "aktuell markiert.",
                                     en: "A version is stored (by its SHA-256) when the first case is opened with it; the version "
                                         + "in Workflows/ now is marked current."),
                    group: .workflows, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in try shell.listWorkflows(inv) }),
            Command(path: ["workflow", "show"], arguments: ["NAME"], options: [.lang, .format],
                    summary: Wording(de: "die Zustände und Übergänge eines Workflows als Tabellen zeigen",
                                     en: "show a workflow's states and transitions as tables"), details: .empty,
                    group: .workflows, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in try shell.showWorkflow(inv) }),
            Command(path: ["workflow", "check"], arguments: ["FILE"], options: [],
                    summary: Wording(de: "SCXML-Workflow-Dateien laden und jedes Problem mit Datei:Zeile ausgeben",
                                     en: "load SCXML workflow files and print every problem with file:line"),
                    details: Wording(de: "Prüft gegen die Formulare des Definitionsordners: Bedingungen dürfen nur "
                                         + "Pfade des Falldokuments lesen, l:requires und l:records müssen Formulare "
                                         + "nennen. Scheitert, wenn eine Datei einen Fehler hat.",
                                     en: "Checks against the forms of the definitions folder: guards may read only paths of the case "
                                         + "document, l:requires and l:records must name forms. Fails when any file has an error."),
                    group: .workflows, permission: .viewDefinitions, needsLogin: true, variadic: true,
                    run: { shell, inv in try shell.checkWorkflows(inv) }),
            Command(path: ["workflow", "diagram"], arguments: ["NAME"], options: [
                        OptionSpec("out", value: "FILE", Wording(de: "das DOT nach DATEI schreiben statt es auszugeben",
                                                                 en: "write the DOT to FILE instead of printing it")), .force, .lang],
                    summary: Wording(de: "einen Workflow als Graphviz-DOT-Bild schreiben",
                                     en: "write a workflow as a Graphviz DOT picture"),
                    details: Wording(de: "Zustände mit ihren Beschriftungen, zusammengesetzte Zustände als Cluster, "
                                         + "Übergänge beschriftet mit Ereignis und Rollen, Bedingungen als Tooltips. "
                                         + "Darstellen mit: dot -Tsvg amiga.dot > amiga.svg",
                                     en: "States with their labels, compound states as clusters, transitions labelled with event and "
                                         + "roles, guards as tooltips. Render with: dot -Tsvg amiga.dot > amiga.svg"),
                    group: .workflows, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in
                        let workflow = try shell.workflow(inv.arguments[0])
                        let dot = WorkflowDiagram.dot(workflow, lang: WorkflowLanguage(rawValue: try shell.language(inv)) ?? .de)
                        try shell.writeOrPrint(dot, to: inv)
                    }),
        ]
    }

    func workflow(_ name: String) throws -> WorkflowDefinition {
        let definitions = try definitions()
        if let workflow = definitions.workflows[name] { return workflow }
        let known = definitions.workflows.keys.sorted()
        if known.isEmpty && !definitions.diagnostics.isEmpty {
            throw ShellError.definitions(Wording(de: "die Definitionen haben Fehler:\n", en: "the definitions have errors:\n")
                + .verbatim(definitions.diagnostics.joined(separator: "\n")))
        }
        throw ShellError.unknownName(name, kind: .workflow, suggestion: Self.closest(to: name, in: known), known: known)
    }

    func checkWorkflows(_ inv: Invocation) throws {
        let definitions = try definitions()
        var reader = WorkflowReader(shape: definitions.caseDocument.shape)
        reader.consentPurposes = definitions.consentPurposes
        var errors = 0
        for file in inv.arguments {
            let bytes: [UInt8]
            do { bytes = try SourceFile.read(file) } catch { throw ShellError.definitions(.verbatim(error.description)) }
            let result = reader.diagnose(bytes: bytes, name: file)
            for diagnostic in result.diagnostics { say(diagnostic.description) }
            errors += result.diagnostics.filter { $0.severity == .error }.count
            if let workflow = result.definition, !result.diagnostics.contains(where: { $0.severity == .error }) {
                say(.workflowFileOK(file: file, workflow: workflow.nameAndVersion, states: workflow.states.count,
                                    warnings: result.diagnostics.count))
            }
        }
        if errors > 0 {
            throw ShellError.checkFailed("workflow check", .checkSummary(errors: errors, files: inv.arguments.count))
        }
    }

    func listWorkflows(_ inv: Invocation) throws {
        let rows = try office.workflowVersions(by: try currentActor)
        try show(Listing(columns: ["name", "version", "sha256", "cases", "current", "stored"], rows: rows.map {
            [.text($0.name), .text($0.version), .text(String($0.sha256.prefix(16))), .int($0.cases), .bool($0.current),
             .text($0.storedAt)]
        }), inv)
    }

    func showWorkflow(_ inv: Invocation) throws {
        let workflow = try workflow(inv.arguments[0])
        let lang = WorkflowLanguage(rawValue: try language(inv)) ?? .de
        let states = Listing(columns: ["state", "kind", "label", "due", "requires", "records", "contact_interval"],
                             rows: workflow.stateRows(lang: lang).map { row in
            [.text(String(repeating: "  ", count: row.depth) + row.id), .text(row.kind.rawValue), .text(row.label),
             .text(row.due), .text(row.requires.isEmpty ? nil : row.requires.joined(separator: " ")),
             .text(row.records.isEmpty ? nil : row.records.joined(separator: " ")), .text(row.contactInterval)]
        })
        let transitions = Listing(columns: ["from", "event", "to", "roles", "condition", "requires", "four_eyes", "label"],
                                  rows: workflow.transitionRows(lang: lang).map { row in
            [.text(row.source), .text(row.event), .text(row.target), .text(row.roles?.joined(separator: " ") ?? "any"),
             .text(row.cond), .text(row.requires.isEmpty ? nil : row.requires.joined(separator: " ")),
             .bool(row.fourEyes), .text(row.label)]
        })
        let format = try inv.format()
        if format == .table {
            let file = workflow.file.split(separator: "/").suffix(2).joined(separator: "/")
            console.out("\(workflow.nameAndVersion) (\(file))\n\n" + Wording(de: "Zustände:\n", en: "States:\n").text(words)
                + states.render(.table, language: words)
                + Wording(de: "\nÜbergänge:\n", en: "\nTransitions:\n").text(words) + transitions.render(.table, language: words))
        } else {
            console.out(states.render(format, language: words) + transitions.render(format, language: words))
        }
    }
}
