import Foundation
import Testing
import LotseXPath
@testable import LotseForms

/// The pyxform-generated fixture (Fixtures/fixture.md → fixture.xml, pyxform 4.5) behaves as
/// ODK Collect would: relevance, required, constraint messages in both languages, calculates.
@Suite struct FixtureBehaviourTests {
    static let form: FormDefinition = {
        let result = FormReader.read(fileAt: Paths.fixtures + "/fixture.xml", name: "fixture.xml")
        precondition(result.isClean, result.diagnostics.map(\.description).joined(separator: "\n"))
        return result.definition!
    }()

    /// 2026-11-25 13:00 in Berlin.
    static let clock = XPathClock.fixed(Date(timeIntervalSince1970: 1_795_608_000), timeZone: TimeZone(identifier: "Europe/Berlin")!)

    func fresh() -> FormInstance {
        FormInstance(definition: Self.form, environment: FormEnvironment(clock: Self.clock, makeUUID: { "0000-test" }))
    }

    func field(_ name: String) -> Field { try! Self.form.resolveField(name) }

    @Test func loadsWithItsStructure() {
        let form = Self.form
        #expect(form.id == "fixture" && form.version == "2026.1" && form.title == "Testformular")
        #expect(form.languages.map(\.code) == ["de", "en"])
        #expect(form.field(at: ["data", "diagnosis"])?.isMedical == true)
        #expect(form.fields.filter(\.isMedical).map(\.name) == ["diagnosis"])
        #expect(field("intro").isNote && field("summary").isNote)
        #expect(field("limits").type == .select && field("employed").type == .select1)
        #expect(field("hours").type == .int && field("max_lifting_kg").type == .decimal)
        #expect(form.choices(of: field("limits"), language: "en").map(\.label)
            == ["lifting and carrying", "standing for long", "night work"])
    }

    @Test func freshInstanceHasPreloadAndCalculates() {
        let instance = fresh()
        #expect(instance.value(of: field("instanceID")) == "uuid:0000-test")
        #expect(instance.value(of: field("limit_count")) == "0")
        #expect(instance.value(of: field("limited")) == "no")
        #expect(!instance.isRelevant(field("hours")))
        #expect(!instance.isRelevant(field("employer")))
        #expect(!instance.isRelevant(field("max_lifting_kg")))  // inside the non-relevant group
        #expect(instance.isRequired(field("visit_date")))
        #expect(!instance.isRequired(field("hours")))             // required only where relevant
    }

    @Test func relevanceFollowsAnswers() throws {
        let instance = fresh()
        try instance.set(field("employed"), to: "yes")
        #expect(instance.isRelevant(field("hours")) && instance.isRequired(field("hours")))
        #expect(!instance.isRelevant(field("employer")))           // relevant once hours has a value
        try instance.set(field("hours"), to: "20")
        #expect(instance.isRelevant(field("employer")))
        try instance.set(field("employed"), to: "no")
        #expect(!instance.isRelevant(field("hours")))
        #expect(!instance.isRelevant(field("employer")))           // hours reads as empty now
        #expect(instance.value(of: field("hours")) == "")
        try instance.set(field("employed"), to: "yes")
        #expect(instance.value(of: field("hours")) == "20")         // kept while filling
    }

    @Test func calculateOnCalculateAndGroupRelevance() throws {
        let instance = fresh()
        try instance.set(field("limits"), to: "lifting night")
        #expect(instance.value(of: field("limit_count")) == "2")
        #expect(instance.value(of: field("limited")) == "yes")
        #expect(instance.isRelevant(field("details")) && instance.isRelevant(field("max_lifting_kg")))
        #expect(instance.text(field("summary").label, for: field("summary"), language: "de") == "Anzahl der Einschränkungen: 2")
        try instance.set(field("limits"), to: "")
        #expect(instance.value(of: field("limited")) == "no")
        #expect(!instance.isRelevant(field("remarks")))
    }

    @Test func constraintMessagesInBothLanguages() throws {
        let instance = fresh()
        try instance.set(field("employed"), to: "yes")
        let de = try instance.set(field("hours"), to: "70", language: "de")
        #expect(de == FieldProblem(field: "hours", kind: .constraint, message: "Bitte 1 bis 60 Stunden angeben."))
        #expect(instance.problem(of: field("hours"), language: "en")?.message == "Enter 1 to 60 hours.")
        let future = try instance.set(field("visit_date"), to: "2026-11-26", language: "en")
        #expect(future?.message == "The date must not be in the future.")
        #expect(try instance.set(field("visit_date"), to: "2026-11-25") == nil)   // today is allowed
        try instance.set(field("limits"), to: "standing")
        #expect(try instance.set(field("max_lifting_kg"), to: "12,5") == nil)      // decimal comma
        #expect(instance.value(of: field("max_lifting_kg")) == "12.5")
        #expect(try instance.set(field("max_lifting_kg"), to: "51")?.message == "Bitte 0 bis 50 kg angeben.")
    }

    @Test func typeAndChoiceErrors() throws {
        let instance = fresh()
        #expect(try instance.set(field("visit_date"), to: "25.11.2026")?.kind == .type)
        #expect(try instance.set(field("employed"), to: "maybe")?.message.contains("ungültige Auswahl maybe") == true)
        #expect(try instance.set(field("limits"), to: "lifting lifting")?.kind == .type)
        #expect(throws: FormError.self) { try instance.set(field("limit_count"), to: "3") }
        #expect(throws: FormError.self) { try instance.set(field("intro"), to: "x") }
    }

    @Test func validationNamesEveryBadFieldAndClearsNonRelevant() throws {
        let instance = fresh()
        try instance.set([("employed", "yes"), ("hours", "99"), ("visit_date", "2030-01-01")])
        let problems = instance.validate(language: "en")
        #expect(problems.map(\.description) == [
            "visit_date: The date must not be in the future.",
            "hours: Enter 1 to 60 hours.",
        ])
        try instance.set([("employed", "no"), ("visit_date", "2026-11-01")])
        #expect(instance.validate().isEmpty)
        let xml = instance.xml()
        #expect(xml.contains("<hours/>") || xml.contains("<hours></hours>"))   // not relevant: cleared
        #expect(xml.contains("<visit_date>2026-11-01</visit_date>"))
        #expect(xml.contains("<data id=\"fixture\" version=\"2026.1\">"))
    }

    @Test func requiredMessagesAndRoundTrip() throws {
        let instance = fresh()
        #expect(instance.validate(language: "de").map(\.description)
            == ["visit_date: Bitte das Datum angeben.", "employed: Bitte eine Auswahl treffen."])
        try instance.set([("visit_date", "2026-11-20"), ("employed", "yes"), ("hours", "30"), ("employer", "Stadtwerke"),
                          ("limits", "night"), ("remarks", "keine")])
        let again = fresh()
        try again.load(instance.element())
        #expect(again.validate().isEmpty)
        #expect(again.value(of: field("remarks")) == "keine" && again.value(of: field("limited")) == "yes")
        #expect(again.xml() == instance.xml())
    }
}
