/// Field values of planning, contacts, steps, placement, follow-up, closure and observations.
extension DemoForms {
    static func plan(_ c: DemoCase, date: Int, first: Bool, interval: Int, reviewBy: Int) -> DemoValues {
        let r = c.random
        var steps: [String] = []
        if c.health.mental != "none" || c.health.addiction != "none" { steps.append(r.chance(0.6) ? "therapy" : "coaching") }
        if c.health.physical != "none" && r.chance(0.4) { steps.append(r.chance(0.5) ? "health_promotion" : "med_rehab") }
        steps.append(r.weighted([("werkakademie", 0.35), ("activation", 0.2), ("fbw", 0.15), ("agh", 0.15),
                                 ("coaching", 0.1), ("wage_subsidy", 0.05)]))
        if c.client.singleParent && r.chance(0.5) { steps.append("childcare") }
        let ordered = DemoVocabulary.planSteps.map(\.step).filter(steps.contains)
        var values: DemoValues = [
            ("date", DemoCalendar.iso(date)),
            ("goal", first ? "Stabilisierung der Gesundheit und Heranführung an eine Tätigkeit als \(c.occupation.title)"
                : "Beschäftigung als \(c.occupation.title) in Teilzeit oder Vollzeit"),
            ("steps_planned", ordered.joined(separator: " ")), ("contact_interval_days", String(interval)),
            ("review_by", DemoCalendar.iso(reviewBy)), ("binding", r.chance(0.1) ? "VA" : "none"),
        ]
        if r.chance(0.5) { values.append(("own_efforts", "zwei Bewerbungen im Monat, Termine wahrnehmen")) }
        return values
    }

    static func contact(_ c: DemoCase, date: Int) -> DemoValues {
        let r = c.random
        let kind = r.weighted([("in_person", 0.55), ("phone", 0.3), ("group", 0.05), ("home_visit", 0.04), ("video", 0.06)])
        let minutes: ClosedRange<Int>
        switch kind {
        case "in_person": minutes = 30...60
        case "phone": minutes = 5...20
        case "group": minutes = 60...120
        case "home_visit": minutes = 45...90
        default: minutes = 20...45
        }
        var values: DemoValues = [("date", DemoCalendar.iso(date)), ("kind", kind), ("minutes", String(r.int(minutes)))]
        if r.chance(0.7) { values.append(("topic", r.pick(DemoVocabulary.contactTopics))) }
        return values
    }

    static func step(_ c: DemoCase, category: String, status: String, start: Int, end: Int?) -> DemoValues {
        var values: DemoValues = [("category", category),
                                  ("provider", c.random.pick(DemoVocabulary.providers[category] ?? ["Träger vor Ort"])),
                                  ("status", status), ("start", DemoCalendar.iso(start))]
        if let end { values.append(("end", DemoCalendar.iso(end))) }
        return values
    }

    static func placement(_ c: DemoCase, start: Int, outcome: String) -> DemoValues {
        let r = c.random
        let hours: Int, contract: String?, payBand: String?, subsidy: String
        switch outcome {
        case "SVB_VZ":
            hours = r.int(35...40); contract = r.chance(0.6) ? "1" : "3"; payBand = "above"
            subsidy = r.weighted([("none", 0.6), ("egz", 0.35), ("16e", 0.05)])
        case "SVB_TZ":
            hours = r.int(c.occupation.partTimeHours); contract = r.chance(0.5) ? "2" : "4"
            payBand = r.chance(0.4) ? "midijob" : "above"; subsidy = r.weighted([("none", 0.65), ("egz", 0.35)])
        case "AUSB":
            hours = r.int(35...39); contract = "3"; payBand = r.chance(0.7) ? "midijob" : "above"; subsidy = "none"
        case "SELBST":
            hours = r.int(20...45); contract = nil; payBand = nil; subsidy = r.chance(0.7) ? "esg" : "none"
        case "MINIJOB":
            hours = r.int(5...12); contract = r.chance(0.7) ? "2" : "4"; payBand = "minijob"; subsidy = "none"
        default: // GEF_BESCH
            hours = r.int(20...30); contract = r.chance(0.5) ? "2" : "4"; payBand = r.chance(0.5) ? "midijob" : "above"
            subsidy = r.chance(0.6) ? "16i" : "16e"
        }
        var values: DemoValues = [("start", DemoCalendar.iso(start)), ("outcome", outcome),
                                  ("hours_per_week", String(hours))]
        if let contract { values.append(("contract_type", contract)) }
        values.append(("kldb", c.occupation.kldb))
        values.append(("wz", r.pick(c.occupation.wz)))
        values.append(("subsidy", subsidy))
        if let payBand { values.append(("pay_band", payBand)) }
        if outcome != "SELBST" { values.append(("employer", r.pick(c.occupation.employers))) }
        return values
    }

    static func followUp(at: String, date: Int, status: DemoStatus, sameEmployer: Bool) -> DemoValues {
        let inSVB = DemoOutcomes.svb.contains(status.employment)
        var values: DemoValues = [("at", at), ("date", DemoCalendar.iso(date)), ("in_svb", inSVB ? "yes" : "no")]
        if inSVB { values.append(("same_employer", sameEmployer ? "yes" : "no")) }
        // The follow-up knows no transfer: the client then receives no SGB II benefits.
        values.append(("benefit_status", status.benefit == "transferred" ? "none" : status.benefit))
        return values
    }

    /// A closure; `other` is the text for reason `SONST`.
    static func closure(date: Int, reason: String, benefit: String, other: String? = nil, remarks: String? = nil)
        -> DemoValues {
        var values: DemoValues = [("date", DemoCalendar.iso(date)), ("reason", reason)]
        if reason == "SONST" { values.append(("reason_other", other ?? "sonstiger Grund")) }
        values.append(("benefit_status", benefit == "none" || benefit == "transferred" ? "left" : benefit))
        if let remarks { values.append(("remarks", remarks)) }
        return values
    }

    static func observation(at: String, date: Int, status: DemoStatus, source: String) -> DemoValues {
        [("at", at), ("date", DemoCalendar.iso(date)), ("benefit_status", status.benefit),
         ("employment", status.employment), ("source", source)]
    }
}
