import Foundation
import Testing
import LotseCases
import LotseShell
import LotseStore
import LotseTestSupport

/// Length limits on input (issue 9): 64 KiB a line, 10,000 characters a text field.
@Suite struct LimitTests {
    @Test func aHugeLineIsRefusedBeforeItIsReadAndWritesNoAuditRow() throws {
        let lotse = try TestLotse(language: "en")
        #expect(lotse.run("init --admin root\nsite add b B\nuser add carla --role caseworker --site b\n").status == .ok)
        let rows = try lotse.store.audit.count()
        let huge = "fire 1 " + String(repeating: "x", count: 10_000_000)
        let (output, status) = lotse.run("login carla\n\(huge)\nlogin \(String(repeating: "y", count: 70_000))\n", keepGoing: true)
        #expect(status == .commandFailed)
        #expect(output.contains("test.lotse:2: error: the line has 10000007 bytes; a line may have at most 65536 (64 KiB)"))
        #expect(output.contains("test.lotse:3: error: the line has 70006 bytes"))
        #expect(output.count < 2_000)
        // Only carla's login was recorded.
        #expect(try lotse.store.audit.count() == rows + 1)
        var longest = 0
        try lotse.store.audit.query(AuditFilter()) { longest = max(longest, ($0.draft.detail ?? "").count + $0.draft.actor.count) }
        #expect(longest < 1_000)
    }

    @Test func aTextFieldTakesAtMostTenThousandCharacters() throws {
        let lotse = try TestLotse()
        let setup = """
            init --admin root
            site add b B
            user add carla --role caseworker --site b
            login carla
            client add --sex w --birth-year 1972 --applicant-type SP
            case open 1

            """
        func submit(_ length: Int) -> (output: String, status: Shell.ExitCode) {
            lotse.run("login carla\nform submit 1 referral date=2026-11-02 referring_unit=T reason=\(String(repeating: "a", count: length)) "
                + "sgb2_since=2019-04-01 lzb=yes sex=w age_class=50plus applicant_type=SP\n")
        }
        #expect(lotse.run(setup).status == .ok)
        let tooLong = submit(10_001)
        #expect(tooLong.status == .commandFailed)
        #expect(tooLong.output.contains("reason: höchstens 10,000 Zeichen (hier 10,001)"))
        #expect(try lotse.sqlite.database.scalar("SELECT COUNT(*) FROM submissions")?.int == 0)
        #expect(submit(10_000).status == .ok)
    }
}
