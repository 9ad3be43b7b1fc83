import LotseCases

extension Shell {
    /// The exit codes of `lotse`, as `help` prints them.
    static let exitCodeHelp = """
        Exit codes: 0 every command succeeded; 1 a command failed (in a script: the first error stops it,
        unless lotse runs with --keep-going); 2 bad usage of lotse itself (unknown flag, unreadable script).
        """

    /// `help`, `help GROUP`, or `help COMMAND`.
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
        var text = "Commands (help COMMAND for details):\n"
        for group in CommandGroup.allCases {
            let members = commands.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            text += "\n\(group.rawValue):\n" + members.map { line(for: $0) }.joined(separator: "\n") + "\n"
        }
        text += "\n… takes options: help COMMAND shows them. One command a line; \"double quotes\" group words; "
            + "# starts a comment.\n"
        text += "Listings take --format table|csv|json.\n\n" + Self.exitCodeHelp
        return text
    }

    /// One line of the overview: the command with its arguments (options in `help COMMAND`).
    private func line(for command: Command) -> String {
        let usage = command.synopsis + (command.options.isEmpty ? "" : " …")
        let pad = max(2, 32 - usage.count)
        return "  " + usage + String(repeating: " ", count: pad) + command.summary
    }

    private func describe(_ command: Command) -> String {
        var text = "usage: \(command.usage)\n\n\(command.summary)\n"
        if !command.details.isEmpty { text += "\n\(command.details)\n" }
        if !command.options.isEmpty {
            text += "\nOptions:\n"
            for option in command.options {
                let head = "--\(option.name)" + (option.value.map { " " + $0 } ?? "")
                text += "  " + head + String(repeating: " ", count: max(2, 24 - head.count)) + option.help + "\n"
            }
        }
        if let permission = command.permission {
            text += "\nRoles: " + permission.roles.map(\.rawValue).joined(separator: ", ") + "\n"
        } else if command.needsLogin {
            text += "\nRoles: any logged-in user\n"
        }
        return text
    }
}
