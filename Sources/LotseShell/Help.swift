import LotseCases

extension Shell {
    /// The exit codes of `lotse`, as `help` and `lotse --help` print them.
    static let exitCodeHelp = Wording(
        de: """
            Exit-Codes: 0 jeder Befehl gelang; 1 ein Befehl schlug fehl (im Skript: der erste Fehler hält es an,
            außer lotse läuft mit --keep-going); 2 falscher Aufruf von lotse selbst (unbekannte Option, unlesbares Skript).
            """,
        en: """
            Exit codes: 0 every command succeeded; 1 a command failed (in a script: the first error stops it,
            unless lotse runs with --keep-going); 2 bad usage of lotse itself (unknown flag, unreadable script).
            """)

    /// `help`, `help GROUP`, or `help COMMAND`, in the session's language.
    func helpText(for words: [String]) throws -> String {
        if words.isEmpty { return overview() }
        if let command = commands.first(where: { $0.path == words }) { return describe(command) }
        let family = commands.filter { $0.path.count > words.count && Array($0.path.prefix(words.count)) == words }
        if !family.isEmpty { return family.map { line(for: $0) }.joined(separator: "\n") }
        let name = words.joined(separator: " ")
        let candidates = commands.map(\.name) + Array(Set(commands.map { $0.path[0] }))
        throw ShellError.unknownTopic(name, suggestion: Self.closest(to: name, in: candidates))
    }

    private func overview() -> String {
        var text = Wording(de: "Befehle (help BEFEHL für Einzelheiten):\n", en: "Commands (help COMMAND for details):\n")
            .text(words)
        for group in CommandGroup.allCases {
            let members = commands.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            text += "\n\(group.title.text(words)):\n" + members.map { line(for: $0) }.joined(separator: "\n") + "\n"
        }
        text += Wording(de: "\n… nimmt Optionen: help BEFEHL zeigt sie. Ein Befehl je Zeile; \"doppelte Anführungszeichen\" "
                            + "fassen Wörter zusammen; # beginnt einen Kommentar.\n"
                            + "Listen nehmen --format table|csv|json.\n\n",
                        en: "\n… takes options: help COMMAND shows them. One command a line; \"double quotes\" group words; "
                            + "# starts a comment.\nListings take --format table|csv|json.\n\n").text(words)
        return text + Self.exitCodeHelp.text(words)
    }

    /// One line of the overview: the command with its arguments (options in `help COMMAND`).
    private func line(for command: Command) -> String {
        let usage = command.synopsis.text(words) + (command.options.isEmpty ? "" : " …")
        let pad = max(2, 32 - usage.count)
        return "  " + usage + String(repeating: " ", count: pad) + command.summary.text(words)
    }

    private func describe(_ command: Command) -> String {
        var text = Wording(de: "Aufruf: ", en: "usage: ").text(words) + "\(command.usage.text(words))\n\n\(command.summary.text(words))\n"
        if !command.details.isEmpty { text += "\n\(command.details.text(words))\n" }
        if !command.options.isEmpty {
            text += Wording(de: "\nOptionen:\n", en: "\nOptions:\n").text(words)
            for option in command.options {
                let head = "--\(option.name)" + (option.value.map { " " + Placeholder.words($0).text(words) } ?? "")
                text += "  " + head + String(repeating: " ", count: max(2, 24 - head.count)) + option.help.text(words) + "\n"
            }
        }
        let roles = Wording(de: "\nRollen: ", en: "\nRoles: ").text(words)
        if let permission = command.permission {
            text += roles + permission.roles.map(\.rawValue).joined(separator: ", ") + "\n"
        } else if command.needsLogin {
            text += roles + Wording(de: "jeder angemeldete Benutzer", en: "any logged-in user").text(words) + "\n"
        }
        return text
    }
}
