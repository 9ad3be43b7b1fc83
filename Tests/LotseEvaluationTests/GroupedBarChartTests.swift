import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LotseEvaluation
import Testing

/// The SVG of a grouped bar chart: well-formed, labelled, accessible, with small cells withheld.
@Suite("Grouped bar chart")
struct GroupedBarChartTests {
    func chart() throws -> GroupedBarChart {
        GroupedBarChart(title: "Outcomes after 12 months: participants & comparison", groups: [
            .init("Left benefits", participants: try Proportion(events: 31, of: 120),
                  comparison: try Proportion(events: 15, of: 118)),
            .init("Minijob <450 € & \"marginal\"", participants: try Proportion(events: 9, of: 120),
                  comparison: try Proportion(events: 3, of: 118)),
            .init("Rehabilitationsmaßnahme begonnen (Übergang zur DRV)", participants: try Proportion(events: 116, of: 120),
                  comparison: try Proportion(events: 0, of: 118)),
        ])
    }

    @Test func isWellFormedAndReadable() throws {
        let svg = try chart().svg()
        let document = try #require(SVGDocument(svg))
        #expect(document.root == "svg")
        #expect(document.attributes["svg"]?["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(document.attributes["svg"]?["role"] == "img")
        #expect(document.attributes["svg"]?["width"] == "800")
        #expect(document.texts["title"]?.first == "Outcomes after 12 months: participants & comparison")
        let text = document.allText
        for expected in ["Participants", "Comparison group", "Left benefits", "25.8%", "12.7%", "0%", "100%",
                         "<5", "≥96.7%", "0.0%", "Whiskers: 95% confidence interval (Wilson score)."] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // Labels survive escaping: the parser gives back the original characters.
        #expect(text.contains("Minijob <450 € &"))
        #expect(text.contains("\"marginal\""))
        #expect(text.contains("Übergang"))
        #expect(svg.contains("&amp;") && svg.contains("&lt;450"))
        #expect(!svg.contains("<script") && !svg.contains("@font-face") && !svg.contains("href"))
        // Every id is unique.
        #expect(Set(document.ids).count == document.ids.count)
    }

    @Test func describesEveryValueButNoSmallCell() throws {
        // 95% CI: binomtest(31, 120).proportion_ci(method='wilson') = (0.18837…, 0.34328…)
        let document = try #require(SVGDocument(try chart().svg()))
        let description = try #require(document.texts["desc"]?.first)
        #expect(description.contains("Left benefits: Participants 25.8% (31 of 120), 95% CI [18.8%; 34.3%]"))
        #expect(description.contains("Comparison group <5 of 118"))
        #expect(description.contains("Participants ≥96.7% of 120"))
        #expect(!description.contains("3 of 118") && !description.contains("116"))
    }

    @Test func withheldBarsAreHatchedAndHaveNoWhiskers() throws {
        let svg = try chart().svg()
        // Two withheld bars, one per series pattern; six bars, four with whiskers.
        #expect(svg.components(separatedBy: "url(#chart-hatch-").count - 1 == 2)
        #expect(svg.components(separatedBy: "<path d=").count - 1 == 4)
    }

    @Test func germanCaptionsAndFormat() throws {
        var chart = try chart()
        chart.captions = .german
        chart.format = .german
        chart.identifier = "abb 1"
        let document = try #require(SVGDocument(chart.svg()))
        let text = document.allText
        for expected in ["Teilnehmende", "Vergleichsgruppe", "25,8 %", "100 %", "weniger als 5 Fälle"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(document.ids.contains("abb1-title"))
    }

    @Test func sizeAndAxisFollowTheSettings() throws {
        var chart = try chart()
        chart.width = 480
        chart.height = 320
        chart.yMaximum = 0.5
        chart.showsErrorBars = false
        let svg = chart.svg()
        let document = try #require(SVGDocument(svg))
        #expect(document.attributes["svg"]?["viewBox"] == "0 0 480 320")
        #expect(document.allText.contains("50%") && !document.allText.contains("60%"))
        #expect(!svg.contains("<path d="))
        #expect(!document.allText.contains("Whiskers"))
    }

    @Test func emptyChartIsStillAValidDocument() {
        let svg = GroupedBarChart(title: "Nothing yet", groups: []).svg()
        #expect(SVGDocument(svg) != nil)
    }
}

/// What Foundation's XMLParser reads from an SVG document: text per element, attributes of the
/// first element of each name, and every `id`. Nil when the text is not well-formed XML.
struct SVGDocument {
    var root = ""
    var texts: [String: [String]] = [:]
    var attributes: [String: [String: String]] = [:]
    var ids: [String] = []
    var allText: String { texts.values.flatMap { $0 }.joined(separator: "\n") }

    init?(_ text: String) {
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader()
        parser.delegate = reader
        guard parser.parse() else { return nil }
        root = reader.root
        texts = reader.texts
        attributes = reader.attributes
        ids = reader.ids
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root = ""
        var texts: [String: [String]] = [:]
        var attributes: [String: [String: String]] = [:]
        var ids: [String] = []
        var stack: [(name: String, text: String)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
            if root.isEmpty { root = name }
            if attributes[name] == nil { attributes[name] = attributeDict }
            if let id = attributeDict["id"] { ids.append(id) }
            stack.append((name, ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { texts[name, default: []].append(text) }
        }
    }
}
