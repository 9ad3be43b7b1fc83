import Foundation
import Testing
@testable import LotseShell
import LotseCases
import LotseTestSupport

/// The shell speaks German and English: every entry of the message catalogue and of the command
/// table has both sides, and the two differ where a translation is expected.
@Suite struct CatalogueTests {
    /// Words spelled the same in both languages, allowed as identical pairs.
    static let sameInBoth: Set<String> = ["Workflows", "Evaluation", "relevant", "Status", "Variable", "Version", "Name",
                                          "Block", "Code", "Hash", "Position", "Pseudonym", "Workflow"]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LotseShell")

    /// A pair that must be a translation: both sides non-empty and different.
    static func check(_ wording: Wording, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!wording.de.isEmpty && !wording.en.isEmpty, "\(place): a side is missing", sourceLocation: sourceLocation)
        #expect(wording.de != wording.en || sameInBoth.contains(wording.de),
                "\(place): German and English are the same: \(wording.de)", sourceLocation: sourceLocation)
    }

    @Test func everyCommandHasItsHelpInBothLanguages() throws {
        let lotse = try TestLotse(language: "en")
        let german = Shell(office: lotse.office, console: CapturingConsole(), interactive: false, language: "de")
        let english = Shell(office: lotse.office, console: CapturingConsole(), interactive: false, language: "en")
        #expect(german.commands.count > 60)
        for command in german.commands {
            Self.check(command.summary, "summary of \(command.name)")
            if !command.details.isEmpty { Self.check(command.details, "details of \(command.name)") }
            #expect(command.details.de.isEmpty == command.details.en.isEmpty, "details of \(command.name)")
            for option in command.options { Self.check(option.help, "\(command.name) --\(option.name)") }
            let de = try german.helpText(for: command.path), en = try english.helpText(for: command.path)
            #expect(de.hasPrefix("Aufruf: \(command.usage)") && en.hasPrefix("usage: \(command.usage)"), "\(command.name)")
            #expect(de.contains(command.summary.de) && en.contains(command.summary.en))
            for option in command.options { #expect(de.contains(option.help.de) && en.contains(option.help.en)) }
        }
        for group in CommandGroup.allCases { Self.check(group.title, "group \(group)") }
        let de = try german.helpText(for: []), en = try english.helpText(for: [])
        #expect(de.hasPrefix("Befehle") && de.contains("Exit-Codes: 0") && !de.contains("Exit codes"))
        #expect(en.hasPrefix("Commands") && en.contains("Exit codes: 0"))
        Self.check(Wording(de: LaunchOptions.usage(.de), en: LaunchOptions.usage(.en)), "lotse --help")
    }

    @Test func everyListingColumnHasAHeading() throws {
        // Every column id a shell listing names (literal lists in the sources) is in the catalogue.
        var used: Set<String> = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path).filter { $0.hasSuffix(".swift") }
        let list = try Regex(#"(?:Listing\(columns: |columns = |columns \+= |columns\.append\()\[?([^\]\)]*)"#)
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: list) {
                let names = String(text[match.range]).matches(of: try Regex(#""([a-z_0-9]+)""#))
                for name in names { used.insert(String(String(text[match.range])[name.range]).trimmingCharacters(in: ["\""])) }
            }
        }
        #expect(used.count > 50)
        #expect(used.subtracting(ColumnTitle.keys) == [])
        for key in ColumnTitle.keys {
            let wording = ColumnTitle.wording(key)
            #expect(wording.en == key)
            Self.check(wording, "column \(key)")
        }
        // A table shows the headings in the session's language; CSV and JSON keep the ids.
        let listing = Listing(columns: ["case", "state"], rows: [[.int(1), .text("intake")]])
        #expect(listing.render(.table, language: .de).hasPrefix("Fall  Zustand\n"))
        #expect(listing.render(.table, language: .en).hasPrefix("case  state\n"))
        #expect(listing.render(.csv, language: .de).hasPrefix("case,state\r\n"))
        #expect(listing.render(.table, width: 80, language: .de).hasSuffix("(1 Zeile)\n"))
    }

    /// Every literal pair `Wording(de: "…", en: "…")` in the shell's sources is a translation.
    @Test func everyLiteralPairOfTheCatalogueIsATranslation() throws {
        let pair = try Regex(#"Wording\(de: "((?:[^"\\]|\\.)*)",\s*en: "((?:[^"\\]|\\.)*)"\)"#)
        var count = 0
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path).filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pair) {
                guard let de = match.output[1].substring, let en = match.output[2].substring else { continue }
                count += 1
                if de.isEmpty && en.isEmpty { continue }  // Wording.empty
                Self.check(Wording(de: String(de), en: String(en)), file)
            }
        }
        #expect(count > 250)
    }
}
