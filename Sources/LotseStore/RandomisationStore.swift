/// A recorded randomisation run: one call of `randomise --site S`, taking the next free slots.
public struct RandomisationRun: Sendable, Equatable {
    public var id: Int
    public var site: String
    public var algorithm: String
    public var participants: Int
    public var comparison: Int
    public var at: String
}

/// A site's sealed randomisation: the parameters and the seed's commitment, fixed at setup.
/// The seed itself is read only to extend the sequence and, after the site's recruitment is
/// closed, to reveal it.
public struct RandomisationSetup: Sendable, Equatable {
    public var id: Int
    public var site: String
    public var algorithm: String
    public var ratio: String
    public var strata: String
    public var blocks: String
    /// The recorded approval under § 75 SGB X, if any.
    public var legalBasis: String?
    public var seed: String
    public var commitment: String
    public var at: String
    /// When the site's recruitment was closed (`randomise close`), if it was.
    public var closedAt: String?
    /// When the seed was revealed, if it was.
    public var revealedAt: String?
}

/// One client's assignment: never changed after it is written.
public struct Assignment: Sendable, Equatable {
    public var clientID: Int
    public var runID: Int
    public var group: CaseGroup
    public var stratum: String
    public var block: Int
    public var position: Int
    public var caseID: Int
    /// The slot of the stratum's sealed sequence (1, 2, 3, ...); nil for runs before schema 4.
    public var slot: Int?

    public init(clientID: Int, runID: Int, group: CaseGroup, stratum: String, block: Int, position: Int, caseID: Int,
                slot: Int? = nil) {
        self.clientID = clientID
        self.runID = runID
        self.group = group
        self.stratum = stratum
        self.block = block
        self.position = position
        self.caseID = caseID
        self.slot = slot
    }

    /// The canonical text of an assignment whose SHA-256 its audit row records:
    /// `client|case|group|stratum|slot|block|position`.
    public var canonical: String {
        "\(clientID)|\(caseID)|\(group.rawValue)|\(stratum)|\(slot.map(String.init) ?? "")|\(block)|\(position)"
    }
}

/// SQL for the randomisation pool, setups, runs, assignments and the project's secrets.
public struct RandomisationStore {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Eligible clients of a site without an assignment and without any case, by id, with their codes.
    public func unassignedPool(siteID: Int) throws -> [(id: Int, sex: String, birthYear: Int, applicantType: String)] {
        try database.query("""
            SELECT c.id, c.sex, c.birth_year, c.applicant_type FROM clients c
            WHERE c.site_id = ? AND c.eligible = 1 AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.client_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id)
            ORDER BY c.id
            """, [.int(siteID)]).map { ($0[0].int ?? 0, $0[1].string ?? "", $0[2].int ?? 0, $0[3].string ?? "") }
    }

    /// A client's assigned group, if randomised.
    public func assignments(client: Int) throws -> CaseGroup? {
        try database.scalar("SELECT case_group FROM assignments WHERE client_id = ?", [.int(client)])?.string
            .flatMap(CaseGroup.init(rawValue:))
    }

    // MARK: Setups

    /// Records a site's setup. - Returns: its id.
    public func insertSetup(siteID: Int, algorithm: String, ratio: String, strata: String, blocks: String,
                            legalBasis: String?, seed: String, commitment: String, userID: Int, at: String) throws -> Int {
        try database.run("""
            INSERT INTO randomisation_setups (site_id, algorithm, ratio, strata, blocks, legal_basis, seed, commitment,
                                              user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(siteID), .text(algorithm), .text(ratio), .text(strata), .text(blocks), .text(legalBasis),
                  .text(seed), .text(commitment), .int(userID), .text(at)])
        let id = Int(database.lastInsertRowID)
        database.wrote("setup", id)
        return id
    }

    /// The setup of a site, if it has one.
    public func setup(site: String) throws -> RandomisationSetup? {
        try database.query("""
            SELECT r.id, s.code, r.algorithm, r.ratio, r.strata, r.blocks, r.legal_basis, r.seed, r.commitment, r.at,
                   x.at, x.revealed_at
            FROM randomisation_setups r JOIN sites s ON s.id = r.site_id
            LEFT JOIN randomisation_closures x ON x.setup_id = r.id
            WHERE s.code = ?
            """, [.text(site)]).first.map {
            RandomisationSetup(id: $0[0].int ?? 0, site: $0[1].string ?? "", algorithm: $0[2].string ?? "",
                               ratio: $0[3].string ?? "", strata: $0[4].string ?? "", blocks: $0[5].string ?? "",
                               legalBasis: $0[6].string, seed: $0[7].string ?? "", commitment: $0[8].string ?? "",
                               at: $0[9].string ?? "", closedAt: $0[10].string, revealedAt: $0[11].string)
        }
    }

    /// Sites whose setup records an approval under § 75 SGB X.
    public func sitesWithApproval() throws -> Set<String> {
        Set(try database.query("""
            SELECT s.code FROM randomisation_setups r JOIN sites s ON s.id = r.site_id WHERE r.legal_basis IS NOT NULL
            """).compactMap { $0[0].string })
    }

    /// Closes a site's recruitment.
    public func close(setupID: Int, userID: Int, at: String) throws {
        try database.run("INSERT INTO randomisation_closures (setup_id, user_id, at) VALUES (?, ?, ?)",
                         [.int(setupID), .int(userID), .text(at)])
        database.wrote("closure", setupID)
    }

    /// Marks a closed setup's seed revealed. - Returns: false when it already was.
    public func markRevealed(setupID: Int, at: String) throws -> Bool {
        let changed = try database.run(
            "UPDATE randomisation_closures SET revealed_at = ? WHERE setup_id = ? AND revealed_at IS NULL",
            [.text(at), .int(setupID)]) == 1
        if changed { database.wrote("closure", setupID) }
        return changed
    }

    /// The number of slots already taken in each stratum of a setup.
    public func usedSlots(setupID: Int) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try database.query("""
            SELECT stratum, COALESCE(MAX(slot), 0) FROM assignments WHERE setup_id = ? GROUP BY stratum
            """, [.int(setupID)]) {
            result[row[0].string ?? ""] = row[1].int ?? 0
        }
        return result
    }

    // MARK: Runs and assignments

    /// Records a run. - Returns: its id.
    public func insertRun(siteID: Int, setupID: Int, commitment: String, algorithm: String, ratio: String,
                          strata: String, block: Int, participants: Int, comparison: Int, userID: Int,
                          at: String) throws -> Int {
        try database.run("""
            INSERT INTO randomisation_runs (site_id, setup_id, seed, algorithm, ratio, strata, block, participants,
                                            comparison, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(siteID), .int(setupID), .text("sealed:" + commitment), .text(algorithm), .text(ratio),
                  .text(strata), .int(block), .int(participants), .int(comparison), .int(userID), .text(at)])
        let id = Int(database.lastInsertRowID)
        database.wrote("run", id)
        return id
    }

    /// Records an assignment (of a sealed setup when `setupID` is given).
    public func insertAssignment(_ a: Assignment, setupID: Int?) throws {
        try database.run("""
            INSERT INTO assignments (client_id, run_id, case_group, stratum, block, position, case_id, setup_id, slot)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(a.clientID), .int(a.runID), .text(a.group.rawValue), .text(a.stratum), .int(a.block),
                  .int(a.position), .int(a.caseID), .int(setupID), .int(a.slot)])
        database.wrote("assignment", a.clientID)
    }

    /// Every assignment, optionally of one site, by client id, with the client's codes and the
    /// year of its randomisation run (age classes are as of that year).
    public func assignments(site: String?) throws -> [(assignment: Assignment, sex: String, birthYear: Int,
                                                       applicantType: String, site: String, runYear: Int)] {
        try database.query("""
            SELECT a.client_id, a.run_id, a.case_group, a.stratum, a.block, a.position, a.case_id,
                   c.sex, c.birth_year, c.applicant_type, s.code, substr(r.at, 1, 4), a.slot
            FROM assignments a JOIN clients c ON c.id = a.client_id JOIN sites s ON s.id = c.site_id
            JOIN randomisation_runs r ON r.id = a.run_id
            WHERE (? IS NULL OR s.code = ?) ORDER BY a.client_id
            """, [.text(site), .text(site)]).map { (row: Row) in
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

    /// A project secret (the pseudonym key), created with `make` on first use.
    public func secret(named name: String, at: String, make: () -> [UInt8]) throws -> [UInt8] {
        if case let .blob(bytes)? = try database.scalar("SELECT value FROM project_secrets WHERE name = ?", [.text(name)]) {
            return bytes
        }
        let value = make()
        try database.run("INSERT INTO project_secrets (name, value, created_at) VALUES (?, ?, ?)",
                         [.text(name), .blob(value), .text(at)])
        return value
    }

    /// A stored secret, if any (a key from before keys moved to their own file).
    public func storedSecret(named name: String) throws -> [UInt8]? {
        if case let .blob(bytes)? = try database.scalar("SELECT value FROM project_secrets WHERE name = ?", [.text(name)]) {
            return bytes
        }
        return nil
    }

    /// Removes a stored secret once it lives elsewhere.
    public func removeSecret(named name: String) throws {
        try database.run("DELETE FROM project_secrets WHERE name = ?", [.text(name)])
    }
}
