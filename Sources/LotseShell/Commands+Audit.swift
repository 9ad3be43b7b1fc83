import LotseCases
import LotseStore

extension Shell {
    static func auditCommands() -> [Command] {
        [
            Command(path: ["audit"], arguments: [], options: [
                        OptionSpec("case", value: "N", "only rows about case N"),
                        OptionSpec("user", value: "NAME", "only rows by this user"),
                        OptionSpec("action", value: "ACTION", "only this action and its refinements (login matches login.failed)"),
                        OptionSpec("since", value: "DATE", "from this date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ) on"),
                        OptionSpec("until", value: "DATE", "up to and including this date, or before this time"),
                        OptionSpec("last", value: "N", "only the last N matching rows"),
                        .format],
                    summary: "show the audit log, filtered",
                    details: "Every change, login, refusal and view of health data writes a row. Times are UTC. "
                        + "CSV and JSON output also carry each row's prev_hash and hash.",
                    group: .audit, permission: .queryAudit, needsLogin: true,
                    run: { shell, inv in try shell.showAudit(inv) }),
            Command(path: ["audit", "verify"], arguments: [], options: [
                        OptionSpec("head", value: "SEQ:HASH", "a head written down earlier (`audit head`): "
                                   + "the log must still hold that row unchanged")],
                    summary: "recompute the hash chain and check the data against it; name the first bad row",
                    details: "Checks the chain row by row, then every case, transition, submission, client, user, "
                        + "site, randomisation run and assignment against the hash the audit row that wrote it "
                        + "recorded. Exits non-zero in a script when anything was changed, deleted or inserted "
                        + "outside Lotse, or when the log no longer holds the head given with --head.",
                    group: .audit, permission: .verifyAudit, needsLogin: true,
                    run: { shell, inv in
                        var head: (seq: Int, hash: String)?
                        if let text = inv.option("head") {
                            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                            guard parts.count == 2, let seq = Int(parts[0]), seq > 0, parts[1].utf8.count == 64,
                                  parts[1].allSatisfy({ $0.isHexDigit }) else {
                                throw ShellError.badValue(option: "head", value: text,
                                                          expected: "SEQ:HASH as `audit head` prints it")
                            }
                            head = (seq, parts[1].lowercased())
                        }
                        let result = try shell.office.verifyAudit(by: try shell.currentActor, head: head) { count in
                            shell.console.progress("verifying the audit log: \(count) rows")
                        }
                        if !result.isIntact { throw AuditFailure(result) }
                        shell.say("audit log intact: \(result.rowsChecked) rows verified, data matches"
                            + (result.head.map { "; head \(result.rowsChecked):\($0)" } ?? "")
                            + (head.map { "; contains head \($0.seq)" } ?? ""))
                    }),
            Command(path: ["audit", "head"], arguments: [], options: [],
                    summary: "print the last row's number and hash (SEQ:HASH), to write down elsewhere",
                    details: "Later, `audit verify --head SEQ:HASH` proves the log still holds that row unchanged "
                        + "(it has only grown). Every export records the head too.",
                    group: .audit, permission: .auditHead, needsLogin: true,
                    run: { shell, _ in
                        if let head = try shell.office.auditHead(by: try shell.currentActor) {
                            shell.say("\(head.seq):\(head.hash)")
                        } else {
                            shell.say("the audit log is empty")
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
        var listing = Listing(columns: columns)
        // CSV and JSON stream row by row; a table needs all rows for its column widths.
        var streamed = false
        if format != .table {
            console.out(format == .csv ? Listing.csvLine(columns) : "")
            streamed = true
        }
        try office.auditEntries(by: actor, filter: filter) { entry in
            try Interrupt.check()
            var row: [Listing.Cell] = [
                .int(entry.seq), .text(entry.draft.at), .text(entry.draft.actor), .text(entry.draft.role),
                .text(entry.draft.action), .int(entry.draft.caseID), .text(entry.draft.event),
                .text(entry.draft.fromState), .text(entry.draft.toState), .text(entry.draft.detail),
            ]
            if streamed {
                row += [.text(entry.prevHash), .text(entry.hash)]
                console.out(format == .csv ? Listing.csvLine(row.map { $0.plainText }) : Listing.jsonLine(columns: columns, row))
            } else {
                listing.rows.append(row)
            }
        }
        if !streamed { console.out(listing.render(.table, width: console.terminalWidth)) }
    }

    /// The audit filter of `--case`, `--user`, `--action`, `--since`, `--until`, `--last`.
    func auditFilter(_ inv: Invocation) throws -> AuditFilter {
        var filter = AuditFilter()
        if let text = inv.option("case") {
            guard let n = Int(text), n > 0 else { throw ShellError.badValue(option: "case", value: text, expected: "a case number") }
            filter.caseID = n
        }
        filter.actor = try checkedName(inv, "user", kind: "user", known: knownActors)
        filter.action = try checkedName(inv, "action", kind: "action", known: knownActions)
        if let text = inv.option("since") {
            guard let since = Timestamp.normalise(text) else {
                throw ShellError.badValue(option: "since", value: text, expected: "YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")
            }
            filter.since = since
        }
        if let text = inv.option("until") {
            guard let until = text.count == 10 ? Timestamp.dayAfter(text) : Timestamp.normalise(text) else {
                throw ShellError.badValue(option: "until", value: text, expected: "YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")
            }
            filter.until = until
        }
        if let text = inv.option("last") {
            guard let n = Int(text), n > 0 else { throw ShellError.badValue(option: "last", value: text, expected: "a positive number") }
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
