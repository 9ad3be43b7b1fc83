/// Copies every table of a Lotse store, row for row and verbatim (ids kept, the audit log in
/// `seq` order), from one backend to the other: SQLite to PostgreSQL (`lotse copy`) and
/// PostgreSQL to a new SQLite file (`backup` of a region's database). One mechanism for both:
/// a `TableSource` streams each table in key order, a `TableSink` writes it; both sides must
/// have exactly the tables of `TableCopy.tables` with the same columns (each side migrated to
/// this Lotse's latest schema), so nothing is left behind or guessed.
public enum TableCopy {
    /// Every table of the schema, in an order that satisfies every foreign key, with the
    /// column rows are read in (their key): the audit log last, in `seq` order, so that each
    /// row extends the chain on the target as it did on the source.
    public static let tables: [(name: String, key: String)] = [
        ("sites", "id"), ("users", "id"), ("user_sites", "user_id, site_id"), ("definitions", "id"),
        ("clients", "id"), ("cases", "id"), ("case_due", "case_id"), ("case_due_basis", "id"), ("transitions", "id"),
        ("submissions", "id"), ("submission_values", "submission_id"),
        ("randomisation_setups", "id"), ("randomisation_runs", "id"), ("assignments", "client_id"),
        ("randomisation_closures", "setup_id"), ("project_secrets", "name"), ("audit", "seq"),
    ]

    /// Checks that both sides have exactly the known tables with the same columns.
    /// - Returns: each table's columns (in the source's order).
    static func columns(source: some TableSource, sink: some TableSink) throws -> [String: [String]] {
        let known = Set(tables.map(\.name))
        for (side, found) in [("source", try source.tableNames()), ("target", try sink.tableNames())] {
            if let extra = found.subtracting(known).sorted().first { throw TableCopyError.unknownTable(extra, side: side) }
            if let missing = known.subtracting(found).sorted().first { throw TableCopyError.missingTable(missing, side: side) }
        }
        var result: [String: [String]] = [:]
        for (table, _) in tables {
            let from = try source.columns(of: table), to = try sink.columns(of: table)
            guard Set(from) == Set(to) else {
                throw TableCopyError.columnsDiffer(table: table, onlySource: Set(from).subtracting(to).sorted(),
                                                   onlyTarget: Set(to).subtracting(from).sorted())
            }
            result[table] = from
        }
        return result
    }

    /// Copies every table from `source` to `sink` (inside whatever transactions the caller
    /// opened on each). - Parameter progress: told the rows copied so far after each row;
    /// what it throws stops the copy and is rethrown.
    /// - Returns: the rows copied per table, in `tables` order.
    static func copy(from source: some TableSource, to sink: some TableSink,
                     progress: WorkProgress?) throws -> [(table: String, rows: Int)] {
        let columns = try columns(source: source, sink: sink)
        var counts: [(table: String, rows: Int)] = []
        var total = 0
        for (table, key) in tables {
            let names = columns[table]!
            let rows = try sink.write(table: table, columns: names) { emit in
                try source.forEachRow(table: table, columns: names, orderedBy: key) { values in
                    try emit(values)
                    total += 1
                    try progress?(total)
                }
            }
            counts.append((table, rows))
        }
        return counts
    }
}

/// Takes one row's values (in the columns' order).
typealias RowEmitter = ([SQLValue]) throws -> Void

/// A backend a copy reads from.
protocol TableSource {
    /// The names of the tables (no system tables, no schema bookkeeping).
    func tableNames() throws -> Set<String>
    /// A table's columns.
    func columns(of table: String) throws -> [String]
    /// Streams a table's rows in `key` order, values in `columns` order.
    func forEachRow(table: String, columns: [String], orderedBy key: String, _ body: ([SQLValue]) throws -> Void) throws
}

/// A backend a copy writes to.
protocol TableSink {
    func tableNames() throws -> Set<String>
    func columns(of table: String) throws -> [String]
    /// Writes the rows `rows` emits (values in `columns` order). - Returns: their number.
    func write(table: String, columns: [String], _ rows: (_ emit: RowEmitter) throws -> Void) throws -> Int
}

extension Database: TableSource, TableSink {
    func tableNames() throws -> Set<String> {
        Set(try query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .compactMap { $0[0].string })
    }

    func columns(of table: String) throws -> [String] {
        try query("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)]).compactMap { $0[0].string }
    }

    func forEachRow(table: String, columns: [String], orderedBy key: String, _ body: ([SQLValue]) throws -> Void) throws {
        try forEach("SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(key)") { try body($0.values) }
    }

    func write(table: String, columns: [String], _ rows: (_ emit: RowEmitter) throws -> Void) throws -> Int {
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var count = 0
        try rows { values in
            try run(sql, values)
            count += 1
        }
        return count
    }
}

extension PostgreSQLConnection: TableSource, TableSink {
    func tableNames() throws -> Set<String> {
        Set(try query("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
            """).compactMap { $0[0].string })
    }

    func columns(of table: String) throws -> [String] {
        try query("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
            ORDER BY ordinal_position
            """, [.text(table)]).compactMap { $0[0].string }
    }

    func forEachRow(table: String, columns: [String], orderedBy key: String, _ body: ([SQLValue]) throws -> Void) throws {
        try stream("SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(key)") { try body($0.values) }
    }

    func write(table: String, columns: [String], _ rows: (_ emit: RowEmitter) throws -> Void) throws -> Int {
        try copyIn(table: table, columns: columns, rows)
    }
}

/// Why a copy between backends was refused. Nothing was changed on the target.
public enum TableCopyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A table this Lotse does not know (a newer or foreign schema).
    case unknownTable(String, side: String)
    /// A table of the schema is missing (the side is not migrated).
    case missingTable(String, side: String)
    /// The two sides' columns of a table differ (different schema versions).
    case columnsDiffer(table: String, onlySource: [String], onlyTarget: [String])

    public var description: String {
        switch self {
        case let .unknownTable(table, side):
            return "the \(side) has a table \(table) that this Lotse does not know: it is not a Lotse database of this version"
        case let .missingTable(table, side):
            return "the \(side) has no table \(table): migrate it with this Lotse first"
        case let .columnsDiffer(table, source, target):
            return "table \(table) has different columns on the two sides (only in the source: "
                + (source.isEmpty ? "none" : source.joined(separator: ", ")) + "; only in the target: "
                + (target.isEmpty ? "none" : target.joined(separator: ", ")) + "): migrate both with this Lotse"
        }
    }
}
