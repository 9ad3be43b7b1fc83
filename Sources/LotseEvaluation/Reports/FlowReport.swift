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

    /// Builds the flow (evaluator, supervisor).
    public static func build(_ office: Office, by actor: Actor, site: String?, asOf: String?, language: String) throws
        -> FlowReport {
        let scope = try office.reportScope(by: actor, site: site, asOf: asOf)
        let bound = scope.bound
        let de = language == "de"
        let eligible = try office.eligibleClientCount(in: scope)
        let groups = ["participant", "comparison"]
        var counts = [String: [String: Int]]()   // box → group → cases
        let context = scope.context
        try office.facts(in: scope) { facts in
            guard let group = facts.group?.rawValue else { return }
            counts["randomised", default: [:]][group, default: 0] += 1
            // Started: the programme began (consent given, profiling reached); the comparison
            // group has no programme to start.
            if facts.group == .participant, facts.entered["profiling"] != nil {
                counts["started", default: [:]][group, default: 0] += 1
            }
            counts[Terminal.of(facts).rawValue, default: [:]][group, default: 0] += 1
            // Outcomes without a legal basis are not evaluated, so such a case counts as not observed.
            let usable = Derivations.legalBasis(facts, context) != .none
            for (at, _) in ObservationWindow.points where usable && Derivations.observation(facts, at) != nil {
                counts["observed_\(at)", default: [:]][group, default: 0] += 1
            }
        }
        var table = ReportTable(
            title: (de ? "Teilnehmerfluss (CONSORT)" : "Participant flow (CONSORT)") + (site.map { " · \($0)" } ?? "")
                + " · " + (de ? "Stichtag " : "as of ") + bound.prefix(10),
            columns: de ? ["Schritt", "Teilnahme", "Vergleich", "gesamt"] : ["step", "participants", "comparison", "total"])
        func row(_ label: String, _ key: String) {
            let values = groups.map { counts[key]?[$0] ?? 0 }
            table.rows.append([label] + values.map(String.init) + [String(values.reduce(0, +))])
        }
        table.rows.append([de ? "geeigneter Pool (förderfähig)" : "eligible pool", "", "", String(eligible)])
        row(de ? "randomisiert" : "randomised", "randomised")
        row(de ? "Programm begonnen" : "started the programme", "started")
        for terminal in Terminal.allCases { row("  " + terminal.label(de), terminal.rawValue) }
        for (at, months) in ObservationWindow.points {
            row(de ? "beobachtet nach \(months) Monaten" : "observed at \(months) months", "observed_\(at)")
        }
        row(de ? "ausgewertet (Intention-to-treat)" : "analysed (intention to treat)", "randomised")
        table.notes.append(de
            ? "Jeder randomisierte Fall steht in genau einem eingerückten Endkasten; alle Randomisierten werden in ihrer Gruppe ausgewertet."
            : "Every randomised case is in exactly one indented terminal box; everyone randomised is analysed in their group.")
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
