/// The evaluation's outcome observations (DOMAIN §9.5): for every case of both groups, at +6
/// and +12 months after the case start, taken from the jobcenter's statistics (sometimes from
/// the case file) and loaded by the site's supervisor as a weekly statistics extract
/// (`observe import`), never by the evaluator.
enum DemoObservations {
    /// One row of a statistics extract, and the day it is ready.
    struct Row {
        var day: Int
        var text: String
    }

    /// A case's rows (`case,at,date,benefit_status,employment,employment_since,source`).
    static func rows(_ c: DemoCase, _ life: DemoLife, lastDay: Int) -> [Row] {
        var rows: [Row] = []
        for (at, months) in [("6m", 6), ("12m", 12)] {
            let reference = DemoCalendar.adding(months: months, to: c.openedDay)
            let recorded = DemoCalendar.workday(onOrAfter: reference + c.random.int(4...25))
            guard recorded <= lastDay else { continue }
            let source = c.random.chance(0.85) ? "statistics" : "case_file"
            let status = life.status(on: reference)
            let fields = [String(c.caseID), at, DemoCalendar.iso(reference), status.benefit, status.employment,
                          status.since.map { DemoCalendar.iso(min($0, reference)) } ?? "", source]
            rows.append(Row(day: recorded, text: fields.joined(separator: ",")))
        }
        return rows
    }

    /// One import step per site and week, by the site's supervisor in the afternoon of the
    /// week's last day with rows.
    static func imports(site: Int, supervisor: String, _ rows: [Row]) -> [DemoStep] {
        var weeks: [Int: [Row]] = [:]
        for row in rows { weeks[row.day / 7, default: []].append(row) }
        return weeks.keys.sorted().map { week in
            let batch = weeks[week]!
            let day = batch.map(\.day).max()!
            return DemoStep(moment: DemoCalendar.moment(day, hour: 15), actor: supervisor,
                            action: .importObservations(site: site, rows: batch.map(\.text)))
        }
    }
}
