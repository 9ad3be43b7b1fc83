import LotseStore
public import LotseCases

/// The variables of `export cases`, in column order: the one list that the export, the
/// codebook, the syntax files and the reports all use.
///
/// `table` declares them: each entry one variable, or a family expanded for every member of
/// what it runs over (the choices of a field, the workflows' states, the observation time
/// points, the forms' repeats), its templates filled in per member. Each variable names its
/// labels, type, where its codes come from, its provenance as the codebook prints it, and the
/// named rule its value is computed by (`Variable.Value`); nothing else computes a value.
public enum EvaluationVariables {
    /// Every variable, with codes and labels taken from the forms and workflows.
    public static func all(_ definitions: DefinitionSet) -> [Variable] {
        table.flatMap { $0.expanded(definitions) }
    }

    /// The variables, in column order.
    static let table: [Entry] = [
        .one(.init("pseudonym", de: "Pseudonym der Person (HMAC-SHA256, Projektschlüssel)",
                   en: "client pseudonym (HMAC-SHA256, project key)", .text, value: .pseudonym,
                   source: "derived: HMAC-SHA256 of the client number under the project's secret key, first 20 hex digits")),
        .one(.init("site", de: "Standort", en: "site", .text, value: .site, source: "case: the client's site")),
        .one(.init("group", de: "Gruppe", en: "group", .code, codes: .fixed(groupCodes), value: .group,
                   source: "randomisation: the group of the case's assignment (empty when randomised = 0)")),
        .one(.init("randomised", de: "Randomisiert", en: "randomised", .flag, value: .randomised,
                   source: "randomisation: 1 when the case comes from a randomisation assignment; 0 for a "
                       + "case opened by hand for a client outside the pool (not in the reports)")),
        .one(.init("age_class", de: "Altersklasse bei Fallbeginn", en: "age class at case start", .code,
                   codes: .choices(form: "referral", field: "age_class"), value: .ageClass,
                   source: "derived: birth year and the year the case started (never the birth year itself)")),
        .one(.init("sex", de: "Geschlecht", en: "sex", .code, codes: .choices(form: "referral", field: "sex"), value: .sex,
                   source: "client record")),
        .one(.init("applicant_type", de: "Profillage", en: "applicant type (Profillage)", .code,
                   codes: .choices(form: "referral", field: "applicant_type"), value: .applicantType,
                   source: "client record")),
        .one(.field("lzb", de: "Langzeitleistungsbezug (21 von 24 Monaten)", en: "long-term receipt (21 of 24 months)",
                    .code, form: "referral", field: "lzb")),
        .each(.choices(form: "referral", field: "target_groups"), [
            .init("tg_{key}", de: "Zielgruppe: {de}", en: "target group: {en}", .flag,
                  value: .chosen(form: "referral", field: "target_groups"),
                  source: "form referral, field target_groups (code {key})"),
        ]),
        .one(.init("case_start", de: "Fallbeginn", en: "case start", .date, value: .caseStart, source: "case: opening date")),
        .each(.states, [
            .init("entered_{key}", de: "Eintritt: {de}", en: "entered: {en}", .date, value: .entered,
                  source: "workflow: first transition into state {key}"),
        ]),
        .one(.init("state", de: "Zustand zum Stichtag", en: "state at the reference date", .code, codes: .states,
                   value: .state, source: "workflow: the state at --as-of")),
        .one(.init("capacity_decision", de: "Erwerbsfähig nach § 8 SGB II", en: "capable of work (§ 8 SGB II)", .code,
                   codes: .fixed([.init(code: "yes", de: "ja", en: "yes"), .init(code: "no", de: "nein", en: "no")]),
                   value: .field(form: "capacity", field: "erwerbsfaehig"),
                   source: "form capacity, field erwerbsfaehig (calculated)")),
        .one(.field("capacity_level", de: "Leistungsvermögen", en: "capacity", .code, form: "capacity", field: "capacity")),
        .one(.field("capacity_duration", de: "Dauer der Einschränkung", en: "duration of the limitation", .code,
                    form: "capacity", field: "duration")),
        .one(.init("contacts", de: "Anzahl Kontakte", en: "number of contacts", .integer, value: .entries(form: "contact"),
                   source: "form contact: number of entries")),
        .one(.field("contact_interval_days", de: "Vereinbarter Kontaktabstand (Tage)", en: "agreed contact interval (days)",
                    .integer, form: "plan", field: "contact_interval_days")),
        .one(.init("contacts_within_interval", de: "Anteil Kontakte im vereinbarten Abstand",
                   en: "share of contacts within the agreed interval", .decimal, value: .contactShare,
                   source: "derived: gaps between contacts (from entering integration_steps) ≤ the plan's interval")),
        .each(.choices(form: "step", field: "category"), [
            .init("steps_{key}", de: "Schritte: {de}", en: "steps: {en}", .integer,
                  value: .entriesWith(form: "step", field: "category"), source: "form step: entries with category {key}"),
        ]),
        .one(.init("outcome", de: "Ergebniscode", en: "outcome code", .code, codes: .choices(form: "closure", field: "reason"),
                   value: .outcome, source: "form placement, field outcome; else form closure, field reason",
                   outcome: true)),
        .one(.init("integration_k2", de: "Integration (K2)", en: "integration (K2 sense)", .flag, value: .integrationK2,
                   source: "derived: outcome in SVB_VZ SVB_TZ AUSB SELBST and placement subsidy not 16i "
                       + "(§ 48a SGB II key figure K2, § 5 SGB2§48aFKV: employment funded under § 16i SGB II "
                       + "is publicly funded employment, not an integration; § 16e, EGZ and ESG count)",
                   outcome: true)),
        .one(.init("minijob", de: "Minijob", en: "marginal employment (Minijob)", .flag, value: .minijobOutcome,
                   source: "derived: outcome MINIJOB", outcome: true)),
        .one(.field("placement_subsidy", de: "Förderung der Beschäftigung", en: "subsidy of the employment", .code,
                    form: "placement", field: "subsidy")),
        .one(.field("placement_kldb", de: "Beruf der Integration (KldB 2010)", en: "occupation (KldB 2010)", .text,
                    form: "placement", field: "kldb")),
        .one(.field("placement_wz", de: "Wirtschaftszweig (WZ 2008)", en: "sector (WZ 2008)", .text,
                    form: "placement", field: "wz")),
        .one(.init("days_to_placement", de: "Tage bis zur Integration", en: "days to placement", .integer,
                   value: .daysToPlacement, source: "derived: placement start minus case start (with --date-precision "
                       + "month: between the first days of the two months)", outcome: true)),
        .each(.timePoints, [
            .init("observed_{key}", de: "Datum der Beobachtung nach {de} Monaten",
                  en: "date of the observation at {en} months", .date, value: .observedDate(field: "date"),
                  source: "form observation (at={key}), field date: " + ObservationWindow.description, outcome: true),
            .init("source_{key}", de: "Quelle der Beobachtung nach {de} Monaten",
                  en: "source of the observation at {en} months", .code,
                  codes: .choices(form: "observation", field: "source"), value: .observed(field: "source"),
                  source: "form observation (at={key}), field source", outcome: true),
            .init("employment_since_{key}", de: "Beschäftigt seit (Beobachtung {de} Monate)",
                  en: "employed since (observation at {en} months)", .date,
                  value: .observedDate(field: "employment_since"),
                  source: "form observation (at={key}), field employment_since: start of the "
                      + "reported employment (time to integration)", outcome: true),
            .init("benefit_{key}", de: "Leistungsbezug nach {de} Monaten", en: "benefit status at {en} months", .code,
                  codes: .choices(form: "observation", field: "benefit_status"), value: .observed(field: "benefit_status"),
                  source: "form observation (at={key}), field benefit_status", outcome: true),
            .init("employment_{key}", de: "Beschäftigung nach {de} Monaten", en: "employment at {en} months", .code,
                  codes: .choices(form: "observation", field: "employment"), value: .observed(field: "employment"),
                  source: "form observation (at={key}), field employment (employment funded "
                      + "under § 16i SGB II is reported as GEF_BESCH)", outcome: true),
            .indicator("left_benefits", de: "Ohne Leistungsbezug", en: "left benefits", .leftBenefits),
            .indicator("transferred", de: "Übergang aus dem SGB II (SGB XII, Rente, Reha)", en: "left SGB II by transfer",
                       .transferred),
            .indicator("reduced_claim", de: "Verringerter Anspruch", en: "reduced claim", .reducedClaim),
            .indicator("integrated", de: "Integriert (K2)", en: "integrated (K2)", .integrated),
            .indicator("fulltime", de: "svB Vollzeit", en: "svB full time", .fulltime),
            .indicator("parttime", de: "svB Teilzeit", en: "svB part time", .parttime),
            .indicator("minijob", de: "Minijob", en: "Minijob", .minijob),
        ]),
        .one(.init("bedarfsdeckend", de: "Bedarfsdeckende Integration", en: "integration covering needs", .flag,
                   value: .bedarfsdeckend, source: "approximation of the BA definition (no SGB II receipt 3 months "
                       + "after the integration): integrated (K2) at the +6-month observation and benefit "
                       + "status none on its date", outcome: true)),
        .one(.init("nachhaltig", de: "Nachhaltige Integration", en: "sustained integration", .flag, value: .nachhaltig,
                   source: "approximation of the BA definition (in svB 12 months after the integration): "
                       + "integrated (K2) at the +6-month observation and in svB at the +12-month one",
                   outcome: true)),
        .one(.init("rehab_therapy_started", de: "Reha oder Therapie begonnen", en: "rehabilitation or therapy started",
                   .flag, value: .rehabStarted,
                   source: "form step: a rehab or health step running or completed (participants)", outcome: true)),
        .one(.init("legal_basis", de: "Rechtsgrundlage der Auswertung", en: "legal basis of the evaluation", .code,
                   codes: .fixed(legalBasisCodes), value: .legalBasis,
                   source: "form consent: given with purpose evaluation and not revoked by --as-of; otherwise § 75 SGB X "
                       + "where `randomise setup --legal-basis` recorded the approval; otherwise none (every outcome "
                       + "column left empty)")),
        // Each repeat (not inside another) of an open form: its number of instances in the case's
        // current submission (the values themselves: `export repeats --form F`).
        .each(.repeats, [
            .init("{name}_n", de: "Anzahl {de} (Formular {form})", en: "number of {en} (form {form})", .integer,
                  value: .repeatCount, source: "form {form}, repeat {en}: instances in the current submission"),
        ]),
    ]

    /// The codes of `group`, one per `CaseGroup`.
    static let groupCodes: [Variable.Code] = CaseGroup.allCases.map { (group: CaseGroup) -> Variable.Code in
        switch group {
        case .participant: Variable.Code(code: group.rawValue, de: "Teilnahmegruppe", en: "participants")
        case .comparison: Variable.Code(code: group.rawValue, de: "Vergleichsgruppe", en: "comparison group")
        }
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

    /// The forms whose submissions the variables read (the export reads no other submission,
    /// besides the forms counted by the repeat family: `repeatColumns`).
    public static let sourceForms: Set<String> = Set(table.flatMap(\.specs).flatMap { $0.value.reads.map(\.form) })
}
