/// Field values of the work-capacity review and the §44a SGB II interface.
extension DemoForms {
    /// The decision; capacity and duration default from the statement unless given.
    static func capacity(date: Int, basis: String, override: DemoAssessment? = nil) -> DemoValues {
        var values: DemoValues = [("basis", basis), ("date", DemoCalendar.iso(date))]
        if let override {
            values.append(("capacity", override.capacity))
            values.append(("duration", override.duration))
        }
        return values
    }

    static func interface(_ c: DemoCase, informed: Int, objection: Int?) -> DemoValues {
        var values: DemoValues = [
            ("agencies_informed", c.random.weighted([("sgb12 drv", 0.5), ("sgb12", 0.25), ("kommunal drv", 0.15),
                                                     ("krankenkasse", 0.1)])),
            ("informed_on", DemoCalendar.iso(informed)), ("objection_received", objection == nil ? "no" : "yes"),
        ]
        if let objection { values.append(("objection_date", DemoCalendar.iso(objection))) }
        return values
    }

    static func objection(objector: String, objected: Int, requested: Int, opinion: (day: Int, result: String)?)
        -> DemoValues {
        var values: DemoValues = [("objector", objector), ("objection_date", DemoCalendar.iso(objected)),
                                  ("drv_requested_on", DemoCalendar.iso(requested))]
        if let opinion {
            values.append(("drv_opinion_date", DemoCalendar.iso(opinion.day)))
            values.append(("drv_result", opinion.result))
        }
        return values
    }

    static func transfer(_ c: DemoCase, date: Int, duration: String) -> DemoValues {
        let agency = duration == "PERMANENT"
            ? c.random.weighted([("drv_em_rente", 0.5), ("sgb12_grundsicherung", 0.5)])
            : c.random.weighted([("sgb12_hlu", 0.6), ("drv_em_rente", 0.4)])
        var values: DemoValues = [("receiving_agency", agency), ("date", DemoCalendar.iso(date))]
        if c.random.chance(0.3) { values.append(("remarks", "Akte übergeben, Leistungen nahtlos")) }
        return values
    }
}
