import LotseCases
import LotseStore
import LotseWorkflow
import LotseXML

extension Shell {
    static func workflowCommands() -> [Command] {
        [
            Command(path: ["workflow", "list"], arguments: [], options: [.format],
                    summary: "list the workflows: every stored version and how many cases use it",
                    details: "A version is stored (by its SHA-256) when the first case is opened with it; the version "
                        + "in Workflows/ now is marked current.",
                    group: .workflows, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in try shell.listWorkflows(inv) }),
            Command(path: ["workflow", "show"], arguments: ["NAME"], options: [.lang, .format],
                    summary: "show a workflow's states and transitions as tables", details: "",
                    group: .workflows, permission: .viewDefinitions, needsLogin: true,
                    run: { shell, inv in try shell.showWorkflow(inv) }),
            Command(path: ["workflow", "check"], arguments: ["FILE"], options: [],
                    summary: "load SCXML workflow files and print every problem with file:line",
                    details: "Checks against the forms of the definitions folder: guards may read only paths of the case "
                        + "document, l:requires and l:records must name forms. Fails when any file has an error.",
                    group: .workflows, permission: .viewDefinitions, needsLogin: true, variadic: true,
                    run: { shell, inv in try shell.checkWorkflows(inv) }),
            Command(path: ["workflow", "diagram"], arguments: ["NAME"], options: [
                        OptionSpec("out", value: "FILE", "write the DOT to FILE instead of printing it"), .force, .lang],
                    summary: "write a workflow as a Graphviz DOT picture",
                    details: "States with their labels, compound states as clusters, transitions labelled with event and "
                        + "roles, guards as tooltips. Render with: dot -Tsvg amiga.dot > amiga.svg",
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
            throw ShellError.definitions("the definitions have errors:\n" + definitions.diagnostics.joined(separator: "\n"))
        }
        throw ShellError.unknownName(name, kind: "workflow", suggestion: Self.closest(to: name, in: known), known: known)
    }

    func checkWorkflows(_ inv: Invocation) throws {
        let definitions = try definitions()
        var reader = WorkflowReader(shape: definitions.caseDocument.shape)
        reader.consentPurposes = definitions.consentPurposes
        var errors = 0
        for file in inv.arguments {
            let bytes: [UInt8]
            do { bytes = try SourceFile.read(file) } catch { throw ShellError.definitions(error.description) }
            let result = reader.diagnose(bytes: bytes, name: file)
            for diagnostic in result.diagnostics { say(diagnostic.description) }
            errors += result.diagnostics.filter { $0.severity == .error }.count
            if let workflow = result.definition, !result.diagnostics.contains(where: { $0.severity == .error }) {
                let warnings = result.diagnostics.count
                say("\(file): ok (workflow \(workflow.nameAndVersion), \(workflow.states.count) states"
                    + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s"))" : ")"))
            }
        }
        if errors > 0 {
            throw ShellError.checkFailed("workflow check", "\(errors) error\(errors == 1 ? "" : "s") in \(inv.arguments.count) file"
                + (inv.arguments.count == 1 ? "" : "s"))
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
            console.out("\(workflow.nameAndVersion) (\(file))\n\nStates:\n" + states.render(.table)
                + "\nTransitions:\n" + transitions.render(.table))
        } else {
            console.out(states.render(format) + transitions.render(format))
        }
    }
}
