import LotseStore
import Foundation
public import LotseCases
import LotseForms
import LotseWorkflow

/// The variables of `export cases`, in column order: the one list that the export, the
/// codebook and the reports all use.
public enum EvaluationVariables {
    /// Every variable, with codes and labels taken from the forms and workflows.
    public static func all(_ definitions: DefinitionSet) -> [Variable] {
        var variables: [Variable] = []
        func codes(_ form: String, _ field: String) -> [Variable.Code] {
            guard let definition = definitions.forms[form], let f = try? definition.resolveField(field) else { return [] }
            let de = definition.choices(of: f, language: "de"), en = definition.choices(of: f, language: "en")
            return zip(de, en).map { Variable.Code(code: $0.value, de: $0.label, en: $1.label) }
        }
        func formField(_ name: String, de: String, en: String, _ form: String, _ field: String, kind: Variable.Kind = .code) {
            variables.append(Variable(name, de: de, en: en, kind: kind, codes: kind == .code ? codes(form, field) : [],
                                      source: "form \(form), field \(field)") { f, _ in f.value(form, field) })
        }

        variables.append(Variable("pseudonym", de: "Pseudonym der Person (HMAC-SHA256, Projektschlüssel)",
                                  en: "client pseudonym (HMAC-SHA256, project key)", kind: .text,
                                  source: "derived: HMAC-SHA256 of the client number under the project's secret key, first 20 hex digits")
                                  { f, c in c.pseudonym(f.clientID) })
        variables.append(Variable("site", de: "Standort", en: "site", kind: .text, source: "case: the client's site") { f, _ in f.site })
        let groupCodes: [Variable.Code] = CaseGroup.allCases.map { (group: CaseGroup) -> Variable.Code in
            group == .participant ? Variable.Code(code: group.rawValue, de: "Teilnahmegruppe", en: "participants")
                : Variable.Code(code: group.rawValue, de: "Vergleichsgruppe", en: "comparison group")
        }
        variables.append(Variable("group", de: "Gruppe", en: "group", kind: .code, codes: groupCodes, source: "randomisation: the group of the case's assignment (empty when randomised = 0)")
                                  { f, _ in f.group?.rawValue })
        variables.append(Variable("randomised", de: "Randomisiert", en: "randomised", kind: .flag,
                                  source: "randomisation: 1 when the case comes from a randomisation assignment; 0 for a "
                                      + "case opened by hand for a client outside the pool (not in the reports)")
                                  { f, _ in Derivations.flag(f.group != nil) })
        variables.append(Variable("age_class", de: "Altersklasse bei Fallbeginn", en: "age class at case start", kind: .code,
                                  codes: codes("referral", "age_class"),
                                  source: "derived: birth year and the year the case started (never the birth year itself)")
                                  { f, _ in Derivations.ageClass(f) })
        variables.append(Variable("sex", de: "Geschlecht", en: "sex", kind: .code, codes: codes("referral", "sex"),
                                  source: "client record") { f, _ in f.sex })
        variables.append(Variable("applicant_type", de: "Profillage", en: "applicant type (Profillage)", kind: .code,
                                  codes: codes("referral", "applicant_type"), source: "client record") { f, _ in f.applicantType })
        formField("lzb", de: "Langzeitleistungsbezug (21 von 24 Monaten)", en: "long-term receipt (21 of 24 months)",
                  "referral", "lzb")
        for group in codes("referral", "target_groups") {
            variables.append(Variable("tg_\(group.code)", de: "Zielgruppe: \(group.de)", en: "target group: \(group.en)",
                                      kind: .flag, source: "form referral, field target_groups (code \(group.code))") { f, _ in
                guard let referral = f.forms["referral"]?.last else { return nil }
                return Derivations.flag((referral["target_groups"] ?? "").split(separator: " ").contains { $0 == group.code })
            })
        }
        variables.append(Variable("case_start", de: "Fallbeginn", en: "case start", kind: .date,
                                  source: "case: opening date") { f, c in c.date(f.openedAt) })
        for state in states(definitions) {
            variables.append(Variable("entered_\(state.id)", de: "Eintritt: \(state.de)", en: "entered: \(state.en)",
                                      kind: .date, source: "workflow: first transition into state \(state.id)")
                                      { f, c in c.date(f.entered[state.id]) })
        }
        variables.append(Variable("state", de: "Zustand zum Stichtag", en: "state at the reference date", kind: .code,
                                  codes: states(definitions).map { .init(code: $0.id, de: $0.de, en: $0.en) },
                                  source: "workflow: the state at --as-of") { f, _ in f.state })
        variables.append(Variable("capacity_decision", de: "Erwerbsfähig nach § 8 SGB II",
                                                  en: "capable of work (§ 8 SGB II)", kind: .code, codes: [
            .init(code: "yes", de: "ja", en: "yes"), .init(code: "no", de: "nein", en: "no"),
        ], source: "form capacity, field erwerbsfaehig (calculated)") { f, _ in f.value("capacity", "erwerbsfaehig") })
        formField("capacity_level", de: "Leistungsvermögen", en: "capacity", "capacity", "capacity")
        formField("capacity_duration", de: "Dauer der Einschränkung", en: "duration of the limitation", "capacity", "duration")
        variables.append(Variable("contacts", de: "Anzahl Kontakte", en: "number of contacts", kind: .integer,
                                  source: "form contact: number of entries") { f, _ in
            f.group == .participant ? String(f.entries("contact").count) : nil
        })
        formField("contact_interval_days", de: "Vereinbarter Kontaktabstand (Tage)", en: "agreed contact interval (days)",
                  "plan", "contact_interval_days", kind: .integer)
        variables.append(Variable("contacts_within_interval", de: "Anteil Kontakte im vereinbarten Abstand",
                                  en: "share of contacts within the agreed interval", kind: .decimal,
                                  source: "derived: gaps between contacts (from entering integration_steps) ≤ the plan's interval")
                                  { f, _ in Derivations.contactShare(f).map { String(format: "%.2f", $0) } })
        for category in codes("step", "category") {
            variables.append(Variable("steps_\(category.code)", de: "Schritte: \(category.de)", en: "steps: \(category.en)",
                                      kind: .integer, source: "form step: entries with category \(category.code)") { f, _ in
                f.group == .participant ? String(f.entries("step").filter { $0["category"] == category.code }.count) : nil
            })
        }
        variables.append(Variable("outcome", de: "Ergebniscode", en: "outcome code", kind: .code,
                                  codes: codes("closure", "reason"),
                                  source: "form placement, field outcome; else form closure, field reason", isOutcome: true)
                                  { f, _ in Derivations.outcome(f) })
        variables.append(Variable("integration_k2", de: "Integration (K2)", en: "integration (K2 sense)", kind: .flag,
                                  source: "derived: outcome in SVB_VZ SVB_TZ AUSB SELBST and placement subsidy not 16i "
                                      + "(§ 48a SGB II key figure K2, § 5 SGB2§48aFKV: employment funded under § 16i SGB II "
                                      + "is publicly funded employment, not an integration; § 16e, EGZ and ESG count)",
                                  isOutcome: true) { f, _ in
            Derivations.placementIntegration(f).map { Derivations.flag($0)! } ?? (f.group == .participant ? "0" : nil)
        })
        variables.append(Variable("minijob", de: "Minijob", en: "marginal employment (Minijob)", kind: .flag,
                                  source: "derived: outcome MINIJOB", isOutcome: true) { f, _ in
            Derivations.outcome(f).map { Derivations.flag($0 == OutcomeCode.MINIJOB.rawValue)! }
                ?? (f.group == .participant ? "0" : nil)
        })
        formField("placement_subsidy", de: "Förderung der Beschäftigung", en: "subsidy of the employment", "placement",
                  "subsidy")
        formField("placement_kldb", de: "Beruf der Integration (KldB 2010)", en: "occupation (KldB 2010)", "placement", "kldb",
                  kind: .text)
        formField("placement_wz", de: "Wirtschaftszweig (WZ 2008)", en: "sector (WZ 2008)", "placement", "wz", kind: .text)
        variables.append(Variable("days_to_placement", de: "Tage bis zur Integration", en: "days to placement",
                                  kind: .integer, source: "derived: placement start minus case start (with --date-precision "
                                      + "month: between the first days of the two months)", isOutcome: true)
                                  { f, c in Derivations.daysToPlacement(f, precision: c.precision).map(String.init) })
        for (at, monthCount) in ObservationWindow.points {
            let months = String(monthCount)
            variables.append(Variable("observed_\(at)", de: "Datum der Beobachtung nach \(months) Monaten",
                                      en: "date of the observation at \(months) months", kind: .date,
                                      source: "form observation (at=\(at)), field date: "
                                          + ObservationWindow.description, isOutcome: true)
                                      { f, c in c.date(Derivations.observation(f, at)?["date"]) })
            variables.append(Variable("source_\(at)", de: "Quelle der Beobachtung nach \(months) Monaten",
                                      en: "source of the observation at \(months) months", kind: .code,
                                      codes: codes("observation", "source"),
                                      source: "form observation (at=\(at)), field source", isOutcome: true)
                                      { f, _ in Derivations.observation(f, at)?["source"] })
            variables.append(Variable("employment_since_\(at)", de: "Beschäftigt seit (Beobachtung \(months) Monate)",
                                      en: "employed since (observation at \(months) months)", kind: .date,
                                      source: "form observation (at=\(at)), field employment_since: start of the "
                                          + "reported employment (time to integration)", isOutcome: true)
                                      { f, c in c.date(Derivations.observation(f, at)?["employment_since"]) })
            variables.append(Variable("benefit_\(at)", de: "Leistungsbezug nach \(months) Monaten",
                                      en: "benefit status at \(months) months", kind: .code,
                                      codes: codes("observation", "benefit_status"),
                                      source: "form observation (at=\(at)), field benefit_status", isOutcome: true)
                                      { f, _ in Derivations.observation(f, at)?["benefit_status"] })
            variables.append(Variable("employment_\(at)", de: "Beschäftigung nach \(months) Monaten",
                                      en: "employment at \(months) months", kind: .code,
                                      codes: codes("observation", "employment"),
                                      source: "form observation (at=\(at)), field employment (employment funded "
                                          + "under § 16i SGB II is reported as GEF_BESCH)", isOutcome: true)
                                      { f, _ in Derivations.observation(f, at)?["employment"] })
            for (name, de, en, test) in indicatorTests {
                variables.append(Variable("\(name)_\(at)", de: "\(de) nach \(months) Monaten", en: "\(en) at \(months) months",
                                          kind: .flag, source: "derived from form observation (at=\(at)): \(en)",
                                          isOutcome: true) { f, _ in
                    Derivations.observation(f, at).map { Derivations.flag(test($0))! }
                })
            }
        }
        variables.append(Variable("bedarfsdeckend", de: "Bedarfsdeckende Integration", en: "integration covering needs",
                                  kind: .flag, source: "approximation of the BA definition (no SGB II receipt 3 months "
                                      + "after the integration): integrated (K2) at the +6-month observation and benefit "
                                      + "status none on its date", isOutcome: true)
                                  { f, _ in Derivations.flag(Derivations.bedarfsdeckend(f)) })
        variables.append(Variable("nachhaltig", de: "Nachhaltige Integration", en: "sustained integration", kind: .flag,
                                  source: "approximation of the BA definition (in svB 12 months after the integration): "
                                      + "integrated (K2) at the +6-month observation and in svB at the +12-month one",
                                  isOutcome: true)
                                  { f, _ in Derivations.flag(Derivations.nachhaltig(f)) })
        variables.append(Variable("rehab_therapy_started", de: "Reha oder Therapie begonnen", en: "rehabilitation or therapy started",
                                  kind: .flag, source: "form step: a rehab or health step running or completed (participants)",
                                  isOutcome: true)
                                  { f, _ in Derivations.flag(Derivations.rehabStarted(f)) })
        variables.append(Variable("legal_basis", de: "Rechtsgrundlage der Auswertung", en: "legal basis of the evaluation",
                                  kind: .code, codes: legalBasisCodes, source: "form consent: given with purpose evaluation and not revoked by --as-of; otherwise § 75 SGB X where "
            + "`randomise setup --legal-basis` recorded the approval; otherwise none (every outcome column left empty)")
                                  { f, c in Derivations.legalBasis(f, c).rawValue })
        // Each repeat (not inside another) of an open form: its number of instances in the case's
        // current submission (the values themselves: `export repeats --form F`).
        for (form, path) in repeatColumns(definitions) {
            let key = "#" + path.joined(separator: "/")
            let name = ([form] + path).joined(separator: "_") + "_n"
            variables.append(Variable(name, de: "Anzahl \(path.joined(separator: "/")) (Formular \(form))",
                                      en: "number of \(path.joined(separator: "/")) (form \(form))", kind: .integer,
                                      source: "form \(form), repeat \(path.joined(separator: "/")): instances in the current submission")
                                      { f, _ in f.forms[form]?.last.map { $0[key] ?? "0" } })
        }
        return variables
    }

    /// The codes of `legal_basis`, one per `LegalBasis`.
    static let legalBasisCodes: [Variable.Code] = LegalBasis.allCases.map { (basis: LegalBasis) -> Variable.Code in
        switch basis {
        case .consent: Variable.Code(code: basis.rawValue, de: "Einwilligung (Zweck Evaluation)",
                                     en: "consent (purpose evaluation)")
        case .sgb10_75: Variable.Code(code: basis.rawValue, de: "§ 75 SGB X (Genehmigung der Evaluation erfasst)",
                                      en: "§ 75 SGB X (approval of the evaluation recorded)")
        case .none: Variable.Code(code: basis.rawValue, de: "keine: ohne Ergebnisse exportiert",
                                  en: "none: exported without outcomes")
        }
    }

    /// The repeats the export counts: those not inside another, of forms anyone may read,
    /// as (form, path below the root), by form and form order.
    public static func repeatColumns(_ definitions: DefinitionSet) -> [(form: String, path: [String])] {
        definitions.forms.sorted.filter { $0.access == .open }.flatMap { form in
            form.repeats.filter { r in !form.repeats.contains { $0.path.count < r.path.count && r.path.starts(with: $0.path) } }
                .map { (form.id, Array($0.path.dropFirst())) }
        }
    }

    /// The forms the variables read (the export reads no other submission).
    public static let sourceForms: Set<String> = [
        "referral", "consent", "capacity", "plan", "contact", "step", "placement", "closure", "observation",
    ]

    /// Outcome flags read from one observation.
    static let indicatorTests: [(String, String, String, @Sendable ([String: String]) -> Bool)] = [
        ("left_benefits", "Ohne Leistungsbezug", "left benefits", { $0["benefit_status"] == BenefitStatus.none.rawValue }),
        ("transferred", "Übergang aus dem SGB II (SGB XII, Rente, Reha)", "left SGB II by transfer",
         { $0["benefit_status"] == BenefitStatus.transferred.rawValue }),
        ("reduced_claim", "Verringerter Anspruch", "reduced claim", { $0["benefit_status"] == "reduced" }),
        ("integrated", "Integriert (K2)", "integrated (K2)",
         { Derivations.integrationCodes.contains($0["employment"] ?? "") }),
        ("fulltime", "svB Vollzeit", "svB full time", { $0["employment"] == "SVB_VZ" }),
        ("parttime", "svB Teilzeit", "svB part time", { $0["employment"] == "SVB_TZ" }),
        ("minijob", "Minijob", "Minijob", { $0["employment"] == "MINIJOB" }),
    ]

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
