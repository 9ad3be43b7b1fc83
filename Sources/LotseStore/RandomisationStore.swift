/// A recorded randomisation run.
public struct RandomisationRun: Sendable, Equatable {
    public var id: Int
    public var site: String
    public var seed: String
    public var algorithm: String
    public var ratio: String
    public var strata: String
    public var block: Int
    public var participants: Int
    public var comparison: Int
    public var at: String
}

/// One client's assignment: never changed after it is written.
public struct Assignment: Sendable, Equatable {
    public var clientID: Int
    public var runID: Int
    public var group: String
    public var stratum: String
    public var block: Int
    public var position: Int
    public var caseID: Int

    public init(clientID: Int, runID: Int, group: String, stratum: String, block: Int, position: Int, caseID: Int) {
        self.clientID = clientID
        self.runID = runID
        self.group = group
        self.stratum = stratum
        self.block = block
        self.position = position
        self.caseID = caseID
    }
}

/// SQL for the randomisation pool, runs, assignments and the project's secrets.
public struct RandomisationStore {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Eligible clients of a site without an assignment, by id, with their codes.
    public func unassignedPool(siteID: Int) throws -> [(id: Int, sex: String, birthYear: Int, applicantType: String)] {
        try database.query("""
            SELECT c.id, c.sex, c.birth_year, c.applicant_type FROM clients c
            WHERE c.site_id = ? AND c.eligible = 1 AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.client_id = c.id)
            ORDER BY c.id
            """, [.int(siteID)]).map { ($0[0].int ?? 0, $0[1].string ?? "", $0[2].int ?? 0, $0[3].string ?? "") }
    }

    /// A client's assignment, if randomised.
    public func assignments(client: Int) throws -> String? {
        try database.scalar("SELECT case_group FROM assignments WHERE client_id = ?", [.int(client)])?.string
    }

    /// Records a run. - Returns: its id.
    public func insertRun(siteID: Int, seed: String, algorithm: String, ratio: String, strata: String, block: Int,
                          participants: Int, comparison: Int, userID: Int, at: String) throws -> Int {
        try database.run("""
            INSERT INTO randomisation_runs (site_id, seed, algorithm, ratio, strata, block, participants, comparison,
                                            user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(siteID), .text(seed), .text(algorithm), .text(ratio), .text(strata), .int(block),
                  .int(participants), .int(comparison), .int(userID), .text(at)])
        return Int(database.lastInsertRowID)
    }

    /// Records an assignment.
    public func insertAssignment(_ a: Assignment) throws {
        try database.run("""
            INSERT INTO assignments (client_id, run_id, case_group, stratum, block, position, case_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.int(a.clientID), .int(a.runID), .text(a.group), .text(a.stratum), .int(a.block), .int(a.position),
                  .int(a.caseID)])
    }

    /// Every assignment, optionally of one site, by client id, with the client's codes and the
    /// year of its randomisation run (age classes are as of that year).
    public func assignments(site: String?) throws -> [(assignment: Assignment, sex: String, birthYear: Int,
                                                       applicantType: String, site: String, runYear: Int)] {
        try database.query("""
            SELECT a.client_id, a.run_id, a.case_group, a.stratum, a.block, a.position, a.case_id,
                   c.sex, c.birth_year, c.applicant_type, s.code, substr(r.at, 1, 4)
            FROM assignments a JOIN clients c ON c.id = a.client_id JOIN sites s ON s.id = c.site_id
            JOIN randomisation_runs r ON r.id = a.run_id
            WHERE (? IS NULL OR s.code = ?) ORDER BY a.client_id
            """, [.text(site), .text(site)]).map {
            (Assignment(clientID: $0[0].int ?? 0, runID: $0[1].int ?? 0, group: $0[2].string ?? "",
                        stratum: $0[3].string ?? "", block: $0[4].int ?? 0, position: $0[5].int ?? 0,
                        caseID: $0[6].int ?? 0),
             $0[7].string ?? "", $0[8].int ?? 0, $0[9].string ?? "", $0[10].string ?? "", $0[11].int ?? 0)
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
