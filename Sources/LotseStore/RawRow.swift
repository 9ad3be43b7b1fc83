import CSQLite

/// The current row of a statement, read in place: no `SQLValue`, no `String`.
///
/// `audit verify` reads every audit row and every covered data row; building values for
/// millions of rows cost more than hashing them. A `RawRow` is valid only inside the
/// `Database.forEachRaw` callback that hands it out (SQLite reuses the buffers on the next step).
struct RawRow {
    let handle: OpaquePointer

    /// SQLite's storage classes.
    enum Storage { case null, integer, real, text, blob }

    /// The column's storage class.
    func storage(_ column: Int32) -> Storage {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    /// The column as a double.
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// A real column as `SQLValue.string` gives it (Swift's description of the double).
    func realText(_ column: Int32) -> String { String(double(column)) }

    /// The column as an integer (0 for NULL).
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    /// The column's text bytes (an integer as its decimal digits, as SQLite converts it); nil for NULL.
    func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let base = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: base, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The column as text (an integer as its decimal digits), as `SQLValue.string` gives it for
    /// text; nil for NULL.
    func string(_ column: Int32) -> String? { text(column).map { String(decoding: $0, as: UTF8.self) } }

    /// Appends the column as `AuditEncoding.appendField(value.string)` would for the value
    /// `Statement.value(at:)` reads: NULL and BLOB as NULL, an integer in decimal, a real as
    /// Swift prints it, text as its bytes.
    func appendField(_ column: Int32, to bytes: inout [UInt8]) {
        switch storage(column) {
        case .integer, .text:
            AuditEncoding.appendField(bytes: text(column) ?? UnsafeBufferPointer(start: nil, count: 0), to: &bytes)
        case .real:
            AuditEncoding.appendField(realText(column), to: &bytes)
        case .null, .blob:
            bytes.append(0)
        }
    }
}

extension Database {

    /// Runs a query and hands each row to `body` in place (see `RawRow`).
    func forEachRaw(_ sql: String, _ body: (RawRow) throws -> Void) throws {
        let statement = try statement(sql)
        try statement.bind([])
        defer { sqlite3_reset(statement.handle) }
        let row = RawRow(handle: statement.handle)
        while try statement.step() { try body(row) }
    }
}
