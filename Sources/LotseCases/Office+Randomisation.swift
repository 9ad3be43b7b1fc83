import Crypto
public import LotseStore

/// What a randomisation run did.
public struct RandomisationResult: Sendable {
    public var runID: Int
    public var site: String
    public var draws: [Randomiser.Draw]
    /// The case opened for each client, by client id.
    public var cases: [Int: Int]
    public var participants: Int { draws.filter { $0.group == .participant }.count }
    public var comparison: Int { draws.filter { $0.group == .comparison }.count }
}

/// The parameters of a site's sealed randomisation, as `randomise setup` fixes them.
public struct RandomisationParameters: Sendable {
    public var ratio: (participants: Int, comparison: Int)
    public var strata: [String]
    public var blocks: [Int]
    /// The evaluation's approval under § 75 SGB X, in words (authority, date, reference), if recorded.
    public var legalBasis: String?

    public init(ratio: (Int, Int) = (1, 1), strata: [String] = Randomiser.variables, blocks: [Int] = [4, 6],
                legalBasis: String? = nil) {
        self.ratio = ratio
        self.strata = strata
        self.blocks = blocks
        self.legalBasis = legalBasis
    }
}

/// The Borken design: eligible clients of a site randomised to participants or comparison,
/// by the evaluator alone, along a sequence sealed at setup.
extension Office {
    /// Fixes a site's allocation sequence (evaluator): draws the seed from the operating
    /// system's CSPRNG and records algorithm, parameters and the seed's SHA-256 commitment in
    /// the audit log. Once per site; nobody chooses or sees the seed until `reveal`.
    /// - Returns: the commitment.
    public func setUpRandomisation(by actor: Actor, site: String, parameters: RandomisationParameters) throws -> String {
        try authorize(.setUpRandomisation, actor)
        try Randomiser.check(ratio: parameters.ratio, strata: parameters.strata, blocks: parameters.blocks)
        let basis = parameters.legalBasis?.trimmingSpaces()
        if let basis, basis.isEmpty || basis.count > 300 {
            throw CasesError.invalidValue("legal basis", basis, expected: .approvalInWords)
        }
        let seed = randomisationSeeds.draw()
        guard seed.count == 64, seed.allSatisfy(\.isHexDigit) else {
            throw CasesError.invalidValue("seed", "", expected: .seedFromSource)
        }
        let commitment = Randomiser.commitment(of: seed)
        let ratio = "\(parameters.ratio.participants):\(parameters.ratio.comparison)"
        let strata = parameters.strata.joined(separator: ",")
        let blocks = parameters.blocks.map(String.init).joined(separator: ",")
        return try storeWork {
            try store.transaction {
                guard let siteRecord = try store.directory.site(code: site) else { throw CasesError.unknownSite(site) }
                if try store.randomisation.setup(site: site) != nil { throw CasesError.randomisationSetUp(site) }
                let id = try store.randomisation.insertSetup(
                    siteID: siteRecord.id, algorithm: Randomiser.algorithm, ratio: ratio, strata: strata, blocks: blocks,
                    legalBasis: basis, seed: seed, commitment: commitment, userID: actor.userID, at: timestamp())
                try store.audit.record(draft(actor, "randomise.setup", detail: .object([
                    ("setup", .int(id)), ("site", .string(site)), ("algorithm", .string(Randomiser.algorithm)),
                    ("ratio", .string(ratio)), ("strata", .string(strata)), ("blocks", .string(blocks)),
                    ("seed_sha256", .string(commitment)), ("seed_source", .string(randomisationSeeds.source)),
                    ("legal_basis", .string(basis)),
                ])))
                return commitment
            }
        }
    }

    /// Assigns every eligible client of `site` without an assignment or case to the next free
    /// slots of its stratum's sealed sequence (evaluator), opens the matching case (amiga /
    /// comparison workflow), and records the run with the SHA-256 of its assignments in the
    /// audit log, all in one transaction. Assignments are never changed afterwards.
    public func randomise(by actor: Actor, site: String) throws -> RandomisationResult {
        try authorize(.randomise, actor)
        try authorize(site: site, actor, .randomise, what: "the randomisation pool")
        let year = currentYear()
        return try storeWork {
            try store.transaction {
                guard let siteRecord = try store.directory.site(code: site) else { throw CasesError.unknownSite(site) }
                guard let setup = try store.randomisation.setup(site: site) else { throw CasesError.randomisationNotSetUp(site) }
                guard setup.closedAt == nil else { throw CasesError.recruitmentClosed(site) }
                let randomiser = try Self.randomiser(setup)
                let pool = try store.randomisation.unassignedPool(siteID: siteRecord.id)
                guard !pool.isEmpty else { throw CasesError.emptyPool(site) }
                let members = pool.map {
                    Randomiser.Member(clientID: $0.id, values: [
                        "sex": $0.sex, "age_class": ClientCodes.ageClass(birthYear: $0.birthYear, in: year),
                        "applicant_type": $0.applicantType,
                    ])
                }
                let draws = randomiser.assign(members, used: try store.randomisation.usedSlots(setupID: setup.id))
                let participants = draws.filter { $0.group == .participant }.count
                let run = try store.randomisation.insertRun(
                    siteID: siteRecord.id, setupID: setup.id, commitment: setup.commitment, algorithm: setup.algorithm,
                    ratio: setup.ratio, strata: setup.strata, block: randomiser.blocks.max() ?? 0,
                    participants: participants, comparison: draws.count - participants, userID: actor.userID,
                    at: timestamp())
                var cases: [Int: Int] = [:]
                var canonical: [String] = []
                for draw in draws {
                    let caseID = try insertCase(by: actor, clientID: draw.clientID, workflow: draw.group.workflow,
                                                assignTo: nil, group: draw.group)
                    cases[draw.clientID] = caseID
                    let assignment = Assignment(clientID: draw.clientID, runID: run, group: draw.group,
                                                stratum: draw.stratum, block: draw.block, position: draw.position,
                                                caseID: caseID, slot: draw.slot)
                    try store.randomisation.insertAssignment(assignment, setupID: setup.id)
                    try refreshDue(caseID) // the case document's group comes from the assignment
                    canonical.append(assignment.canonical)
                }
                let digest = Array(SHA256.hash(data: Array(canonical.joined(separator: "\n").utf8))).hex
                try store.audit.record(draft(actor, "randomise", detail: .object([
                    ("run", .int(run)), ("site", .string(site)), ("setup", .int(setup.id)),
                    ("seed_sha256", .string(setup.commitment)), ("algorithm", .string(setup.algorithm)),
                    ("pool", .int(draws.count)), ("participants", .int(participants)),
                    ("comparison", .int(draws.count - participants)), ("assignments_sha256", .string(digest)),
                ])))
                return RandomisationResult(runID: run, site: site, draws: draws, cases: cases)
            }
        }
    }

    /// Closes a site's recruitment (evaluator): no later `randomise` for the site; the seed can
    /// then be revealed.
    public func closeRecruitment(by actor: Actor, site: String) throws {
        try authorize(.closeRecruitment, actor)
        try storeWork {
            try store.transaction {
                guard try store.directory.site(code: site) != nil else { throw CasesError.unknownSite(site) }
                guard let setup = try store.randomisation.setup(site: site) else { throw CasesError.randomisationNotSetUp(site) }
                guard setup.closedAt == nil else { throw CasesError.recruitmentClosed(site) }
                try store.randomisation.close(setupID: setup.id, userID: actor.userID, at: timestamp())
                try store.audit.record(draft(actor, "randomise.close", detail: .object([
                    ("setup", .int(setup.id)), ("site", .string(site)),
                ])))
            }
        }
    }

    /// The seed of a closed site (evaluator), checked against its commitment; the reveal is audited
    /// with the seed, so from then on anyone can reproduce the sequence.
    public func revealSeed(by actor: Actor, site: String) throws -> RandomisationSetup {
        try authorize(.revealSeed, actor)
        return try storeWork {
            try store.transaction {
                guard try store.directory.site(code: site) != nil else { throw CasesError.unknownSite(site) }
                guard var setup = try store.randomisation.setup(site: site) else {
                    throw CasesError.randomisationNotSetUp(site)
                }
                guard setup.closedAt != nil else { throw CasesError.recruitmentOpen(site) }
                guard Randomiser.commitment(of: setup.seed) == setup.commitment else {
                    throw CasesError.seedMismatch(site)
                }
                let at = timestamp()
                if try store.randomisation.markRevealed(setupID: setup.id, at: at) { setup.revealedAt = at }
                try store.audit.record(draft(actor, "randomise.reveal", detail: .object([
                    ("setup", .int(setup.id)), ("site", .string(site)), ("seed", .string(setup.seed)),
                    ("seed_sha256", .string(setup.commitment)),
                ])))
                return setup
            }
        }
    }

    /// The randomiser of a stored setup.
    static func randomiser(_ setup: RandomisationSetup) throws -> Randomiser {
        let ratio = setup.ratio.split(separator: ":").compactMap { Int($0) }
        return try Randomiser(
            seed: setup.seed, site: setup.site, ratio: (ratio.first ?? 1, ratio.last ?? 1),
            strata: setup.strata.split(separator: ",").map(String.init),
            blocks: setup.blocks.split(separator: ",").compactMap { Int($0) })
    }

    /// A site's setup without its seed (evaluator, supervisor).
    public func randomisationSetup(by actor: Actor, site: String) throws -> RandomisationSetup {
        try authorize(.viewBalance, actor)
        guard var setup = try storeWork({ try store.randomisation.setup(site: site) }) else {
            throw CasesError.randomisationNotSetUp(site)
        }
        if setup.revealedAt == nil { setup.seed = "" }
        return setup
    }

    /// The strata by group (evaluator, supervisor).
    public func strata(by actor: Actor, site: String?) throws -> [(stratum: String, participants: Int, comparison: Int)] {
        try authorize(.viewBalance, actor)
        if let site { try authorize(site: site, actor, .viewBalance, what: "the randomisation") }
        var counts: [String: (Int, Int)] = [:]
        for row in try storeWork({ try store.randomisation.assignments(site: site) }) where actor.works(at: row.site) {
            var entry = counts[row.assignment.stratum] ?? (0, 0)
            if row.assignment.group == .participant { entry.0 += 1 } else { entry.1 += 1 }
            counts[row.assignment.stratum] = entry
        }
        return counts.keys.sorted().map { ($0, counts[$0]!.0, counts[$0]!.1) }
    }
}
