/// Field values of the intake forms: referral, consent, profiling.
extension DemoForms {
    /// The referral (participants) or baseline (comparison group), with the client's own codes.
    static func referral(_ c: DemoCase, date: Int) -> DemoValues {
        let ageClass = c.ageClass(on: date)
        var groups: [String] = []
        if ageClass == "50plus" { groups.append("older") }
        if c.client.singleParent { groups.append("single_parent") }
        if c.client.school == "none" { groups.append("no_school") }
        if c.client.vocational == "none" { groups.append("no_vocational") }
        if c.client.minijob { groups.append("minijob") }
        var values: DemoValues = [
            ("date", DemoCalendar.iso(date)), ("referring_unit", c.random.pick(c.site.referringUnits)),
            ("reason", c.participant ? c.random.pick(DemoVocabulary.referralReasons)
                : c.random.pick(DemoVocabulary.comparisonReasons)),
            ("sgb2_since", DemoCalendar.iso(c.sgb2Since)), ("lzb", "yes"), ("sex", c.client.sex),
            ("birth_year", String(c.client.birthYear)), ("age_class", ageClass),
            ("applicant_type", c.client.applicantType),
        ]
        if !groups.isEmpty { values.append(("target_groups", groups.joined(separator: " "))) }
        return values
    }

    /// Consent given for the team's diagnostics and more, or refused.
    static func consent(_ c: DemoCase, date: Int, given: Bool, revokedOn: Int? = nil, purposes: String? = nil)
        -> DemoValues {
        var values: DemoValues = [("given", given ? "yes" : "no"), ("date", DemoCalendar.iso(date)),
                                  ("form", c.random.chance(0.7) ? "paper" : "electronic")]
        guard given else { return values }
        values.append(("purposes", purposes ?? consentPurposes(c)))
        values.append(("recipients", "Fallmanagement und Ärztlicher Dienst \(c.site.name.split(separator: " ").last ?? "")"
            + (c.random.chance(0.5) ? ", behandelnde Hausarztpraxis" : "")))
        if let revokedOn { values.append(("revoked_on", DemoCalendar.iso(revokedOn))) }
        return values
    }

    static func consentPurposes(_ c: DemoCase) -> String {
        // The team's diagnostics, the medical service's exchange and the DRV's opinion are what
        // the workflow's steps need (l:consent); the insurer and the evaluation are optional.
        var purposes = ["team_diagnostics", "exchange_physician"]
        if c.random.chance(0.2) { purposes.append("exchange_insurer") }
        purposes.append("exchange_drv")
        if c.random.chance(0.9) { purposes.append("evaluation") }
        return purposes.joined(separator: " ")
    }

    /// The Potenzialanalyse, with needs chosen so that the derived Profillage is the client's.
    static func profiling(_ c: DemoCase, date: Int) -> DemoValues {
        let r = c.random
        var qualification = "none", performance = "none", circumstances = "none"
        var motivation = r.weighted([("none", 0.5), ("present", 0.45), ("strong", 0.05)])
        switch c.client.applicantType {
        case "MP": motivation = "none"
        case "AP": motivation = r.chance(0.8) ? "present" : "strong"
        case "FP": performance = "present"
        case "SP":
            performance = "strong"
            qualification = r.weighted([("none", 0.3), ("present", 0.6), ("strong", 0.1)])
            circumstances = r.weighted([("none", 0.5), ("present", 0.4), ("strong", 0.1)])
        case "UP":
            circumstances = "strong"
            performance = r.chance(0.8) ? "present" : "none"
            qualification = r.weighted([("none", 0.3), ("present", 0.7)])
        default: // EP and none
            performance = "present"
            qualification = r.chance(0.8) ? "present" : "strong"
            circumstances = r.chance(0.5) ? "present" : "none"
        }
        func limited(_ need: String) -> String {
            performance == "none" ? "none" : performance == "present" && need == "strong" ? "present" : need
        }
        var physical = limited(c.health.physical), mental = limited(c.health.mental)
        let addiction = limited(c.health.addiction)
        if performance == "strong" && ![physical, mental, addiction].contains("strong") { physical = "strong" }
        if performance == "present" && [physical, mental, addiction].allSatisfy({ $0 == "none" }) { mental = "present" }
        let care = c.client.singleParent && circumstances != "none" ? "present" : "none"
        var housing = "none", debts = "none", mobility = "none"
        if circumstances != "none" {
            switch r.int(0...2) {
            case 0: housing = circumstances
            case 1: debts = circumstances
            default: mobility = circumstances
            }
        }
        var values: DemoValues = [
            ("date", DemoCalendar.iso(date)), ("strengths", r.pick(DemoVocabulary.strengths)),
            ("school", c.client.school), ("vocational", c.client.vocational),
            ("german_level", r.weighted([("native", 0.78), ("c", 0.08), ("b", 0.09), ("a", 0.05)])),
            ("qualification_need", qualification),
            ("physical", physical), ("mental", mental), ("addiction", addiction), ("performance_need", performance),
            ("motivation_need", motivation),
            ("care", care), ("housing", housing), ("debts", debts), ("mobility", mobility),
            ("driving_licence", r.chance(0.55) ? "yes" : "no"), ("circumstances_need", circumstances),
            ("target_occupation", c.occupation.kldb),
        ]
        if r.chance(0.5) { values.append(("experience", "zuletzt tätig als " + c.occupation.title)) }
        return values
    }
}

/// Field values of the forms, drawn for one case: real values that pass each form's validation.
enum DemoForms {
    /// The fields a form may leave empty, by form: cleared when a correction does not give them.
    static let optionalFields: [String: [String]] = [
        "referral": ["birth_year", "target_groups"],
        "consent": ["purposes", "recipients", "revoked_on"],
        "profiling": ["experience", "motivation_notes", "target_occupation"],
        "health_questionnaire": ["complaints_other", "treatment_details", "medication_details", "remarks"],
        "medical_findings": ["icd10", "assessment"],
        "medical_statement": ["max_lifting_kg", "exclusions", "walking_distance_m", "reassessment_date", "remarks"],
        "case_conference": ["notes"],
        "interface": ["objection_date"],
        "objection": ["drv_opinion_date", "drv_result"],
        "transfer": ["remarks"],
        "plan": ["support", "own_efforts"],
        "step": ["title", "end"],
        "closure": ["reason_other", "remarks"],
    ]
}
