public import LotseCases
import LotseForms
import LotseWorkflow

/// How the table of `EvaluationVariables` is written and expanded into variables.
extension EvaluationVariables {
    /// One entry of the table: a variable of its own, or a family of variables expanded per member.
    enum Entry: Sendable {
        case one(Spec)
        /// For each member in order, each of the specs in order.
        case each(Family, [Spec])

        /// The specs of the entry.
        var specs: [Spec] {
            switch self {
            case let .one(spec): [spec]
            case let .each(_, specs): specs
            }
        }

        /// The entry's variables for the definitions in force.
        func expanded(_ definitions: DefinitionSet) -> [Variable] {
            switch self {
            case let .one(spec): [spec.variable(definitions, .none)]
            case let .each(family, specs):
                family.members(definitions).flatMap { member in specs.map { $0.variable(definitions, member) } }
            }
        }
    }

    /// What a family runs over; each member fills the family's templates (`Variable.Member`).
    enum Family: Sendable {
        /// The choices of a field, in the form's order: key and name the code, `{de}`/`{en}` its labels.
        case choices(form: String, field: String)
        /// The states of every workflow (`states`): key and name the state's id, `{de}`/`{en}` its labels.
        case states
        /// The observation time points (`ObservationWindow.points`): key and name `6m`, `{de}`/`{en}` the months.
        case timePoints
        /// The repeats the export counts (`repeatColumns`): `{form}` the form, `{de}`/`{en}` the
        /// path below the root (`a/b`), name `form_a_b`, key the count's `#a/b`.
        case repeats

        func members(_ definitions: DefinitionSet) -> [Variable.Member] {
            switch self {
            case let .choices(form, field):
                EvaluationVariables.codes(form, field, definitions).map {
                    Variable.Member(key: $0.code, name: $0.code, de: $0.de, en: $0.en)
                }
            case .states:
                EvaluationVariables.states(definitions).map { Variable.Member(key: $0.id, name: $0.id, de: $0.de, en: $0.en) }
            case .timePoints:
                ObservationWindow.points.map {
                    Variable.Member(key: $0.at, name: $0.at, de: String($0.months), en: String($0.months))
                }
            case .repeats:
                EvaluationVariables.repeatColumns(definitions).map { form, path in
                    let shown = path.joined(separator: "/")
                    return Variable.Member(key: "#" + shown, name: ([form] + path).joined(separator: "_"), de: shown,
                                           en: shown, form: form)
                }
            }
        }
    }

    /// Where a variable's codes come from.
    enum Codes: Sendable {
        /// No codes (a flag gets 0 = no, 1 = yes).
        case none
        /// The choices of a form's field, with their German and English labels.
        case choices(form: String, field: String)
        /// The workflows' states (`states`).
        case states
        /// Codes of Lotse's own.
        case fixed([Variable.Code])

        func resolved(_ definitions: DefinitionSet) -> [Variable.Code] {
            switch self {
            case .none: []
            case let .choices(form, field): EvaluationVariables.codes(form, field, definitions)
            case .states: EvaluationVariables.states(definitions).map { .init(code: $0.id, de: $0.de, en: $0.en) }
            case let .fixed(codes): codes
            }
        }
    }

    /// A variable as the table declares it; within a family its name, labels and source are
    /// templates with the member's words (`{key}`, `{name}`, `{de}`, `{en}`, `{form}`).
    struct Spec: Sendable {
        var name: String
        var de: String
        var en: String
        var kind: Variable.Kind
        var codes: Codes
        var value: Variable.Value
        /// Its provenance, as the codebook prints it.
        var source: String
        /// An outcome: left empty for a case without a legal basis for the evaluation.
        var outcome: Bool

        init(_ name: String, de: String, en: String, _ kind: Variable.Kind, codes: Codes = .none, value: Variable.Value,
             source: String, outcome: Bool = false) {
            (self.name, self.de, self.en, self.kind, self.codes) = (name, de, en, kind, codes)
            (self.value, self.source, self.outcome) = (value, source, outcome)
        }

        /// A field of a form's current submission, its codes the field's choices when it is coded.
        static func field(_ name: String, de: String, en: String, _ kind: Variable.Kind, form: String, field: String)
            -> Spec {
            Spec(name, de: de, en: en, kind, codes: kind == .code ? .choices(form: form, field: field) : .none,
                 value: .field(form: form, field: field), source: "form \(form), field \(field)")
        }

        /// An outcome flag of the observation at a time point.
        static func indicator(_ name: String, de: String, en: String, _ indicator: Variable.ObservationIndicator) -> Spec {
            Spec("\(name)_{key}", de: "\(de) nach {de} Monaten", en: "\(en) at {en} months", .flag,
                 value: .indicator(indicator), source: "derived from form observation (at={key}): \(en)", outcome: true)
        }

        func variable(_ definitions: DefinitionSet, _ member: Variable.Member) -> Variable {
            Variable(fill(name, member), de: fill(de, member), en: fill(en, member), kind: kind,
                     codes: codes.resolved(definitions), source: fill(source, member), isOutcome: outcome,
                     value: value, member: member)
        }

        /// A template with the member's words in place of its placeholders, in one pass (a word
        /// filled in is never read as a placeholder); text outside a family has none.
        func fill(_ template: String, _ member: Variable.Member) -> String {
            guard template.contains("{") else { return template }
            var out = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let word: String? = switch rest[rest.index(after: open)..<close] {
                case "key": member.key
                case "name": member.name
                case "de": member.de
                case "en": member.en
                case "form": member.form
                default: nil
                }
                guard let word else { preconditionFailure("unknown placeholder in the variable table: \(template)") }
                out += word
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }

    /// The choices of a form's field with their German and English labels (none when the form
    /// or field is missing: the table's tests check every one against the shipped forms).
    static func codes(_ form: String, _ field: String, _ definitions: DefinitionSet) -> [Variable.Code] {
        guard let definition = definitions.forms[form], let f = try? definition.resolveField(field) else { return [] }
        let de = definition.choices(of: f, language: "de"), en = definition.choices(of: f, language: "en")
        return zip(de, en).map { Variable.Code(code: $0.value, de: $0.label, en: $1.label) }
    }

    /// The repeats the export counts: those not inside another, of forms anyone may read,
    /// as (form, path below the root), by form and form order.
    public static func repeatColumns(_ definitions: DefinitionSet) -> [(form: String, path: [String])] {
        definitions.forms.sorted.filter { $0.access == .open }.flatMap { form in
            form.repeats.filter { r in !form.repeats.contains { $0.path.count < r.path.count && r.path.starts(with: $0.path) } }
                .map { (form.id, Array($0.path.dropFirst())) }
        }
    }

    /// The states of every workflow (atomic and final), amiga first, each once.
    static func states(_ definitions: DefinitionSet) -> [(id: String, de: String, en: String)] {
        var seen: Set<String> = []
        var result: [(String, String, String)] = []
        for name in definitions.workflows.keys.sorted() {
            let workflow = definitions.workflows[name]!
            for state in workflow.states where (state.kind == .atomic || state.kind == .final) && seen.insert(state.id).inserted {
                result.append((state.id, state.label(.de), state.label(.en)))
            }
        }
        return result
    }
}
