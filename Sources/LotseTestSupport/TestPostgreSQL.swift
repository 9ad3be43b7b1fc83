import Foundation
public import LotseStore

/// The PostgreSQL server of the conformance tests: `LOTSE_TEST_POSTGRES` holds the owner's
/// connection URI (`Tools/pg-test-cluster start DIR` prints it; `.ci/run` sets it). Without it the
/// PostgreSQL tests are skipped with a one-line notice, so `swift test` passes on a machine
/// without a server.
public enum TestPostgreSQL {
    /// The owner's URI, nil when no server is configured.
    public static var ownerURI: ConnectionURI? {
        ProcessInfo.processInfo.environment["LOTSE_TEST_POSTGRES"].flatMap(ConnectionURI.init)
    }

    /// The application role's URI (INSERT and SELECT only on the append-only tables).
    public static var applicationURI: ConnectionURI? {
        ProcessInfo.processInfo.environment["LOTSE_TEST_POSTGRES_APP"].flatMap(ConnectionURI.init)
    }

    /// Whether the PostgreSQL tests run; prints the notice once when they do not.
    public static var isAvailable: Bool {
        if ownerURI != nil { return true }
        notice.once()
        return false
    }

    private static let notice = Once {
        FileHandle.standardError.write(Data(
            "note: PostgreSQL tests skipped: set LOTSE_TEST_POSTGRES (Tools/pg-test-cluster start DIR prints it)\n".utf8))
    }

    /// A fresh schema on the test server migrated by the owner (`lotse migrate`), with the URI
    /// the application role `lotse_app` connects with to it (its `search_path` set). Drop it
    /// with `DROP SCHEMA … CASCADE` on `owner` when done.
    public static func migratedSchema() throws -> (owner: PostgreSQLConnection, schema: String, application: ConnectionURI) {
        guard let ownerURI, let applicationURI else { throw Unavailable() }
        let owner = try PostgreSQLConnection(ownerURI)
        let schema = try scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        let separator = applicationURI.text.contains("?") ? "&" : "?"
        return (owner, schema, ConnectionURI(applicationURI.text + separator + "options=-csearch_path%3D" + schema)!)
    }

    /// No test server is configured.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "no PostgreSQL test server: set LOTSE_TEST_POSTGRES and LOTSE_TEST_POSTGRES_APP" }
    }

    /// A fresh schema on the test server for one test.
    public static func scratchSchema(_ connection: PostgreSQLConnection) throws -> String {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try connection.execute("CREATE SCHEMA \(name); SET search_path TO \(name)")
        return String(name)
    }
}

/// Runs a closure once per process.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    func once() {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
