import Foundation
import Testing
@testable import LotseForms

/// The repository's folders, found from this file.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let forms = root.appendingPathComponent("Forms").path
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
}

@Suite struct FormSetTests {
    static let expectedIDs = ["capacity", "case_conference", "closure", "consent", "contact", "follow_up",
                              "health_questionnaire", "interface", "medical_findings", "medical_statement", "objection",
                              "observation", "placement", "plan", "profiling", "referral", "step", "transfer"]

    @Test func everyFormLoadsWithoutDiagnostics() {
        let library = FormLibrary(directory: Paths.forms, displayPrefix: "Forms")
        #expect(library.diagnostics.map(\.description) == [])
        #expect(library.sorted.map(\.id) == Self.expectedIDs)
    }

    @Test func everyFormHasGermanAndEnglishLabels() {
        let library = FormLibrary(directory: Paths.forms)
        for form in library.sorted {
            #expect(Set(form.languages.map(\.code)) == ["de", "en"], "\(form.id)")
            #expect(form.defaultLanguage == "de")
            for field in form.questions {
                let de = form.text(field.label, language: "de")
                let en = form.text(field.label, language: "en")
                #expect(de != nil && en != nil && de != "" && en != "", "\(form.id) \(field.name)")
            }
        }
    }

    /// Every shipped form has its title in both languages (itext `form_title`, written by
    /// Forms/xlsform/titles.py): the German is `<h:title>`, the English is a translation.
    @Test func everyFormHasAGermanAndAnEnglishTitle() {
        let library = FormLibrary(directory: Paths.forms)
        for form in library.sorted {
            #expect(form.texts["de"]?["form_title"] != nil && form.texts["en"]?["form_title"] != nil, "\(form.id)")
            #expect(form.title(language: "de") == form.title, "\(form.id)")
            #expect(!form.title(language: "en").isEmpty && form.title(language: "en") != form.title, "\(form.id)")
        }
    }

    @Test func medicalFormsAreMedicalAndOthersOpen() {
        let library = FormLibrary(directory: Paths.forms)
        for form in library.sorted {
            let expected: FormAccess = ["health_questionnaire", "medical_findings"].contains(form.id) ? .medical : .open
            #expect(form.access == expected, "\(form.id)")
        }
    }
}
