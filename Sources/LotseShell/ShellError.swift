public import LotseForms

/// Errors of the shell itself: lines and arguments it cannot make sense of.
public enum ShellError: Error, Sendable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    /// A command group was given without a subcommand (`user`).
    case incompleteCommand(String, subcommands: [String])
    case unknownOption(String, command: String, known: [String])
    case missingValue(option: String, placeholder: String)
    case unexpectedValue(option: String)
    case missingArgument(String, usage: String)
    case extraArgument(String, usage: String)
    case badValue(option: String, value: String, expected: String)
    case syntax(Tokenizer.Failure)
    /// No password could be read: no terminal, no `--password-file`, no `LOTSE_PASSWORD`.
    case noPassword
    case passwordMismatch
    case cannotRead(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    /// A command refused for the role: named as the person typed it (not the permission behind it).
    case commandNotAllowed(command: String, roles: [String], user: String, role: String)
    /// A name of a form, workflow or similar that does not exist.
    case unknownName(String, kind: String, suggestion: String?, known: [String])
    /// Definitions that could not be loaded or read.
    case definitions(String)
    /// `form check` found errors (they were printed).
    case checkFailed(String, String)
    /// An argument of the wrong shape.
    case badArgument(String, expected: String)
    /// An option that exists only to be refused with its reason (`randomise --seed`).
    case refusedOption(String, reason: String)
    /// A filled form that is not valid: every bad field with its message.
    case formProblems(form: String, [FieldProblem])
    /// The same KEY twice in KEY=VALUE arguments.
    case repeatedKey(String)
    /// `help` about something that is not a command.
    case unknownTopic(String, suggestion: String?)
    /// `begin`, `commit` or `rollback` where they do not fit.
    case transaction(String)
    /// Ctrl-C stopped the command; what it had begun was undone.
    case interrupted

    public var description: String {
        switch self {
        case let .unknownCommand(word, suggestion):
            return "unknown command \"\(word)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
                + " (`help` lists the commands)"
        case let .incompleteCommand(word, subcommands):
            return "\"\(word)\" needs a subcommand: " + subcommands.map { "\(word) \($0)" }.joined(separator: ", ")
        case let .unknownOption(name, command, known):
            return "unknown option --\(name) for `\(command)`"
                + (known.isEmpty ? "; it takes no options" : "; it takes " + known.joined(separator: ", "))
        case let .missingValue(option, placeholder): return "option --\(option) needs a value (\(placeholder))"
        case let .unexpectedValue(option): return "option --\(option) takes no value"
        case let .missingArgument(name, usage): return "missing \(name); usage: \(usage)"
        case let .extraArgument(word, usage): return "unexpected argument \"\(word)\"; usage: \(usage)"
        case let .badValue(option, value, expected): return "--\(option) \(value): expected \(expected)"
        case let .syntax(failure): return failure.description
        case .noPassword:
            return "no password given: on a terminal it is asked for; in a script use --password-file FILE "
                + "or set LOTSE_PASSWORD"
        case .passwordMismatch: return "the two passwords differ; nothing was changed"
        case let .cannotRead(file, reason): return "cannot read \(file): \(reason)"
        case let .cannotWrite(file, reason): return "cannot write \(file): \(reason) (nothing was written)"
        case let .commandNotAllowed(command, roles, user, role):
            let list = roles.count == 1 ? "role \(roles[0])" : "one of the roles " + roles.joined(separator: ", ")
            return "`\(command)` needs \(list); \(user) has role \(role) (nothing was changed)"
        case let .unknownName(name, kind, suggestion, known):
            return "no \(kind) \"\(name)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
                + (known.isEmpty ? "" : " (\(kind)s: " + known.joined(separator: ", ") + ")")
        case let .definitions(message): return message
        case let .checkFailed(command, summary): return "\(command): \(summary)"
        case let .badArgument(word, expected): return "\"\(word)\" is not \(expected)"
        case let .repeatedKey(key): return "\(key)= is given twice; give each field once (nothing was changed)"
        case let .unknownTopic(name, suggestion):
            return "no command \"\(name)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
                + " (`help` lists the commands)"
        case let .transaction(message): return message
        case .interrupted: return "interrupted (nothing was changed)"
        case let .refusedOption(option, reason): return "--\(option) refused: \(reason)"
        case let .formProblems(form, problems):
            return "form \(form) is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
                + problems.map { "  \($0.field): \($0.message)" }.joined(separator: "\n")
        }
    }
}
