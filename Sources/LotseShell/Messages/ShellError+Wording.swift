import LotseForms

/// The kinds of names a command checks (`no site "x"; did you mean …`), singular and plural.
public enum NameKind: String, Sendable {
    case form, workflow, state, site, user, action

    var singular: Wording {
        switch self {
        case .form: Wording(de: "Formular", en: "form")
        case .workflow: Wording(de: "Workflow", en: "workflow")
        case .state: Wording(de: "Zustand", en: "state")
        case .site: Wording(de: "Standort", en: "site")
        case .user: Wording(de: "Benutzer", en: "user")
        case .action: Wording(de: "Aktion", en: "action")
        }
    }

    var plural: Wording {
        switch self {
        case .form: Wording(de: "Formulare", en: "forms")
        case .workflow: Wording(de: "Workflows", en: "workflows")
        case .state: Wording(de: "Zustände", en: "states")
        case .site: Wording(de: "Standorte", en: "sites")
        case .user: Wording(de: "Benutzer", en: "users")
        case .action: Wording(de: "Aktionen", en: "actions")
        }
    }

    /// "kein Formular" / "no form" (German negation follows the gender).
    var none: Wording {
        switch self {
        case .form: Wording(de: "kein Formular", en: "no form")
        case .workflow: Wording(de: "kein Workflow", en: "no workflow")
        case .state: Wording(de: "kein Zustand", en: "no state")
        case .site: Wording(de: "kein Standort", en: "no site")
        case .user: Wording(de: "kein Benutzer", en: "no user")
        case .action: Wording(de: "keine Aktion", en: "no action")
        }
    }
}

extension Wording {
    /// `; did you mean "X"?`, or nothing.
    static func suggestion(_ name: String?) -> Wording {
        guard let name else { return .verbatim("") }
        return Wording(de: "; meinten Sie \"\(name)\"?", en: "; did you mean \"\(name)\"?")
    }

    /// ` (nothing was changed)`.
    static let nothingChanged = Wording(de: " (nichts wurde geändert)", en: " (nothing was changed)")

    /// `role R` or `one of the roles R, S`.
    static func roles(_ roles: [String]) -> Wording {
        roles.count == 1
            ? Wording(de: "die Rolle \(roles[0])", en: "role \(roles[0])")
            : Wording(de: "eine der Rollen " + roles.joined(separator: ", "), en: "one of the roles " + roles.joined(separator: ", "))
    }

    /// `N problem(s)`.
    static func problems(_ n: Int) -> Wording {
        Wording(de: "\(n) Problem" + (n == 1 ? "" : "e"), en: "\(n) problem" + (n == 1 ? "" : "s"))
    }
}

extension ShellError {
    /// The message in both languages (the catalogue entry of each case).
    public var wording: Wording {
        switch self {
        case let .unknownCommand(word, suggestion):
            return Wording(de: "unbekannter Befehl \"\(word)\"", en: "unknown command \"\(word)\"") + .suggestion(suggestion)
                + Wording(de: " (`help` zeigt die Befehle)", en: " (`help` lists the commands)")
        case let .incompleteCommand(word, subcommands):
            let list = subcommands.map { "\(word) \($0)" }.joined(separator: ", ")
            return Wording(de: "\"\(word)\" braucht einen Unterbefehl: \(list)", en: "\"\(word)\" needs a subcommand: \(list)")
        case let .unknownOption(name, command, known):
            return Wording(de: "unbekannte Option --\(name) für `\(command)`", en: "unknown option --\(name) for `\(command)`")
                + (known.isEmpty
                    ? Wording(de: "; der Befehl hat keine Optionen", en: "; it takes no options")
                    : Wording(de: "; er kennt ", en: "; it takes ") + .verbatim(known.joined(separator: ", ")))
        case let .missingValue(option, placeholder):
            return Wording(de: "die Option --\(option) braucht einen Wert (\(Placeholder.words(placeholder).de))",
                           en: "option --\(option) needs a value (\(placeholder))")
        case let .unexpectedValue(option):
            return Wording(de: "die Option --\(option) nimmt keinen Wert", en: "option --\(option) takes no value")
        case let .missingArgument(name, usage):
            return Wording(de: "\(name.de) fehlt; Aufruf: \(usage.de)", en: "missing \(name.en); usage: \(usage.en)")
        case let .extraArgument(word, usage):
            return Wording(de: "unerwartetes Argument \"\(word)\"; Aufruf: \(usage.de)",
                           en: "unexpected argument \"\(word)\"; usage: \(usage.en)")
        case let .badValue(option, value, expected):
            return Wording(de: "--\(option) \(value): erwartet wird \(expected.de)", en: "--\(option) \(value): expected \(expected.en)")
        case let .syntax(failure):
            return Wording(de: "Spalte \(failure.column): ", en: "column \(failure.column): ") + failure.wording
        case .noPassword:
            return Wording(de: "kein Passwort angegeben: am Terminal wird es erfragt; in einem Skript --password-file DATEI "
                               + "verwenden oder LOTSE_PASSWORD setzen",
                           en: "no password given: on a terminal it is asked for; in a script use --password-file FILE "
                               + "or set LOTSE_PASSWORD")
        case .passwordMismatch:
            return Wording(de: "die beiden Passwörter sind verschieden; nichts wurde geändert",
                           en: "the two passwords differ; nothing was changed")
        case let .cannotRead(file, reason):
            return Wording(de: "\(file) kann nicht gelesen werden: \(reason.de)", en: "cannot read \(file): \(reason.en)")
        case let .cannotWrite(file, reason):
            return Wording(de: "\(file) kann nicht geschrieben werden: \(reason) (nichts wurde geschrieben)",
                           en: "cannot write \(file): \(reason) (nothing was written)")
        case let .commandNotAllowed(command, roles, user, role):
            let needed = Wording.roles(roles)
            return Wording(de: "`\(command)` braucht \(needed.de); \(user) hat die Rolle \(role)",
                           en: "`\(command)` needs \(needed.en); \(user) has role \(role)") + .nothingChanged
        case let .unknownName(name, kind, suggestion, known):
            return kind.none + .verbatim(" \"\(name)\"") + .suggestion(suggestion)
                + (known.isEmpty ? .verbatim("") : .verbatim(" (") + kind.plural + .verbatim(": " + known.joined(separator: ", ") + ")"))
        case let .definitions(message): return message
        case let .checkFailed(command, summary): return .verbatim("\(command): ") + summary
        case let .badArgument(word, expected):
            return Wording(de: "\"\(word)\" ist nicht \(expected.de)", en: "\"\(word)\" is not \(expected.en)")
        case let .repeatedKey(key):
            return Wording(de: "\(key)= ist zweimal angegeben; jedes Feld nur einmal angeben (nichts wurde geändert)",
                           en: "\(key)= is given twice; give each field once (nothing was changed)")
        case let .unknownTopic(name, suggestion):
            return Wording(de: "kein Befehl \"\(name)\"", en: "no command \"\(name)\"") + .suggestion(suggestion)
                + Wording(de: " (`help` zeigt die Befehle)", en: " (`help` lists the commands)")
        case let .transaction(message): return message
        case .interrupted:
            return Wording(de: "abgebrochen (nichts wurde geändert)", en: "interrupted (nothing was changed)")
        case let .refusedOption(option, reason):
            return Wording(de: "--\(option) abgelehnt: ", en: "--\(option) refused: ") + reason
        case let .formProblems(form, problems):
            let count = Wording.problems(problems.count)
            return Wording(de: "das Formular \(form) ist nicht gültig (\(count.de)):\n",
                           en: "form \(form) is not valid (\(count.en)):\n")
                + .verbatim(problems.map { "  \($0.field): \($0.message)" }.joined(separator: "\n"))
        }
    }
}
