/// One numbered schema change. Shipped migrations are never edited: a later change is a
/// new migration with the next number.
public struct Migration: Sendable {
    /// The schema version this migration leads to (1, 2, 3, ...).
    public let version: Int
    /// A short name for messages.
    public let name: String
    /// The SQL it runs.
    public let sql: String
    /// Work after the SQL, in the same transaction (data the SQL cannot derive).
    let then: (@Sendable (Database) throws -> Void)?

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.then = nil
    }

    init(version: Int, name: String, sql: String, then: @escaping @Sendable (Database) throws -> Void) {
        self.version = version
        self.name = name
        self.sql = sql
        self.then = then
    }
}

/// Applies ordered migrations, recording the schema version in `PRAGMA user_version`.
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the version
/// bump, so a failure leaves the database at the previous version.
public struct Migrator: Sendable {
    /// The migrations in order; versions must be 1, 2, 3, ... without gaps.
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        precondition(migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
                     "migrations must be numbered 1, 2, 3, ... in order")
        self.migrations = migrations
    }

    /// The newest schema version these migrations produce.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The schema version recorded in the database.
    public static func currentVersion(of database: Database) throws(StoreError) -> Int {
        try database.scalar("PRAGMA user_version")?.int ?? 0
    }

    /// Brings the database up to `latestVersion`.
    /// - Returns: the versions applied (empty when the database was already current).
    /// - Throws: `StoreError.newerSchema` when the database is newer than these migrations.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Int] {
        let found = try Self.currentVersion(of: database)
        if found > latestVersion {
            throw StoreError.newerSchema(path: database.path, found: found, known: latestVersion)
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > found {
            try database.transaction {
                // Re-check inside the write lock: another process may have migrated meanwhile.
                guard try Self.currentVersion(of: database) < migration.version else { return }
                try database.execute(migration.sql)
                try migration.then?(database)
                try database.execute("PRAGMA user_version = \(migration.version)")
                applied.append(migration.version)
            }
        }
        return applied
    }
}
