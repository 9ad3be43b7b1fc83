/// Errors filling a form: a key that names no field, a value for a field that takes none,
/// a submission file that does not fit the form.
public enum FormError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownField(String, form: String)
    case ambiguousField(String, paths: [String])
    /// A calculated, read-only or note field, or a group.
    case notEnterable(String, reason: Reason)
    /// A submission document that is not an instance of this form.
    case wrongInstance(Reason)
    /// A repeat instance that does not exist or cannot be added (`member[5]`), with why.
    case repeatInstance(String, Reason)
    /// An expression failed at run time (a type error the static checks could not see).
    case evaluation(path: String, message: String)

    public var description: String {
        switch self {
        case let .unknownField(key, form): return "form \(form) has no field \"\(key)\""
        case let .ambiguousField(key, paths):
            return "\"\(key)\" names several fields; write one of " + paths.joined(separator: ", ")
        case let .notEnterable(name, reason): return "\(name) cannot be entered: \(reason)"
        case let .wrongInstance(reason): return reason.description
        case let .repeatInstance(key, message): return "\(key): \(message)"
        case let .evaluation(path, message): return "evaluating \(path): \(message)"
        }
    }
}

/// One problem of a filled instance: which field, what kind, and the message to show.
public struct FieldProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Required and empty.
        case required
        /// Not a value of the field's type, or not one of its choices.
        case type
        /// The constraint is false.
        case constraint
    }

    /// The field's path below the root (`qualification/school`).
    public var field: String
    public var kind: Kind
    /// The form's message in the chosen language, or Lotse's own.
    public var message: String

    public var description: String { "\(field): \(message)" }
}
