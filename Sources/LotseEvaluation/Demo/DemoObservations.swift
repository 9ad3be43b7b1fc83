/// The evaluation's outcome observations (DOMAIN §9.5): for every case of both groups, at +6
/// and +12 months after the case start, recorded by the evaluator a few weeks after the
/// reference day from the jobcenter's statistics (sometimes from the case file).
enum DemoObservations {
    static func steps(_ c: DemoCase, _ life: DemoLife, lastDay: Int) -> [DemoStep] {
        var steps: [DemoStep] = []
        for (at, months) in [("6m", 6), ("12m", 12)] {
            let reference = DemoCalendar.adding(months: months, to: c.openedDay)
            let recorded = DemoCalendar.workday(onOrAfter: reference + c.random.int(4...25))
            guard recorded <= lastDay else { continue }
            let source = c.random.chance(0.85) ? "statistics" : "case_file"
            steps.append(DemoStep(
                moment: DemoCalendar.moment(recorded, hour: 9) + c.random.int(0...(6 * 60)) * 60,
                actor: DemoStaff.evaluator,
                action: .submit(form: "observation",
                                values: DemoForms.observation(at: at, date: reference, status: life.status(on: reference),
                                                              source: source),
                                entry: nil)))
        }
        return steps
    }
}
