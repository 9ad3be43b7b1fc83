import Foundation
import Testing
@testable import LotseShell
import LotseCases
import LotseTestSupport
import LotseForms
import LotseWorkflow

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
            #expect(de.hasPrefix("Aufruf: \(command.usage.de)") && en.hasPrefix("usage: \(command.usage.en)"), "\(command.name)")
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

/// The typed reasons of the lower layers (their wording is exhaustive by the compiler): each one's
/// German differs from its English, which is the layer's own description.
@Suite struct ReasonWordingTests {
    @Test func everyOfficeReasonHasItsGerman() {
        let reasons: [OfficeReason] = [
            .randomisedTo(group: "participant"), .inPool(site: "b"), .comparisonOnlyByRandomise,
            .observationExists(at: "6m", submission: 3, entry: 1, caseID: 2),
            .outsideWindow(at: "6m", from: "2026-04-10", to: "2026-07-09", caseStart: "2025-11-25", months: "6",
                           reference: "2026-05-25", tolerance: 45, date: "2026-01-01"),
            .healthFormNeedsMedical, .entriesInOtherStates(form: "contact", here: []), .noEntry(caseID: 1, entry: 4),
            .notRepeatable, .healthForm("health_questionnaire", reading: true), .healthForm("x", reading: false),
            .accountWasDisabled, .roleOrSiteChanged, .accountGone, .passwordTooShort(10), .passwordContainsName,
            .noRepeats(form: "plan"), .medicalForm(form: "medical_findings"), .assigneeRole,
            .assigneeSite(site: "b", user: "bea", sites: ["a"]), .reasonInWords, .seedFromSetup, .seedFromSource,
            .ratioParts, .blockSizes, .blockMultiple(2), .eachVariableOnce, .approvalInWords, .yearRange(1926, 2012),
            .noSiteToRemove(user: "bea"), .csv("text after a closing quote"), .emptyFile(header: ["case", "at"]),
            .badHeader(expected: ["case"], found: ["x"]), .fieldCount(found: 2, expected: 3), .notACase("x"),
            .repeatedRow(caseID: 1, at: "6m", firstLine: 2), .invalidFields(caseID: 1, []),
            .refused(.caseClosed(1)), .noRows,
        ]
        for reason in reasons {
            #expect(reason.wording.en == reason.description)
            CatalogueTests.check(reason.wording, "\(reason)")
        }
        #expect(OfficeReason.oneOf(["m", "w"]).wording == .verbatim("m, w"))
        #expect(ImportProblem(line: 7, .noRows).wording.de == "Zeile 7: keine Zeilen unter der Kopfzeile")
        let states: [ConsentState] = [.notRecorded, .refused, .revoked(on: "2026-05-02"),
                                      .covers(date: "2026-01-10", purposes: ["evaluation"])]
        for state in states { CatalogueTests.check(state.wording, "\(state)") }
    }

    @Test func everyFormReasonHasItsGerman() {
        let reasons: [FormError.Reason] = [
            .isGroup, .isNote, .isCalculated, .isPreloaded, .isReadOnly, .countSetByForm, .noneCanBeAdded,
            .noOuterInstance, .notRelevantNow, .mostInstances(1000), .noTemplate, .noSuchInstance,
            .instancesSetByForm(name: "visit", count: 1, byCount: true), .nextInstance(name: "member", count: 2),
            .instanceNumberSyntax(maximum: 1000), .notARepeat("visits"), .otherRoot(document: "x", form: "data"),
            .otherForm(document: "plan", form: "transfer"), .noField(form: "plan", path: "x"),
            .tooManyInstances(path: "member", maximum: 1000), .twiceButNoRepeat(path: "goal"),
        ]
        for reason in reasons {
            #expect(reason.wording.en == reason.description)
            CatalogueTests.check(reason.wording, "\(reason)")
        }
        let error = FormError.repeatInstance("member[3]/name", .nextInstance(name: "member", count: 1))
        #expect(error.description == "member[3]/name: member has 1 instance here; the next one is member[2]")
        #expect(error.wording.de == "member[3]/name: member hat hier 1 Instanz; die nächste ist member[2]")
    }
}
