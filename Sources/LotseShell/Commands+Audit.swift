import LotseCases
import LotseStore

extension Shell {
    static func auditCommands() -> [Command] {
        [
            Command(path: ["audit"], arguments: [], options: [
                        OptionSpec("case", value: "N", Wording(de: "nur Zeilen zu Fall N",
                                                               en: "only rows about case N")),
                        OptionSpec("user", value: "NAME", Wording(de: "nur Zeilen dieses Benutzers",
                                                                  en: "only rows by this user")),
                        OptionSpec("action", value: "ACTION", Wording(de: "nur diese Aktion und ihre Verfeinerungen "
                                                                          + "(login trifft login.failed)",
                                                                      en: "only this action and its refinements (login matches login.failed)")),
                        OptionSpec("since", value: "DATE", Wording(de: "ab diesem Datum (JJJJ-MM-TT) oder Zeitpunkt "
                                                                       + "(JJJJ-MM-TTThh:mm:ssZ)",
                                                                   en: "from this date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ) on")),
                        OptionSpec("until", value: "DATE", Wording(de: "bis einschließlich diesem Datum oder vor "
                                                                       + "diesem Zeitpunkt",
                                                                   en: "up to and including this date, or before this time")),
                        OptionSpec("last", value: "N", Wording(de: "nur die letzten N passenden Zeilen",
                                                               en: "only the last N matching rows")),
                        .format],
                    summary: Wording(de: "das Audit-Protokoll zeigen, gefiltert", en: "show the audit log, filtered"),
                    details: Wording(de: "Jede Änderung, Anmeldung, Ablehnung und jede Ansicht von Gesundheitsdaten "
                                         + "schreibt eine Zeile. Zeiten sind UTC. Die Ausgabe als CSV und JSON enthält "
                                         + "auch prev_hash und hash jeder Zeile.",
                                     en: "Every change, login, refusal and view of health data writes a row. Times are UTC. "
                                         + "CSV and JSON output also carry each row's prev_hash and hash."),
                    group: .audit, permission: .queryAudit, needsLogin: true,
                    run: { shell, inv in try shell.showAudit(inv) }),
            Command(path: ["audit", "verify"], arguments: [], options: [
                        OptionSpec("head", value: "SEQ:HASH", Wording(de: "ein früher notierter Kopf (`audit head`): "
                                                                          + "das Protokoll muss diese Zeile noch "
                                                                          + "unverändert enthalten",
                                                                      en: "a head written down earlier (`audit head`): "
                                                                          + "the log must still hold that row unchanged"))],
                    summary: Wording(de: "die Hash-Kette neu berechnen, die Daten gegen sie prüfen und die erste "
                                         + "fehlerhafte Zeile nennen",
                                     en: "recompute the hash chain and check the data against it; name the first bad row"),
                    details: Wording(de: "Prüft die Kette Zeile für Zeile, dann jeden Fall, Übergang, jede Erfassung, "
                                         + "jeden Klienten, Benutzer, Standort, Randomisierungslauf und jede Zuteilung "
                                         + "gegen den Hash, den die Audit-Zeile beim Schreiben festhielt. Endet im "
                                         + "Skript mit einem Fehlercode, wenn etwas außerhalb von Lotse geändert, "
                                         + "gelöscht oder eingefügt wurde oder wenn das Protokoll den mit --head "
                                         + "genannten Kopf nicht mehr enthält.",
                                     en: "Checks the chain row by row, then every case, transition, submission, client, user, "
                                         + "site, randomisation run and assignment against the hash the audit row that wrote it "
                                         + "recorded. Exits non-zero in a script when anything was changed, deleted or inserted "
                                         + "outside Lotse, or when the log no longer holds the head given with --head."),
                    group: .audit, permission: .verifyAudit, needsLogin: true,
                    run: { shell, inv in
                        var head: (seq: Int, hash: String)?
                        if let text = inv.option("head") {
                            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                            guard parts.count == 2, let seq = Int(parts[0]), seq > 0, parts[1].utf8.count == 64,
                                  parts[1].allSatisfy({ $0.isHexDigit }) else {
                                throw ShellError.badValue(option: "head", value: text,
                                                          expected: Wording(de: "SEQ:HASH, wie `audit head` es ausgibt", en: "SEQ:HASH as `audit head` prints it"))
                            }
                            head = (seq, parts[1].lowercased())
                        }
                        let result = try shell.office.verifyAudit(by: try shell.currentActor, head: head,
                                                                  progress: shell.progress(every: 10_000,
                                                                      Wording(de: "Prüfung des Audit-Protokolls", en: "verifying the audit log"),
                                                                      Wording(de: "Zeilen", en: "rows")))
                        if !result.isIntact { throw AuditFailure(result) }
                        shell.say(.auditIntact(rows: result.rowsChecked, head: result.head, contains: head?.seq))
                    }),
            Command(path: ["audit", "head"], arguments: [], options: [],
                    summary: Wording(de: "Nummer und Hash der letzten Zeile ausgeben (SEQ:HASH), um sie anderswo zu "
                                         + "notieren",
                                     en: "print the last row's number and hash (SEQ:HASH), to write down elsewhere"),
                    details: Wording(de: "Später beweist `audit verify --head SEQ:HASH`, dass das Protokoll diese "
                                         + "Zeile noch unverändert enthält (es ist nur gewachsen). Auch jeder Export "
                                         + "hält den Kopf fest.",
                                     en: "Later, `audit verify --head SEQ:HASH` proves the log still holds that row unchanged "
                                         + "(it has only grown). Every export records the head too."),
                    group: .audit, permission: .auditHead, needsLogin: true,
                    run: { shell, _ in
                        if let head = try shell.office.auditHead(by: try shell.currentActor) {
                            shell.say("\(head.seq):\(head.hash)")
                        } else {
                            shell.say(.auditEmpty)
                        }
                    }),
        ]
    }

    func showAudit(_ inv: Invocation) throws {
        let filter = try auditFilter(inv)
        let format = try inv.format()
        let actor = try currentActor
        var columns = ["seq", "at", "actor", "role", "action", "case", "event", "from", "to", "detail"]
        if format != .table { columns += ["prev_hash", "hash"] }
        try stream(columns, inv, floors: try idWidths(actor, case: "case", client: nil, seq: "seq")) { add in
            try office.auditEntries(by: actor, filter: filter) { entry in
                var row: [Listing.Cell] = [
                    .int(entry.seq), .text(entry.draft.at), .text(entry.draft.actor), .text(entry.draft.role),
                    .text(entry.draft.action), .int(entry.draft.caseID), .text(entry.draft.event),
                    .text(entry.draft.fromState), .text(entry.draft.toState), .text(entry.draft.detail),
                ]
                if format != .table { row += [.text(entry.prevHash), .text(entry.hash)] }
                try add(row)
            }
        }
    }

    /// The audit filter of `--case`, `--user`, `--action`, `--since`, `--until`, `--last`.
    func auditFilter(_ inv: Invocation) throws -> AuditFilter {
        var filter = AuditFilter()
        if let text = inv.option("case") {
            guard let n = Int(text), n > 0 else { throw ShellError.badValue(option: "case", value: text, expected: Wording(de: "eine Fallnummer", en: "a case number")) }
            filter.caseID = n
        }
        filter.actor = try checkedName(inv, "user", kind: .user, likely: knownAccounts, known: knownActors)
        filter.action = try checkedName(inv, "action", kind: .action, likely: { Self.writtenActions }, known: knownActions)
        if let text = inv.option("since") {
            guard let since = Timestamp.normalise(text) else {
                throw ShellError.badValue(option: "since", value: text, expected: Wording(de: "JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ssZ", en: "YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"))
            }
            filter.since = since
        }
        if let text = inv.option("until") {
            guard let until = text.count == 10 ? Timestamp.dayAfter(text) : Timestamp.normalise(text) else {
                throw ShellError.badValue(option: "until", value: text, expected: Wording(de: "JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ssZ", en: "YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"))
            }
            filter.until = until
        }
        if let text = inv.option("last") {
            guard let n = Int(text), n > 0 else { throw ShellError.badValue(option: "last", value: text, expected: Wording(de: "eine positive Zahl", en: "a positive number")) }
            filter.last = n
        }
        return filter
    }
}

extension Listing.Cell {
    /// The cell as CSV/table text (empty for null).
    var plainText: String {
        switch self {
        case let .text(s): return s
        case let .int(i): return String(i)
        case let .number(x): return x.isFinite ? String(x) : ""
        case let .bool(b): return b ? "yes" : "no"
        case let .term(code, _): return code
        case .null: return ""
        }
    }
}

/// A failed `audit verify`: every problem found, one a line.
struct AuditFailure: Error, CustomStringConvertible {
    let result: AuditVerification

    init(_ result: AuditVerification) { self.result = result }

    var description: String {
        let lines = result.problems
        return lines.count == 1 ? lines[0] : "audit verify found \(lines.count) problems:\n  "
            + lines.joined(separator: "\n  ")
    }
}
