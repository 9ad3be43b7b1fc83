import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQLite connection, set up as Lotse needs it: extended result codes, WAL,
/// `synchronous=FULL` (each committed command is durable), foreign keys, a busy timeout.
///
/// A `Database` is not Sendable: use it from one task at a time. Statements are cached
/// by their SQL text, so repeated commands do not re-prepare.
public final class Database {
    let handle: OpaquePointer
    /// The file path of the database.
    public let path: String
    private var cache: [String: Statement] = [:]
    private var transactionDepth = 0
    /// Counts outermost transactions begun on this connection; a value remembered inside one
    /// transaction is valid while this number is unchanged and a transaction is open.
    public private(set) var transactionNumber = 0
    /// Covered data rows (`CoveredRecords`) written in the open transaction and not yet recorded
    /// by an audit row; a transaction that would commit with any left is rolled back.
    var pendingRecords: [RecordRef] = [] { didSet { if pendingRecords.isEmpty { pendingSet = [] } } }
    private var pendingSet: Set<RecordRef> = []

    /// Opens (and, if missing, creates with mode 0600) the database file at `path`.
    /// - Parameter busyTimeout: milliseconds to wait for another writer before failing.
    /// - Throws: `StoreError.cannotOpen` or `.journalMode`, or an SQLite error.
    /// - Parameter readOnly: open an existing file only for reading (no journal mode switch,
    ///   nothing created or changed), as a backup is checked.
    public init(path: String, busyTimeout: Int32 = 5000, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        if !readOnly && access(path, F_OK) != 0 {
            // Create the file ourselves so that it is private from the start; SQLite gives
            // the -wal and -shm files the same permissions as the database file.
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd < 0 && errno != EEXIST {
                throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            if fd >= 0 { Glibc.close(fd) }
        }
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw .cannotOpen(path: path, reason: message)
        }
        self.handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeout)
        if readOnly { return }
        let mode = try scalar("PRAGMA journal_mode=WAL")?.string ?? ""
        guard mode.lowercased() == "wal" else { throw .journalMode(path: path, mode: mode) }
        try execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
    }

    deinit { close() }

    private var closed = false

    /// Closes the connection: finalises every statement; the last connection to close
    /// checkpoints the WAL into the database file and removes `-wal` and `-shm`, so the file
    /// alone holds every committed change. Nothing may use the database afterwards.
    public func close() {
        guard !closed else { return }
        closed = true
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Copies the whole database into the (new, empty) file at `path` with SQLite's online
    /// backup API: a consistent snapshot even while other connections write. The copy is
    /// switched to a rollback journal, so that its one file is complete once this returns.
    public func backup(into path: String) throws(StoreError) {
        var target: OpaquePointer?
        guard sqlite3_open_v2(path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
              let target else {
            sqlite3_close_v2(target)
            throw .cannotOpen(path: path, reason: "cannot open the backup file")
        }
        defer { sqlite3_close_v2(target) }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw .sqlite(code: ResultCode(sqlite3_extended_errcode(target)), message: String(cString: sqlite3_errmsg(target)),
                          sql: "sqlite3_backup_init")
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, -1)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else {
            throw .sqlite(code: ResultCode(rc), message: String(cString: sqlite3_errstr(rc)), sql: "sqlite3_backup_step")
        }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "journal mode"
            sqlite3_free(message)
            throw .sqlite(code: ResultCode(sqlite3_extended_errcode(target)), message: text, sql: "PRAGMA journal_mode=DELETE")
        }
    }

    /// The `user_version` of an existing database file, read over a read-only connection that
    /// changes nothing (no journal mode switch, no checkpoint); nil when there is no such file
    /// or it is empty.
    public static func schemaVersion(ofFileAt path: String) throws(StoreError) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return nil }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(db) }
        guard rc == SQLITE_OK, let db else {
            throw .cannotOpen(path: path, reason: db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory")
        }
        // Another connection may hold a lock for a moment (a checkpoint, a commit): wait as the
        // read-write connection does instead of failing with "database is locked".
        sqlite3_busy_timeout(db, 5000)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nil) == SQLITE_OK else {
            throw .cannotOpen(path: path, reason: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else {
            throw .cannotOpen(path: path, reason: String(cString: sqlite3_errmsg(db)))
        }
        return Int(sqlite3_column_int64(statement, 0))
    }

    /// The one failure path: reads SQLite's message and attaches the statement.
    func failure(_ rc: Int32, sql: String) -> StoreError {
        .sqlite(code: ResultCode(sqlite3_extended_errcode(handle)), message: String(cString: sqlite3_errmsg(handle)),
                sql: sql)
    }

    /// Runs one or more SQL statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw .sqlite(code: ResultCode(sqlite3_extended_errcode(handle)), message: text, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`.
    func statement(_ sql: String) throws(StoreError) -> Statement {
        if let cached = cache[sql] { return cached }
        let statement = try Statement(database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows.
    /// - Returns: the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> Int {
        let statement = try statement(sql)
        try statement.bind(arguments)
        while try statement.step() {}
        sqlite3_reset(statement.handle)
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> [Row] {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        let columns = statement.columnNames
        var rows: [Row] = []
        while try statement.step() { rows.append(statement.currentRow(columns: columns)) }
        return rows
    }

    /// Runs a query and hands each row to `body` as it is read (for streaming large results).
    public func forEach(_ sql: String, _ arguments: [SQLValue] = [],
                        _ body: (Row) throws -> Void) throws {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        let columns = statement.columnNames
        while try statement.step() {
            try body(statement.currentRow(columns: columns))
        }
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> SQLValue? {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.value(at: 0) : nil
    }

    /// The row id of the last inserted row.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Notes that a covered row was written: the next audit row of this transaction records it.
    func wrote(_ kind: String, _ id: Int) {
        let ref = RecordRef(kind, id)
        if pendingSet.insert(ref).inserted { pendingRecords.append(ref) }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed when it returns,
    /// rolled back when it throws (the first error is rethrown). Nested calls join the
    /// outer transaction.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        transactionNumber += 1
        pendingRecords = []
        do {
            let result = try body()
            transactionDepth = 0
            if !pendingRecords.isEmpty {
                throw StoreError.unaudited(pendingRecords.map(\.description))
            }
            try execute("COMMIT")
            return result
        } catch {
            transactionDepth = 0
            pendingRecords = []
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// Opens a transaction that `transaction` calls join until `commit()` or `rollback()`
    /// (a script run as one transaction, a `begin` … `commit` block of the shell).
    public func begin() throws(StoreError) {
        guard transactionDepth == 0 else { throw StoreError.transactionState("a transaction is already open") }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        transactionNumber += 1
    }

    /// Commits the transaction `begin()` opened.
    public func commit() throws(StoreError) {
        guard transactionDepth == 1 else { throw StoreError.transactionState("no transaction is open") }
        do {
            try execute("COMMIT")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            transactionDepth = 0
            throw error
        }
        transactionDepth = 0
    }

    /// Undoes everything since `begin()`.
    public func rollback() throws(StoreError) {
        guard transactionDepth == 1 else { throw StoreError.transactionState("no transaction is open") }
        transactionDepth = 0
        if sqlite3_get_autocommit(handle) == 0 { try execute("ROLLBACK") }
    }

    /// Whether a transaction is open on this connection.
    public var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}

@available(*, unavailable)
extension Database: Sendable {}
