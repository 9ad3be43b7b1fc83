/// A value bound to or read from an SQLite statement.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// `.text` for a string, `.null` for nil.
    public static func text(_ value: String?) -> SQLValue {
        value.map { .text($0) } ?? .null
    }

    /// `.integer` for an integer, `.null` for nil.
    public static func int(_ value: Int?) -> SQLValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    /// The value as a string (integers and reals in decimal), nil for NULL or a blob.
    public var string: String? {
        switch self {
        case .null, .blob: return nil
        case let .integer(i): return String(i)
        case let .real(d): return String(d)
        case let .text(s): return s
        }
    }

    /// The value as an integer, nil for NULL or a non-numeric value.
    public var int: Int? {
        switch self {
        case let .integer(i): return Int(i)
        case let .real(d): return Int(d)
        case let .text(s): return Int(s)
        case .null, .blob: return nil
        }
    }

    /// The value as a double, nil for NULL or a non-numeric value.
    public var double: Double? {
        switch self {
        case let .integer(i): return Double(i)
        case let .real(d): return d
        case let .text(s): return Double(s)
        case .null, .blob: return nil
        }
    }
}

/// One result row: values in column order, addressable by index or column name.
public struct Row: Sendable {
    /// The column values in order.
    public let values: [SQLValue]
    /// The column names in order.
    public let columns: [String]

    /// The value at a column index.
    public subscript(index: Int) -> SQLValue { values[index] }

    /// The value of a named column (NULL when there is no such column).
    public subscript(name: String) -> SQLValue {
        guard let i = columns.firstIndex(of: name) else { return .null }
        return values[i]
    }
}
