extension GroupedBarChart {
    /// The chart as a standalone SVG 1.1 document (UTF-8 text, no XML declaration needed).
    ///
    /// Layout, top to bottom: title (up to two lines), legend, plot with gridlines and value
    /// labels, indicator names (wrapped onto up to three lines, font shrunk to 10 px before words
    /// are split), footnotes on whiskers and withheld values (only when they occur).
    public func svg() -> String {
        var renderer = BarChartRenderer(chart: self)
        return renderer.render()
    }

    /// How one bar is described in tooltips and the `<desc>`: "24.0% (12 of 50), 95% CI [14.3%; 37.4%]",
    /// "<5 of 50", "≥96.0% of 100".
    func describe(_ proportion: Proportion) -> String {
        switch format.smallCells.verdict(for: proportion) {
        case .shown:
            var text = "\(format.share(proportion)) (\(proportion.events) \(captions.of) \(proportion.n))"
            if showsErrorBars {
                text += ", \(captions.interval) \(format.percentInterval(proportion.wilsonInterval()))"
            }
            return text
        case .fewEvents, .fewNonEvents:
            return "\(format.share(proportion)) \(captions.of) \(proportion.n)"
        }
    }

    /// The generated `<desc>`: every indicator with both values.
    func generatedSummary() -> String {
        groups.map { group in
            "\(group.label): \(captions.participants) \(describe(group.participants)); "
                + "\(captions.comparison) \(describe(group.comparison))."
        }.joined(separator: " ")
    }
}

/// Lays out and writes a ``GroupedBarChart``.
struct BarChartRenderer {
    let chart: GroupedBarChart
    let width: Double
    let height: Double
    let id: String
    let yMaximum: Double
    var out = SVGWriter()

    let padding = 16.0
    let titleFont = 18.0
    let tickFont = 12.0
    let legendFont = 13.0
    let noteFont = 11.0

    init(chart: GroupedBarChart) {
        self.chart = chart
        width = Double(max(320, chart.width))
        height = Double(max(240, chart.height))
        let allowed = chart.identifier.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        id = allowed.first?.isLetter == true ? allowed : "chart" + allowed
        yMaximum = chart.yMaximum.isFinite && chart.yMaximum > 0 ? min(1, chart.yMaximum) : 1
    }

    // MARK: Layout

    /// The plot rectangle and everything positioned around it.
    struct Frame {
        var titleLines: [String]
        var legendTop: Double
        var plotLeft: Double, plotRight: Double, plotTop: Double, plotBottom: Double
        var labelFont: Double
        var labels: [[String]]
        var notes: [String]
        var ticks: [Double]
    }

    func layout() -> Frame {
        let titleLines = TextMetrics.wrap(chart.title, maxWidth: width - 2 * padding, fontSize: titleFont,
                                          maxLines: 2, bold: true).lines
        let legendTop = padding + Double(titleLines.count) * titleFont * 1.25 + 8
        let plotTop = legendTop + legendFont + 30
        let tickWidth = TextMetrics.width(chart.format.percent(yMaximum, decimals: 0), fontSize: tickFont)
        let plotLeft = padding + (chart.captions.yAxis == nil ? 0 : 22) + tickWidth + 8
        let plotRight = width - padding

        var noteText: [String] = []
        if chart.showsErrorBars && chart.groups.contains(where: { isShown($0.participants) || isShown($0.comparison) }) {
            noteText.append(chart.captions.errorBars)
        }
        if chart.groups.contains(where: { !isShown($0.participants) || !isShown($0.comparison) }) {
            noteText.append(chart.captions.suppressed.replacingAll("{threshold}", with: String(chart.format.smallCells.threshold)))
        }
        let notes = noteText.isEmpty ? [] : TextMetrics.wrap(noteText.joined(separator: " "),
                                                             maxWidth: width - 2 * padding, fontSize: noteFont).lines

        let groupWidth = (plotRight - plotLeft) / Double(max(1, chart.groups.count))
        var labelFont = 12.0
        var labels: [[String]] = []
        for size in [12.0, 11.0, 10.0] {
            let wrapped = chart.groups.map {
                TextMetrics.wrap($0.label, maxWidth: groupWidth - 8, fontSize: size, maxLines: 3)
            }
            labelFont = size
            labels = wrapped.map(\.lines)
            if !wrapped.contains(where: \.forced) { break }
        }
        let labelLines = Double(labels.map(\.count).max() ?? 1)
        let notesHeight = notes.isEmpty ? 0 : Double(notes.count) * noteFont * 1.3 + 10
        let plotBottom = max(plotTop + 40, height - padding - notesHeight - 10 - labelLines * labelFont * 1.25)

        let plotHeight = plotBottom - plotTop
        // The finest step at least 28 px apart, preferring one that ends exactly at the top of the axis.
        let steps = [0.05, 0.1, 0.2, 0.25, 0.5, 1.0].filter { $0 / yMaximum * plotHeight >= 28 }
        let divides = { (step: Double) in abs(yMaximum / step - (yMaximum / step).rounded()) < 1e-9 }
        let step = steps.first(where: divides) ?? steps.first ?? yMaximum
        let ticks = (0...Int((yMaximum / step + 1e-9).rounded(.down))).map { Double($0) * step }

        return Frame(titleLines: titleLines, legendTop: legendTop, plotLeft: plotLeft, plotRight: plotRight,
                     plotTop: plotTop, plotBottom: plotBottom, labelFont: labelFont, labels: labels,
                     notes: notes, ticks: ticks)
    }

    func isShown(_ proportion: Proportion) -> Bool {
        chart.format.smallCells.verdict(for: proportion) == .shown
    }

    // MARK: Drawing

    mutating func render() -> String {
        let frame = layout()
        out.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
            ("width", n(width)), ("height", n(height)), ("viewBox", "0 0 \(n(width)) \(n(height))"),
            ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("font-family", "Arial, Helvetica, 'DejaVu Sans', sans-serif"),
        ])
        out.element("title", [("id", "\(id)-title")], text: chart.title)
        out.element("desc", [("id", "\(id)-desc")], text: chart.summary ?? chart.generatedSummary())
        writePatterns()
        out.empty("rect", [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")])
        writeTitle(frame)
        writeLegend(frame)
        writeAxis(frame)
        for index in chart.groups.indices { writeGroup(index, frame) }
        out.empty("line", [("x1", n(frame.plotLeft)), ("y1", n(frame.plotBottom)), ("x2", n(frame.plotRight)),
                           ("y2", n(frame.plotBottom)), ("stroke", "#333333"), ("stroke-width", "1")])
        writeNotes(frame)
        out.close("svg")
        return out.text
    }

    private mutating func writePatterns() {
        out.open("defs")
        for (series, colour) in GroupedBarChart.colours.enumerated() {
            out.open("pattern", [("id", "\(id)-hatch-\(series)"), ("patternUnits", "userSpaceOnUse"),
                                 ("width", "6"), ("height", "6"), ("patternTransform", "rotate(45)")])
            out.empty("rect", [("width", "6"), ("height", "6"), ("fill", "#ffffff")])
            out.empty("rect", [("width", "2.5"), ("height", "6"), ("fill", colour)])
            out.close("pattern")
        }
        out.close("defs")
    }

    private mutating func writeTitle(_ frame: Frame) {
        for (index, line) in frame.titleLines.enumerated() {
            out.element("text", [("x", n(padding)), ("y", n(padding + titleFont + Double(index) * titleFont * 1.25)),
                                 ("font-size", n(titleFont)), ("font-weight", "bold"), ("fill", "#111111")],
                        text: line)
        }
    }

    private mutating func writeLegend(_ frame: Frame) {
        var x = frame.plotLeft
        let top = frame.legendTop
        for (series, name) in [chart.captions.participants, chart.captions.comparison].enumerated() {
            out.empty("rect", [("x", n(x)), ("y", n(top)), ("width", "14"), ("height", "14"),
                               ("fill", GroupedBarChart.colours[series])])
            out.element("text", [("x", n(x + 20)), ("y", n(top + 12)), ("font-size", n(legendFont)), ("fill", "#222222")],
                        text: name)
            x += 20 + TextMetrics.width(name, fontSize: legendFont) + 24
        }
    }

    private mutating func writeAxis(_ frame: Frame) {
        for tick in frame.ticks {
            let y = yPosition(tick, frame)
            if tick > 0 {
                out.empty("line", [("x1", n(frame.plotLeft)), ("y1", n(y)), ("x2", n(frame.plotRight)), ("y2", n(y)),
                                   ("stroke", "#dddddd"), ("stroke-width", "1")])
            }
            out.element("text", [("x", n(frame.plotLeft - 8)), ("y", n(y + tickFont * 0.35)), ("font-size", n(tickFont)),
                                 ("text-anchor", "end"), ("fill", "#444444")],
                        text: chart.format.percent(tick, decimals: abs(tick * 100 - (tick * 100).rounded()) < 1e-9 ? 0 : 1))
        }
        if let title = chart.captions.yAxis {
            let x = padding + 10, y = (frame.plotTop + frame.plotBottom) / 2
            out.element("text", [("x", n(x)), ("y", n(y)), ("font-size", n(tickFont)), ("text-anchor", "middle"),
                                 ("fill", "#444444"), ("transform", "rotate(-90 \(n(x)) \(n(y)))")], text: title)
        }
    }

    private mutating func writeGroup(_ index: Int, _ frame: Frame) {
        let group = chart.groups[index]
        let groupWidth = (frame.plotRight - frame.plotLeft) / Double(chart.groups.count)
        let centre = frame.plotLeft + (Double(index) + 0.5) * groupWidth
        let barWidth = min(groupWidth * 0.36, 64)
        let gap = max(2, barWidth * 0.08)
        out.open("g", [("class", "indicator")])
        out.element("title", text: group.label)
        for (series, proportion) in [group.participants, group.comparison].enumerated() {
            let x = centre - barWidth - gap / 2 + Double(series) * (barWidth + gap)
            writeBar(proportion, series: series, name: series == 0 ? chart.captions.participants : chart.captions.comparison,
                     label: group.label, x: x, barWidth: barWidth, gap: gap, frame: frame)
        }
        let lines = frame.labels[index]
        out.open("text", [("x", n(centre)), ("y", n(frame.plotBottom + 8 + frame.labelFont)),
                          ("font-size", n(frame.labelFont)), ("text-anchor", "middle"), ("fill", "#222222")])
        for (number, line) in lines.enumerated() {
            out.element("tspan", [("x", n(centre)), ("dy", number == 0 ? "0" : n(frame.labelFont * 1.25))], text: line)
        }
        out.close("text")
        out.close("g")
    }

    private mutating func writeBar(_ proportion: Proportion, series: Int, name: String, label: String,
                                   x: Double, barWidth: Double, gap: Double, frame: Frame) {
        let colour = GroupedBarChart.colours[series]
        let shown = isShown(proportion)
        let value = shown ? proportion.value : chart.format.smallCells.upperBound(for: proportion)
        let top = yPosition(value, frame)
        var labelBottom = top
        out.open("g", [("class", series == 0 ? "bar participants" : "bar comparison")])
        out.element("title", text: "\(name), \(label): \(chart.describe(proportion))")
        var bar: [(String, String)] = [("x", n(x)), ("y", n(top)), ("width", n(barWidth)),
                                       ("height", n(frame.plotBottom - top))]
        bar += shown ? [("fill", colour)]
                     : [("fill", "url(#\(id)-hatch-\(series))"), ("stroke", colour), ("stroke-width", "1.2")]
        out.empty("rect", bar)
        if shown && chart.showsErrorBars {
            let interval = proportion.wilsonInterval()
            let upper = yPosition(interval.upper, frame), lower = yPosition(interval.lower, frame)
            let centre = x + barWidth / 2, cap = min(barWidth / 4, 6)
            // A whisker cut off by the top of the axis gets no cap, so it does not look like a limit.
            var path = "M\(n(centre)) \(n(upper))V\(n(lower))M\(n(centre - cap)) \(n(lower))H\(n(centre + cap))"
            if interval.upper <= yMaximum { path += "M\(n(centre - cap)) \(n(upper))H\(n(centre + cap))" }
            out.empty("path", [("d", path), ("stroke", "#222222"), ("stroke-width", "1.2"), ("fill", "none")])
            labelBottom = min(top, upper)
        }
        let text = chart.format.share(proportion)
        let fit = (barWidth + gap) / TextMetrics.width(text, fontSize: 1)
        out.element("text", [("x", n(x + barWidth / 2)), ("y", n(labelBottom - 5)), ("font-size", n(min(11, max(8, fit)))),
                             ("text-anchor", "middle"), ("fill", "#222222")], text: text)
        out.close("g")
    }

    private mutating func writeNotes(_ frame: Frame) {
        let top = height - padding - Double(frame.notes.count) * noteFont * 1.3
        for (index, line) in frame.notes.enumerated() {
            out.element("text", [("x", n(padding)), ("y", n(top + noteFont + Double(index) * noteFont * 1.3)),
                                 ("font-size", n(noteFont)), ("fill", "#555555")], text: line)
        }
    }

    private func yPosition(_ value: Double, _ frame: Frame) -> Double {
        let clamped = min(max(value, 0), yMaximum)
        return frame.plotBottom - clamped / yMaximum * (frame.plotBottom - frame.plotTop)
    }

    private func n(_ value: Double) -> String { SVGWriter.number(value) }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation needed).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
