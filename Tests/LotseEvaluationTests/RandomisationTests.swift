import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// Sealed randomisation: the sequence fixed at setup from a seed nobody chooses, next free slots
/// per run, the evaluator alone, reproducible from the revealed seed by an independent program.
@Suite struct RandomisationTests {
    static let header = "init --admin root\nsite add b B\nuser add eva --role evaluator\nuser add carla --role caseworker --site b\n"
        + "user add sven --role supervisor --site b\n"

    static func clients(_ count: Int, from first: Int = 0) -> String {
        (first..<first + count).map {
            "client add --sex \(["m", "w", "d"][$0 % 3]) --birth-year \(1950 + $0 % 40) --applicant-type \(["EP", "SP"][$0 % 2]) --eligible\n"
        }.joined()
    }

    @Test(arguments: Backend.all) func eightOneClientRunsInOneStratumGiveFourAndFour(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        #expect(lotse.run(Self.header + "login eva\nrandomise setup --site b --block 4 --strata none").status == .ok)
        for _ in 1...8 {
            let (output, status) = lotse.run("login carla\nclient add --sex w --birth-year 1970 --applicant-type SP --eligible\n"
                + "login eva\nrandomise --site b")
            #expect(status == .ok, "\(output)")
        }
        let groups = try lotse.store.randomisation.assignments(site: "b").map(\.assignment.group)
        #expect(groups.count == 8)
        #expect(groups.filter { $0 == .participant }.count == 4)
        #expect(try lotse.store.randomisation.assignments(site: "b").map { $0.assignment.slot } == Array(1...8).map { $0 })
    }

    @Test(arguments: Backend.all) func onlyTheEvaluatorRandomisesAndNobodyChoosesTheSeed(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        #expect(lotse.run(Self.header + "login carla\n" + Self.clients(6)).status == .ok)
        let before = try lotse.store.audit.verify().rowsChecked
        let (output, _) = lotse.run("""
            login sven
            randomise setup --site b
            randomise --site b
            login eva
            randomise --site b
            randomise setup --site b --block 5
            randomise setup --site b
            randomise --site b --seed 2026
            randomise reveal --site b
            login sven
            randomise assignments --site b
            """, keepGoing: true)
        #expect(output.contains("`randomise setup` needs role evaluator; sven has role supervisor"))
        #expect(output.contains("`randomise` needs role evaluator; sven has role supervisor"))
        #expect(output.contains("site b has no sealed randomisation yet"))
        #expect(output.contains("invalid block \"5\"; expected a multiple of 2"))
        #expect(output.contains("--seed refused: the seed is drawn from the operating system's CSPRNG"))
        #expect(output.contains("revealed only after its recruitment is closed"))
        #expect(output.contains("`randomise assignments` needs role evaluator"))
        // Nothing was randomised by the refused commands, and no seed shows anywhere before the reveal.
        #expect(try lotse.store.randomisation.assignments(site: "b").isEmpty)
        let seed = try #require(try lotse.store.randomisation.setup(site: "b")).seed
        #expect(!output.contains(seed))
        var audit = ""
        try lotse.store.audit.query(AuditFilter()) { audit += ($0.draft.detail ?? "") + "\n" }
        #expect(!audit.contains(seed))
        #expect(audit.contains(Randomiser.commitment(of: seed)))
        #expect(try lotse.store.audit.verify().rowsChecked > before)
    }

    @Test func twoSetupsOfTheSamePoolGiveDifferentSequences() throws {
        func sequence() throws -> [CaseGroup] {
            let lotse = try TestLotse(language: "en")
            lotse.office.randomisationSeeds = ("operating system CSPRNG", Randomiser.drawSeed)
            #expect(lotse.run(Self.header + "login carla\n" + Self.clients(1) + "login eva\nrandomise setup --site b --strata none").status == .ok)
            let setup = try #require(try lotse.store.randomisation.setup(site: "b"))
            #expect(setup.commitment == Randomiser.commitment(of: setup.seed))
            return try Office.randomiser(setup).sequence(stratum: "all", count: 64).map(\.group)
        }
        #expect(try sequence() != sequence())
    }

    @Test(arguments: Backend.all) func laterRunsTakeTheNextFreeSlotsAndTheRevealedSeedReproducesEveryAssignment(backend: Backend) throws {
        let lotse = try TestLotse(backend: backend, language: "en")
        #expect(lotse.run(Self.header + "login eva\nrandomise setup --site b --block 2,4,6").status == .ok)
        for run in 0..<3 {
            #expect(lotse.run("login carla\n" + Self.clients(7, from: 7 * run) + "login eva\nrandomise --site b").status == .ok)
        }
        let setup = try #require(try lotse.store.randomisation.setup(site: "b"))
        let randomiser = try Office.randomiser(setup)
        let assignments = try lotse.store.randomisation.assignments(site: "b").map(\.assignment)
        #expect(assignments.count == 21)
        for stratum in Set(assignments.map(\.stratum)) {
            let mine = assignments.filter { $0.stratum == stratum }.sorted { $0.slot! < $1.slot! }
            #expect(mine.map { $0.slot! } == Array(1...mine.count))
            let slots = randomiser.sequence(stratum: stratum, count: mine.count)
            #expect(mine.map(\.group) == slots.map(\.group))
            #expect(mine.map(\.block) == slots.map(\.block))
        }
        // After close and reveal, the independent Python re-implementation reproduces them all.
        let csv = lotse.directory.file("assignments.csv")
        let (output, status) = lotse.run("login eva\nrandomise --site b\nrandomise close --site b\nrandomise --site b\n"
            + "randomise reveal --site b\nrandomise assignments --site b --format csv", keepGoing: true)
        #expect(status == .commandFailed)
        #expect(output.contains("the recruitment of site b is closed"))
        #expect(output.contains("seed: \(setup.seed)"))
        let listing = try #require(output.range(of: "pseudonym,stratum,slot,block,position,group")).lowerBound
        try String(output[listing...]).replacingOccurrences(of: "\r\n", with: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestLotse.repository + "/Tools/check-randomisation.py", "--site", "b", "--seed", setup.seed,
                             "--commitment", setup.commitment, "--blocks", "2,4,6", csv]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("21 of 21 assignments reproduced, 0 differ"))
    }

    @Test func permutedBlocksBalanceEveryStratum() throws {
        let randomiser = try Randomiser(seed: String(repeating: "ab", count: 32), site: "s", blocks: [4])
        let members = (1...400).map { Randomiser.Member(clientID: $0, values: ["sex": $0 % 2 == 0 ? "w" : "m",
                                                                                "age_class": "25to49", "applicant_type": "EP"]) }
        let draws = randomiser.assign(members)
        for stratum in Set(draws.map(\.stratum)) {
            let groups = draws.filter { $0.stratum == stratum }.map(\.group)
            // Complete blocks of four: exactly two of each.
            #expect(groups.filter { $0 == .participant }.count == groups.count / 2)
        }
        #expect(throws: CasesError.self) { try Randomiser(seed: String(repeating: "ab", count: 32), site: "s", ratio: (2, 1), blocks: [4]) }
        #expect(throws: CasesError.self) { try Randomiser(seed: "4711", site: "s") }
    }

    @Test func assignmentsCannotBeChangedReplacedOrForgedIntoTheCases() throws {
        let lotse = try TestLotse(language: "en")
        #expect(lotse.run(Self.header + "login carla\n" + Self.clients(4) + "login eva\nrandomise setup --site b\nrandomise --site b").status == .ok)
        let db = lotse.sqlite.database
        #expect(throws: StoreError.self) { try db.run("UPDATE assignments SET case_group = 'participant'") }
        #expect(throws: StoreError.self) { try db.run("DELETE FROM assignments") }
        #expect(throws: StoreError.self) {
            try db.run("INSERT OR REPLACE INTO assignments (client_id, run_id, case_group, stratum, block, position, case_id) "
                + "SELECT client_id, run_id, 'participant', stratum, block, position, case_id FROM assignments LIMIT 1")
        }
        #expect(throws: StoreError.self) { try db.run("UPDATE randomisation_setups SET seed = 'x'") }
        // The group is no column of the cases: there is nothing there to change.
        #expect(throws: StoreError.self) { try db.run("UPDATE cases SET case_group = 'participant'") }
        // The randomise audit row carries the SHA-256 of the run's assignments.
        var detail = ""
        try lotse.store.audit.query(AuditFilter(action: "randomise")) { detail = $0.draft.detail ?? "" }
        let canonical = try lotse.store.randomisation.assignments(site: "b").map(\.assignment).map(\.canonical)
        #expect(detail.contains(DefinitionSet.sha256(Array(canonical.joined(separator: "\n").utf8))))
        #expect(try lotse.store.audit.verify().isIntact)
    }
}
