import CSQLite

/// A query read row by row on demand (for merge-joining several ordered queries while
/// streaming). It owns its own statement, so it never disturbs the cached ones.
public final class RowCursor {
    private let statement: Statement
    private let columns: [String]
    private var done = false

    init(database: Database, sql: String, arguments: [SQLValue]) throws(StoreError) {
        statement = try Statement(database: database, sql: sql)
        try statement.bind(arguments)
        columns = statement.columnNames
    }

    /// The next row, nil at the end.
    public func next() throws(StoreError) -> Row? {
        guard !done else { return nil }
        guard try statement.step() else {
            done = true
            return nil
        }
        return statement.currentRow(columns: columns)
    }

    /// The next row as `make` reads it in place (`RawRow`, valid only inside `make`), nil at the
    /// end: no `Row` and no `SQLValue` in between, for scans of many rows.
    func next<Record>(_ make: (RawRow) -> Record) throws(StoreError) -> Record? {
        guard !done else { return nil }
        guard try statement.step() else {
            done = true
            return nil
        }
        return make(RawRow(handle: statement.handle))
    }
}

@available(*, unavailable)
extension RowCursor: Sendable {}

extension Database {
    /// A cursor over a query's rows.
    public func cursor(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> RowCursor {
        try RowCursor(database: self, sql: sql, arguments: arguments)
    }
}
