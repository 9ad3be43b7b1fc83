import Foundation
import Testing
@testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// Outcomes that cannot drift, consent that binds the export, and outcome definitions that
/// follow the law (transfers apart, K2 without § 16i).
@Suite struct OutcomeTests {
    /// The export as rows of name → value.
    static func export(_ lotse: TestLotse, asOf: String? = nil) throws -> [[String: String]] {
        let file = lotse.directory.file("cases-\(asOf ?? "today").csv")
        let (output, status) = lotse.run("login eva\nexport cases --out \(file)" + (asOf.map { " --as-of \($0)" } ?? ""))
        #expect(status == .ok, "\(output)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    static func cases(_ lotse: TestLotse, _ group: CaseGroup) throws -> [Int] {
        try lotse.store.randomisation.assignments(site: nil).map(\.assignment).filter { $0.group == group }.map(\.caseID)
    }

    @Test(arguments: Backend.all) func oneObservationPerTimePointWithinItsWindowAndCorrectionsStayVisible(backend: Backend) throws {
        let lotse = try EvaluationTests.region(clients: 4, backend: backend)
        let id = try Self.cases(lotse, .comparison)[0]
        let (output, _) = lotse.run("""
            login sven
            observe \(id) at=6m date=2026-05-20 benefit_status=reduced employment=SVB_TZ employment_since=2026-03-01 source=statistics
            observe \(id) at=6m date=2026-05-21 benefit_status=none employment=SVB_VZ employment_since=2026-03-01 source=statistics
            observe \(id) at=12m date=2025-12-01 benefit_status=none employment=none source=statistics
            observe \(id) at=12m date=2027-01-10 benefit_status=none employment=none source=statistics
            form submit \(id) observation --entry 1 at=6m date=2026-05-20 benefit_status=none employment=SVB_TZ employment_since=2026-03-01 source=statistics
            """, keepGoing: true)
        #expect(output.contains("recorded observation on case \(id) as submission"))
        #expect(output.contains("case \(id): it already has an observation at 6m (submission"))
        #expect(output.contains("a correction goes through `form submit \(id) observation --entry 1 ...`"))
        #expect(output.contains("an observation at 12m must be dated 2026-10-06 to 2027-01-04"))
        #expect(output.contains("(corrects submission"))
        let all = try lotse.store.cases.submissions(caseID: id, form: "observation")
        #expect(all.count == 2)
        #expect(all.filter(\.isCurrent).count == 1)
        let row = try #require(try Self.export(lotse).first { $0["group"] == "comparison" && $0["observed_6m"] != "" })
        #expect(row["benefit_6m"] == "none")
        #expect(row["observed_6m"] == "2026-05-20")
        #expect(row["source_6m"] == "statistics")
        #expect(row["employment_since_6m"] == "2026-03-01")
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test(arguments: Backend.all) func importRefusesTheWholeFileNamingEveryBadRowThenLoadsAGoodOne(backend: Backend) throws {
        let lotse = try EvaluationTests.region(clients: 4, backend: backend)
        let ids = try lotse.store.randomisation.assignments(site: nil).map(\.assignment.caseID).sorted()
        let header = Office.observationImportColumns.joined(separator: ",")
        let bad = lotse.directory.file("bad.csv")
        try """
            \(header)
            \(ids[0]),12m,2026-11-20,none,SVB_VZ,2026-06-01,statistics
            999,12m,2026-11-20,none,SVB_VZ,,statistics
            \(ids[1]),12m,2026-11-20,none,XYZ,,statistics
            \(ids[2]),12m,2025-12-20,none,none,,statistics
            \(ids[0]),12m,2026-11-21,none,SVB_VZ,,statistics
            \(ids[3]),12m,2026-11-20,none

            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let rows = try lotse.store.audit.verify().rowsChecked
        let (output, status) = lotse.run("login sven\nobserve import --file \(bad)")
        #expect(status == .commandFailed)
        #expect(output.contains("\(bad): 5 bad rows; nothing was imported"))
        #expect(output.contains("line 3: no case 999"))
        #expect(output.contains("line 4: case \(ids[1]): employment"))
        #expect(output.contains("line 5: case \(ids[2]): an observation at 12m must be dated"))
        #expect(output.contains("line 6: case \(ids[0]) at 12m is already on line 2"))
        #expect(output.contains("line 7: 4 fields; expected 7"))
        #expect(try ids.allSatisfy { try lotse.store.cases.submissions(caseID: $0, form: "observation").isEmpty })
        let good = lotse.directory.file("good.csv")
        try ([header] + ids.map { "\($0),12m,2026-11-20,transferred,none,,statistics" } + ["\(ids[0]),6m,2026-05-20,none,SVB_VZ,2026-04-01,case_file"])
            .joined(separator: "\n").write(toFile: good, atomically: true, encoding: .utf8)
        let (refused, _) = lotse.run("login eva\nobserve import --file \(good)\nlogin carla\nobserve import --file \(good)",
                                     keepGoing: true)
        #expect(refused.contains("`observe import` needs role supervisor; eva has role evaluator"))
        #expect(refused.contains("`observe import` needs role supervisor; carla has role caseworker"))
        let (loaded, ok) = lotse.run("login sven\nobserve import --file \(good)\nobserve import --file \(good)", keepGoing: true)
        #expect(ok == .commandFailed)
        #expect(loaded.contains("imported 5 observations from \(good)"))
        #expect(loaded.contains("5 bad rows; nothing was imported"))   // the same extract again would drift
        #expect(try lotse.store.audit.verify().rowsChecked > rows)
        #expect(try lotse.store.cases.submissions(caseID: ids[0], form: "observation").count == 2)
    }

    @Test(arguments: Backend.all) func exportFlagsHandOpenedCasesTransfersAndTheLegalBasis(backend: Backend) throws {
        let lotse = try EvaluationTests.region(clients: 8, legalBasis: false, backend: backend)
        let participant = try Self.cases(lotse, .participant)[0]
        let comparison = try Self.cases(lotse, .comparison)[0]
        var script = """
            login carla
            client add --sex m --birth-year 1975 --applicant-type EP
            case open 9
            form submit \(participant) referral date=2025-11-21 referring_unit=T reason=x sgb2_since=2019-04-01 lzb=yes sex=m age_class=50plus applicant_type=EP
            fire \(participant) request_consent
            form submit \(participant) consent given=yes purposes="team_diagnostics evaluation" recipients=ÄD date=2025-11-22 form=paper
            fire \(participant) consent_given
            form submit \(participant) consent --entry 1 revoked_on=2026-09-01
            login sven

            """
        for id in try lotse.store.randomisation.assignments(site: nil).map(\.assignment.caseID) {
            script += "observe \(id) at=12m date=2026-11-20 benefit_status=\(id == comparison ? "transferred" : "none") "
                + "employment=none source=statistics\n"
        }
        let (output, status) = lotse.run(script)
        #expect(status == .ok, "\(output)")
        // The test clock stands in 2025; the reference date is after the revocation.
        let rows = try Self.export(lotse, asOf: "2026-11-25")
        #expect(rows.count == 9)
        #expect(Set(rows.map { $0["pseudonym"]! }).count == rows.count)
        let byHand = try #require(rows.first { $0["randomised"] == "0" })
        #expect(byHand["group"] == "")
        #expect(rows.filter { $0["randomised"] == "1" }.allSatisfy { $0["group"] != "" })
        // No consent and no approval under § 75 SGB X: exported without outcomes.
        #expect(rows.filter { $0["randomised"] == "1" }.allSatisfy { $0["legal_basis"] == "none" && $0["benefit_12m"] == "" })
        // Before the revocation the participant's consent covered the evaluation.
        let before = try Self.export(lotse, asOf: "2026-08-31")
        #expect(before.filter { $0["legal_basis"] == "consent" }.count == 1)
        // Reports count up to a completed month end: the clock moves on into 2026-12.
        lotse.clock.advance(days: 380)
        let report = lotse.run("login eva\nreport evaluation --lang en --format csv --as-of 2026-11-25").output
        // Counts below 5 are suppressed; the hand-opened case is not counted at all.
        let data = ReportData(report)
        #expect(data.status("evaluation", "no_legal_basis", "participant") == "small", "\(report)")
        #expect(data.status("evaluation", "no_legal_basis", "comparison") == "small")
        #expect(data.status("evaluation", "cases", "participant") == "small" && data.status("evaluation", "cases", "comparison") == "small")
        #expect(data.status("evaluation", "left_benefits_12m", "participant_share") == "na")
        #expect(data.status("evaluation", "left_benefits_12m", "comparison_share") == "na")

        // With the approval recorded, the same cases export their outcomes; a transfer is its own outcome.
        let approved = try EvaluationTests.region(clients: 8, backend: backend)
        let transferred = try Self.cases(approved, .comparison)[0]
        var observations = "login sven\n"
        for id in try approved.store.randomisation.assignments(site: nil).map(\.assignment.caseID) {
            observations += "observe \(id) at=12m date=2026-11-20 benefit_status=\(id == transferred ? "transferred" : "unchanged") "
                + "employment=none source=statistics\n"
        }
        #expect(approved.run(observations).status == .ok)
        let exported = try Self.export(approved)
        #expect(exported.allSatisfy { $0["legal_basis"] == "sgb10_75" })
        let row = try #require(exported.first { $0["transferred_12m"] == "1" })
        #expect(row["left_benefits_12m"] == "0")
        #expect(exported.filter { $0["left_benefits_12m"] == "1" }.isEmpty)
    }

    @Test func k2IntegrationExcludesEmploymentFundedUnderSection16i() {
        func facts(subsidy: String) -> CaseFacts {
            CaseFacts(caseID: 1, clientID: 1, workflow: "amiga", group: .participant, site: "s", sex: "w", birthYear: 1970,
                      applicantType: "SP", openedAt: "2026-01-01T00:00:00.000Z", state: "placed", entered: [:],
                      transitions: [], forms: ["placement": [["outcome": "SVB_VZ", "subsidy": subsidy]]])
        }
        #expect(Derivations.placementIntegration(facts(subsidy: "16i")) == false)
        #expect(Derivations.placementIntegration(facts(subsidy: "16e")) == true)
        #expect(Derivations.placementIntegration(facts(subsidy: "egz")) == true)
        #expect(Derivations.placementIntegration(facts(subsidy: "none")) == true)
    }
}
