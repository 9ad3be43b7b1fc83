import Foundation

/// How numbers appear in report text, tables and charts, so that every place formats them alike:
/// counts with small-cell suppression, percentages, p-values and intervals.
///
///     ReportFormat.english.count(3)            // "<5"
///     ReportFormat.english.percent(0.1234)     // "12.3%"
///     ReportFormat.german.percent(0.1234)      // "12,3 %"
///     ReportFormat.english.pValue(0.0004)      // "<0.001"
///     ReportFormat.english.pValue(0.04567)     // "0.046"
///
/// Numbers are rounded half away from zero on their binary value (C `printf`); a value that rounds
/// to zero has no minus sign; non-finite values print as "–". Thousands are not grouped.
public struct ReportFormat: Sendable, Hashable {
    /// The decimal separator: "." or ",".
    public var decimalSeparator: String
    /// What follows a percentage: "%" (English) or " %" (German, DIN 5008).
    public var percentSuffix: String
    /// The disclosure rule applied to counts and shares.
    public var smallCells: SmallCellRule

    /// Creates a format.
    /// - Parameters:
    ///   - decimalSeparator: "." or ",".
    ///   - percentSuffix: "%" or " %".
    ///   - smallCells: the disclosure rule; ``SmallCellRule/standard`` by default.
    public init(decimalSeparator: String, percentSuffix: String, smallCells: SmallCellRule = .standard) {
        self.decimalSeparator = decimalSeparator
        self.percentSuffix = percentSuffix
        self.smallCells = smallCells
    }

    /// "12.3%", "<0.001".
    public static let english = ReportFormat(decimalSeparator: ".", percentSuffix: "%")
    /// "12,3 %", "<0,001".
    public static let german = ReportFormat(decimalSeparator: ",", percentSuffix: " %")

    /// A count, suppressed when it is 1–4: `0`, `<5`, `17`.
    public func count(_ value: Int) -> String {
        smallCells.suppresses(value) ? "<\(smallCells.threshold)" : String(value)
    }

    /// A number with a fixed number of decimals: `1.53`.
    public func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), text.allSatisfy({ "-0.".contains($0) }) { text.removeFirst() }
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
    }

    /// A fraction as a percentage: 0.1234 → `12.3%`.
    public func percent(_ fraction: Double, decimals: Int = 1) -> String {
        guard fraction.isFinite else { return "–" }
        return number(fraction * 100, decimals: decimals) + percentSuffix
    }

    /// A proportion as a percentage with suppression: `12.3%`; `<5` for 1–4 events; for 1–4
    /// members without the event only the lower bound, `≥96.0%` (of 100).
    public func share(_ proportion: Proportion, decimals: Int = 1) -> String {
        switch smallCells.verdict(for: proportion) {
        case .shown: percent(proportion.value, decimals: decimals)
        case .fewEvents: "<\(smallCells.threshold)"
        case .fewNonEvents: "≥" + percent(smallCells.lowerBoundForFewNonEvents(proportion), decimals: decimals)
        }
    }

    /// A p-value: `<0.001` below 0.001, otherwise three decimals (`0.046`, `1.000`).
    public func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        return p < 0.001 ? "<" + number(0.001, decimals: 3) : number(p, decimals: 3)
    }

    /// An interval: `[0.85; 1.42]` (the semicolon works with either decimal separator).
    public func interval(_ interval: ConfidenceInterval, decimals: Int = 2) -> String {
        "[" + number(interval.lower, decimals: decimals) + "; " + number(interval.upper, decimals: decimals) + "]"
    }

    /// An interval of fractions as percentages: `[14.3%; 37.4%]`.
    public func percentInterval(_ interval: ConfidenceInterval, decimals: Int = 1) -> String {
        "[" + percent(interval.lower, decimals: decimals) + "; " + percent(interval.upper, decimals: decimals) + "]"
    }
}
