/// Users, their sites, and sites on PostgreSQL.
public struct PostgreSQLDirectoryRecords: DirectoryRecordSet {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    public func userCount() throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func user(named name: String) throws -> UserRecord? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func users() throws -> [UserRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertUser(name: String, role: String, siteIDs: [Int], passwordHash: String, at: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func setSites(userID: Int, add: [Int], remove: [Int]) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func setDisabled(userID: Int, _ disabled: Bool) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func setPasswordHash(userID: Int, _ hash: String) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func mustChangePassword(userID: Int) throws -> Bool {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func setMustChangePassword(userID: Int, _ value: Bool) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func site(code: String) throws -> SiteRecord? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func sites() throws -> [SiteRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertSite(code: String, name: String, at: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }
}
