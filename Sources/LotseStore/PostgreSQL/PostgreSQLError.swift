/// A PostgreSQL error condition, its five-character SQLSTATE (`40001` serialization failure).
public struct SQLState: Hashable, Sendable, CustomStringConvertible {
    /// The code as PostgreSQL reports it.
    public let rawValue: String

    /// Wraps a code.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `40001`: the transaction could not be serialised; retry it.
    public static let serializationFailure = SQLState("40001")
    /// `40P01`: a deadlock was detected; retry it.
    public static let deadlockDetected = SQLState("40P01")
    /// `23505`: a unique constraint.
    public static let uniqueViolation = SQLState("23505")
    /// `42501`: the role lacks a privilege (an UPDATE on an append-only table).
    public static let insufficientPrivilege = SQLState("42501")
    /// `P0001`: `RAISE EXCEPTION` in a trigger.
    public static let raiseException = SQLState("P0001")

    /// Whether retrying the whole transaction may succeed (serialisation failure, deadlock).
    public var isTransient: Bool { self == .serializationFailure || self == .deadlockDetected }

    public var description: String { rawValue }
}

/// Errors of the PostgreSQL connection. Like SQLite errors they carry the server's message and the
/// statement, never the bound values (they may be personal data), and never the password of a
/// connection URI.
public enum PostgreSQLError: Error, Sendable, CustomStringConvertible {
    /// The server could not be reached or refused the connection.
    case cannotConnect(target: String, reason: String)
    /// The server refused a statement.
    case server(state: SQLState, message: String, sql: String)
    /// The connection broke during a statement.
    case connectionLost(reason: String, sql: String)

    public var description: String {
        switch self {
        case let .cannotConnect(target, reason):
            return "cannot connect to PostgreSQL \(target): \(reason)"
        case let .server(state, message, sql) where state.isTransient:
            // Only seen where the transaction cannot simply be run again (a `begin` block).
            return "PostgreSQL error \(state): \(message) (a conflict with another session: the transaction is "
                + "rolled back; run it again) - while executing `\(sql)`"
        case let .server(state, message, sql):
            return "PostgreSQL error \(state): \(message) - while executing `\(sql)`"
        case let .connectionLost(reason, sql):
            return "the PostgreSQL connection was lost: \(reason) - while executing `\(sql)`"
        }
    }

    /// The SQLSTATE when the server refused a statement.
    public var state: SQLState? {
        if case let .server(state, _, _) = self { return state }
        return nil
    }
}
