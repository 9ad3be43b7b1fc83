import LotseCases

/// A named option of a command (`--role ROLE` takes a value, `--all` does not).
public struct OptionSpec: Sendable {
    public var name: String
    /// The placeholder of its value (`ROLE`), nil for a flag.
    public var value: String?
    /// What it does, in German and English (`help COMMAND`).
    public var help: Wording

    public init(_ name: String, value: String? = nil, _ help: Wording) {
        self.name = name
        self.value = value
        self.help = help
    }

    /// `--format table|csv|json`, which every listing command takes.
    public static let format = OptionSpec("format", value: "table|csv|json", Wording(de: "Ausgabeformat (Standard "
                                                                                         + "table)",
                                                                                     en: "output format (default table)"))
    /// `--lang de|en`, the label language for one command.
    public static let lang = OptionSpec("lang", value: "de|en", Wording(de: "Sprache der Beschriftungen (Standard: "
                                                                            + "lotse --lang, sonst de)",
                                                                        en: "label language (default: lotse --lang, else de)"))
    /// `--out FILE` of an export (`-` for standard output).
    public static let outFile = OptionSpec("out", value: "FILE", Wording(de: "die zu schreibende Datei (Pflicht; - für "
                                                                             + "die Standardausgabe)",
                                                                         en: "the file to write (required; - for standard output)"))
    /// `--format csv|json` of an export.
    public static let exportFormat = OptionSpec("format", value: "csv|json", Wording(de: "CSV (RFC 4180, Standard) "
                                                                                         + "oder JSON-Zeilen",
                                                                                     en: "CSV (RFC 4180, default) or JSON lines"))
    /// `--site SITE`: only one site's cases.
    public static let site = OptionSpec("site", value: "SITE", Wording(de: "nur dieser Standort",
                                                                       en: "only this site"))
    /// `--as-of DATE`: only what was recorded up to that day.
    public static let asOf = OptionSpec("as-of", value: "DATE", Wording(de: "nur, was bis zu diesem Tag erfasst wurde "
                                                                            + "(Standard heute)",
                                                                        en: "only what was recorded up to this day (default today)"))
    /// `--force`: an output file may replace an existing file.
    public static let force = OptionSpec("force", Wording(de: "eine vorhandene Datei dieses Namens ersetzen",
                                                          en: "replace an existing file of that name"))
    /// `--password-file FILE`, for scripts.
    public static let passwordFile = OptionSpec(
        "password-file", value: "FILE", Wording(de: "das Passwort aus der ersten Zeile von DATEI lesen (Skripte)",
                                                en: "read the password from the first line of FILE (scripts)"))
}

/// The groups `help` lists commands under.
public enum CommandGroup: String, CaseIterable, Sendable {
    case session, users, cases, forms, workflows, evaluation, audit

    /// The group's heading in `help`.
    public var title: Wording {
        switch self {
        case .session: Wording(de: "Sitzung", en: "Session")
        case .users: Wording(de: "Benutzer und Standorte", en: "Users and sites")
        case .cases: Wording(de: "Klienten und Fälle", en: "Clients and cases")
        case .forms: Wording(de: "Formulare", en: "Forms")
        case .workflows: Wording(de: "Workflows", en: "Workflows")
        case .evaluation: Wording(de: "Evaluation", en: "Evaluation")
        case .audit: Wording(de: "Audit-Protokoll", en: "Audit log")
        }
    }
}

/// One shell command: its words, its usage and help text, its arguments, and what it runs.
/// The command table drives dispatch, `help` and "did you mean".
struct Command {
    /// The command's words (`["user", "add"]`).
    var path: [String]
    /// Positional parameters, for usage (`NAME`); optional ones in brackets (`[COMMAND]`).
    var arguments: [String]
    var options: [OptionSpec]
    /// One line for `help`, in German and English.
    var summary: Wording
    /// Further explanation for `help COMMAND` (`.empty` for none).
    var details: Wording
    var group: CommandGroup
    /// The permission the command needs, shown in help; nil when any user (or none) may run it.
    var permission: Permission?
    /// Whether it needs a logged-in user.
    var needsLogin: Bool
    /// Also accepts more positional arguments than listed (the last one repeats).
    var variadic: Bool = false
    /// Its arguments may be passwords (typed in the wrong place): no error message repeats them.
    var secretArguments: Bool = false
    var run: (Shell, Invocation) throws -> Void

    var name: String { path.joined(separator: " ") }

    var minimumArguments: Int { arguments.filter { !$0.hasPrefix("[") }.count }

    /// The command with its positional arguments (`user add NAME`), placeholders in both languages.
    var synopsis: Wording { Placeholder.words(([name] + arguments).joined(separator: " ")) }

    /// The usage line (`user add NAME [--role ROLE] …`), placeholders in both languages.
    var usage: Wording {
        var parts = [name] + arguments
        for option in options {
            parts.append("[--\(option.name)\(option.value.map { " " + $0 } ?? "")]")
        }
        return Placeholder.words(parts.joined(separator: " "))
    }
}

/// A parsed command line: the command's positional arguments and options.
struct Invocation {
    var command: Command
    var arguments: [String]
    var options: [String: String]
    var flags: Set<String>

    /// The value of `--name`, if given.
    func option(_ name: String) -> String? { options[name] }

    /// Whether the flag `--name` was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The output format asked for with `--format`.
    func format() throws -> OutputFormat {
        guard let text = options["format"] else { return .table }
        guard let format = OutputFormat(rawValue: text) else {
            throw ShellError.badValue(option: "format", value: text, expected: Wording(de: "table, csv oder json", en: "table, csv or json"))
        }
        return format
    }

    /// Parses the words after the command's own words against its specification.
    init(command: Command, words: [Token]) throws {
        self.command = command
        var arguments: [String] = []
        var options: [String: String] = [:]
        var flags: Set<String> = []
        var index = 0
        while index < words.count {
            let word = words[index].text
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                arguments.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let spec = command.options.first(where: { $0.name == name }) else {
                throw ShellError.unknownOption(name, command: command.name,
                                               known: command.options.map { "--" + $0.name })
            }
            if spec.value != nil {
                if let inline {
                    options[name] = inline
                } else {
                    guard index < words.count else { throw ShellError.missingValue(option: name, placeholder: spec.value!) }
                    options[name] = words[index].text
                    index += 1
                }
            } else {
                guard inline == nil else { throw ShellError.unexpectedValue(option: name) }
                flags.insert(name)
            }
        }
        if arguments.count < command.minimumArguments {
            let missing = command.arguments.filter { !$0.hasPrefix("[") }[arguments.count]
            throw ShellError.missingArgument(Placeholder.words(missing), usage: command.usage)
        }
        if arguments.count > command.arguments.count && !command.variadic {
            throw ShellError.extraArgument(arguments[command.arguments.count], usage: command.usage)
        }
        self.arguments = arguments
        self.options = options
        self.flags = flags
    }

    /// The positional argument at `index`, or nil when it was not given.
    func argument(_ index: Int) -> String? { index < arguments.count ? arguments[index] : nil }
}
