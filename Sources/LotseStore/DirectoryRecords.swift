/// A stored user account.
public struct UserRecord: Sendable, Equatable {
    public var id: Int
    public var name: String
    /// The role's raw value (`caseworker`, `medical`, `supervisor`, `evaluator`, `admin`).
    public var role: String
    /// The codes of the user's sites, sorted (empty for the region-wide roles evaluator and admin).
    public var sites: [String]
    /// The first of the user's sites, if any.
    public var site: String? { sites.first }
    /// The encoded password hash (see `PasswordHasher` in LotseCases).
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: String

    public init(id: Int, name: String, role: String, sites: [String], passwordHash: String, disabled: Bool,
                createdAt: String) {
        self.id = id
        self.name = name
        self.role = role
        self.sites = sites
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
    }
}

/// A stored site (a jobcenter office taking part in the model project).
public struct SiteRecord: Sendable, Equatable {
    public var id: Int
    /// Short code used in commands (`bocholt`).
    public var code: String
    /// Display name.
    public var name: String
    public var createdAt: String

    public init(id: Int, code: String, name: String, createdAt: String) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}

/// SQL for users and sites. Callers wrap writes in a transaction with their audit row.
public struct DirectoryRecords {
    let database: Database

    /// The records of a database.
    public init(database: Database) { self.database = database }

    private static let userColumns = """
        u.id, u.name, u.role,
        (SELECT group_concat(code, ',') FROM (SELECT s.code FROM user_sites us JOIN sites s ON s.id = us.site_id
         WHERE us.user_id = u.id ORDER BY s.code)),
        u.password_hash, u.disabled, u.created_at
        FROM users u
        """

    static func user(_ row: Row) -> UserRecord {
        UserRecord(id: row[0].int ?? 0, name: row[1].string ?? "", role: row[2].string ?? "",
                   sites: row[3].string.map { $0.split(separator: ",").map(String.init) } ?? [],
                   passwordHash: row[4].string ?? "", disabled: (row[5].int ?? 0) != 0,
                   createdAt: row[6].string ?? "")
    }

    /// The number of user accounts (zero on a new database).
    public func userCount() throws -> Int {
        try database.scalar("SELECT COUNT(*) FROM users")?.int ?? 0
    }

    /// The user with this name, if any.
    public func user(named name: String) throws -> UserRecord? {
        try database.query("SELECT \(Self.userColumns) WHERE u.name = ?", [.text(name)]).first.map(Self.user)
    }

    /// All users, ordered by name.
    public func users() throws -> [UserRecord] {
        try database.query("SELECT \(Self.userColumns) ORDER BY u.name").map(Self.user)
    }

    /// Inserts a user belonging to the given sites (which must exist).
    /// - Returns: the new user's id.
    public func insertUser(name: String, role: String, siteIDs: [Int], passwordHash: String, at: String) throws -> Int {
        try database.run("INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                         [.text(name), .text(role), .text(passwordHash), .text(at)])
        let id = Int(database.lastInsertRowID)
        try setSites(userID: id, add: siteIDs, remove: [])
        database.wrote("user", id)
        return id
    }

    /// Adds a user to sites and removes them from others (either may be empty).
    public func setSites(userID: Int, add: [Int], remove: [Int]) throws {
        for site in add {
            try database.run("INSERT OR IGNORE INTO user_sites (user_id, site_id) VALUES (?, ?)", [.int(userID), .int(site)])
        }
        for site in remove {
            try database.run("DELETE FROM user_sites WHERE user_id = ? AND site_id = ?", [.int(userID), .int(site)])
        }
        database.wrote("user", userID)
    }

    /// Marks a user disabled (or enabled again).
    public func setDisabled(userID: Int, _ disabled: Bool) throws {
        try database.run("UPDATE users SET disabled = ? WHERE id = ?", [.int(disabled ? 1 : 0), .int(userID)])
        database.wrote("user", userID)
    }

    /// Replaces a user's password hash.
    public func setPasswordHash(userID: Int, _ hash: String) throws {
        try database.run("UPDATE users SET password_hash = ? WHERE id = ?", [.text(hash), .int(userID)])
        database.wrote("user", userID)
    }

    /// Whether the user's password is a one-time password that must be changed before anything else.
    public func mustChangePassword(userID: Int) throws -> Bool {
        try database.scalar("SELECT must_change_password FROM users WHERE id = ?", [.int(userID)])?.int == 1
    }

    /// Marks the user's password as one-time (or not).
    public func setMustChangePassword(userID: Int, _ value: Bool) throws {
        try database.run("UPDATE users SET must_change_password = ? WHERE id = ?", [.int(value ? 1 : 0), .int(userID)])
        database.wrote("user", userID)
    }

    /// The site with this code, if any.
    public func site(code: String) throws -> SiteRecord? {
        try database.query("SELECT id, code, name, created_at FROM sites WHERE code = ?", [.text(code)])
            .first.map(Self.site)
    }

    /// All sites, ordered by code.
    public func sites() throws -> [SiteRecord] {
        try database.query("SELECT id, code, name, created_at FROM sites ORDER BY code").map(Self.site)
    }

    /// Inserts a site. - Returns: its id.
    public func insertSite(code: String, name: String, at: String) throws -> Int {
        try database.run("INSERT INTO sites (code, name, created_at) VALUES (?, ?, ?)",
                         [.text(code), .text(name), .text(at)])
        let id = Int(database.lastInsertRowID)
        database.wrote("site", id)
        return id
    }

    static func site(_ row: Row) -> SiteRecord {
        SiteRecord(id: row[0].int ?? 0, code: row[1].string ?? "", name: row[2].string ?? "",
                   createdAt: row[3].string ?? "")
    }
}
