import LotseCases

/// An open transaction of the shell: `lotse --single-transaction SCRIPT` (the whole script)
/// or a `begin` … `commit` block. Every change and audit row in it lands at `commit` (or the
/// end of the script), or none does: the first error rolls it back.
struct TransactionBlock {
    /// The script line of `begin`, nil at the prompt or for the whole script.
    var line: Int?
    /// Who was logged in at `begin` (a rolled-back `login` is undone in the shell too).
    var actor: Actor?
    /// The whole script (`--single-transaction`): no `begin`, `commit` or `rollback` inside.
    var wholeScript: Bool
}

extension Shell {
    static func transactionCommands() -> [Command] {
        [
            Command(path: ["begin"], arguments: [], options: [],
                    summary: Wording(de: "eine Transaktion beginnen: die folgenden Befehle gelten zusammen beim commit "
                                         + "oder gar nicht",
                                     en: "start a transaction: the following commands land together at commit, or not at all"),
                    details: Wording(de: "Bis `commit` können andere Sitzungen nicht schreiben (sie warten). Der erste "
                                         + "fehlschlagende Befehl rollt die ganze Transaktion zurück, Audit-Zeilen "
                                         + "eingeschlossen; ebenso `rollback`, das Ende eines Skripts oder das Ende der "
                                         + "Eingabe. `lotse --single-transaction SCRIPT` führt ein ganzes Skript so aus.",
                                     en: "Until `commit`, other sessions cannot write (they wait). The first failing command "
                                         + "rolls the whole transaction back, audit rows included; so does `rollback`, the end of "
                                         + "a script, or the end of input. `lotse --single-transaction SCRIPT` runs a whole "
                                         + "script this way."),
                    group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in try shell.beginBlock() }),
            Command(path: ["commit"], arguments: [], options: [],
                    summary: Wording(de: "die Änderungen seit begin dauerhaft machen",
                                     en: "make the changes since begin permanent"),
                    details: .empty, group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in try shell.endBlock(commit: true) }),
            Command(path: ["rollback"], arguments: [], options: [],
                    summary: Wording(de: "jede Änderung seit begin rückgängig machen",
                                     en: "undo every change since begin"),
                    details: .empty, group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in try shell.endBlock(commit: false) }),
        ]
    }

    func beginBlock() throws {
        if let block {
            throw ShellError.transaction(block.wholeScript
                ? Wording(de: "das Skript läuft schon als eine Transaktion (--single-transaction)",
                          en: "the script already runs as one transaction (--single-transaction)")
                : Wording(de: "eine Transaktion ist schon offen" + (block.line.map { " (begonnen in Zeile \($0))" } ?? ""),
                          en: "a transaction is already open" + (block.line.map { " (begun at line \($0))" } ?? "")))
        }
        try office.beginTransaction()
        block = TransactionBlock(line: currentLine, actor: actor, wholeScript: false)
        say(.transactionBegun)
    }

    func endBlock(commit: Bool) throws {
        guard let block else { throw ShellError.transaction(Wording(de: "keine Transaktion ist offen (`begin` beginnt eine)",
                                                                         en: "no transaction is open (`begin` starts one)")) }
        if block.wholeScript {
            throw ShellError.transaction(Wording(
                de: "das Skript läuft als eine Transaktion (--single-transaction); sie wird an seinem Ende festgeschrieben",
                en: "the script runs as one transaction (--single-transaction); it commits at its end"))
        }
        self.block = nil
        if commit {
            try office.commitTransaction()
            say(.committed)
        } else {
            try office.rollbackTransaction()
            actor = block.actor
            say(.rolledBack)
        }
    }

    /// Starts the transaction of a whole script.
    func beginWholeScript() throws {
        try office.beginTransaction()
        block = TransactionBlock(line: nil, actor: actor, wholeScript: true)
    }

    /// After a failed command (or at the end of input): rolls back an open transaction and
    /// says so; nil when none was open.
    func abandonBlock() -> String? {
        guard let block else { return nil }
        self.block = nil
        try? office.rollbackTransaction()
        actor = block.actor
        let note: Message = block.wholeScript ? .wholeScriptRolledBack : .transactionRolledBack(line: block.line)
        return note.wording.text(words)
    }
}
