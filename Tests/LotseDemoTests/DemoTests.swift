import Foundation
@testable import LotseCases
import LotseDemo
import LotseEvaluation
import LotseStore
import LotseTestSupport
import Testing

/// The demo region: built through the real office, audit chain intact, both groups at every
/// site, observations for every case, realistic paths, participants ahead, reproducible.
@Suite("Demo region")
struct DemoTests {
    static let password = SharedDemoRegion.password
    static let clients = SharedDemoRegion.clients
    static var shared: Result<SharedDemoRegion.Built, any Error> { SharedDemoRegion.shared }

    /// The current submissions of every case, by case.
    static func cases(_ store: Store) throws -> [(record: CaseRecord, submissions: [SubmissionRecord])] {
        try store.cases.cases().map { ($0, try store.cases.currentSubmissions(caseID: $0.id)) }
    }

    /// A leaf value of a stored instance (`<name>value</name>`).
    static func value(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }

    @Test func buildsWithAnIntactAuditChain() throws {
        let built = try Self.shared.get()
        let summary = built.summary
        #expect(summary.sites == 3)
        #expect(summary.clients == Self.clients)
        #expect(summary.participants + summary.comparison == Self.clients)
        #expect(summary.users.count == 14)
        #expect(summary.observations == 2 * Self.clients)
        #expect(summary.lastDay <= "2026-11-20")
        #expect(summary.text.contains("eva"))
        let store = try Store(path: built.path)
        let verification = try store.audit.verify()
        #expect(verification.isIntact)
        #expect(verification.rowsChecked > summary.submissions + summary.transitions)
    }

    @Test func refusesAnExistingFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("taken.db")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        #expect(throws: DemoError.self) {
            try DemoRegion.build(at: path, definitions: TestLotse.repository, clients: 10, password: Self.password)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("x".utf8))
    }

    @Test func refusesBadInputWithoutLeavingAFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("demo.db")
        #expect(throws: DemoError.self) {
            try DemoRegion.build(at: path, definitions: directory.path, clients: 10, password: Self.password)
        }
        #expect(throws: DemoError.self) {
            try DemoRegion.build(at: path, definitions: TestLotse.repository, clients: 10, password: "short")
        }
        #expect(throws: DemoError.self) {
            try DemoRegion.build(at: path, definitions: TestLotse.repository, clients: 0, password: Self.password)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func bothGroupsAtEverySite() throws {
        let store = try Store(path: try Self.shared.get().path)
        for site in ["bocholt", "isselburg", "velen"] {
            let groups = Set(try store.randomisation.assignments(site: site).map(\.assignment.group))
            #expect(groups == [.participant, .comparison], "site \(site)")
        }
        let bocholt = try store.randomisation.assignments(site: "bocholt").count
        let velen = try store.randomisation.assignments(site: "velen").count
        #expect(bocholt > velen)
    }

    @Test func everyCaseIsObservedAtSixAndTwelveMonths() throws {
        let store = try Store(path: try Self.shared.get().path)
        for (record, submissions) in try Self.cases(store) {
            let at = submissions.filter { $0.form == "observation" }.compactMap { Self.value("at", in: $0.instance) }
            #expect(at.sorted() == ["12m", "6m"], "case \(record.id)")
        }
    }

    @Test func participantsTakeRealisticPaths() throws {
        let store = try Store(path: try Self.shared.get().path)
        var reached: Set<String> = []
        var comparisonStates: Set<String> = []
        for record in try store.cases.cases() {
            if record.group == .participant {
                for transition in try store.cases.transitions(caseID: record.id) { reached.insert(transition.to) }
            } else {
                comparisonStates.insert(record.state)
            }
        }
        for state in ["profiling", "health_assessment", "case_conference", "integration_planning", "integration_steps",
                      "placed", "follow_up", "closed", "capacity_review", "transferred"] {
            #expect(reached.contains(state), "no participant reached \(state)")
        }
        #expect(comparisonStates.contains("observation"))
        #expect(comparisonStates.contains("closed"))
    }

    @Test func participantsLeaveBenefitsAtLeastAsOftenAsTheComparisonGroup() throws {
        let store = try Store(path: try Self.shared.get().path)
        var none: [String: Int] = [:], total: [String: Int] = [:]
        for (record, submissions) in try Self.cases(store) {
            guard let twelve = submissions.first(where: {
                $0.form == "observation" && Self.value("at", in: $0.instance) == "12m"
            }) else { continue }
            total[record.group?.rawValue ?? "", default: 0] += 1
            if Self.value("benefit_status", in: twelve.instance) == "none" { none[record.group?.rawValue ?? "", default: 0] += 1 }
        }
        let p = Double(none["participant"] ?? 0) / Double(max(1, total["participant"] ?? 0))
        let c = Double(none["comparison"] ?? 0) / Double(max(1, total["comparison"] ?? 0))
        #expect(p > c, "participants \(p), comparison \(c)")
    }

    @Test func theEvaluatorSealedEverySiteAndTheExportIsClean() throws {
        let built = try Self.shared.get()
        // On a copy: the reveal, the export and the login write audit rows, and the shared
        // region's head is compared with a second build.
        let copy = built.directory.file("sealed-copy.db")
        try Store(path: built.path).database.execute("VACUUM INTO '\(copy)'")
        let store = try Store(path: copy)
        let office = Office(store: store, definitions: DefinitionSet(directory: TestLotse.repository, store: store))
        let eva = try office.login(name: "eva", password: Self.password)
        var setups: [String] = [], imports = 0, observationsByEvaluator = 0
        try store.audit.query(AuditFilter()) { entry in
            let d = entry.draft
            if d.action == "randomise.setup" { setups.append(d.actor) }
            if d.action == "observe.import" { imports += 1 }
            if d.action == "submission" && d.actor == "eva" && (d.detail ?? "").contains("\"observation\"") {
                observationsByEvaluator += 1
            }
        }
        #expect(setups == ["eva", "eva", "eva"])
        #expect(imports > 0)
        #expect(observationsByEvaluator == 0)
        for site in ["bocholt", "isselburg", "velen"] {
            let setup = try office.revealSeed(by: eva, site: site)
            let randomiser = try Office.randomiser(setup)
            let assignments = try store.randomisation.assignments(site: site).map(\.assignment)
            for stratum in Set(assignments.map(\.stratum)) {
                let mine = assignments.filter { $0.stratum == stratum }.sorted { $0.slot! < $1.slot! }
                #expect(mine.map(\.group) == randomiser.sequence(stratum: stratum, count: mine.count).map(\.group))
            }
        }
        let file = built.directory.file("demo-cases.csv")
        _ = try office.exportCases(by: eva, to: .file(file, force: false))
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        #expect(rows.count == Self.clients)
        #expect(Set(rows.map { $0["pseudonym"]! }).count == rows.count)
        #expect(rows.allSatisfy { $0["randomised"] == "1" && $0["group"] != "" && $0["legal_basis"] != "none" })
        #expect(rows.allSatisfy { !($0["transferred_12m"] == "1" && $0["left_benefits_12m"] == "1") })
        #expect(rows.allSatisfy { $0["observed_12m"] == "" || $0["source_12m"] != "" })
    }

    @Test func theSameSeedGivesTheSameRegion() throws {
        let second = try SharedDemoRegion.Built(clients: Self.clients, seed: 2026) // while the shared one is built
        let first = try Self.shared.get()
        let a = try Store(path: first.path), b = try Store(path: second.path)
        let assignmentsA = try a.randomisation.assignments(site: nil).map(\.assignment)
        let assignmentsB = try b.randomisation.assignments(site: nil).map(\.assignment)
        #expect(assignmentsA == assignmentsB)
        // The same rows in the same order: everything but the record hashes, which cover the
        // users' salted (so random) password hashes.
        func rows(_ store: Store) throws -> [AuditDraft] {
            var out: [AuditDraft] = []
            try store.audit.query(AuditFilter()) { var draft = $0.draft; draft.records = nil; out.append(draft) }
            return out
        }
        #expect(try rows(a) == rows(b))
        #expect(first.summary.submissions == second.summary.submissions)
        // `audit verify` as the root admin, through the office (this logs in: the second region only).
        let office = Office(store: b, definitions: DefinitionSet(directory: TestLotse.repository, store: b))
        let root = try office.login(name: "root", password: Self.password)
        #expect(try office.verifyAudit(by: root).isIntact)
    }

    /// By hand, for timings (best in release mode): `LOTSE_DEMO_CLIENTS=2000 swift test -c release
    /// -Xswiftc -enable-testing --filter largeRegionTiming`; `LOTSE_DEMO_DB=FILE` keeps the database.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOTSE_DEMO_CLIENTS"] != nil))
    func largeRegionTiming() throws {
        let environment = ProcessInfo.processInfo.environment
        let clients = environment["LOTSE_DEMO_CLIENTS"].flatMap(Int.init) ?? 2000
        let directory = TemporaryDirectory()
        let path = environment["LOTSE_DEMO_DB"] ?? directory.file("large.db")
        let summary = try DemoRegion.build(at: path, definitions: TestLotse.repository, clients: clients,
                                           password: Self.password, progress: { print("demo:", $0) })
        print(summary.text)
        print("states:", summary.states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(summary.clients == clients)
    }
}
