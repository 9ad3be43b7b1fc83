import Foundation

/// The record hashes of every covered data table, computed on a second connection on its own
/// thread while `audit verify` walks the chain on the first: on a machine with two cores the
/// data check then costs no extra time.
///
/// Both connections must read one state of the database. Every change to covered data writes
/// an audit row in the same transaction, so two read transactions that see the same last audit
/// row see the same data; when they do not (a write came between them, or the first connection
/// holds uncommitted writes of its own) `join` answers nil and the caller checks the tables
/// itself, on its own snapshot.
final class DataTableHashes: @unchecked Sendable {
    /// Per covered kind (in `CoveredRecords.kinds` order): its rows' ids, ascending, and hashes.
    typealias Tables = [[(id: Int, hash: Digest32)]]

    private let path: String
    private let lastSeq: Int
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Tables?, any Error> = .success(nil)

    private init(path: String, lastSeq: Int) {
        self.path = path
        self.lastSeq = lastSeq
    }

    /// Starts hashing the tables of the database file at `path` on a new thread; nil when the
    /// database is not a file another connection can open.
    /// - Parameter lastSeq: the last audit row the caller's read transaction sees.
    static func start(path: String, lastSeq: Int) -> DataTableHashes? {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:"),
              FileManager.default.fileExists(atPath: path) else { return nil }
        let hashes = DataTableHashes(path: path, lastSeq: lastSeq)
        let thread = Thread { hashes.run() }
        thread.stackSize = 1 << 20
        thread.start()
        return hashes
    }

    /// Waits for the thread: the tables, or nil when its snapshot was another one.
    func join() throws -> Tables? {
        finished.wait()
        return try result.get()
    }

    private func run() {
        defer { finished.signal() }
        do {
            let database = try Database(path: path, readOnly: true)
            defer { database.close() }
            try database.execute("BEGIN")
            defer { try? database.execute("COMMIT") }
            guard try database.scalar("SELECT COALESCE(MAX(seq), 0) FROM audit")?.int == lastSeq else {
                result = .success(nil)
                return
            }
            var tables: Tables = []
            var scratch: [UInt8] = []
            scratch.reserveCapacity(1024)
            for kind in CoveredRecords.kinds {
                var rows: [(id: Int, hash: Digest32)] = []
                if try CoveredRecords.exists(kind, in: database) { try database.forEachRaw(kind.select + " ORDER BY r.\(kind.key)") { row in
                    rows.append((row.int(0), kind.hash(raw: row, scratch: &scratch)))
                } }
                tables.append(rows)
            }
            result = .success(tables)
        } catch {
            result = .failure(error)
        }
    }
}
