import Foundation
import Testing
@_spi(Office) @testable import LotseCases
@testable import LotseEvaluation
import LotseStore
import LotseTestSupport

/// The reports read through `Office.reportScope`: the permission and site checks happen in the
/// office, and a supervisor's report counts only the cases of the supervisor's own sites.
@Suite struct ReportScopeTests {
    @Test func aSupervisorsFlowCountsOnlyTheirSitesAndAnotherSiteIsRefusedAndAudited() throws {
        let lotse = try StratifiedReportTests.paradox()
        let sven = try lotse.office.login(name: "sven", password: TestLotse.password)    // supervisor at bocholt
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)      // evaluator, every site
        let own = try FlowReport.build(lotse.office, by: sven, site: nil, asOf: nil).table(language: "en")
        let bocholt = try FlowReport.build(lotse.office, by: eva, site: "bocholt", asOf: nil).table(language: "en")
        let region = try FlowReport.build(lotse.office, by: eva, site: nil, asOf: nil).table(language: "en")
        #expect(own.rows == bocholt.rows)
        #expect(own.rows != region.rows)
        let before = try #require(try lotse.store.audit.head()).seq
        #expect(throws: CasesError.self) {
            try FlowReport.build(lotse.office, by: sven, site: "borken", asOf: nil)
        }
        var denied: [AuditEntry] = []
        try lotse.store.audit.query(AuditFilter(action: "denied")) { denied.append($0) }
        let last = try #require(denied.last)
        #expect(last.seq > before && last.draft.actor == "sven")
        #expect(last.draft.detail?.contains("\"site\":\"borken\"") == true)
    }

    @Test func aCaseworkerGetsNoReportAndNoFacts() throws {
        let lotse = try StratifiedReportTests.paradox()
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        #expect(throws: CasesError.self) { try lotse.office.reportScope(by: carla, site: nil, asOf: nil) }
        #expect(throws: CasesError.self) {
            try SiteReport.build(lotse.office, by: carla, asOf: nil)
        }
    }

    @Test func theCaseloadOfASupervisorIsTheirSitesCaseworkers() throws {
        let lotse = try StratifiedReportTests.paradox()
        let assigned = lotse.run("login sven\ncase assign 1 carla\ncase assign 2 sven\nlogin sara\ncase assign 81 berta\n")
        #expect(assigned.status == .ok, "\(assigned.output)")
        let sven = try lotse.office.login(name: "sven", password: TestLotse.password)
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)
        let own = try lotse.office.caseload(in: lotse.office.reportScope(by: sven, site: nil, asOf: nil))
        let all = try lotse.office.caseload(in: lotse.office.reportScope(by: eva, site: nil, asOf: nil))
        #expect(own.map(\.user) == ["carla", "sven"] && own.allSatisfy { $0.site == "bocholt" })
        #expect(Set(all.compactMap(\.site)) == ["bocholt", "borken"])
    }
}
