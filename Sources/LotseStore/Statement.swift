import CSQLite

/// A prepared SQLite statement. It owns its `sqlite3_stmt` and finalises it in `deinit`.
/// Values are only ever bound as parameters: no SQL is assembled from user text.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text the statement was prepared from (used in error messages).
    public let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws(StoreError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw database.failure(rc, sql: sql)
        }
        self.handle = stmt
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds the values to parameters 1...n.
    func bind(_ values: [SQLValue]) throws(StoreError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        precondition(expected == values.count,
                     "statement `\(sql)` takes \(expected) parameters, got \(values.count)")
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case let .integer(i): rc = sqlite3_bind_int64(handle, index, i)
            case let .real(d): rc = sqlite3_bind_double(handle, index, d)
            case let .text(s): rc = sqlite3_bind_text(handle, index, s, -1, lotse_sqlite_transient())
            case let .blob(bytes):
                rc = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), lotse_sqlite_transient())
                }
            }
            guard rc == SQLITE_OK else { throw database.failure(rc, sql: sql) }
        }
    }

    /// Steps once: true when a row is available, false when done.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.failure(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// The column names of the result (read once; a prepared statement's columns do not change).
    private(set) lazy var columnNames: [String] =
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }

    /// The current row's value at a column index.
    func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            return .text(String(cString: sqlite3_column_text(handle, index)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let base = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default: return .null
        }
    }

    /// The current row as a value array.
    func currentRow(columns: [String]) -> Row {
        Row(values: (0..<Int32(columns.count)).map { value(at: $0) }, columns: columns)
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
