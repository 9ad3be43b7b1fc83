import Foundation
import LotseWorkflow
import Testing

@Suite("ISO 8601 durations")
struct DurationTests {
    @Test(arguments: [("P4W", "P4W"), ("P12M", "P12M"), ("P14D", "P14D"), ("P1Y6M", "P1Y6M"), ("P1M2W3D", "P1M2W3D")])
    func parsesAndPrints(text: String, printed: String) throws {
        #expect(try #require(WorkflowDuration(text)).description == printed)
    }

    @Test(arguments: ["", "P", "4W", "PT8H", "P4w", "P1.5M", "P-1D", "P4W2M", "P1D1D", "four weeks"])
    func refusesWhatIsNotADateDuration(text: String) {
        #expect(WorkflowDuration(text) == nil)
    }

    @Test func addsCalendarUnits() throws {
        #expect(try #require(WorkflowDuration("P1M")).added(toYear: 2026, month: 1, day: 31)! == (2026, 2, 28))
        #expect(try #require(WorkflowDuration("P4W")).added(toYear: 2026, month: 12, day: 20)! == (2027, 1, 17))
        #expect(try #require(WorkflowDuration("P12M")).added(toYear: 2028, month: 2, day: 29)! == (2029, 2, 28))
        #expect(WorkflowDuration(days: 1).added(toYear: 2026, month: 2, day: 30) == nil)
    }

    @Test func addsToAnInstantInALocalCalendar() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 2026-03-20 10:00 in Berlin (UTC+1); two weeks later daylight saving time has begun (UTC+2).
        let start = Date(timeIntervalSince1970: 1_773_997_200)
        let due = try #require(WorkflowDuration("P2W")).added(to: start, in: berlin)
        #expect(due.timeIntervalSince(start) == 14 * 86_400 - 3_600)
    }
}
