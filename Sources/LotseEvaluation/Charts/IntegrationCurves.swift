/// The Kaplan–Meier curves of `report evaluation --km-svg FILE`: the share integrated (1 − S(t))
/// over the days from case start, one step line per group, with the 6- and 12-month landmarks.
/// A group whose integration count the report withholds (disclosure control) is not drawn: its
/// steps would show the counts the table hides.
struct IntegrationCurves {
    /// Per group (participants, comparison): the curve, or nil when withheld.
    var curves: [(label: String, colour: String, curve: KaplanMeier?)]
    var title: String
    var format: ReportFormat

    func svg(de: Bool) -> String {
        let width = 720.0, height = 420.0, left = 70.0, right = 170.0, top = 50.0, bottom = 60.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let drawn = curves.compactMap(\.curve)
        let longest = drawn.flatMap { $0.steps.map(\.time) }.max() ?? 365.25
        let xMax = max(400, (longest / 50).rounded(.up) * 50)
        let highest = drawn.map { 1 - ($0.steps.last?.survival ?? 1) }.max() ?? 0
        let yMax = min(1, max(0.1, (highest * 10).rounded(.up) / 10))
        func x(_ t: Double) -> Double { left + plotWidth * min(t, xMax) / xMax }
        func y(_ share: Double) -> Double { top + plotHeight * (1 - share / yMax) }
        var svg = SVGWriter()
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", SVGWriter.number(width)),
                         ("height", SVGWriter.number(height)), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                         ("font-family", "sans-serif"), ("font-size", "12")])
        svg.element("title", text: title)
        svg.element("text", [("x", SVGWriter.number(left)), ("y", "24"), ("font-size", "14"), ("font-weight", "bold")], text: title)
        // Axes, grid and ticks.
        for i in 0...Int((yMax * 10).rounded()) {
            let share = Double(i) / 10
            svg.empty("line", [("x1", SVGWriter.number(left)), ("y1", SVGWriter.number(y(share))),
                               ("x2", SVGWriter.number(left + plotWidth)), ("y2", SVGWriter.number(y(share))),
                               ("stroke", i == 0 ? "#000000" : "#e0e0e0")])
            svg.element("text", [("x", SVGWriter.number(left - 8)), ("y", SVGWriter.number(y(share) + 4)), ("text-anchor", "end")],
                        text: format.percent(share, decimals: 0))
        }
        for (months, days) in TimeToIntegration.landmarks {
            svg.empty("line", [("x1", SVGWriter.number(x(days))), ("y1", SVGWriter.number(top)), ("x2", SVGWriter.number(x(days))),
                               ("y2", SVGWriter.number(top + plotHeight)), ("stroke", "#b0b0b0"), ("stroke-dasharray", "4 3")])
            svg.element("text", [("x", SVGWriter.number(x(days))), ("y", SVGWriter.number(top + plotHeight + 16)),
                                 ("text-anchor", "middle")], text: de ? "\(months) Monate" : "\(months) months")
        }
        svg.element("text", [("x", SVGWriter.number(left + plotWidth / 2)), ("y", SVGWriter.number(height - 14)),
                             ("text-anchor", "middle")], text: de ? "Tage ab Fallbeginn" : "days from case start")
        // One step line per group.
        for (index, entry) in curves.enumerated() {
            let legendY = top + 20 + Double(index) * 22
            svg.empty("line", [("x1", SVGWriter.number(width - right + 16)), ("y1", SVGWriter.number(legendY - 4)),
                               ("x2", SVGWriter.number(width - right + 40)), ("y2", SVGWriter.number(legendY - 4)),
                               ("stroke", entry.colour), ("stroke-width", "2")])
            guard let curve = entry.curve else {
                svg.element("text", [("x", SVGWriter.number(width - right + 46)), ("y", SVGWriter.number(legendY))],
                            text: entry.label + (de ? " (unterdrückt)" : " (suppressed)"))
                continue
            }
            svg.element("text", [("x", SVGWriter.number(width - right + 46)), ("y", SVGWriter.number(legendY))], text: entry.label)
            var points = "\(SVGWriter.number(x(0))),\(SVGWriter.number(y(0)))"
            var share = 0.0
            for step in curve.steps where step.events > 0 {
                points += " \(SVGWriter.number(x(step.time))),\(SVGWriter.number(y(share)))"
                share = 1 - step.survival
                points += " \(SVGWriter.number(x(step.time))),\(SVGWriter.number(y(share)))"
            }
            let end = curve.steps.last?.time ?? 0
            points += " \(SVGWriter.number(x(end))),\(SVGWriter.number(y(share)))"
            svg.empty("polyline", [("points", points), ("fill", "none"), ("stroke", entry.colour), ("stroke-width", "2")])
        }
        svg.close("svg")
        return svg.text
    }
}
