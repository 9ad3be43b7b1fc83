/// The story of a participant through the AmigA workflow (DOMAIN §9.1), with real forms:
/// referral, consent, profiling, the medical service's assessment, the case conference, the
/// capacity review with four-eyes sign-off and the §44a interface where needed, planning,
/// integration steps with contacts and measures, placement and follow-up, closure, and the
/// detours (suspension, reassessment, plan reviews, withdrawal, moving away, leaving benefits).
final class DemoParticipantStory {
    let c: DemoCase
    let s: DemoScript
    var life: DemoLife
    private var r: DemoRandom { c.random }
    private var cw: String { c.caseworker }
    private var assessment = DemoAssessment(capacity: "GE6", duration: "LE6M")
    private var stepEntries = 0
    private var reassessed = false

    init(_ c: DemoCase, _ s: DemoScript) {
        self.c = c
        self.s = s
        life = DemoLife(c)
    }

    /// Writes the whole story into the script.
    func write() {
        s.visit(s.today)
        s.assign(c.supervisor, to: cw)
        guard intake() else { return }
        guard assessmentAndConference() else { return }
        guard planning(first: true) else { return }
        integrationSteps()
    }

    /// Leaves the project without its support: regular chances from `day` on.
    private func outside(from day: Int) {
        if let job = DemoOutcomes.regularJob(c, life, after: day) { life.jobs.append(job) }
    }

    // MARK: Referral, consent, profiling

    private func intake() -> Bool {
        guard s.visit(c.openedDay + 1 + r.int(0...41)) else { return false }
        s.submit(cw, "referral", DemoForms.referral(c, date: s.today))
        s.fire(cw, "request_consent")
        if r.chance(0.01) { outside(from: s.today); return false } // the client does not answer: overdue
        guard s.visit(s.today + r.int(3...16)) else { return false }
        if r.chance(0.06) {
            s.submit(cw, "consent", DemoForms.consent(c, date: s.today, given: false))
            s.submit(cw, "closure", DemoForms.closure(date: s.today, reason: "SONST", benefit: "unchanged",
                                                      other: "Einwilligung nicht erteilt"))
            s.fire(cw, "consent_refused")
            outside(from: s.today)
            return false
        }
        s.submit(cw, "consent", DemoForms.consent(c, date: s.today, given: true))
        s.fire(cw, "consent_given")
        guard s.visit(s.today + r.int(5...21)) else { return false }
        if r.chance(0.02), !suspension(returning: true) { return false }
        if r.chance(0.005) { outside(from: s.today); return false } // profiling not done yet: overdue
        s.submit(cw, "profiling", DemoForms.profiling(c, date: s.today))
        s.fire(cw, "order_assessment")
        return true
    }

    // MARK: Health assessment, case conference, capacity

    /// The medical service's visit: findings and statement by the site's medical user.
    private func healthAssessment(mild: Bool) -> Bool {
        assessment = DemoForms.assessment(c, mild: mild)
        let ordered = s.today
        if r.chance(0.7) {
            guard s.visit(ordered + r.int(5...20)) else { return false }
            s.submit(c.medical, "health_questionnaire", DemoForms.healthQuestionnaire(c, date: s.today, assessment))
        }
        if r.chance(0.01) { outside(from: s.today); return false } // the statement is still awaited
        let wait = r.chance(0.1) ? r.int(57...80) : r.int(14...50)
        guard s.visit(ordered + wait) else { return false }
        s.submit(c.medical, "medical_findings", DemoForms.medicalFindings(c, date: s.today))
        s.submit(c.medical, "medical_statement", DemoForms.medicalStatement(c, date: s.today, assessment))
        s.fire(c.medical, "submit_statement")
        return true
    }

    private func assessmentAndConference() -> Bool {
        guard healthAssessment(mild: false) else { return false }
        guard s.visit(s.today + r.int(3...12)) else { return false }
        if !reassessed && r.chance(0.03) {
            reassessed = true
            s.submit(cw, "case_conference", DemoForms.caseConference(c, date: s.today, result: "reassess"))
            s.fire(cw, "reassess")
            guard healthAssessment(mild: true) else { return false }
            guard s.visit(s.today + r.int(3...12)) else { return false }
        }
        let limited = assessment.capacity == "LT3"
        if !limited && r.chance(0.92) {
            s.submit(cw, "case_conference", DemoForms.caseConference(c, date: s.today, result: "plan"))
            s.fire(cw, "plan_directly")
            return true
        }
        s.submit(cw, "case_conference", DemoForms.caseConference(c, date: s.today, result: "refer_review"))
        s.fire(cw, "refer_to_review")
        return capacityReview()
    }

    private var erwerbsfaehig: Bool {
        !(assessment.capacity == "LT3" && (assessment.duration == "GT6M" || assessment.duration == "PERMANENT"))
    }

    /// §8 SGB II: the decision, the four-eyes sign-off by the site's supervisor, and when not
    /// erwerbsfähig the §44a interface (objection and DRV opinion) or the transfer.
    private func capacityReview() -> Bool {
        guard s.visit(s.today + r.int(7...28)) else { return false }
        s.submit(cw, "capacity", DemoForms.capacity(date: s.today, basis: r.chance(0.7) ? "aed_statement" : "team"))
        s.fire(cw, "decide")
        if erwerbsfaehig { return true }
        guard s.visit(s.today + r.int(1...8)) else { return false }
        if r.chance(0.1) {
            s.fire(c.supervisor, "reject", note: r.pick(["Befundbericht der Hausärztin einholen",
                                                         "Rehabilitationsbedarf vorrangig prüfen"]))
            guard s.visit(s.today + r.int(10...30)) else { return false }
            if r.chance(0.5) {
                assessment = DemoAssessment(capacity: "H3_6", duration: "GT6M")
                s.submit(cw, "capacity", DemoForms.capacity(date: s.today, basis: "team", override: assessment))
                s.fire(cw, "decide")
                return true
            }
            s.submit(cw, "capacity", DemoForms.capacity(date: s.today, basis: "team"))
            s.fire(cw, "decide")
            guard s.visit(s.today + r.int(1...6)) else { return false }
        }
        s.fire(c.supervisor, "confirm")
        let informed = s.today + r.int(1...5)
        if r.chance(0.65) {
            guard s.visit(informed + r.int(30...40)) else { return false }
            s.submit(cw, "interface", DemoForms.interface(c, informed: informed, objection: nil))
            transfer()
            return false
        }
        let objected = informed + r.int(5...25)
        guard s.visit(objected + r.int(1...6)) else { return false }
        s.submit(cw, "interface", DemoForms.interface(c, informed: informed, objection: objected))
        s.fire(cw, "objection")
        let objector = r.weighted([("kommunal", 0.5), ("sgb12", 0.3), ("krankenkasse", 0.2)])
        let requested = s.today
        s.submit(cw, "objection", DemoForms.objection(objector: objector, objected: objected, requested: requested,
                                                      opinion: nil))
        if r.chance(0.12) { return false } // the DRV opinion is still awaited; benefits continue
        guard s.visit(s.today + r.int(30...110)) else { return false }
        let capable = r.chance(0.45)
        s.submit(cw, "objection", DemoForms.objection(objector: objector, objected: objected, requested: requested,
                                                      opinion: (s.today, capable ? "erwerbsfaehig" : "not_erwerbsfaehig")))
        if capable {
            assessment = DemoAssessment(capacity: "H3_6", duration: "GT6M")
            s.fire(cw, "drv_opinion")
            return true
        }
        transfer(event: "drv_opinion")
        return false
    }

    /// The transfer to SGB XII or a pension: the client leaves SGB II.
    private func transfer(event: String = "no_objection") {
        s.submit(cw, "transfer", DemoForms.transfer(c, date: s.today, duration: assessment.duration))
        s.fire(cw, event)
        life.transferred = s.today
    }

    // MARK: Planning and integration steps

    private var interval = 14

    /// The cooperation plan (a new one on review), then `agree_plan`.
    private func planning(first: Bool) -> Bool {
        guard s.visit(s.today + r.int(3...14)) else { return false }
        interval = first ? r.weighted([(14, 0.6), (7, 0.1), (21, 0.15), (28, 0.15)])
            : r.weighted([(14, 0.2), (21, 0.25), (28, 0.3), (42, 0.25)])
        reviewBy = s.today + r.int(90...180)
        let values = DemoForms.plan(c, date: s.today, first: first, interval: interval, reviewBy: reviewBy)
        let steps = values.first { $0.key == "steps_planned" }?.value.split(separator: " ").map(String.init) ?? []
        plannedCategories = DemoVocabulary.planSteps.filter { steps.contains($0.step) && $0.step != "wage_subsidy"
            && $0.step != "childcare" }.map(\.category).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        s.submit(cw, "plan", values)
        s.fire(cw, "agree_plan")
        return true
    }

    private var reviewBy = 0
    /// The step categories the current plan leads to.
    private var plannedCategories: [String] = []

    /// What can happen next while the case is in integration steps.
    private enum Next {
        case contact, review, stepStart(String), stepEnd(entry: Int, category: String, start: Int)
        case placement(String), suspend, reassess, withdraw, move, leave
    }

    private func gap() -> Int {
        r.chance(0.12) ? interval + r.int(3...14) : max(1, interval - r.int(0...min(5, interval - 1)))
    }

    private func integrationSteps() {
        let entered = s.today
        var pending: [(day: Int, next: Next)] = [(entered + r.int(1...min(7, interval)), .contact),
                                                  (reviewBy, .review)]
        let categories = Array(plannedCategories.prefix(3))
        for (index, category) in categories.enumerated() {
            pending.append((entered + r.int(0...10) + index * r.int(40...100), .stepStart(category)))
        }
        if let job = DemoOutcomes.projectJob(c, life) { pending.append((entered + job.offset, .placement(job.code))) }
        if r.chance(0.06) { pending.append((entered + r.int(20...300), .suspend)) }
        if r.chance(0.02) { pending.append((entered + r.int(60...250), .reassess)) }
        if r.chance(0.03) { pending.append((entered + r.int(20...400), .withdraw)) }
        if r.chance(0.02) { pending.append((entered + r.int(20...400), .move)) }
        if r.chance(DemoOutcomes.otherExit) { pending.append((entered + r.int(30...400), .leave)) }
        let staleFrom = r.chance(0.05) ? entered + r.int(60...500) : Int.max
        var open: [(entry: Int, category: String, start: Int)] = []

        func postpone(before day: Int) {
            for i in pending.indices where pending[i].day < day { pending[i].day = day + r.int(3...20) }
        }
        func reschedule(_ next: Next, at day: Int) {
            pending.removeAll { if case .contact = $0.next { return true } else { return false } }
            pending.append((day, next))
        }

        while let index = pending.indices.min(by: { pending[$0].day < pending[$1].day }) {
            let (day, next) = pending.remove(at: index)
            guard s.visit(day) else { return }
            switch next {
            case .contact:
                s.submit(cw, "contact", DemoForms.contact(c, date: s.today))
                if s.today < staleFrom { pending.append((s.today + gap(), .contact)) }
            case .review:
                s.fire(cw, "review_plan")
                guard planning(first: false) else { return }
                pending.append((reviewBy, .review))
                reschedule(.contact, at: s.today + r.int(1...min(7, interval)))
            case let .stepStart(category):
                stepEntries += 1
                s.submit(cw, "step", DemoForms.step(c, category: category, status: "running", start: s.today, end: nil))
                open.append((stepEntries, category, s.today))
                pending.append((s.today + r.int(30...150), .stepEnd(entry: stepEntries, category: category, start: s.today)))
            case let .stepEnd(entry, category, start):
                s.submit(cw, "step", DemoForms.step(c, category: category, status: r.chance(0.8) ? "completed" : "dropped",
                                                    start: start, end: s.today), entry: entry)
                open.removeAll { $0.entry == entry }
            case let .placement(code):
                for step in open {
                    s.submit(cw, "step", DemoForms.step(c, category: step.category, status: "completed",
                                                        start: step.start, end: s.today), entry: step.entry)
                }
                open.removeAll()
                pending.removeAll { if case .stepEnd = $0.next { return true } else { return false } }
                guard placed(code: code, start: s.today) else { return }
                // The job was lost: back in integration steps, contacts go on.
                pending.removeAll { if case .placement = $0.next { return true } else { return false } }
                postpone(before: s.today)
                reschedule(.contact, at: s.today + r.int(1...7))
            case .suspend:
                guard suspension(returning: !r.chance(0.12)) else { return }
                postpone(before: s.today)
            case .reassess:
                s.fire(cw, "reassess")
                guard healthAssessment(mild: true) else { return }
                guard s.visit(s.today + r.int(3...10)) else { return }
                s.submit(cw, "case_conference", DemoForms.caseConference(c, date: s.today, result: "plan"))
                s.fire(cw, "plan_directly")
                guard planning(first: false) else { return }
                pending.removeAll { if case .review = $0.next { return true } else { return false } }
                pending.append((reviewBy, .review))
                postpone(before: s.today)
            case .withdraw:
                s.submit(cw, "consent", [("revoked_on", DemoCalendar.iso(s.today))], keeping: true)
                s.submit(cw, "closure", DemoForms.closure(date: s.today, reason: "ABBRUCH",
                                                          benefit: life.status(on: s.today).benefit,
                                                          remarks: "Einwilligung widerrufen"))
                s.fire(cw, "withdraw_consent")
                outside(from: s.today)
                return
            case .move:
                s.submit(cw, "closure", DemoForms.closure(date: s.today, reason: "UMZUG",
                                                          benefit: life.status(on: s.today).benefit))
                s.fire(cw, "move_away", note: "Umzug außerhalb des Kreises Borken")
                outside(from: s.today)
                return
            case .leave:
                let pension = c.ageClass(on: s.today) == "50plus" && r.chance(0.5)
                s.submit(cw, "closure", DemoForms.closure(
                    date: s.today, reason: pension ? "KOSTENTRAEGER" : "SONST", benefit: "none",
                    other: "Einkommen des Partners", remarks: pension ? "vorgezogene Altersrente" : nil))
                s.fire(cw, "leave_benefits")
                life.leftBenefits = s.today
                return
            }
        }
    }

    /// A suspension (sick leave, rehabilitation, therapy) and, unless the client is still
    /// away at the end, the resumption into the state it interrupted.
    /// - Returns: false when the story ends suspended.
    private func suspension(returning: Bool) -> Bool {
        s.fire(cw, "suspend", note: r.pick(DemoVocabulary.suspensionNotes))
        guard returning, s.visit(s.today + r.int(28...100)) else { return false }
        s.fire(cw, "resume")
        return true
    }

    /// Placement and follow-up at +3, +6 and +12 months; completion, or back to integration
    /// steps when the job is lost.
    /// - Returns: true when the job was lost (the case is in integration steps again).
    private func placed(code: String, start: Int) -> Bool {
        let lost = r.chance(0.1)
        let firstFollowUp = DemoCalendar.adding(months: 3, to: start)
        let lossDay = lost ? firstFollowUp + r.int(20...180) : nil
        life.jobs.append(DemoJob(code: code, start: start, end: lossDay))
        guard s.visit(start + r.int(0...7)) else { return false }
        s.fire(cw, "record_placement")
        s.submit(cw, "placement", DemoForms.placement(c, start: start, outcome: code))
        guard s.visit(s.today + r.int(0...8)) else { return false }
        s.fire(cw, "start_follow_up")
        let closeAfter = r.chance(0.6) ? "12m" : "6m"
        for (at, months) in [("3m", 3), ("6m", 6), ("12m", 12)] {
            let due = DemoCalendar.adding(months: months, to: start)
            if let lossDay, lossDay < due {
                guard s.visit(lossDay + r.int(3...20)) else { return false }
                s.fire(cw, "job_lost", note: "Arbeitsverhältnis in der Probezeit beendet")
                return true
            }
            guard s.visit(due + r.int(0...10)) else { return false }
            let status = life.status(on: s.today)
            s.submit(cw, "follow_up", DemoForms.followUp(at: at, date: s.today, status: status, sameEmployer: r.chance(0.9)))
            if at == closeAfter {
                s.submit(cw, "closure", DemoForms.closure(date: s.today, reason: code, benefit: status.benefit))
                s.fire(cw, "complete", note: r.chance(0.3) ? "Integration stabil, Nachbetreuung beendet" : nil)
                return false
            }
        }
        return false
    }
}
