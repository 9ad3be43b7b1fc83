import CSQLite

/// An SQLite result code, primary or extended (`SQLITE_CONSTRAINT_TRIGGER` is 1811).
public struct ResultCode: Hashable, Sendable, CustomStringConvertible {
    /// The raw code as SQLite returns it (extended codes are switched on at open).
    public let rawValue: Int32

    /// Wraps a raw SQLite code.
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low eight bits of an extended code.
    public var primary: ResultCode { ResultCode(rawValue & 0xFF) }

    public static let busy = ResultCode(SQLITE_BUSY)
    public static let constraint = ResultCode(SQLITE_CONSTRAINT)
    public static let constraintTrigger = ResultCode(1811)
    public static let constraintUnique = ResultCode(2067)

    /// A primary code matches itself and every extended code built on it.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern == code || pattern == code.primary
    }

    public var description: String { String(rawValue) }
}

/// Errors of the store layer. Every SQLite failure carries the code, SQLite's message
/// and the statement that failed; bound values are never included (they may be personal data).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// SQLite refused a statement.
    case sqlite(code: ResultCode, message: String, sql: String)
    /// The database could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The database was written by a newer Lotse than this one.
    case newerSchema(path: String, found: Int, known: Int)
    /// The database refused WAL mode (for example on a file system without shared memory).
    case journalMode(path: String, mode: String)
    /// A transaction wrote covered data rows that no audit row records (a programming error;
    /// the transaction was rolled back).
    case unaudited([String])
    /// `begin` inside a transaction, `commit` or `rollback` outside one.
    case transactionState(String)
    /// The PostgreSQL server refused a statement or the connection (a region's store).
    case postgreSQL(PostgreSQLError)

    public var description: String {
        switch self {
        case let .sqlite(code, message, sql):
            return "SQLite error \(code.rawValue): \(message) - while executing `\(sql)`"
        case let .cannotOpen(path, reason):
            return "cannot open database \(path): \(reason)"
        case let .newerSchema(path, found, known):
            return "database \(path) has schema version \(found), but this Lotse knows only up to \(known): "
                + "it was written by a newer Lotse; use that version (nothing was changed)"
        case let .journalMode(path, mode):
            return "database \(path) refused WAL journal mode (got \(mode))"
        case let .unaudited(records):
            return "internal error: " + records.joined(separator: ", ")
                + " written without an audit row; nothing was changed"
        case let .transactionState(message): return message
        case let .postgreSQL(error): return error.description
        }
    }

    /// The SQLite code when this is an SQLite error.
    public var code: ResultCode? {
        if case let .sqlite(code, _, _) = self { return code }
        return nil
    }
}
