import Foundation
import LotseStore

extension Variable {
    /// Where a variable's value comes from: a record of the case, a field of a form, or one of the
    /// named derivations of the evaluation (`Derivations`, DOMAIN §9.4–9.5). A rule of a family
    /// (`EvaluationVariables.Family`) is computed for its variable's `Member`: the code, state,
    /// time point or repeat the variable stands for.
    enum Value: Sendable {
        /// The client's keyed pseudonym.
        case pseudonym
        /// The case's site, its randomised group, whether it was randomised (a flag).
        case site, group, randomised
        /// The age class in the year the case started (never the birth year).
        case ageClass
        /// The client record's sex and applicant type (Profillage).
        case sex, applicantType
        /// A field of the form's current submission (of its last entry).
        case field(form: String, field: String)
        /// A flag: the member's code is among the codes chosen in the field (a multiple choice).
        case chosen(form: String, field: String)
        /// The case's opening date.
        case caseStart
        /// The first entry into the member state.
        case entered
        /// The state as of the reference date.
        case state
        /// The number of entries of a repeatable form (participants only).
        case entries(form: String)
        /// The number of entries whose field holds the member's code (participants only).
        case entriesWith(form: String, field: String)
        /// The share of contacts within the agreed interval (`Derivations.contactShare`), two decimals.
        case contactShare
        /// The outcome code (`Derivations.outcome`).
        case outcome
        /// Integration in the K2 sense from the placement (`Derivations.placementIntegration`);
        /// 0 for a participant without an outcome.
        case integrationK2
        /// The outcome is a Minijob; 0 for a participant without an outcome.
        case minijobOutcome
        /// Days from case start to the placement (`Derivations.daysToPlacement`) at the export's precision.
        case daysToPlacement
        /// A date field of the observation at the member time point, at the export's precision.
        case observedDate(field: String)
        /// A field of the observation at the member time point.
        case observed(field: String)
        /// An outcome flag read from the observation at the member time point.
        case indicator(ObservationIndicator)
        /// The derived integrations of DOMAIN §6 (`Derivations`).
        case bedarfsdeckend, nachhaltig
        /// A rehabilitation or therapy step ran (`Derivations.rehabStarted`).
        case rehabStarted
        /// The legal basis of the evaluation as of the reference date (`Derivations.legalBasis`).
        case legalBasis
        /// The number of instances of the member repeat in the current submission of the member's form.
        case repeatCount

        /// The value for a case, nil when unknown or not applicable.
        func value(_ f: CaseFacts, _ c: ExportContext, _ m: Member) -> String? {
            switch self {
            case .pseudonym: c.pseudonym(f.clientID)
            case .site: f.site
            case .group: f.group?.rawValue
            case .randomised: Derivations.flag(f.group != nil)
            case .ageClass: Derivations.ageClass(f)
            case .sex: f.sex
            case .applicantType: f.applicantType
            case let .field(form, field): f.value(form, field)
            case let .chosen(form, field):
                f.forms[form]?.last.map { entry in
                    Derivations.flag((entry[field] ?? "").split(separator: " ").contains { $0 == m.key })!
                }
            case .caseStart: c.date(f.openedAt)
            case .entered: c.date(f.entered[m.key])
            case .state: f.state
            case let .entries(form): f.group == .participant ? String(f.entries(form).count) : nil
            case let .entriesWith(form, field):
                f.group == .participant ? String(f.entries(form).filter { $0[field] == m.key }.count) : nil
            case .contactShare: Derivations.contactShare(f).map { String(format: "%.2f", $0) }
            case .outcome: Derivations.outcome(f)
            case .integrationK2:
                Derivations.placementIntegration(f).map { Derivations.flag($0)! } ?? (f.group == .participant ? "0" : nil)
            case .minijobOutcome:
                Derivations.outcome(f).map { Derivations.flag($0 == OutcomeCode.MINIJOB.rawValue)! }
                    ?? (f.group == .participant ? "0" : nil)
            case .daysToPlacement: Derivations.daysToPlacement(f, precision: c.precision).map(String.init)
            case let .observedDate(field): c.date(Derivations.observation(f, m.key)?[field])
            case let .observed(field): Derivations.observation(f, m.key)?[field]
            case let .indicator(indicator):
                Derivations.observation(f, m.key).map { Derivations.flag(indicator.holds(in: $0))! }
            case .bedarfsdeckend: Derivations.flag(Derivations.bedarfsdeckend(f))
            case .nachhaltig: Derivations.flag(Derivations.nachhaltig(f))
            case .rehabStarted: Derivations.flag(Derivations.rehabStarted(f))
            case .legalBasis: Derivations.legalBasis(f, c).rawValue
            case .repeatCount: f.forms[m.form]?.last.map { $0[m.key] ?? "0" }
            }
        }

        /// The fields of submissions the rule reads, as (form, field path below the root); a nil
        /// field for a count of entries. A repeat's count is read from the member's form.
        var reads: [(form: String, field: String?)] {
            switch self {
            case .pseudonym, .site, .group, .randomised, .ageClass, .sex, .applicantType, .caseStart, .entered, .state,
                 .repeatCount:
                []
            case let .field(form, field), let .chosen(form, field), let .entriesWith(form, field): [(form, field)]
            case let .entries(form): [(form, nil)]
            case .contactShare: [("plan", "contact_interval_days"), ("contact", "date")]
            case .outcome, .minijobOutcome: [("placement", "outcome"), ("closure", "reason")]
            case .integrationK2: [("placement", "outcome"), ("closure", "reason"), ("placement", "subsidy")]
            case .daysToPlacement: [("placement", "start")]
            case let .observedDate(field), let .observed(field): [("observation", "at"), ("observation", field)]
            case let .indicator(indicator): [("observation", "at"), ("observation", indicator.field)]
            case .bedarfsdeckend: [("observation", "at"), ("observation", "employment"), ("observation", "benefit_status")]
            case .nachhaltig: [("observation", "at"), ("observation", "employment")]
            case .rehabStarted: [("step", "category"), ("step", "status")]
            case .legalBasis: [("consent", "given"), ("consent", "purposes"), ("consent", "date"), ("consent", "revoked_on")]
            }
        }
    }

    /// What a variable of a family stands for, and its words in the family's templates
    /// (`{key}`, `{name}`, `{de}`, `{en}`, `{form}`).
    struct Member: Sendable {
        /// What the rule reads: a code, a state, a time point (`6m`), a repeat's count (`#path`).
        var key: String
        /// Its part of the variable's name.
        var name: String
        /// Its words in the German and English labels: a code's or state's label, a time
        /// point's months, a repeat's path.
        var de: String
        var en: String
        /// The form of a repeat.
        var form = ""

        /// No member: a variable of its own.
        static let none = Member(key: "", name: "", de: "", en: "")
    }

    /// The outcome flags read from one observation (the indicators of DOMAIN §9.5).
    enum ObservationIndicator: Sendable {
        case leftBenefits, transferred, reducedClaim, integrated, fulltime, parttime, minijob

        /// The observation's field the flag reads.
        var field: String {
            switch self {
            case .leftBenefits, .transferred, .reducedClaim: "benefit_status"
            case .integrated, .fulltime, .parttime, .minijob: "employment"
            }
        }

        /// Whether the flag holds for an observation.
        func holds(in observation: [String: String]) -> Bool {
            switch self {
            case .leftBenefits: observation["benefit_status"] == BenefitStatus.none.rawValue
            case .transferred: observation["benefit_status"] == BenefitStatus.transferred.rawValue
            case .reducedClaim: observation["benefit_status"] == BenefitStatus.reduced.rawValue
            case .integrated: Derivations.integrationCodes.contains(observation["employment"] ?? "")
            case .fulltime: observation["employment"] == OutcomeCode.SVB_VZ.rawValue
            case .parttime: observation["employment"] == OutcomeCode.SVB_TZ.rawValue
            case .minijob: observation["employment"] == OutcomeCode.MINIJOB.rawValue
            }
        }
    }
}
