/// A kind of health problem standing between a client and work, with what the medical service
/// writes about it. Only the medical forms carry the history, findings and ICD-10 codes.
struct DemoHealthProfile {
    var complaints: String
    var examiner: String
    var history: String
    var findings: String
    var icd10: String
    var exclusions: [String]
    var recommendations: [String]
    var load: String
    var posture: String
    var maxLiftingKg: Int?
    /// Needs in the profiling (`physical`, `mental`, `addiction`): none / present / strong.
    var physical: String
    var mental: String
    var addiction: String
    /// How likely the statement finds less than three hours a day.
    var severe: Double
    var weight: Double
}

enum DemoHealth {
    static let profiles: [DemoHealthProfile] = [
        DemoHealthProfile(complaints: "back chronic_pain", examiner: "physician",
                          history: "Bandscheibenvorfall L4/5, konservativ behandelt", findings: "eingeschränkte Beweglichkeit der LWS, keine neurologischen Ausfälle",
                          icd10: "M51.2 M54.5", exclusions: ["bending", "ladders", "forced_posture"], recommendations: ["measure", "therapy"],
                          load: "light", posture: "alternating", maxLiftingKg: 10, physical: "strong", mental: "none", addiction: "none",
                          severe: 0.06, weight: 0.22),
        DemoHealthProfile(complaints: "low_mood sleep fatigue", examiner: "psychologist",
                          history: "rezidivierende depressive Episoden seit mehreren Jahren", findings: "gedrückte Stimmung, Antrieb vermindert, Konzentration eingeschränkt",
                          icd10: "F33.1", exclusions: ["time_pressure", "night", "high_mental_load"], recommendations: ["therapy", "measure"],
                          load: "light", posture: "any", maxLiftingKg: nil, physical: "none", mental: "strong", addiction: "none",
                          severe: 0.12, weight: 0.24),
        DemoHealthProfile(complaints: "anxiety sleep", examiner: "psychologist",
                          history: "Angststörung, ambulante Behandlung abgebrochen", findings: "ausgeprägte Erwartungsangst, soziale Situationen werden gemieden",
                          icd10: "F41.1", exclusions: ["public_contact", "time_pressure"], recommendations: ["therapy"],
                          load: "light", posture: "any", maxLiftingKg: nil, physical: "none", mental: "strong", addiction: "none",
                          severe: 0.06, weight: 0.1),
        DemoHealthProfile(complaints: "joints chronic_pain", examiner: "physician",
                          history: "Gonarthrose beidseits", findings: "Belastungsschmerz, Gehstrecke eingeschränkt",
                          icd10: "M17.1", exclusions: ["ladders", "bending", "wet_cold"], recommendations: ["med_rehab", "measure"],
                          load: "light", posture: "mainly_sitting", maxLiftingKg: 5, physical: "strong", mental: "none", addiction: "none",
                          severe: 0.1, weight: 0.1),
        DemoHealthProfile(complaints: "cardio fatigue", examiner: "physician",
                          history: "koronare Herzkrankheit, Zustand nach Stent", findings: "Belastbarkeit im Belastungs-EKG reduziert",
                          icd10: "I25.1", exclusions: ["night", "shift", "time_pressure", "wet_cold"], recommendations: ["med_rehab"],
                          load: "light", posture: "alternating", maxLiftingKg: 10, physical: "strong", mental: "none", addiction: "none",
                          severe: 0.25, weight: 0.07),
        DemoHealthProfile(complaints: "respiratory", examiner: "physician",
                          history: "chronisch obstruktive Lungenerkrankung", findings: "Belastungsdyspnoe, FEV1 vermindert",
                          icd10: "J44.9", exclusions: ["wet_cold", "overhead"], recommendations: ["med_rehab", "measure"],
                          load: "light", posture: "alternating", maxLiftingKg: 10, physical: "present", mental: "none", addiction: "none",
                          severe: 0.16, weight: 0.06),
        DemoHealthProfile(complaints: "substance sleep", examiner: "physician",
                          history: "Alkoholabhängigkeit, Entzug 2023, derzeit abstinent", findings: "stabil abstinent, leichte Konzentrationsstörungen",
                          icd10: "F10.2", exclusions: ["driving", "night"], recommendations: ["therapy", "measure"],
                          load: "medium", posture: "any", maxLiftingKg: 15, physical: "none", mental: "present", addiction: "strong",
                          severe: 0.08, weight: 0.08),
        DemoHealthProfile(complaints: "back headache fatigue", examiner: "physician",
                          history: "Diabetes mellitus Typ 2, Adipositas", findings: "Blutzucker schwankend eingestellt, Belastbarkeit gemindert",
                          icd10: "E11.9 E66.0", exclusions: ["shift", "night"], recommendations: ["measure"],
                          load: "light", posture: "alternating", maxLiftingKg: 10, physical: "present", mental: "none", addiction: "none",
                          severe: 0.04, weight: 0.13),
    ]

    /// A profile, by weight.
    static func profile(_ random: DemoRandom) -> DemoHealthProfile {
        random.weighted(profiles.map { ($0, $0.weight) })
    }
}
