import LotseEvaluation
import Testing

/// Small-cell suppression and the number formats of reports.
@Suite("Report format")
struct ReportFormatTests {
    let english = ReportFormat.english
    let german = ReportFormat.german

    @Test func countsOneToFourAreSuppressed() {
        #expect(english.count(0) == "0")
        #expect((1...4).map { english.count($0) } == ["<5", "<5", "<5", "<5"])
        #expect(english.count(5) == "5")
        #expect(english.count(60000) == "60000")
        #expect(ReportFormat(decimalSeparator: ".", percentSuffix: "%", smallCells: SmallCellRule(threshold: 3)).count(2) == "<3")
    }

    @Test func sharesHideBothSmallEventsAndSmallNonEvents() throws {
        let rule = SmallCellRule.standard
        #expect(rule.verdict(for: try Proportion(events: 0, of: 50)) == .shown)
        #expect(rule.verdict(for: try Proportion(events: 3, of: 50)) == .fewEvents)
        #expect(rule.verdict(for: try Proportion(events: 47, of: 50)) == .fewNonEvents)
        #expect(rule.verdict(for: try Proportion(events: 50, of: 50)) == .shown)
        #expect(rule.verdict(for: try Proportion(events: 3, of: 6)) == .fewEvents)
        #expect(english.share(try Proportion(events: 12, of: 50)) == "24.0%")
        #expect(english.share(try Proportion(events: 3, of: 50)) == "<5")
        #expect(english.share(try Proportion(events: 97, of: 100)) == "≥96.0%")
        #expect(german.share(try Proportion(events: 0, of: 50)) == "0,0 %")
        #expect(rule.upperBound(for: try Proportion(events: 2, of: 50)) == 0.08)
        #expect(rule.upperBound(for: try Proportion(events: 2, of: 3)) == 1)
    }

    @Test func tablesWithASmallCellAreFlagged() throws {
        #expect(SmallCellRule.standard.suppresses(try TwoByTwo(participantEvents: 12, of: 50, comparisonEvents: 5, of: 50)) == false)
        #expect(SmallCellRule.standard.suppresses(try TwoByTwo(participantEvents: 12, of: 50, comparisonEvents: 4, of: 50)))
        #expect(SmallCellRule.standard.suppresses(try TwoByTwo(participantEvents: 48, of: 50, comparisonEvents: 5, of: 50)))
    }

    @Test func percentages() {
        #expect(english.percent(0.1234) == "12.3%")
        #expect(german.percent(0.1234) == "12,3 %")
        #expect(english.percent(0.5, decimals: 0) == "50%")
        #expect(english.percent(-0.00001) == "0.0%")           // no "-0.0"
        #expect(english.percent(-0.042) == "-4.2%")
        #expect(english.percent(.nan) == "–")
    }

    @Test func pValues() {
        #expect(english.pValue(0.0004) == "<0.001")
        #expect(english.pValue(0.000999) == "<0.001")
        #expect(english.pValue(0.001) == "0.001")
        #expect(english.pValue(0.04567) == "0.046")
        #expect(english.pValue(0.48571428571428565) == "0.486")
        #expect(english.pValue(1) == "1.000")
        #expect(english.pValue(6.4e-124) == "<0.001")
        #expect(german.pValue(0.0004) == "<0,001")
        #expect(german.pValue(0.04567) == "0,046")
    }

    @Test func intervals() {
        let ci = ConfidenceInterval(lower: 0.9126904183465645, upper: 6.311011800074389)
        #expect(english.interval(ci) == "[0.91; 6.31]")
        #expect(german.interval(ci) == "[0,91; 6,31]")
        #expect(english.percentInterval(ConfidenceInterval(lower: 0.143, upper: 0.374)) == "[14.3%; 37.4%]")
        #expect(english.number(1.005, decimals: 1) == "1.0")
    }
}
