import CLibPQ

/// One PostgreSQL connection through libpq, with the same shape as the SQLite `Database`: run,
/// query, stream, scalar and nested transactions, statements prepared once per connection and
/// parameters always bound (no SQL is ever assembled from user text).
///
/// Values travel in libpq's text format, except `bytea`, which is bound and read as binary; each
/// result column is turned into an ``SQLValue`` by its type (integers, floating point and
/// `numeric`, `boolean` as 0/1, `bytea` as a blob, everything else as text).
///
/// A transaction that fails with a serialisation failure (`40001`) or a deadlock (`40P01`) is
/// rolled back and run again (``transaction(retries:_:)``), so that concurrent sessions see a
/// retry, never an error. Not Sendable: use a connection from one task at a time.
public final class PostgreSQLConnection {
    let handle: OpaquePointer
    /// The URI it was opened with, without its password.
    public let target: String
    private var prepared: [String: String] = [:]
    private var transactionDepth = 0
    private var closed = false
    /// The SQLSTATE that aborted the open transaction, if the server refused a statement in it.
    private var abortedBy: SQLState?
    /// Counts outermost transactions begun on this connection, like `Database.transactionNumber`.
    public private(set) var transactionNumber = 0
    /// Covered data rows (`CoveredRecords`) written in the open transaction and not yet recorded
    /// by an audit row, in the order written (like `Database.pendingRecords`).
    var pendingRecords: [RecordRef] = []
    private var pendingSet: Set<RecordRef> = []
    /// The record hashes of covered rows this transaction wrote, computed from the values the
    /// writing statement returned (`RETURNING`: the stored row, read in the same round trip);
    /// a write that returned nothing removes the entry, so the audit row reads that row back.
    var knownHashes: [RecordRef: Digest32] = [:]
    /// Audit rows of the open transaction not yet chained: they are chained and inserted at
    /// commit, under the append lock (`PostgreSQLAuditLog.flush`), so that the lock is held only
    /// for the head read, the inserts and the commit.
    var pendingAudit: [AuditDraft] = []
    /// Whether `BEGIN` is owed: a transaction's `BEGIN` travels with its first statement.
    private var beginPending = false
    /// Statements of the open transaction whose answers nobody waits for (``runLater(_:_:)``):
    /// they travel with the next round trip.
    private var pendingWrites: [PipelineStep] = []
    /// Round trips to the server so far (a statement sent and answered, a statement prepared, a
    /// pipeline of several): what `lotse-bench` counts per operation.
    public private(set) var roundTrips = 0

    /// Connects. libpq reads the URI (host, port, TLS `sslmode`, `.pgpass`, service files).
    /// - Throws: ``PostgreSQLError/cannotConnect(target:reason:)`` naming the target without its password.
    public init(_ uri: ConnectionURI) throws(PostgreSQLError) {
        target = uri.redacted
        guard let connection = PQconnectdb(uri.text) else {
            throw .cannotConnect(target: uri.redacted, reason: "out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines
            PQfinish(connection)
            throw .cannotConnect(target: uri.redacted, reason: reason)
        }
        handle = connection
        lotse_pq_silence_notices(connection)
        try execute("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'")
    }

    deinit { close() }

    /// The server's version number (150018 for 15.18).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs SQL without parameters (one or several statements: schema, settings).
    public func execute(_ sql: String) throws(PostgreSQLError) {
        if !pendingWrites.isEmpty { try pipeline([]) }
        roundTrips += 1
        let sql = takeBegin().map { $0 + "; " + sql } ?? sql
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Runs a statement that returns no rows. - Returns: the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(PostgreSQLError) -> Int {
        let result = try executePrepared(sql, arguments)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws(PostgreSQLError) -> [Row] {
        let result = try executePrepared(sql, arguments)
        defer { PQclear(result) }
        return rows(of: result)
    }

    /// Runs a query and hands each row to `body` (the whole result is read first: use keyset
    /// pages for very large scans).
    public func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        for row in try query(sql, arguments) { try body(row) }
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(PostgreSQLError) -> SQLValue? {
        try query(sql, arguments).first?.values.first
    }

    /// Whether a transaction is open on this connection.
    public var inTransaction: Bool { transactionDepth > 0 || serverInTransaction }

    /// Whether the server has a transaction open (not one whose `BEGIN` is still owed).
    var serverInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

    private static let beginStatement = "BEGIN ISOLATION LEVEL READ COMMITTED"

    /// The owed `BEGIN`, once: the caller sends it ahead of its own statement.
    func takeBegin() -> String? {
        guard beginPending else { return nil }
        beginPending = false
        return Self.beginStatement
    }

    /// Counts a round trip made outside `execute`, `run`, `query` and `pipeline`.
    func countRoundTrip() { roundTrips += 1 }

    /// Sends the owed `BEGIN` and the deferred writes (before streaming or copying).
    func sendPendingBegin() throws(PostgreSQLError) {
        if beginPending || !pendingWrites.isEmpty { try pipeline([]) }
    }

    /// Runs a statement whose answer is not needed (it returns no rows; its row count does not
    /// matter) inside the open transaction: it is sent with the next round trip, at the latest
    /// with the commit, and a failure is reported there, aborting the transaction as ever.
    /// Outside a transaction it runs at once.
    func runLater(_ sql: String, _ arguments: [SQLValue]) throws(PostgreSQLError) {
        guard transactionDepth > 0 else {
            try run(sql, arguments)
            return
        }
        pendingWrites.append(PipelineStep(sql, arguments))
    }

    /// Runs `body` as one transaction: committed when it returns, rolled back when it throws.
    /// Nested calls join the outer transaction (and an open `begin()` block).
    ///
    /// The outermost transaction is run again, up to `retries` times, when the server aborted it
    /// for a reason a second run resolves: a serialisation failure or deadlock (`40001`, `40P01`),
    /// or a unique violation (`23505`: under READ COMMITTED a concurrent session committed the
    /// same key after this one looked; the rerun sees that row and gives the domain's own answer,
    /// such as "user exists"; once: a second duplicate is the body's own). Whatever error the body
    /// wrapped the failure in, the connection saw
    /// it (`abortedBy`), so the retry does not depend on the body's error types. A body must
    /// therefore be safe to run again: it reads what it needs inside the transaction and keeps
    /// nothing from a failed run.
    @discardableResult
    public func transaction<T>(retries: Int = 10, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        var attempt = 0
        var rerunForDuplicate = false
        while true {
            attempt += 1
            startTransaction()
            do {
                let result = try body()
                if !pendingRecords.isEmpty {
                    throw StoreError.unaudited(pendingRecords.map(\.description))
                }
                try finishTransaction()
                transactionDepth = 0
                return result
            } catch {
                transactionDepth = 0
                beginPending = false
                let aborted = abortedBy
                clearTransactionState()
                if serverInTransaction { try? execute("ROLLBACK") }
                abortedBy = aborted
                // A conflict may meet another conflict; a duplicate key is settled by one rerun (it then
                // sees the committed row), so a second one is the body's own and is not run again.
                if let state = abortedBy, attempt <= retries,
                   state.isTransient || (state == .uniqueViolation && !rerunForDuplicate) {
                    if state == .uniqueViolation { rerunForDuplicate = true }
                    abortedBy = nil
                    continue
                }
                abortedBy = nil
                throw error
            }
        }
    }

    /// Opens a transaction that `transaction` calls join until `commit()` or `rollback()` (a
    /// `begin` … `commit` block, a script run as one transaction). It cannot be run again when
    /// the server aborts it (a deadlock, a serialisation failure): the statement fails, the
    /// shell rolls the block back and says so.
    public func begin() throws(StoreError) {
        guard transactionDepth == 0 else { throw .transactionState("a transaction is already open") }
        startTransaction()
    }

    /// Opens a transaction: its `BEGIN` goes with the first statement (no round trip of its own).
    private func startTransaction() {
        transactionDepth = 1
        transactionNumber += 1
        clearTransactionState()
        beginPending = true
    }

    /// Chains and inserts the pending audit rows and commits, in as few round trips as the
    /// chain allows (`PostgreSQLAuditLog.flush`); a transaction that sent nothing ends silently.
    private func finishTransaction() throws {
        if beginPending && pendingAudit.isEmpty && pendingWrites.isEmpty {
            beginPending = false
            return
        }
        try PostgreSQLAuditLog(connection: self).flush(commit: true)
    }

    /// Forgets everything a transaction gathered (a new one, a rollback, a retry).
    private func clearTransactionState() {
        clearPending()
        knownHashes = [:]
        pendingAudit = []
        pendingWrites = []
        abortedBy = nil
    }

    /// Commits what `begin()` opened. A transaction the server already aborted is rolled back
    /// and reported (PostgreSQL would answer its COMMIT with a silent ROLLBACK).
    public func commit() throws(StoreError) {
        guard transactionDepth == 1 else { throw .transactionState("no transaction is open") }
        defer { transactionDepth = 0; clearTransactionState() }
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            try? execute("ROLLBACK")
            throw .transactionState("the transaction was aborted by an earlier error"
                + (abortedBy.map { " (PostgreSQL \($0))" } ?? "") + " and has been rolled back; nothing was changed")
        }
        if !pendingRecords.isEmpty {
            let records = pendingRecords.map(\.description)
            if serverInTransaction { try? execute("ROLLBACK") }
            beginPending = false
            throw .unaudited(records)
        }
        do { try finishTransaction() } catch {
            beginPending = false
            if serverInTransaction { try? execute("ROLLBACK") }
            if let error = error as? PostgreSQLError { throw .postgreSQL(error) }
            if let error = error as? StoreError { throw error }
            throw .transactionState("the commit failed (\(error)) and the transaction has been rolled back; nothing was changed")
        }
    }

    /// Undoes everything since `begin()`.
    public func rollback() throws(StoreError) {
        guard transactionDepth == 1 else { throw .transactionState("no transaction is open") }
        transactionDepth = 0
        clearTransactionState()
        beginPending = false
        if serverInTransaction {
            do { try execute("ROLLBACK") } catch { throw .postgreSQL(error) }
        }
    }

    /// Ends the connection; nothing may use it afterwards (an open transaction is rolled back
    /// by the server).
    public func close() {
        guard !closed else { return }
        closed = true
        PQfinish(handle)
    }

    /// Notes that a covered row was written: the next audit row of this transaction records it.
    func wrote(_ kind: String, _ id: Int) {
        let ref = RecordRef(kind, id)
        knownHashes[ref] = nil
        if pendingSet.insert(ref).inserted { pendingRecords.append(ref) }
    }

    /// Notes a covered row written by a statement that returned it (`CoveredRecords.returning`:
    /// key first, then the kind's columns): its record hash is computed from those values, the
    /// stored ones, so the audit row needs no read back. - Returns: the row's key.
    @discardableResult
    func wrote(_ kind: String, returned row: Row) -> Int {
        wrote(kind, values: row.values)
    }

    /// Notes a covered row with its stored values (key first, then the kind's columns, as
    /// `CoveredRecords.returning` hands them back). - Returns: the row's key.
    @discardableResult
    func wrote(_ kind: String, values: [SQLValue]) -> Int {
        let id = values[0].int ?? 0
        wrote(kind, id)
        knownHashes[RecordRef(kind, id)] = CoveredRecords.hash(kind, returned: values)
        return id
    }

    /// The due dates' basis as this transaction last read or wrote it (`case_due_basis`): asked
    /// for before each change to a case, read from the server once per transaction.
    var dueBasisMemo: (transaction: Int, basis: String?)?

    /// Forgets the rows noted (a new transaction, or an audit row that recorded them).
    func clearPending() {
        pendingRecords = []
        pendingSet = []
    }

    // MARK: - libpq

    private func executePrepared(_ sql: String, _ arguments: [SQLValue]) throws(PostgreSQLError) -> OpaquePointer {
        if beginPending || prepared[sql] == nil || !pendingWrites.isEmpty {
            // BEGIN, PREPARE and the statement itself in one round trip.
            return try pipeline([PipelineStep(sql, arguments)], keepLast: true).last!
        }
        roundTrips += 1
        let name = prepared[sql]!
        let result = Parameters(arguments).withPointers { values, lengths, formats in
            PQexecPrepared(handle, name, Int32(arguments.count), values, lengths, formats, 0)
        }
        guard let result else { throw .connectionLost(reason: lastError, sql: sql) }
        do {
            try check(result, sql: sql)
        } catch {
            PQclear(result)
            throw error
        }
        return result
    }

    /// One statement of a pipeline: prepared once per connection (the parameter types are left
    /// to the server), then executed with its arguments.
    struct PipelineStep {
        var sql: String
        var arguments: [SQLValue]
        init(_ sql: String, _ arguments: [SQLValue] = []) {
            self.sql = sql
            self.arguments = arguments
        }
    }

    /// Sends `steps` in one round trip (libpq's pipeline mode), preceded by the owed `BEGIN` and
    /// by a `PREPARE` for each statement not yet prepared on this connection, and reads every
    /// answer. The server runs them in order, each with its own snapshot under READ COMMITTED
    /// (a statement after a lock sees what the lock's previous holder committed); after the
    /// first failure it skips the rest, and that failure is thrown (and noted as the abort of
    /// the transaction, so that `transaction` retries a conflict as ever).
    /// - Returns: the results of the steps (each to be cleared by the caller), or, unless
    ///   `keepLast`, none (they are cleared here).
    @discardableResult
    func pipeline(_ own: [PipelineStep], keepLast: Bool = false) throws(PostgreSQLError) -> [OpaquePointer] {
        // The deferred writes go first, in the order written; their answers are only checked.
        let steps = pendingWrites + own
        let firstOwn = pendingWrites.count
        pendingWrites = []
        var sends: [(step: Int?, prepare: (sql: String, name: String)?)] = []
        guard PQenterPipelineMode(handle) == 1 else {
            throw .connectionLost(reason: lastError, sql: steps.first?.sql ?? Self.beginStatement)
        }
        roundTrips += 1
        var naming: [String: String] = [:]
        var sendFailed = false
        if let begin = takeBegin() {
            sendFailed = PQsendQueryParams(handle, begin, 0, nil, nil, nil, nil, 0) != 1
            sends.append((nil, nil))
        }
        for (index, step) in steps.enumerated() where !sendFailed {
            let name: String
            if let known = prepared[step.sql] ?? naming[step.sql] {
                name = known
            } else {
                name = "lotse_\(prepared.count + naming.count + 1)"
                naming[step.sql] = name
                sendFailed = PQsendPrepare(handle, name, step.sql, Int32(step.arguments.count), nil) != 1
                sends.append((nil, (step.sql, name)))
            }
            let sent = Parameters(step.arguments).withPointers { values, lengths, formats in
                PQsendQueryPrepared(handle, name, Int32(step.arguments.count), values, lengths, formats, 0)
            }
            sendFailed = sendFailed || sent != 1
            sends.append((index, nil))
        }
        guard !sendFailed, PQpipelineSync(handle) == 1 else {
            let reason = lastError
            PQfinish(handle)
            closed = true
            throw .connectionLost(reason: reason, sql: steps.map(\.sql).joined(separator: "; "))
        }
        var results: [OpaquePointer] = []
        var failure: PostgreSQLError?
        for send in sends {
            let sql = send.step.map { steps[$0].sql } ?? send.prepare?.sql ?? Self.beginStatement
            guard let result = PQgetResult(handle) else {
                failure = failure ?? .connectionLost(reason: lastError, sql: sql)
                continue
            }
            // Each command's results end with a null.
            while let extra = PQgetResult(handle) { PQclear(extra) }
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
                continue
            }
            do {
                try check(result, sql: sql)
            } catch {
                failure = failure ?? error
                PQclear(result)
                continue
            }
            if let prepare = send.prepare { prepared[prepare.sql] = prepare.name }
            if let step = send.step, step >= firstOwn, failure == nil { results.append(result) } else { PQclear(result) }
        }
        // The pipeline's end (PGRES_PIPELINE_SYNC).
        if let sync = PQgetResult(handle) { PQclear(sync) }
        if PQexitPipelineMode(handle) != 1 {
            while let rest = PQgetResult(handle) { PQclear(rest) }
            _ = PQexitPipelineMode(handle)
        }
        if let failure {
            results.forEach { PQclear($0) }
            throw failure
        }
        if !keepLast {
            results.forEach { PQclear($0) }
            return []
        }
        return results
    }

    /// Runs `steps` in one round trip (see `pipeline`). - Returns: each step's rows.
    func pipelineRows(_ steps: [PipelineStep]) throws(PostgreSQLError) -> [[Row]] {
        let results = try pipeline(steps, keepLast: true)
        defer { results.forEach { PQclear($0) } }
        return results.map { rows(of: $0) }
    }

    func check(_ result: OpaquePointer?, sql: String) throws(PostgreSQLError) {
        guard let result else { throw .connectionLost(reason: lastError, sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            if PQstatus(handle) != CONNECTION_OK { throw .connectionLost(reason: lastError, sql: sql) }
            let state = lotse_pq_sqlstate(result).map { String(cString: $0) } ?? "XX000"
            let message = lotse_pq_primary_message(result).map { String(cString: $0) } ?? lastError
            if transactionDepth > 0, abortedBy == nil { abortedBy = SQLState(state) }
            throw .server(state: SQLState(state), message: message, sql: sql)
        }
    }

    var lastError: String { String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines }

    func rows(of result: OpaquePointer) -> [Row] {
        let count = Int(PQntuples(result)), fields = Int(PQnfields(result))
        let columns = (0..<fields).map { String(cString: PQfname(result, Int32($0))) }
        let types = (0..<fields).map { PQftype(result, Int32($0)) }
        var rows: [Row] = []
        rows.reserveCapacity(count)
        for r in 0..<count {
            var values: [SQLValue] = []
            values.reserveCapacity(fields)
            for f in 0..<fields {
                let row = Int32(r), field = Int32(f)
                if PQgetisnull(result, row, field) == 1 {
                    values.append(.null)
                    continue
                }
                let length = Int(PQgetlength(result, row, field))
                let text = PQgetvalue(result, row, field)!
                values.append(Self.value(text, length: length, type: types[f]))
            }
            rows.append(Row(values: values, columns: columns))
        }
        return rows
    }

    /// Type OIDs of the built-in types Lotse uses (`pg_type.dat`).
    private enum TypeOID {
        static let bool: UInt32 = 16, bytea: UInt32 = 17, int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23
        static let float4: UInt32 = 700, float8: UInt32 = 701, numeric: UInt32 = 1700
    }

    private static func value(_ text: UnsafeMutablePointer<CChar>, length: Int, type: UInt32) -> SQLValue {
        let string = String(cString: text)
        switch type {
        case TypeOID.int2, TypeOID.int4, TypeOID.int8:
            return Int64(string).map(SQLValue.integer) ?? .text(string)
        case TypeOID.float4, TypeOID.float8, TypeOID.numeric:
            if let integer = Int64(string) { return type == TypeOID.numeric ? .integer(integer) : .real(Double(integer)) }
            return Double(string).map(SQLValue.real) ?? .text(string)
        case TypeOID.bool:
            return .integer(string == "t" ? 1 : 0)
        case TypeOID.bytea:
            return .blob(hexBytea(string))
        default:
            return .text(string)
        }
    }

    /// Decodes the text form of `bytea` (`\x` followed by hex digits, PostgreSQL's default output).
    private static func hexBytea(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let digits = Array(text.utf8.dropFirst(2))
        bytes.reserveCapacity(digits.count / 2)
        var i = 0
        while i + 1 < digits.count {
            bytes.append(UInt8(hex(digits[i]) << 4 | hex(digits[i + 1])))
            i += 2
        }
        return bytes
    }

    private static func hex(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: c - UInt8(ascii: "A") + 10
        }
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}

@available(*, unavailable)
extension PostgreSQLConnection: Sendable {}
