public import LotseCases
import LotseStore

/// `report flow [--site S] [--svg FILE]`: the participant flow in the style of CONSORT 2010 —
/// eligible pool → randomised → per group: started, then exactly one terminal box per case
/// (consent refused, withdrew, transferred, moved away, closed, still in the programme),
/// observed at +6 / +12 months, and analysed. Intention to treat: everyone randomised is analysed
/// in their group, so "analysed" equals "randomised". The counts equal those of `export cases`
/// (the same case facts); the terminal boxes of a group add up to its randomised count.
public struct FlowReport: Sendable {
    /// The flow as a table: one row per box, one column per group.
    public var table: ReportTable
    /// The flow diagram.
    public var svg: String

    /// Where a randomised case ends up, as of the reference date (exactly one per case).
    enum Terminal: String, CaseIterable {
        case consentRefused, withdrew, transferred, movedAway, closed, ongoing

        func label(_ de: Bool) -> String {
            switch self {
            case .consentRefused: de ? "Einwilligung verweigert" : "consent refused"
            case .withdrew: de ? "Einwilligung widerrufen (ausgeschieden)" : "withdrew consent"
            case .transferred: de ? "übergeleitet (SGB XII, Rente, Reha)" : "transferred (SGB XII, pension, rehabilitation)"
            case .movedAway: de ? "verzogen / anderes Jobcenter" : "moved away / other jobcenter"
            case .closed: de ? "abgeschlossen" : "closed"
            case .ongoing: de ? "noch im Programm" : "still in the programme"
            }
        }

        /// The case's terminal box from its last transition.
        static func of(_ facts: CaseFacts) -> Terminal {
            guard let last = facts.transitions.last else { return .ongoing }
            switch (last.to, last.event) {
            case ("transferred", _): return .transferred
            case ("closed", "consent_refused"): return .consentRefused
            case ("closed", "withdraw_consent"): return .withdrew
            case ("closed", "move_away"): return .movedAway
            case ("closed", _): return .closed
            default: return .ongoing
            }
        }
    }

    /// The rows of the flow, each a count per group and in total; `implied` rows are never
    /// printed but follow from the randomised count (who did not start, who was not observed).
    static let steps: [(key: String, implied: Bool)] =
        [("randomised", false), ("started", false), ("not_started", true)]
        + Terminal.allCases.map { ($0.rawValue, false) }
        + ObservationWindow.points.flatMap { [("observed_\($0.at)", false), ("unobserved_\($0.at)", true)] }

    /// The shape of one site's flow for disclosure control: the eligible pool, then per step the
    /// participants, the comparison group and the total; the randomised counts are known to
    /// every reader (the randomisation log), the rest is protected.
    static func layout() -> SiteTables.Layout {
        var roles: [CellSuppression.Role] = [.known]
        var sums: [CellSuppression.Sum] = []
        for step in steps {
            // Not starting and not being observed say nothing about an outcome: derived, unprotected.
            let role: CellSuppression.Role = step.key == "randomised" ? .known : step.implied ? .derived : .published
            roles += [role, role, role]
        }
        func cell(_ key: String, _ g: Int) -> Int { 1 + 3 * steps.firstIndex { $0.key == key }! + g }
        for key in steps.map(\.key) { sums.append(CellSuppression.Sum(total: cell(key, 2), parts: [cell(key, 0), cell(key, 1)])) }
        for g in 0..<3 {
            sums.append(CellSuppression.Sum(total: cell("randomised", g), parts: [cell("started", g), cell("not_started", g)]))
            sums.append(CellSuppression.Sum(total: cell("randomised", g), parts: Terminal.allCases.map { cell($0.rawValue, g) }))
            for (at, _) in ObservationWindow.points {
                sums.append(CellSuppression.Sum(total: cell("randomised", g), parts: [cell("observed_\(at)", g), cell("unobserved_\(at)", g)]))
            }
        }
        return SiteTables.Layout(roles: roles, sums: sums)
    }

    /// Builds the flow (evaluator, supervisor).
    public static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, language: String) throws
        -> FlowReport {
        try build(office, by: actor, site: site, asOf: asOf, language: language, protect: true)
    }

    /// Every site's flow cells (in the order of `layout()`) as of the scope's bound, the site
    /// sizes and the first case's start.
    static func values(_ office: Office, _ scope: ReportScope, minimum: Int) throws
        -> (values: [String: [Int]], sizes: SiteSizes, first: String?) {
        let eligible = try office.eligibleClientsBySite(acrossSitesOf: scope)
        var counts = [String: [String: [String: Int]]]()   // site → box → group → cases
        var sizes = SiteSizes(minimum: minimum)
        var first: String?
        let context = scope.context
        try office.facts(acrossSitesOf: scope) { facts in
            sizes.add(site: facts.site, group: facts.group?.rawValue)
            guard let group = facts.group?.rawValue else { return }
            first = min(first ?? facts.openedAt, facts.openedAt)
            func add(_ key: String) { counts[facts.site, default: [:]][key, default: [:]][group, default: 0] += 1 }
            add("randomised")
            // Started: the programme began (consent given, profiling reached); the comparison
            // group has no programme to start.
            add(facts.group == .participant && facts.entered["profiling"] != nil ? "started" : "not_started")
            add(Terminal.of(facts).rawValue)
            // Outcomes without a legal basis are not evaluated, so such a case counts as not observed.
            let usable = Derivations.legalBasis(facts, context) != .none
            for (at, _) in ObservationWindow.points {
                add(usable && Derivations.observation(facts, at) != nil ? "observed_\(at)" : "unobserved_\(at)")
            }
        }
        var values = [String: [Int]]()
        for s in Set(counts.keys).union(eligible.keys).union(sizes.randomised.keys) {
            values[s] = [eligible[s] ?? 0] + steps.flatMap { step -> [Int] in
                let p = counts[s]?[step.key]?["participant"] ?? 0, c = counts[s]?[step.key]?["comparison"] ?? 0
                return [p, c, p + c]
            }
        }
        return (values, sizes, first)
    }

    /// Builds the flow; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects).
    static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, language: String, protect: Bool) throws
        -> FlowReport {
        let scope = try office.reportScope(by: actor, site: site, asOf: asOf)
        let bound = scope.bound
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        let minimum = try office.minimumSiteSize()
        let (values, sizes, first) = try Self.values(office, scope, minimum: minimum)
        try sizes.check(site: site, in: office)
        let earlier = try office.earlierScopes(of: scope, since: first, protect: protect).map {
            try Self.values(office, $0, minimum: minimum).values
        }
        let protected = SiteTables(layout: layout(), values: values, small: sizes.small, rule: format.smallCells,
                                   earlier: earlier)
        var table = ReportTable(
            title: (de ? "Teilnehmerfluss (CONSORT)" : "Participant flow (CONSORT)") + (site.map { " · \($0)" } ?? "")
                + " · " + (de ? "Stichtag " : "as of ") + bound.prefix(10),
            columns: de ? ["Schritt", "Teilnahme", "Vergleich", "gesamt"] : ["step", "participants", "comparison", "total"])
        table.key = "flow"
        table.data.append(protected.datum(site, 0, row: "eligible", column: "total"))
        func row(_ label: String, _ key: String, as name: String? = nil) {
            let base = 1 + 3 * steps.firstIndex { $0.key == key }!
            let cells = (0..<3).map { base + $0 }
            for (c, column) in ["participant", "comparison", "total"].enumerated() {
                table.data.append(protected.datum(site, cells[c], row: name ?? key, column: column))
            }
            table.rows.append([label] + cells.map { protected.text(site, $0, format) })
        }
        table.rows.append([de ? "geeigneter Pool (förderfähig)" : "eligible pool", "", "", String(protected.value(site, 0))])
        row(de ? "randomisiert" : "randomised", "randomised")
        row(de ? "Programm begonnen" : "started the programme", "started")
        for terminal in Terminal.allCases { row("  " + terminal.label(de), terminal.rawValue) }
        for (at, months) in ObservationWindow.points {
            row(de ? "beobachtet nach \(months) Monaten" : "observed at \(months) months", "observed_\(at)")
        }
        // The randomised counts again: intention to treat analyses everyone randomised.
        row(de ? "ausgewertet (Intention-to-treat)" : "analysed (intention to treat)", "randomised", as: "analysed")
        if let note = scope.reference.note(de: de) { table.notes.append(note) }
        table.notes.append(de
            ? "Jeder randomisierte Fall steht in genau einem eingerückten Endkasten; alle Randomisierten werden in ihrer Gruppe ausgewertet."
            : "Every randomised case is in exactly one indented terminal box; everyone randomised is analysed in their group.")
        if table.rows.contains(where: { $0.contains { $0.hasPrefix("<") || $0 == SiteTables.complementMark } }) {
            table.notes.append(SiteTables.note(de: de, minimum: sizes.minimum))
        }
        return FlowReport(table: table, svg: diagram(table, de: de))
    }

    /// The flow diagram: the pool and randomisation on top, one column of boxes per group.
    static func diagram(_ table: ReportTable, de: Bool) -> String {
        let width = 760.0, boxWidth = 330.0, boxHeight = 34.0, gap = 12.0
        let rows = table.rows
        let height = Double(rows.count + 1) * (boxHeight + gap) + 60
        var svg = SVGWriter()
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", SVGWriter.number(width)),
                         ("height", SVGWriter.number(height)), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                         ("font-family", "sans-serif"), ("font-size", "13")])
        svg.element("title", text: table.title)
        svg.element("text", [("x", "20"), ("y", "24"), ("font-size", "15"), ("font-weight", "bold")], text: table.title)
        func box(_ x: Double, _ y: Double, _ w: Double, _ text: String, terminal: Bool) {
            svg.empty("rect", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)), ("width", SVGWriter.number(w)),
                               ("height", SVGWriter.number(boxHeight)), ("rx", "4"),
                               ("fill", terminal ? "#eef3f8" : "#ffffff"), ("stroke", "#1f4e79")])
            svg.element("text", [("x", SVGWriter.number(x + 8)), ("y", SVGWriter.number(y + 22))], text: text)
        }
        var y = 44.0
        for (index, row) in rows.enumerated() {
            let label = String(row[0].trimmingPrefix("  "))
            let terminal = row[0].hasPrefix("  ")
            if index < 2 {
                box((width - boxWidth) / 2, y, boxWidth, "\(label): \(row[3])", terminal: false)
                if index == 1 {
                    svg.empty("line", [("x1", "380"), ("y1", SVGWriter.number(y + boxHeight)), ("x2", "195"),
                                       ("y2", SVGWriter.number(y + boxHeight + gap)), ("stroke", "#1f4e79")])
                    svg.empty("line", [("x1", "380"), ("y1", SVGWriter.number(y + boxHeight)), ("x2", "565"),
                                       ("y2", SVGWriter.number(y + boxHeight + gap)), ("stroke", "#1f4e79")])
                }
            } else {
                box(30, y, boxWidth, "\(label): \(row[1])", terminal: terminal)
                box(width - 30 - boxWidth, y, boxWidth, "\(label): \(row[2])", terminal: terminal)
            }
            y += boxHeight + gap
        }
        svg.element("text", [("x", "30"), ("y", SVGWriter.number(y + 10))],
                    text: de ? "links: Teilnahmegruppe · rechts: Vergleichsgruppe · hell: Endkästen"
                        : "left: participants · right: comparison group · shaded: terminal boxes")
        svg.close("svg")
        return svg.text
    }
}
