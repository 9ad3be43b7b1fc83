import CLibPQ

/// Reading and writing many rows without holding them: a query streamed row by row (libpq's
/// single-row mode), keyset pages read on demand (for scans merge-joined on one connection),
/// and `COPY … FROM STDIN` for bulk inserts.
extension PostgreSQLConnection {
    /// Runs one query and hands its rows to `body` one at a time as they arrive (libpq's
    /// single-row mode): the result is never held whole, and all rows come from the one
    /// statement's snapshot. The connection is busy meanwhile: `body` must not use it.
    /// What `body` throws stops the query (the rest of its rows are discarded) and is rethrown.
    public func stream(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        try sendPendingBegin()
        countRoundTrip()
        let idle = PQtransactionStatus(handle) == PQTRANS_IDLE
        let sent = Parameters(arguments).withPointers { values, lengths, formats in
            PQsendQueryParams(handle, sql, Int32(arguments.count), nil, values, lengths, formats, 0)
        }
        guard sent == 1 else { throw PostgreSQLError.connectionLost(reason: lastError, sql: sql) }
        _ = PQsetSingleRowMode(handle)
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard failure == nil else { continue }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
                // One row each in single-row mode; the last result has none (or all of them, had
                // the mode not been set).
                do {
                    for row in rows(of: result) { try body(row) }
                } catch {
                    failure = error
                    // Outside a transaction the server may stop at once; inside one a cancel
                    // would abort the caller's transaction, so the rest is read and dropped.
                    if idle, let cancel = PQgetCancel(handle) {
                        var buffer = [CChar](repeating: 0, count: 256)
                        _ = PQcancel(cancel, &buffer, 256)
                        PQfreeCancel(cancel)
                    }
                }
            case PGRES_COMMAND_OK:
                continue
            default:
                do { try check(result, sql: sql) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// A cursor over a scan read in keyset pages: `page` gets a key (`start` first) and returns
    /// the rows of the next page and the key after them, nil when that was the last page (a page
    /// may be empty before the last). Each page is one short statement, so several such cursors
    /// can be read in turn on one connection (the export merge-joins three), inside a
    /// transaction or not, and at most one page is held at a time.
    func pages<Key, Record>(from start: Key,
                            _ page: @escaping (Key) throws(PostgreSQLError) -> (rows: [Row], next: Key?),
                            _ make: @escaping (Row) -> Record) -> RecordCursor<Record> {
        var buffered: [Row] = []
        var index = 0
        var key: Key? = start
        return RecordCursor { () throws(StoreError) -> Record? in
            while index == buffered.count {
                guard let current = key else { return nil }
                do throws(PostgreSQLError) {
                    (buffered, key) = try page(current)
                } catch {
                    throw .postgreSQL(error)
                }
                index = 0
            }
            index += 1
            return make(buffered[index - 1])
        }
    }

    /// Inserts rows with `COPY table (columns) FROM STDIN` (text format): `rows` calls its
    /// argument once per row with the row's values in `columns` order. Triggers and constraints
    /// apply as for INSERT. - Returns: the number of rows copied.
    @discardableResult
    public func copyIn(table: String, columns: [String], _ rows: ((_ row: [SQLValue]) throws -> Void) throws -> Void) throws -> Int {
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        try sendPendingBegin()
        countRoundTrip()
        let started = PQexec(handle, sql)
        let status = PQresultStatus(started)
        if status != PGRES_COPY_IN {
            defer { PQclear(started) }
            try check(started, sql: sql)
            throw PostgreSQLError.connectionLost(reason: "the server did not start COPY", sql: sql)
        }
        PQclear(started)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        var count = 0
        func flush() throws(PostgreSQLError) {
            guard !buffer.isEmpty else { return }
            let sent = buffer.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
            guard sent == 1 else { throw .connectionLost(reason: lastError, sql: sql) }
            buffer.removeAll(keepingCapacity: true)
        }
        var failure: (any Error)?
        do {
            try rows { values in
                guard values.count == columns.count else {
                    preconditionFailure("COPY \(table): \(values.count) values for \(columns.count) columns")
                }
                for (i, value) in values.enumerated() {
                    if i > 0 { buffer.append(0x09) }
                    try Self.appendCopyText(value, to: &buffer, table: table)
                }
                buffer.append(0x0A)
                count += 1
                if buffer.count >= 1 << 16 { try flush() }
            }
            try flush()
        } catch {
            failure = error
        }
        let ended = failure == nil ? PQputCopyEnd(handle, nil) : PQputCopyEnd(handle, "stopped by the client")
        guard ended == 1 else { throw failure ?? PostgreSQLError.connectionLost(reason: lastError, sql: sql) }
        var serverFailure: PostgreSQLError?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            do { try check(result, sql: sql) } catch { serverFailure = serverFailure ?? error }
        }
        if let failure { throw failure }
        if let serverFailure { throw serverFailure }
        return count
    }

    /// Appends one value in COPY's text format: `\N` for NULL, backslash escapes for the
    /// delimiter, newlines and backslashes, `bytea` as `\\x` and hex digits.
    private static func appendCopyText(_ value: SQLValue, to buffer: inout [UInt8], table: String) throws {
        switch value {
        case .null:
            buffer.append(contentsOf: [0x5C, 0x4E])
        case let .integer(i):
            buffer.append(contentsOf: Array(String(i).utf8))
        case let .real(d):
            buffer.append(contentsOf: Array("\(d)".utf8))
        case let .blob(bytes):
            buffer.append(contentsOf: [0x5C, 0x5C, 0x78])
            let digits = Array("0123456789abcdef".utf8)
            for b in bytes {
                buffer.append(digits[Int(b >> 4)])
                buffer.append(digits[Int(b & 0x0F)])
            }
        case let .text(s):
            for byte in s.utf8 {
                switch byte {
                case 0x00: throw CopyFailure.nulCharacter(table: table)
                case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
                case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
                default: buffer.append(byte)
                }
            }
        }
    }
}

/// Why `COPY FROM STDIN` could not send a row.
public enum CopyFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// PostgreSQL text cannot hold the character U+0000, which SQLite text can.
    case nulCharacter(table: String)

    public var description: String {
        switch self {
        case let .nulCharacter(table):
            return "a text value in \(table) holds the character U+0000, which PostgreSQL text cannot store"
        }
    }
}

/// Parameter values as libpq takes them: text, except blobs (binary), NULL as a null pointer.
struct Parameters {
    var buffers: [[CChar]?] = []
    var lengths: [Int32] = []
    var formats: [Int32] = []

    init(_ arguments: [SQLValue]) {
        for argument in arguments {
            switch argument {
            case .null:
                buffers.append(nil); lengths.append(0); formats.append(0)
            case let .blob(bytes):
                buffers.append(bytes.map { CChar(bitPattern: $0) }); lengths.append(Int32(bytes.count)); formats.append(1)
            case let .integer(i):
                buffers.append(Array(String(i).utf8CString)); lengths.append(0); formats.append(0)
            case let .real(d):
                buffers.append(Array("\(d)".utf8CString)); lengths.append(0); formats.append(0)
            case let .text(s):
                buffers.append(Array(s.utf8CString)); lengths.append(0); formats.append(0)
            }
        }
    }

    /// Runs `body` with pointers to the values that live as long as the call.
    func withPointers<R>(_ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) -> R) -> R {
        func step(_ index: Int, _ collected: [UnsafePointer<CChar>?]) -> R {
            if index == buffers.count { return body(collected, lengths, formats) }
            guard let buffer = buffers[index] else { return step(index + 1, collected + [nil]) }
            return buffer.withUnsafeBufferPointer { step(index + 1, collected + [$0.baseAddress]) }
        }
        return step(0, [])
    }
}
