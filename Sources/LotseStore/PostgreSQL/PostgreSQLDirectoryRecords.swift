/// Users, their sites, and sites on PostgreSQL: the SQL of `DirectoryRecords` in PostgreSQL's
/// dialect (`string_agg` for `group_concat`, `ON CONFLICT DO NOTHING` for `INSERT OR IGNORE`,
/// byte order for names as SQLite sorts them), noting the same covered rows for the next audit row.
public struct PostgreSQLDirectoryRecords: DirectoryRecordSet {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    private static let userColumns = """
        u.id, u.name, u.role,
        (SELECT string_agg(s.code, ',' ORDER BY s.code COLLATE "C") FROM user_sites us JOIN sites s ON s.id = us.site_id
         WHERE us.user_id = u.id),
        u.password_hash, u.disabled, u.created_at
        FROM users u
        """

    /// Inside a transaction (the first admin's `init`) it first takes the audit log's append lock,
    /// which that transaction takes anyway: two sessions initialising a new database at once
    /// queue, and the second counts the first's admin, as under SQLite's single writer.
    public func userCount() throws -> Int {
        if connection.inTransaction {
            try connection.storeRun("SELECT pg_advisory_xact_lock(\(PostgreSQLAuditLog.appendLock))")
        }
        return try connection.storeScalar("SELECT COUNT(*) FROM users")?.int ?? 0
    }

    public func user(named name: String) throws -> UserRecord? {
        try connection.storeQuery("SELECT \(Self.userColumns) WHERE u.name = $1", [.text(name)])
            .first.map(DirectoryRecords.user)
    }

    public func users() throws -> [UserRecord] {
        try connection.storeQuery("SELECT \(Self.userColumns) ORDER BY u.name COLLATE \"C\"").map(DirectoryRecords.user)
    }

    public func insertUser(name: String, role: String, siteIDs: [Int], passwordHash: String, at: String) throws -> Int {
        let id = try connection.storeInsert(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            [.text(name), .text(role), .text(passwordHash), .text(at)])
        try setSites(userID: id, add: siteIDs, remove: [])
        connection.wrote("user", id)
        return id
    }

    public func setSites(userID: Int, add: [Int], remove: [Int]) throws {
        for site in add {
            try connection.storeRun("INSERT INTO user_sites (user_id, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                    [.int(userID), .int(site)])
        }
        for site in remove {
            try connection.storeRun("DELETE FROM user_sites WHERE user_id = $1 AND site_id = $2", [.int(userID), .int(site)])
        }
        connection.wrote("user", userID)
    }

    public func setDisabled(userID: Int, _ disabled: Bool) throws {
        try connection.storeRun("UPDATE users SET disabled = $1 WHERE id = $2", [.int(disabled ? 1 : 0), .int(userID)])
        connection.wrote("user", userID)
    }

    public func setPasswordHash(userID: Int, _ hash: String) throws {
        try connection.storeRun("UPDATE users SET password_hash = $1 WHERE id = $2", [.text(hash), .int(userID)])
        connection.wrote("user", userID)
    }

    public func mustChangePassword(userID: Int) throws -> Bool {
        try connection.storeScalar("SELECT must_change_password FROM users WHERE id = $1", [.int(userID)])?.int == 1
    }

    public func setMustChangePassword(userID: Int, _ value: Bool) throws {
        try connection.storeRun("UPDATE users SET must_change_password = $1 WHERE id = $2",
                                [.int(value ? 1 : 0), .int(userID)])
        connection.wrote("user", userID)
    }

    public func site(code: String) throws -> SiteRecord? {
        try connection.storeQuery("SELECT id, code, name, created_at FROM sites WHERE code = $1", [.text(code)])
            .first.map(DirectoryRecords.site)
    }

    public func sites() throws -> [SiteRecord] {
        try connection.storeQuery("SELECT id, code, name, created_at FROM sites ORDER BY code COLLATE \"C\"")
            .map(DirectoryRecords.site)
    }

    public func insertSite(code: String, name: String, at: String) throws -> Int {
        let id = try connection.storeInsert("INSERT INTO sites (code, name, created_at) VALUES ($1, $2, $3) RETURNING id",
                                            [.text(code), .text(name), .text(at)])
        connection.wrote("site", id)
        return id
    }
}
