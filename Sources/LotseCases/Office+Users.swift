public import LotseStore

/// Users, logins and sites.
extension Office {
    /// Whether the database has any user yet.
    public func isInitialised() throws -> Bool {
        try storeWork { try store.directory.userCount() > 0 }
    }

    /// Creates the first admin of a new database and returns them as the logged-in actor.
    /// - Throws: `CasesError.alreadyInitialised` when users exist, name and password errors.
    public func initialise(adminName: String, password: String) throws -> Actor {
        guard Self.isValidName(adminName) else { throw CasesError.invalidName(adminName, what: "user name") }
        try PasswordHasher.check(password, userName: adminName)
        let hash = hasher.hash(password)
        return try storeWork {
            try store.transaction {
                guard try store.directory.userCount() == 0 else { throw CasesError.alreadyInitialised }
                let at = timestamp()
                let id = try store.directory.insertUser(name: adminName, role: Role.admin.rawValue, siteIDs: [],
                                                        passwordHash: hash, at: at)
                let actor = Actor(userID: id, name: adminName, role: .admin, sites: [])
                try store.audit.record(draft(actor, "init", detail: .object([
                    ("admin", .string(adminName)), ("schema", .int(Schema.migrator.latestVersion)),
                ])))
                return actor
            }
        }
    }

    /// Adds a user account (admin only). Caseworker, medical and supervisor belong to one or
    /// more sites (a supervisor of every site is the region's); evaluator and admin to none.
    /// - Parameter oneTime: the password is a one-time password: the new user must change it at
    ///   the first login before doing anything else.
    public func addUser(by actor: Actor, name: String, role: Role, sites: [String], password: String,
                        oneTime: Bool = false) throws {
        try authorize(.addUser, actor)
        guard Self.isValidName(name) else { throw CasesError.invalidName(name, what: "user name") }
        try Self.checkSites(sites, for: role)
        try PasswordHasher.check(password, userName: name)
        let hash = hasher.hash(password)
        try storeWork {
            try store.transaction {
                if try store.directory.user(named: name) != nil { throw CasesError.userExists(name) }
                let siteIDs = try sites.map { code in
                    guard let record = try store.directory.site(code: code) else { throw CasesError.unknownSite(code) }
                    return record.id
                }
                let at = timestamp()
                let id = try store.directory.insertUser(name: name, role: role.rawValue, siteIDs: siteIDs,
                                                        passwordHash: hash, at: at)
                if oneTime { try store.directory.setMustChangePassword(userID: id, true) }
                try store.audit.record(draft(actor, "user.add", detail: .object([
                    ("user", .string(name)), ("role", .string(role.rawValue)),
                    ("sites", .array(sites.sorted().map { .string($0) })),
                ] + (oneTime ? [("password", .string("one-time"))] : []))))
            }
        }
    }

    /// Adds a user to sites and removes them from others (admin only). A site-scoped user
    /// keeps at least one site.
    /// - Returns: the user's sites afterwards.
    @discardableResult
    public func setSites(by actor: Actor, name: String, add: [String], remove: [String]) throws -> [String] {
        try authorize(.addUser, actor)
        return try storeWork {
            try store.transaction {
                guard let user = try store.directory.user(named: name) else { throw CasesError.unknownUser(name) }
                guard let role = Role(rawValue: user.role) else { throw CasesError.unknownRole(user.role) }
                func ids(_ codes: [String]) throws -> [Int] {
                    try codes.map { code in
                        guard let record = try store.directory.site(code: code) else { throw CasesError.unknownSite(code) }
                        return record.id
                    }
                }
                for code in remove where !user.sites.contains(code) {
                    throw CasesError.invalidValue("site to remove", code,
                                                  expected: user.sites.isEmpty ? .noSiteToRemove(user: name) : .oneOf(user.sites))
                }
                let after = Set(user.sites).subtracting(remove).union(add).sorted()
                try Self.checkSites(after, for: role)
                try store.directory.setSites(userID: user.id, add: try ids(add), remove: try ids(remove))
                try store.audit.record(draft(actor, "user.sites", detail: .object([
                    ("user", .string(name)), ("added", .array(add.map { .string($0) })),
                    ("removed", .array(remove.map { .string($0) })), ("sites", .array(after.map { .string($0) })),
                ])))
                return after
            }
        }
    }

    /// Site-scoped roles need a site; evaluator and admin are region-wide and take none.
    public static func checkSites(_ sites: [String], for role: Role) throws {
        if role.isSiteScoped && sites.isEmpty {
            throw CasesError.sitesForRole(role, needsSite: true)
        }
        if !role.isSiteScoped && !sites.isEmpty {
            throw CasesError.sitesForRole(role, needsSite: false)
        }
    }

    /// All user accounts (every role may see who works in the project).
    public func users(by actor: Actor) throws -> [UserRecord] {
        try authorize(.listUsers, actor)
        return try storeWork { try store.directory.users() }
    }

    /// Disables or re-enables an account (admin only). A disabled user cannot log in;
    /// everything they did stays attributed to them.
    public func setDisabled(by actor: Actor, name: String, _ disabled: Bool) throws {
        try authorize(.disableUser, actor)
        if disabled && name == actor.name { throw CasesError.cannotDisableSelf }
        try storeWork {
            try store.transaction {
                guard let user = try store.directory.user(named: name) else { throw CasesError.unknownUser(name) }
                try store.directory.setDisabled(userID: user.id, disabled)
                try store.audit.record(draft(actor, disabled ? "user.disable" : "user.enable",
                                             detail: .object([("user", .string(name))])))
            }
        }
    }

    /// Sets a new password: one's own always, another user's only as admin.
    /// - Parameter oneTime: the user must change it at the next login (a generated password).
    public func setPassword(by actor: Actor, name: String, password: String, oneTime: Bool = false) throws {
        _ = try setPassword(by: actor, name: name) { (password, oneTime) }
    }

    /// Sets a password that `choose` gives (asking for it, or making a one-time password)
    /// only after the permission check, so nobody is asked for a password they may not set.
    /// - Returns: the password set and whether it is a one-time password.
    public func setPassword(by actor: Actor, name: String, choose: () throws -> (password: String, oneTime: Bool)) throws
        -> (password: String, oneTime: Bool) {
        if name != actor.name { try authorize(.setOtherPassword, actor) }
        let (password, oneTime) = try choose()
        try PasswordHasher.check(password, userName: name)
        let hash = hasher.hash(password)
        try storeWork {
            try store.transaction {
                guard let user = try store.directory.user(named: name) else { throw CasesError.unknownUser(name) }
                try store.directory.setPasswordHash(userID: user.id, hash)
                try store.directory.setMustChangePassword(userID: user.id, oneTime)
                try store.audit.record(draft(actor, "user.passwd", detail: .object([("user", .string(name))]
                    + (oneTime ? [("password", .string("one-time"))] : []))))
            }
        }
        return (password, oneTime)
    }

    /// Adds a site (admin only).
    public func addSite(by actor: Actor, code: String, name: String) throws {
        try authorize(.addSite, actor)
        guard Self.isValidName(code) else { throw CasesError.invalidName(code, what: "site code") }
        let display = name.trimmingSpaces()
        guard !display.isEmpty, display.count <= 200 else { throw CasesError.invalidName(name, what: "site name") }
        try storeWork {
            try store.transaction {
                if try store.directory.site(code: code) != nil { throw CasesError.siteExists(code) }
                _ = try store.directory.insertSite(code: code, name: display, at: timestamp())
                try store.audit.record(draft(actor, "site.add", detail: .object([
                    ("site", .string(code)), ("name", .string(display)),
                ])))
            }
        }
    }

    /// All sites.
    public func sites(by actor: Actor) throws -> [SiteRecord] {
        try authorize(.listSites, actor)
        return try storeWork { try store.directory.sites() }
    }

    static func actor(_ user: UserRecord) throws -> Actor {
        guard let role = Role(rawValue: user.role) else { throw CasesError.unknownRole(user.role) }
        return Actor(userID: user.id, name: user.name, role: role, sites: user.sites)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
