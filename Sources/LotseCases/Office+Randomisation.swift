public import LotseStore

/// What a randomisation run did.
public struct RandomisationResult: Sendable {
    public var runID: Int
    public var site: String
    public var draws: [Randomiser.Draw]
    /// The case opened for each client, by client id.
    public var cases: [Int: Int]
    public var participants: Int { draws.filter { $0.group == "participant" }.count }
    public var comparison: Int { draws.filter { $0.group == "comparison" }.count }
}

/// One line of the balance table: a variable's level by group.
public struct BalanceRow: Sendable {
    public var variable: String
    public var level: String
    public var participants: Int
    public var comparison: Int
    public var participantsTotal: Int
    public var comparisonTotal: Int
    /// Standardised difference of the level's shares (Austin 2009); nil when a group is empty.
    public var standardisedDifference: Double?
}

/// The Borken design: eligible clients of a site randomised to participants or comparison.
extension Office {
    /// Assigns every not-yet-assigned eligible client of `site` to `participant` or
    /// `comparison` (evaluator, supervisor), opens the matching case (amiga / comparison
    /// workflow), and records seed, algorithm, parameters and counts in the audit log, all in
    /// one transaction. Assignments are never changed afterwards.
    public func randomise(by actor: Actor, site: String, randomiser: Randomiser) throws -> RandomisationResult {
        try authorize(.randomise, actor)
        try authorize(site: site, actor, .randomise, what: "the randomisation pool")
        let year = currentYear()
        return try storeWork {
            try store.transaction {
                guard let siteRecord = try store.directory.site(code: site) else { throw CasesError.unknownSite(site) }
                let pool = try store.randomisation.unassignedPool(siteID: siteRecord.id)
                guard !pool.isEmpty else { throw CasesError.emptyPool(site) }
                let members = pool.map {
                    Randomiser.Member(clientID: $0.id, values: [
                        "sex": $0.sex, "age_class": ClientCodes.ageClass(birthYear: $0.birthYear, in: year),
                        "applicant_type": $0.applicantType,
                    ])
                }
                let draws = randomiser.assign(members)
                let participants = draws.filter { $0.group == "participant" }.count
                let at = timestamp()
                let ratio = "\(randomiser.ratio.participants):\(randomiser.ratio.comparison)"
                let strata = randomiser.strata.joined(separator: ",")
                let run = try store.randomisation.insertRun(
                    siteID: siteRecord.id, seed: randomiser.seed, algorithm: Randomiser.algorithm, ratio: ratio,
                    strata: strata, block: randomiser.block, participants: participants,
                    comparison: draws.count - participants, userID: actor.userID, at: at)
                var cases: [Int: Int] = [:]
                for draw in draws {
                    let caseID = try insertCase(by: actor, clientID: draw.clientID,
                                                workflow: draw.group == "participant" ? "amiga" : "comparison",
                                                assignTo: nil)
                    cases[draw.clientID] = caseID
                    try store.randomisation.insertAssignment(Assignment(
                        clientID: draw.clientID, runID: run, group: draw.group, stratum: draw.stratum, block: draw.block,
                        position: draw.position, caseID: caseID))
                }
                // After the cases: this row records the run and every assignment.
                try store.audit.append(draft(actor, "randomise", detail: .object([
                    ("run", .int(run)), ("site", .string(site)), ("seed", .string(randomiser.seed)),
                    ("algorithm", .string(Randomiser.algorithm)), ("ratio", .string(ratio)), ("strata", .string(strata)),
                    ("block", .int(randomiser.block)), ("pool", .int(draws.count)), ("participants", .int(participants)),
                    ("comparison", .int(draws.count - participants)),
                ])))
                return RandomisationResult(runID: run, site: site, draws: draws, cases: cases)
            }
        }
    }

    /// The strata by group (evaluator, supervisor).
    public func strata(by actor: Actor, site: String?) throws -> [(stratum: String, participants: Int, comparison: Int)] {
        try authorize(.viewBalance, actor)
        if let site { try authorize(site: site, actor, .viewBalance, what: "the randomisation") }
        var counts: [String: (Int, Int)] = [:]
        for row in try storeWork({ try store.randomisation.assignments(site: site) }) where actor.works(at: row.site) {
            var entry = counts[row.assignment.stratum] ?? (0, 0)
            if row.assignment.group == "participant" { entry.0 += 1 } else { entry.1 += 1 }
            counts[row.assignment.stratum] = entry
        }
        return counts.keys.sorted().map { ($0, counts[$0]!.0, counts[$0]!.1) }
    }

    /// Each stratification variable's levels by group, with standardised differences.
    public func balance(by actor: Actor, site: String?) throws -> [BalanceRow] {
        try authorize(.viewBalance, actor)
        if let site { try authorize(site: site, actor, .viewBalance, what: "the randomisation") }
        let rows = try storeWork { try store.randomisation.assignments(site: site) }.filter { actor.works(at: $0.site) }
        let participants = rows.filter { $0.assignment.group == "participant" }
        let comparison = rows.filter { $0.assignment.group == "comparison" }
        var result: [BalanceRow] = []
        // Age classes as of the randomisation, as the strata were formed.
        typealias Row = (assignment: Assignment, sex: String, birthYear: Int, applicantType: String, site: String,
                         runYear: Int)
        let variables: [(String, (Row) -> String)] = [
            ("sex", { $0.sex }),
            ("age_class", { ClientCodes.ageClass(birthYear: $0.birthYear, in: $0.runYear) }),
            ("applicant_type", { $0.applicantType }),
        ]
        for (name, value) in variables {
            let levels = Set(rows.map(value)).sorted()
            for level in levels {
                let p = participants.filter { value($0) == level }.count
                let c = comparison.filter { value($0) == level }.count
                var difference: Double?
                if !participants.isEmpty && !comparison.isEmpty {
                    let p1 = Double(p) / Double(participants.count), p2 = Double(c) / Double(comparison.count)
                    let pooled = (p1 * (1 - p1) + p2 * (1 - p2)) / 2
                    difference = pooled > 0 ? (p1 - p2) / pooled.squareRoot() : 0
                }
                result.append(BalanceRow(variable: name, level: level, participants: p, comparison: c,
                                         participantsTotal: participants.count, comparisonTotal: comparison.count,
                                         standardisedDifference: difference))
            }
        }
        return result
    }
}
