/// A grouped bar chart of binary indicators, participants against the comparison group, written
/// as a self-contained SVG document (``svg()``).
///
/// One group of two bars per indicator; the y axis is a share from 0 to ``yMaximum`` (100 % by
/// default) with gridlines; each bar carries its value; whiskers show the 95 % Wilson interval.
/// Small cells follow ``ReportFormat/smallCells``: a withheld share is drawn as a hatched bar up to
/// the largest value it could have (``SmallCellRule/upperBound(for:)``) and labelled `<5` (or
/// `≥96.0%` when fewer than 5 lack the outcome), without whiskers, so neither its height nor its
/// interval reveals the count. The bars are built from counts, not from percentages, so a chart
/// cannot show a small cell by mistake.
///
/// The SVG has a `<title>` and a `<desc>` listing every value (for screen readers), a tooltip
/// `<title>` on every bar, no scripts, no external fonts or images, and escapes all text.
///
///     var chart = GroupedBarChart(title: "Outcomes 12 months after case start", groups: [
///         .init("Left benefits", participants: try Proportion(events: 31, of: 120),
///                                comparison: try Proportion(events: 15, of: 118)),
///     ])
///     chart.captions = .german
///     chart.format = .german
///     let text = chart.svg()
public struct GroupedBarChart: Sendable, Hashable {
    /// One indicator: a label on the x axis and the two proportions.
    public struct Group: Sendable, Hashable {
        /// The indicator's name on the x axis; wrapped onto up to three lines. A newline forces a break.
        public var label: String
        /// The participants' events of n.
        public var participants: Proportion
        /// The comparison group's events of n.
        public var comparison: Proportion

        /// Creates a group.
        /// - Parameters:
        ///   - label: the indicator's name.
        ///   - participants: the participants' events of n.
        ///   - comparison: the comparison group's events of n.
        public init(_ label: String, participants: Proportion, comparison: Proportion) {
            self.label = label
            self.participants = participants
            self.comparison = comparison
        }
    }

    /// The words of the chart other than the title and the indicator names, so that a report can be
    /// German or English. `{threshold}` in ``suppressed`` is replaced by the small-cell threshold.
    public struct Captions: Sendable, Hashable {
        /// The first series (group A).
        public var participants: String
        /// The second series (group B).
        public var comparison: String
        /// The y axis title, or nil for none.
        public var yAxis: String?
        /// The footnote on whiskers.
        public var errorBars: String
        /// The legend entry and footnote on withheld values.
        public var suppressed: String
        /// The word between events and n in tooltips: "12 of 50".
        public var of: String
        /// The name of the interval in tooltips: "95% CI".
        public var interval: String

        /// Creates captions.
        public init(participants: String, comparison: String, yAxis: String?, errorBars: String,
                    suppressed: String, of: String, interval: String) {
            self.participants = participants
            self.comparison = comparison
            self.yAxis = yAxis
            self.errorBars = errorBars
            self.suppressed = suppressed
            self.of = of
            self.interval = interval
        }

        /// English captions.
        public static let english = Captions(
            participants: "Participants", comparison: "Comparison group", yAxis: "Share of group",
            errorBars: "Whiskers: 95% confidence interval (Wilson score).",
            suppressed: "Hatched: fewer than {threshold} cases with (<{threshold}) or without (≥) the outcome; value withheld.",
            of: "of", interval: "95% CI")

        /// German captions.
        public static let german = Captions(
            participants: "Teilnehmende", comparison: "Vergleichsgruppe", yAxis: "Anteil an der Gruppe",
            errorBars: "Fehlerbalken: 95-%-Konfidenzintervall (Wilson-Score).",
            suppressed: "Schraffiert: weniger als {threshold} Fälle mit (<{threshold}) oder ohne (≥) das Merkmal; Wert nicht ausgewiesen.",
            of: "von", interval: "95-%-KI")
    }

    /// The chart's title, shown on top and as the SVG `<title>`.
    public var title: String
    /// The SVG `<desc>`; nil to generate one that lists every value.
    public var summary: String?
    /// The indicators, left to right.
    public var groups: [Group]
    /// Series names and notes.
    public var captions: Captions = .english
    /// Number format and small-cell rule.
    public var format: ReportFormat = .english
    /// Width in pixels (at least 320).
    public var width: Int = 800
    /// Height in pixels (at least 240).
    public var height: Int = 480
    /// Whether to draw the 95 % Wilson interval of every shown bar.
    public var showsErrorBars = true
    /// The top of the y axis as a fraction, in (0, 1]; 1 is 100 %. Taller bars are cut off at the
    /// top and keep their label.
    public var yMaximum = 1.0
    /// The prefix of every `id` in the document, so that several charts can share an HTML page.
    public var identifier = "chart"

    /// Creates a chart with the default captions, format and size.
    /// - Parameters:
    ///   - title: the title.
    ///   - groups: the indicators, left to right.
    public init(title: String, groups: [Group]) {
        self.title = title
        self.groups = groups
    }

    /// The series colours: Okabe–Ito blue and orange, distinguishable with colour-vision deficiencies.
    static let colours = ["#0072B2", "#E69F00"]
}
