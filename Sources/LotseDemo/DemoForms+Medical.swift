/// The medical service's assessment of a case: capacity and how long the limits last.
struct DemoAssessment {
    var capacity: String
    var duration: String
}

/// Field values of the medical forms (recorded by the site's medical user) and the statement.
extension DemoForms {
    /// The capacity the statement will find, drawn from the health problem's severity.
    static func assessment(_ c: DemoCase, mild: Bool = false) -> DemoAssessment {
        let r = c.random
        let capacity = !mild && r.chance(c.health.severe) ? "LT3" : r.chance(0.42) ? "H3_6" : "GE6"
        let duration: String
        switch capacity {
        case "LT3": duration = r.weighted([("LE6M", 0.3), ("GT6M", 0.4), ("PERMANENT", 0.3)])
        case "H3_6": duration = r.weighted([("LE6M", 0.3), ("GT6M", 0.5), ("PERMANENT", 0.2)])
        default: duration = r.weighted([("LE6M", 0.5), ("GT6M", 0.3), ("PERMANENT", 0.2)])
        }
        return DemoAssessment(capacity: capacity, duration: duration)
    }

    static func healthQuestionnaire(_ c: DemoCase, date: Int, _ a: DemoAssessment) -> DemoValues {
        let r = c.random
        let hours: ClosedRange<Int> = a.capacity == "GE6" ? 5...8 : a.capacity == "H3_6" ? 3...6 : 1...3
        var values: DemoValues = [
            ("date", DemoCalendar.iso(date)), ("self_rated_health", String(r.int(2...4))),
            ("complaints", c.health.complaints), ("in_treatment", "no"), ("medication", "no"),
            ("own_hours_per_day", String(r.int(hours))),
        ]
        if r.chance(0.65) {
            values[3] = ("in_treatment", "yes")
            values.append(("treatment_details", r.pick(["hausärztliche Behandlung", "fachärztliche Behandlung",
                                                        "ambulante Psychotherapie", "Physiotherapie"])))
        }
        if r.chance(0.5) {
            values[4] = ("medication", "yes")
            values.append(("medication_details", "regelmäßig nach ärztlicher Verordnung"))
        }
        return values
    }

    static func medicalFindings(_ c: DemoCase, date: Int) -> DemoValues {
        [("examiner", c.health.examiner), ("date", DemoCalendar.iso(date)),
         ("method", c.random.chance(0.8) ? "examination" : "records"), ("history", c.health.history),
         ("findings", c.health.findings), ("icd10", c.health.icd10)]
    }

    static func medicalStatement(_ c: DemoCase, date: Int, _ a: DemoAssessment) -> DemoValues {
        let r = c.random
        var values: DemoValues = [
            ("date", DemoCalendar.iso(date)), ("capacity", a.capacity), ("duration", a.duration),
            ("load", c.health.load), ("posture", c.health.posture),
        ]
        if let kg = c.health.maxLiftingKg { values.append(("max_lifting_kg", String(kg))) }
        let exclusions = r.sample(c.health.exclusions, count: r.int(1...c.health.exclusions.count))
        values.append(("exclusions", exclusions.joined(separator: " ")))
        let recommendation = a.capacity == "GE6" && r.chance(0.3) ? ["none"]
            : a.capacity == "LT3" ? ["med_rehab"] : c.health.recommendations
        values.append(("recommendation", recommendation.joined(separator: " ")))
        if a.duration == "LE6M" {
            values.append(("reassessment_date", DemoCalendar.iso(DemoCalendar.adding(months: 6, to: date))))
        }
        return values
    }

    static func caseConference(_ c: DemoCase, date: Int, result: String) -> DemoValues {
        var values: DemoValues = [("date", DemoCalendar.iso(date)),
                                  ("participants", c.random.pick(DemoVocabulary.conferenceParticipants)),
                                  ("result", result)]
        if c.random.chance(0.4) {
            values.append(("notes", result == "plan" ? "Einschränkungen besprochen, Integrationsplanung kann beginnen"
                : result == "reassess" ? "Befund nicht eindeutig, erneute Abklärung"
                : "Leistungsvermögen unter drei Stunden, Prüfung der Erwerbsfähigkeit"))
        }
        return values
    }
}
