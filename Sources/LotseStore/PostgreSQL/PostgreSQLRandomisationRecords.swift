/// The randomisation pool, setups, runs, assignments and closures, and project secrets on PostgreSQL.
public struct PostgreSQLRandomisationRecords: RandomisationRecordSet {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    public func unassignedPool(siteID: Int) throws -> [(id: Int, sex: String, birthYear: Int, applicantType: String)] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func assignments(client: Int) throws -> CaseGroup? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertSetup(siteID: Int, algorithm: String, ratio: String, strata: String, blocks: String, legalBasis: String?, seed: String, commitment: String, userID: Int, at: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func setup(site: String) throws -> RandomisationSetup? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func sitesWithApproval() throws -> Set<String> {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func close(setupID: Int, userID: Int, at: String) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func markRevealed(setupID: Int, at: String) throws -> Bool {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func usedSlots(setupID: Int) throws -> [String: Int] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertRun(siteID: Int, setupID: Int, commitment: String, algorithm: String, ratio: String, strata: String, block: Int, participants: Int, comparison: Int, userID: Int, at: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertAssignment(_ a: Assignment, setupID: Int?) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func assignments(site: String?) throws -> [(assignment: Assignment, sex: String, birthYear: Int, applicantType: String, site: String, runYear: Int)] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func secret(named name: String, at: String, make: () -> [UInt8]) throws -> [UInt8] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func storedSecret(named name: String) throws -> [UInt8]? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func removeSecret(named name: String) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }
}
