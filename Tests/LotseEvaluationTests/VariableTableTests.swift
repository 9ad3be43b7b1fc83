import Foundation
import LotseCases
@testable import LotseEvaluation
import LotseForms
import LotseStore
import LotseTestSupport
import Testing

/// The declarative table of `EvaluationVariables` against the shipped forms and workflows:
/// what it expands to is well-formed, and everything it names exists where the export reads it.
@Suite("Variable table")
struct VariableTableTests {
    static let definitions = DefinitionSet(directory: TestLotse.repository)

    @Test func namesAreUniqueAndReadableByEveryPackage() {
        let names = EvaluationVariables.all(Self.definitions).map(\.name)
        #expect(Set(names).count == names.count, "\(Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys)")
        for name in names {
            let plain = name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
            #expect(name.first?.isLetter == true && plain, "\(name)")
        }
    }

    @Test func everyTemplateIsFilledIn() {
        for v in EvaluationVariables.all(Self.definitions) {
            for text in [v.name, v.labelDE, v.labelEN, v.source] {
                #expect(!text.contains("{") && !text.contains("}") && !text.isEmpty, "\(v.name): \(text)")
            }
        }
    }

    @Test func everyCodedVariableHasCodesAndEveryFlagIsZeroOrOne() {
        for v in EvaluationVariables.all(Self.definitions) {
            switch v.kind {
            case .code:
                #expect(!v.codes.isEmpty, "\(v.name) has no codes")
                #expect(Set(v.codes.map(\.code)).count == v.codes.count, "\(v.name) repeats a code")
                #expect(v.codes.allSatisfy { !$0.de.isEmpty && !$0.en.isEmpty }, "\(v.name) has a code without a label")
            case .flag: #expect(v.codes.map(\.code) == ["0", "1"], "\(v.name)")
            default: #expect(v.codes.isEmpty, "\(v.name) is \(v.kind) but has codes")
            }
        }
    }

    /// Every field a rule reads is a field of an open form, under the path the stored values
    /// use, and among the values kept beside each submission (`EvaluationFields`), the only
    /// values the export reads: a field missing there would export as empty without a word.
    @Test func everySourceResolvesAgainstTheShippedForms() throws {
        let forms = Self.definitions.forms
        var read: Set<String> = []
        for spec in EvaluationVariables.table.flatMap(\.specs) {
            for (form, field) in spec.value.reads {
                read.insert(form)
                let definition = try #require(forms[form], "\(spec.name) reads form \(form), which is not shipped")
                #expect(definition.access == .open, "\(spec.name) reads \(form), which not everyone may read")
                guard let field else { continue }
                let resolved = try? definition.resolveField(field)
                #expect(resolved?.relativePath == field, "\(spec.name) reads \(form)/\(field), which the form does not have")
                #expect(EvaluationFields.fields[form]?.contains(field) == true,
                        "\(spec.name) reads \(form)/\(field), which is not kept in submission_values")
            }
        }
        #expect(read == EvaluationVariables.sourceForms)
        #expect(!read.isEmpty)
    }

    /// Codes and families taken from a field's choices name a choice field with choices.
    @Test func everyChoiceListResolves() {
        func check(_ what: String, _ form: String, _ field: String) {
            let definition = Self.definitions.forms[form]
            let resolved = try? definition?.resolveField(field)
            #expect(resolved != nil, "\(what): \(form)/\(field) is not a field of the shipped forms")
            #expect(!EvaluationVariables.codes(form, field, Self.definitions).isEmpty, "\(what): \(form)/\(field) has no choices")
        }
        for entry in EvaluationVariables.table {
            if case let .each(.choices(form, field), _) = entry { check("family", form, field) }
            for spec in entry.specs {
                if case let .choices(form, field) = spec.codes { check(spec.name, form, field) }
            }
        }
    }

    /// A family has a variable per member: the target groups of the referral, the states of the
    /// workflows, the observation time points.
    @Test func familiesExpandPerMember() {
        let names = EvaluationVariables.all(Self.definitions).map(\.name)
        let groups = EvaluationVariables.codes("referral", "target_groups", Self.definitions).map(\.code)
        #expect(names.filter { $0.hasPrefix("tg_") } == groups.map { "tg_" + $0 })
        let states = EvaluationVariables.states(Self.definitions).map(\.id)
        #expect(names.filter { $0.hasPrefix("entered_") } == states.map { "entered_" + $0 })
        #expect(states.contains("integration_steps") && states.contains("observation"))
        for (at, _) in ObservationWindow.points {
            #expect(names.contains("observed_\(at)") && names.contains("integrated_\(at)") && names.contains("minijob_\(at)"))
        }
    }

    /// A filled-in template takes the member's words as they are, even braces.
    @Test func fillingInReadsEachPlaceholderOnce() {
        let spec = EvaluationVariables.Spec("x_{key}", de: "{de}", en: "{en} {form}", .flag, value: .site, source: "{name}")
        let member = Variable.Member(key: "k", name: "{en}", de: "{key}", en: "E", form: "f")
        let variable = spec.variable(Self.definitions, member)
        #expect(variable.name == "x_k" && variable.labelDE == "{key}" && variable.labelEN == "E f" && variable.source == "{en}")
    }
}
