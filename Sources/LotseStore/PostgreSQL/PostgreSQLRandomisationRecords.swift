/// The randomisation pool, setups, runs, assignments and closures, and project secrets on
/// PostgreSQL: the statements of `RandomisationStore` in PostgreSQL's dialect (`RETURNING id`
/// for the new row's id), the same orderings and the same covered rows noted for the next audit
/// row (`PostgreSQLConnection.wrote`).
public struct PostgreSQLRandomisationRecords: RandomisationRecordSet {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    /// The id a statement ending in `RETURNING id` returned.
    private func insertedID(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        guard let id = try connection.query(sql + " RETURNING id", arguments).first?[0].int else {
            throw PostgreSQLError.connectionLost(reason: "no id returned", sql: sql)
        }
        return id
    }

    public func unassignedPool(siteID: Int) throws -> [(id: Int, sex: String, birthYear: Int, applicantType: String)] {
        try connection.query("""
            SELECT c.id, c.sex, c.birth_year, c.applicant_type FROM clients c
            WHERE c.site_id = $1 AND c.eligible = 1 AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.client_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id)
            ORDER BY c.id
            """, [.int(siteID)]).map { ($0[0].int ?? 0, $0[1].string ?? "", $0[2].int ?? 0, $0[3].string ?? "") }
    }

    public func assignments(client: Int) throws -> CaseGroup? {
        try connection.scalar("SELECT case_group FROM assignments WHERE client_id = $1", [.int(client)])?.string
            .flatMap(CaseGroup.init(rawValue:))
    }

    // MARK: Setups

    public func insertSetup(siteID: Int, algorithm: String, ratio: String, strata: String, blocks: String,
                            legalBasis: String?, seed: String, commitment: String, userID: Int, at: String) throws -> Int {
        let id = try insertedID("""
            INSERT INTO randomisation_setups (site_id, algorithm, ratio, strata, blocks, legal_basis, seed, commitment,
                                              user_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, [.int(siteID), .text(algorithm), .text(ratio), .text(strata), .text(blocks), .text(legalBasis),
                  .text(seed), .text(commitment), .int(userID), .text(at)])
        connection.wrote("setup", id)
        return id
    }

    public func setup(site: String) throws -> RandomisationSetup? {
        try connection.query("""
            SELECT r.id, s.code, r.algorithm, r.ratio, r.strata, r.blocks, r.legal_basis, r.seed, r.commitment, r.at,
                   x.at, x.revealed_at
            FROM randomisation_setups r JOIN sites s ON s.id = r.site_id
            LEFT JOIN randomisation_closures x ON x.setup_id = r.id
            WHERE s.code = $1
            """, [.text(site)]).first.map {
            RandomisationSetup(id: $0[0].int ?? 0, site: $0[1].string ?? "", algorithm: $0[2].string ?? "",
                               ratio: $0[3].string ?? "", strata: $0[4].string ?? "", blocks: $0[5].string ?? "",
                               legalBasis: $0[6].string, seed: $0[7].string ?? "", commitment: $0[8].string ?? "",
                               at: $0[9].string ?? "", closedAt: $0[10].string, revealedAt: $0[11].string)
        }
    }

    public func sitesWithApproval() throws -> Set<String> {
        Set(try connection.query("""
            SELECT s.code FROM randomisation_setups r JOIN sites s ON s.id = r.site_id WHERE r.legal_basis IS NOT NULL
            """).compactMap { $0[0].string })
    }

    public func close(setupID: Int, userID: Int, at: String) throws {
        try connection.run("INSERT INTO randomisation_closures (setup_id, user_id, at) VALUES ($1, $2, $3)",
                           [.int(setupID), .int(userID), .text(at)])
        connection.wrote("closure", setupID)
    }

    public func markRevealed(setupID: Int, at: String) throws -> Bool {
        let changed = try connection.run(
            "UPDATE randomisation_closures SET revealed_at = $1 WHERE setup_id = $2 AND revealed_at IS NULL",
            [.text(at), .int(setupID)]) == 1
        if changed { connection.wrote("closure", setupID) }
        return changed
    }

    public func usedSlots(setupID: Int) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try connection.query("""
            SELECT stratum, COALESCE(MAX(slot), 0) FROM assignments WHERE setup_id = $1 GROUP BY stratum
            """, [.int(setupID)]) {
            result[row[0].string ?? ""] = row[1].int ?? 0
        }
        return result
    }

    // MARK: Runs and assignments

    public func insertRun(siteID: Int, setupID: Int, commitment: String, algorithm: String, ratio: String,
                          strata: String, block: Int, participants: Int, comparison: Int, userID: Int,
                          at: String) throws -> Int {
        let id = try insertedID("""
            INSERT INTO randomisation_runs (site_id, setup_id, seed, algorithm, ratio, strata, block, participants,
                                            comparison, user_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, [.int(siteID), .int(setupID), .text("sealed:" + commitment), .text(algorithm), .text(ratio),
                  .text(strata), .int(block), .int(participants), .int(comparison), .int(userID), .text(at)])
        connection.wrote("run", id)
        return id
    }

    public func insertAssignment(_ a: Assignment, setupID: Int?) throws {
        try connection.run("""
            INSERT INTO assignments (client_id, run_id, case_group, stratum, block, position, case_id, setup_id, slot)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, [.int(a.clientID), .int(a.runID), .text(a.group.rawValue), .text(a.stratum), .int(a.block),
                  .int(a.position), .int(a.caseID), .int(setupID), .int(a.slot)])
        connection.wrote("assignment", a.clientID)
    }

    public func assignments(site: String?) throws -> [(assignment: Assignment, sex: String, birthYear: Int,
                                                       applicantType: String, site: String, runYear: Int)] {
        try connection.query("""
            SELECT a.client_id, a.run_id, a.case_group, a.stratum, a.block, a.position, a.case_id,
                   c.sex, c.birth_year, c.applicant_type, s.code, substr(r.at, 1, 4), a.slot
            FROM assignments a JOIN clients c ON c.id = a.client_id JOIN sites s ON s.id = c.site_id
            JOIN randomisation_runs r ON r.id = a.run_id
            WHERE ($1::text IS NULL OR s.code = $1) ORDER BY a.client_id
            """, [.text(site)]).map { (row: Row) in
            let group: CaseGroup = CaseGroup(rawValue: row[2].string ?? "") ?? .comparison
            let assignment = Assignment(clientID: row[0].int ?? 0, runID: row[1].int ?? 0, group: group,
                                        stratum: row[3].string ?? "", block: row[4].int ?? 0,
                                        position: row[5].int ?? 0, caseID: row[6].int ?? 0, slot: row[12].int)
            let sex: String = row[7].string ?? "", birthYear: Int = row[8].int ?? 0
            let type: String = row[9].string ?? "", code: String = row[10].string ?? ""
            let year: Int = row[11].int ?? 0
            return (assignment, sex, birthYear, type, code, year)
        }
    }

    public func secret(named name: String, at: String, make: () -> [UInt8]) throws -> [UInt8] {
        if let bytes = try storedSecret(named: name) { return bytes }
        let value = make()
        try connection.run("INSERT INTO project_secrets (name, value, created_at) VALUES ($1, $2, $3)",
                           [.text(name), .blob(value), .text(at)])
        return value
    }

    public func storedSecret(named name: String) throws -> [UInt8]? {
        if case let .blob(bytes)? = try connection.scalar("SELECT value FROM project_secrets WHERE name = $1", [.text(name)]) {
            return bytes
        }
        return nil
    }

    public func removeSecret(named name: String) throws {
        try connection.run("DELETE FROM project_secrets WHERE name = $1", [.text(name)])
    }
}
