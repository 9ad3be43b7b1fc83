/// One number of a report as data: stable machine keys, the count (nil when suppressed) and
/// whether it is shown; what `--format csv|json` writes instead of the text a person reads.
public struct ReportDatum: Sendable, Equatable {
    /// How the count is published.
    public enum Status: String, Sendable {
        /// The value is the count.
        case shown
        /// 1–4 cases (or a site below the minimum size): no value.
        case small
        /// Suppressed as a complement so that no small cell can be derived: no value.
        case suppressed
        /// Not defined (no case observed in a group): no value.
        case notApplicable = "na"
    }

    /// The row's key: a step (`started`), a code with its scheme (`kldb:01104`, never a bare number).
    public var row: String
    /// The column's key: a group (`participant`, `comparison`, `total`) or a kind (`minijob`).
    public var column: String
    /// The number: a count, or a measured value (a share as a fraction, a median in days).
    public var value: Double?
    public var status: Status

    public init(row: String, column: String, value: Double?, status: Status) {
        self.row = row
        self.column = column
        self.value = value
        self.status = status
    }
}

/// A finished table of a report: column names and rows of text (numbers already formatted).
public struct ReportTable: Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    /// Lines printed below the table for people (method notes, warnings); not part of the data.
    public var notes: [String]
    /// The table's machine name (`flow`, `placements`), the `table` column of the data.
    public var key = ""
    /// The table's numbers as data; empty for a table that has only text so far.
    public var data: [ReportDatum] = []

    public init(title: String, columns: [String], rows: [[String]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// Counts of one yes/no indicator per group: events among the cases where it is known.
struct Tally: Sendable {
    var events = [String: Int]()
    var known = [String: Int]()

    mutating func add(group: String, value: String) {
        guard !value.isEmpty else { return }
        known[group, default: 0] += 1
        if value == "1" { events[group, default: 0] += 1 }
    }

    /// Adds another tally's counts (pooling sites).
    mutating func add(_ other: Tally) {
        for (group, n) in other.events { events[group, default: 0] += n }
        for (group, n) in other.known { known[group, default: 0] += n }
    }

    func proportion(_ group: String) -> Proportion? {
        guard let n = known[group], n > 0 else { return nil }
        return try? Proportion(events: events[group] ?? 0, of: n)
    }
}

/// The indicators of DOMAIN §9.5 that the reports compare, each a flag variable of the export.
enum Indicators {
    static let names: [(variable: String, de: String, en: String)] = [
        ("left_benefits_6m", "ohne Leistungsbezug (6 Monate)", "left benefits (6 months)"),
        ("reduced_claim_6m", "verringerter Anspruch (6 Monate)", "reduced claim (6 months)"),
        ("transferred_6m", "Übergang aus dem SGB II (6 Monate)", "left SGB II by transfer (6 months)"),
        ("integrated_6m", "integriert, K2 (6 Monate)", "integrated, K2 (6 months)"),
        ("left_benefits_12m", "ohne Leistungsbezug (12 Monate)", "left benefits (12 months)"),
        ("reduced_claim_12m", "verringerter Anspruch (12 Monate)", "reduced claim (12 months)"),
        ("transferred_12m", "Übergang aus dem SGB II (12 Monate)", "left SGB II by transfer (12 months)"),
        ("integrated_12m", "integriert, K2 (12 Monate)", "integrated, K2 (12 months)"),
        ("fulltime_12m", "svB Vollzeit (12 Monate)", "svB full time (12 months)"),
        ("parttime_12m", "svB Teilzeit (12 Monate)", "svB part time (12 months)"),
        ("minijob_12m", "Minijob (12 Monate)", "Minijob (12 months)"),
        ("bedarfsdeckend", "bedarfsdeckend integriert", "integration covering needs"),
        ("nachhaltig", "nachhaltig integriert", "sustained integration"),
        ("rehab_therapy_started", "Reha oder Therapie begonnen", "rehabilitation or therapy started"),
    ]
}
