import LotseCases

/// The participant flow as text: the table (German or English) and the CONSORT diagram, from
/// the report's counts; the data (`--format csv|json`) from the same counts, under their keys.
extension FlowReport {
    /// The flow as a table: one row per box, one column per group, and its data.
    public func table(language: String) -> ReportTable {
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        var table = ReportTable(
            title: (de ? "Teilnehmerfluss (CONSORT)" : "Participant flow (CONSORT)") + (site.map { " · \($0)" } ?? "")
                + " · " + (de ? "Stichtag " : "as of ") + reference.day,
            columns: de ? ["Schritt", "Teilnahme", "Vergleich", "gesamt"] : ["step", "participants", "comparison", "total"])
        table.key = "flow"
        table.data.append(ReportCount(value: eligible, status: .shown).datum(row: "eligible", column: "total"))
        table.rows.append([de ? "geeigneter Pool (förderfähig)" : "eligible pool", "", "", String(eligible)])
        for row in rows {
            let counts = [row.participants, row.comparison, row.total]
            for (count, column) in zip(counts, ["participant", "comparison", "total"]) {
                table.data.append(count.datum(row: row.key, column: column))
            }
            table.rows.append([Self.label(row.key, de)] + counts.map { format.count($0) })
        }
        if let note = reference.note(de: de) { table.notes.append(note) }
        table.notes.append(de
            ? "Jeder randomisierte Fall steht in genau einem eingerückten Endkasten; alle Randomisierten werden in ihrer Gruppe ausgewertet."
            : "Every randomised case is in exactly one indented terminal box; everyone randomised is analysed in their group.")
        if rows.contains(where: { [$0.participants, $0.comparison, $0.total].contains { $0.status != .shown } }) {
            table.notes.append(SiteTables.note(de: de, minimum: minimumSiteSize))
        }
        return table
    }

    /// The flow diagram.
    public func svg(language: String) -> String { Self.diagram(table(language: language), de: language == "de") }

    /// A box's label; terminal boxes indented.
    static func label(_ key: String, _ de: Bool) -> String {
        if let terminal = Terminal(rawValue: key) { return "  " + terminal.label(de) }
        switch key {
        case "randomised": return de ? "randomisiert" : "randomised"
        case "started": return de ? "Programm begonnen" : "started the programme"
        case "analysed": return de ? "ausgewertet (Intention-to-treat)" : "analysed (intention to treat)"
        default:
            let months = ObservationWindow.points.first { "observed_\($0.at)" == key }?.months ?? 0
            return de ? "beobachtet nach \(months) Monaten" : "observed at \(months) months"
        }
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

extension FlowReport.Terminal {
    /// The box's label.
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

}

extension ReportFormat {
    /// A protected count as report text: the number, `<5` for a small cell, `•` for a
    /// complementary suppression, `n/a` when undefined.
    func count(_ count: ReportCount) -> String {
        switch count.status {
        case .shown: String(count.value ?? 0)
        case .small: "<\(smallCells.threshold)"
        case .suppressed: SiteTables.complementMark
        case .notApplicable: "n/a"
        }
    }
}
