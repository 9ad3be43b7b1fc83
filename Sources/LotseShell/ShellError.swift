public import LotseForms

/// Errors of the shell itself: lines and arguments it cannot make sense of.
public enum ShellError: Error, Sendable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    /// A command group was given without a subcommand (`user`).
    case incompleteCommand(String, subcommands: [String])
    case unknownOption(String, command: String, known: [String])
    case missingValue(option: String, placeholder: String)
    case unexpectedValue(option: String)
    case missingArgument(Wording, usage: Wording)
    case extraArgument(String, usage: Wording)
    case badValue(option: String, value: String, expected: Wording)
    case syntax(Tokenizer.Failure)
    /// No password could be read: no terminal, no `--password-file`, no `LOTSE_PASSWORD`.
    case noPassword
    case passwordMismatch
    case cannotRead(file: String, reason: Wording)
    case cannotWrite(file: String, reason: String)
    /// A command refused for the role: named as the person typed it (not the permission behind it).
    case commandNotAllowed(command: String, roles: [String], user: String, role: String)
    /// A name of a form, workflow or similar that does not exist.
    case unknownName(String, kind: NameKind, suggestion: String?, known: [String])
    /// Definitions that could not be loaded or read.
    case definitions(Wording)
    /// `form check` found errors (they were printed).
    case checkFailed(String, Wording)
    /// An argument of the wrong shape.
    case badArgument(String, expected: Wording)
    /// An option that exists only to be refused with its reason (`randomise --seed`).
    case refusedOption(String, reason: Wording)
    /// A filled form that is not valid: every bad field with its message.
    case formProblems(form: String, [FieldProblem])
    /// The same KEY twice in KEY=VALUE arguments.
    case repeatedKey(String)
    /// `help` about something that is not a command.
    case unknownTopic(String, suggestion: String?)
    /// `begin`, `commit` or `rollback` where they do not fit.
    case transaction(Wording)
    /// Ctrl-C stopped the command; what it had begun was undone.
    case interrupted

    /// The message in English (the shell prints `wording` in the session's language).
    public var description: String { wording.en }
}
