import Foundation
import LotseCases
import LotseStore
import LotseWorkflow

extension Shell {
    static func caseCommands() -> [Command] {
        [
            Command(path: ["case", "open"], arguments: ["CLIENT"], options: [
                        OptionSpec("workflow", value: "NAME", Wording(de: "amiga (Standard) oder comparison",
                                                                      en: "amiga (default) or comparison"))],
                    summary: Wording(de: "einen Fall für einen Klienten in der aktuellen Workflow-Version eröffnen",
                                     en: "open a case for a client in the current workflow version"),
                    details: Wording(de: "Der Fall behält diese Workflow-Version sein ganzes Leben lang (gespeichert "
                                         + "über ihren Inhalts-Hash).",
                                     en: "The case keeps this workflow version for its whole life (stored by content hash)."),
                    group: .cases, permission: .openCase, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor
                        let client = try Self.number(inv.arguments[0], "client")
                        let id = try shell.office.openCase(by: actor, clientID: client, workflow: inv.option("workflow") ?? "amiga")
                        let overview = try shell.office.caseOverview(by: actor, id: id, language: try shell.language(inv))
                        shell.say(.openedCase(id: id, client: client, workflow: overview.record.workflow,
                                               version: overview.workflowVersion, state: overview.record.state,
                                               label: overview.stateLabel))
                    }),
            Command(path: ["case", "show"], arguments: ["CASE"], options: [
                        OptionSpec("diagram", Wording(de: "den Workflow als Graphviz-DOT mit hervorgehobenem aktuellem "
                                                          + "Zustand ausgeben",
                                                      en: "print the workflow as Graphviz DOT with the current state highlighted")),
                        OptionSpec("out", value: "FILE", Wording(de: "mit --diagram: das DOT nach DATEI schreiben (- "
                                                                     + "für die Standardausgabe)",
                                                                 en: "with --diagram: write the DOT to FILE (- for standard output)")), .force, .lang],
                    summary: Wording(de: "einen Fall zeigen: Zustand, Fälligkeit, Verlauf und die Ereignisse, die Sie "
                                         + "jetzt auslösen dürfen",
                                     en: "show a case: state, due date, history, and the events you may fire now"),
                    details: .empty, group: .cases, permission: .viewCases, needsLogin: true,
                    run: { shell, inv in try shell.showCase(inv) }),
            Command(path: ["case", "list"], arguments: [], options: [
                        OptionSpec("state", value: "STATE", Wording(de: "nur Fälle in diesem Zustand",
                                                                    en: "only cases in this state")),
                        OptionSpec("site", value: "SITE", Wording(de: "nur Fälle dieses Standorts",
                                                                  en: "only cases of this site")),
                        OptionSpec("overdue", Wording(de: "nur Fälle über ihrer Frist oder ihrem Kontaktintervall",
                                                      en: "only cases past their due date or contact interval")),
                        OptionSpec("mine", Wording(de: "nur Ihnen zugewiesene Fälle",
                                                   en: "only cases assigned to you")), .lang, .format],
                    summary: Wording(de: "Fälle auflisten", en: "list cases"), details: .empty, group: .cases, permission: .viewCases, needsLogin: true,
                    run: { shell, inv in try shell.listCases(inv) }),
            Command(path: ["case", "events"], arguments: ["CASE"], options: [],
                    summary: Wording(de: "die Ereignisse, die Sie an einem Fall jetzt auslösen dürfen",
                                     en: "the events you may fire on a case now"), details: .empty, group: .cases,
                    permission: .viewCases, needsLogin: true,
                    run: { shell, inv in
                        let overview = try shell.office.caseOverview(by: try shell.currentActor,
                                                                     id: try Self.number(inv.arguments[0], "case"),
                                                                     language: shell.language)
                        if overview.enabledEvents.isEmpty { shell.say(.noEventsNow) } else { shell.say(overview.enabledEvents.joined(separator: " ")) }
                    }),
            Command(path: ["case", "assign"], arguments: ["CASE", "USER"], options: [],
                    summary: Wording(de: "einen Fall einer Fallmanagerin oder einem Fallmanager zuweisen",
                                     en: "assign a case to a caseworker"), details: .empty, group: .cases, permission: .assignCase,
                    needsLogin: true,
                    run: { shell, inv in
                        let id = try Self.number(inv.arguments[0], "case")
                        try shell.office.assignCase(by: try shell.currentActor, id: id, to: inv.arguments[1])
                        shell.say(.assigned(caseID: id, to: inv.arguments[1]))
                    }),
            Command(path: ["case", "reopen"], arguments: ["CASE"], options: [
                        OptionSpec("reason", value: "TEXT", Wording(de: "warum der Fall wieder geöffnet wird (Pflicht)",
                                                                    en: "why the case is reopened (required)"))],
                    summary: Wording(de: "einen abgeschlossenen Fall in dem Zustand wieder öffnen, aus dem er "
                                         + "geschlossen wurde",
                                     en: "reopen a closed case into the state it was closed from"),
                    details: Wording(de: "Der Grund steht im Fallverlauf und im Audit-Protokoll.",
                                     en: "The reason is recorded in the case history and the audit log."),
                    group: .cases, permission: .reopenCase, needsLogin: true,
                    run: { shell, inv in
                        guard let reason = inv.option("reason") else {
                            throw ShellError.missingArgument(Placeholder.words("--reason TEXT"), usage: inv.command.usage)
                        }
                        let id = try Self.number(inv.arguments[0], "case")
                        let state = try shell.office.reopenCase(by: try shell.currentActor, id: id, reason: reason)
                        shell.say(.reopened(caseID: id, state: state))
                    }),
            Command(path: ["fire"], arguments: ["CASE", "EVENT"], options: [
                        OptionSpec("note", value: "TEXT", Wording(de: "eine Notiz für den Fallverlauf",
                                                                  en: "a note for the case history"))],
                    summary: Wording(de: "ein Workflow-Ereignis an einem Fall auslösen",
                                     en: "fire a workflow event on a case"),
                    details: Wording(de: "Der Workflow entscheidet: genommen wird der erste Übergang, dessen Bedingung "
                                         + "gilt und dessen Rollen Ihre enthalten, sobald die Formulare da sind, die er "
                                         + "braucht. Sonst ändert sich nichts und der Fehler sagt warum: kein solches "
                                         + "Ereignis hier, Bedingung falsch (mit den gelesenen Werten), Rolle nicht "
                                         + "erlaubt, Formular fehlt oder Vier-Augen-Prinzip.",
                                     en: "The workflow decides: the first transition whose condition holds and whose roles include "
                                         + "yours is taken, once the forms it needs are there. Otherwise nothing changes and the error "
                                         + "says why: no such event here, condition false (with the values read), role not allowed, "
                                         + "form missing, or four-eyes."),
                    group: .cases, permission: .fire, needsLogin: true,
                    run: { shell, inv in
                        let id = try Self.number(inv.arguments[0], "case")
                        let move = try shell.office.fire(by: try shell.currentActor, caseID: id, event: inv.arguments[1],
                                                         note: inv.option("note"))
                        shell.say(.moved(caseID: id, from: move.from, to: move.to, closes: move.closes))
                    }),
        ]
    }

    func showCase(_ inv: Invocation) throws {
        let actor = try currentActor
        let lang = try language(inv)
        let id = try Self.number(inv.arguments[0], "case")
        let o = try office.caseOverview(by: actor, id: id, language: lang)
        if inv.flag("diagram") {
            let dot = WorkflowDiagram.dot(o.workflow, lang: WorkflowLanguage(rawValue: lang) ?? .de, highlight: o.record.state)
            try writeOrPrint(dot, to: inv)
            return
        }
        let year = Int(office.timestamp().prefix(4)) ?? 2026
        let client = o.client
        let name = [client.firstName, client.lastName].compactMap { $0 }.joined(separator: " ")
        func say(_ de: String, _ en: String) -> String { Wording(de: de, en: en).text(words) }
        var text = say("Fall \(o.record.id) · Klient \(client.id)", "case \(o.record.id) · client \(client.id)")
            + (name.isEmpty ? "" : " \(name)")
            + " (\(client.sex), \(ClientCodes.ageClass(birthYear: client.birthYear, in: year)), \(client.applicantType))"
            + say(" · Standort \(o.record.site) · ", " · site \(o.record.site) · ")
            + (o.record.group.map { say("\($0.rawValue) (randomisiert)", "\($0.rawValue) (randomised)") }
                ?? say("randomisiert = nein (von Hand eröffnet; nicht in der Evaluation)",
                       "randomised = no (opened by hand; not in the evaluation)")) + "\n"
        text += "workflow: \(o.record.workflow) \(o.workflowVersion) (sha256 \(o.workflowSHA256.prefix(12))…) · version \(o.record.version)"
            + say(" · zugewiesen an \(o.record.assignee ?? "niemanden")\n", " · assigned to \(o.record.assignee ?? "nobody")\n")
        if o.workflowFileGone {
            text += say("Hinweis: der Workflow \(o.record.workflow) liegt nicht mehr in Workflows/; seine gespeicherte Version "
                        + "dient diesem Fall\n",
                        "note: the workflow \(o.record.workflow) is no longer in Workflows/; its stored version serves this case\n")
        }
        for form in o.formsFromStore {
            text += say("Hinweis: das Formular \(form) liegt nicht mehr in Forms/; seine gespeicherte Version dient diesem Fall\n",
                        "note: the form \(form) is no longer in Forms/; its stored version serves this case\n")
        }
        text += say("Zustand: ", "state: ") + "\(o.record.state): \(o.stateLabel)"
            + (o.record.closed && o.record.state != "closed" ? say(" (abgeschlossen)", " (closed)") : "")
            + (o.statePath.count > 1 ? "   [\(o.statePath.joined(separator: " › "))]" : "") + "\n"
        text += say("seit: ", "since: ") + "\(o.record.enteredAt)\n"
        if let due = o.due {
            text += say("fällig: ", "due: ") + "\(due.date) ("
                + (due.reason == "contact" ? say("vereinbartes Kontaktintervall", "agreed contact interval")
                                           : say("Zeit in diesem Zustand", "time in this state")) + ")"
                + (due.overdue ? say(" ÜBERFÄLLIG", " OVERDUE") : "") + "\n"
        }
        text += say("jetzt auslösbar: ", "you may fire now: ")
            + (o.enabledEvents.isEmpty ? say("nichts", "nothing") : o.enabledEvents.joined(separator: ", ")) + "\n"
        let blocked = o.availableEvents.filter { !o.enabledEvents.contains($0) }
        if !blocked.isEmpty {
            text += say("noch nicht (Formulare oder Bedingungen fehlen): ", "not yet (forms or conditions missing): ")
                + blocked.joined(separator: ", ") + "\n"
        }
        if !o.records.isEmpty { text += say("hier erfassbar: ", "records here: ") + o.records.joined(separator: ", ") + "\n" }
        if !o.submissions.isEmpty {
            var counts: [String: Int] = [:]
            for s in o.submissions { counts[s.form, default: 0] += 1 }
            text += say("Formulare: ", "forms: ") + counts.keys.sorted().map {
                counts[$0]! > 1 ? say("\($0) (\(counts[$0]!) Einträge)", "\($0) (\(counts[$0]!) entries)") : $0
            }.joined(separator: ", ") + "\n"
        }
        text += say("Verlauf:\n", "history:\n")
        for t in o.history {
            text += "  \(t.at)  \(t.user)  \(t.event): \(t.from ?? "-") → \(t.to)" + (t.note.map { "  \"\($0)\"" } ?? "") + "\n"
            for line in (t.log ?? "").split(separator: "\n") { text += "      log: \(line)\n" }
        }
        console.out(text)
    }

    func listCases(_ inv: Invocation) throws {
        let actor = try currentActor
        let state = try checkedName(inv, "state", kind: .state) { knownStates }
        let site = try checkedName(inv, "site", kind: .site, known: knownSites)
        try stream(Self.caseColumns, inv, floors: try idWidths(actor, case: "case", client: "client")) { add in
            try office.listCases(by: actor, state: state, site: site, mine: inv.flag("mine"),
                                 overdue: inv.flag("overdue")) { record, due in try add(Self.caseRow(record, due)) }
        }
    }

    /// The columns of `case list`.
    static let caseColumns = ["case", "client", "site", "group", "workflow", "state", "open", "due", "overdue", "assigned"]

    /// One case's row of `case list`.
    static func caseRow(_ record: CaseRecord, _ due: DueDate?) -> [Listing.Cell] {
        [.int(record.id), .int(record.clientID), .text(record.site),
         record.group.map { .text($0.rawValue) } ?? .term("not randomised", Wording(de: "nicht randomisiert", en: "not randomised")),
         .text(record.workflow), .text(record.state), .bool(!record.closed),
         .text(due?.date), .bool(due?.overdue ?? false), .text(record.assignee)]
    }

    /// Writes text to a file, or to standard output without one.
    /// Writes `text` to the file of `--out` (or another option) safely, or prints it when the
    /// option is missing or `-`.
    func writeOrPrint(_ text: String, to inv: Invocation, option: String = "out") throws {
        guard let target = outputTarget(inv, option: option), case .file = target else {
            console.out(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        let file = try office.output(target)
        do {
            try file.write(text)
            try file.publish()
        } catch {
            file.discard()
            throw error
        }
        say(.wrote(file.name))
    }

    /// The target of `--out FILE` (with `--force`), or nil when the option is missing.
    func outputTarget(_ inv: Invocation, option: String = "out") -> OutputTarget? {
        inv.option(option).map { [console] in
            OutputTarget.named($0, force: inv.flag("force"), standardOutput: { console.out($0) })
        }
    }
}
