/// The story of a comparison case (DOMAIN §9.2): baseline data, regular case management with a
/// follow-up at +6 and +12 months (most cases), and for most the completion after the
/// observation year (the rest stay open past their due time).
final class DemoComparisonStory {
    let c: DemoCase
    let s: DemoScript
    var life: DemoLife
    private var r: DemoRandom { c.random }

    init(_ c: DemoCase, _ s: DemoScript) {
        self.c = c
        self.s = s
        life = DemoLife(c)
    }

    func write() {
        let cw = c.caseworker
        if let job = DemoOutcomes.regularJob(c, life, after: c.openedDay) { life.jobs.append(job) }
        if r.chance(DemoOutcomes.otherExit + DemoOutcomes.regularTransfer) {
            let day = c.openedDay + r.int(30...450)
            let transfer = r.chance(DemoOutcomes.regularTransfer / (DemoOutcomes.otherExit + DemoOutcomes.regularTransfer))
            if life.jobs.isEmpty || life.jobs[0].start > day {
                if transfer { life.transferred = day } else { life.leftBenefits = day }
            }
        }
        s.visit(s.today)
        s.assign(c.supervisor, to: cw)
        guard s.visit(c.openedDay + 1 + r.int(0...41)) else { return }
        if r.chance(0.01) { return } // baseline not recorded yet: overdue
        s.submit(cw, "referral", DemoForms.referral(c, date: s.today))
        s.fire(cw, "observe")
        var recorded = false
        for (at, months, share) in [("6m", 6, 0.75), ("12m", 12, 0.8)] where r.chance(share) {
            guard s.visit(DemoCalendar.adding(months: months, to: c.openedDay) + r.int(0...20)) else { return }
            s.submit(cw, "follow_up", DemoForms.followUp(at: at, date: s.today, status: life.status(on: s.today),
                                                          sameEmployer: r.chance(0.9)))
            recorded = at == "12m"
        }
        // Completed after the observation year: mostly right after the last follow-up, some later.
        let completes = recorded ? r.chance(0.9) : r.chance(0.5)
        let when = recorded ? s.today + r.int(0...30) : DemoCalendar.adding(months: 12, to: c.openedDay) + r.int(20...120)
        guard completes, s.visit(when) else { return }
        let status = life.status(on: s.today)
        let employed = status.employment != "none" && !(status.employment == "MINIJOB" && life.baselineMinijob)
        s.submit(cw, "closure", DemoForms.closure(date: s.today, reason: employed ? status.employment : "SONST",
                                                  benefit: status.benefit, other: "Beobachtungszeitraum beendet"))
        s.fire(cw, "complete")
    }
}
