/// Employment and benefit receipt on a day, as an observation or follow-up reports them.
struct DemoStatus {
    /// `SVB_VZ SVB_TZ AUSB SELBST MINIJOB GEF_BESCH none`.
    var employment: String
    /// `none reduced unchanged`, against the start of the case.
    var benefit: String
    /// The day the employment started (nil when not employed).
    var since: Int? = nil
}

/// A job held from `start` until the day before `end`.
struct DemoJob {
    var code: String
    var start: Int
    var end: Int?
}

/// What happens to a client in the simulated time, as far as the outcome observations see it.
struct DemoLife {
    var jobs: [DemoJob] = []
    /// The day the client left SGB II receipt without a job (transfer to SGB XII or a pension,
    /// another payer, a partner's income).
    var leftBenefits: Int?
    /// The day the client left SGB II by transfer (SGB XII, a pension, rehabilitation): its own outcome.
    var transferred: Int?
    /// Held a Minijob at the start (Velen's clients mostly).
    let baselineMinijob: Bool
    /// Keeps that Minijob while not in another job.
    let keepsMinijob: Bool
    /// A fixed draw in [0, 1): how far a job lowers the claim (the same at every observation).
    let benefitDraw: Double

    init(_ c: DemoCase) {
        baselineMinijob = c.client.minijob
        keepsMinijob = c.random.chance(0.85)
        benefitDraw = c.random.unit()
    }

    /// Employment and benefit receipt on `day`.
    func status(on day: Int) -> DemoStatus {
        if let job = jobs.last(where: { $0.start <= day && ($0.end ?? Int.max) > day }) {
            return DemoStatus(employment: job.code, benefit: DemoOutcomes.benefit(job.code, draw: benefitDraw),
                              since: job.start)
        }
        let employment = baselineMinijob && keepsMinijob ? "MINIJOB" : "none"
        if let transferred, transferred <= day { return DemoStatus(employment: "none", benefit: "transferred") }
        if let left = leftBenefits, left <= day { return DemoStatus(employment: employment, benefit: "none") }
        // A Minijob held from the start lowers the claim already at the start: unchanged since.
        if employment == "MINIJOB" { return DemoStatus(employment: employment, benefit: "unchanged") }
        return DemoStatus(employment: "none", benefit: DemoOutcomes.benefit("none", draw: benefitDraw))
    }
}

/// The outcome model, calibrated to the Borken results (DOMAIN §1): against the comparison
/// group, participants leave benefits about twice as often, reduce their claim about twice
/// as often, and are integrated (K2) more than twice as often; Minijobs a little more often.
enum DemoOutcomes {
    static let integrations: Set<String> = ["SVB_VZ", "SVB_TZ", "AUSB", "SELBST"]
    /// Employment subject to social insurance (the follow-up's `in_svb`).
    static let svb: Set<String> = ["SVB_VZ", "SVB_TZ", "AUSB", "GEF_BESCH"]

    /// Benefit receipt with a job of this kind (the same for both groups): shares of
    /// `none` and `reduced`, the rest `unchanged`.
    static let benefitShares: [String: (none: Double, reduced: Double)] = [
        "SVB_VZ": (0.80, 0.18), "SVB_TZ": (0.35, 0.60), "AUSB": (0.40, 0.50), "SELBST": (0.45, 0.40),
        "MINIJOB": (0.02, 0.85), "GEF_BESCH": (0.05, 0.45), "none": (0.0, 0.01),
    ]

    static func benefit(_ employment: String, draw: Double) -> String {
        let shares = benefitShares[employment] ?? (0, 0)
        return draw < shares.none ? "none" : draw < shares.none + shares.reduced ? "reduced" : "unchanged"
    }

    /// Jobs found in regular case management within about 15 months (comparison group; also
    /// participants who leave the project early).
    static let regularJobs: [(String?, Double)] = [
        ("SVB_VZ", 0.05), ("SVB_TZ", 0.05), ("AUSB", 0.02), ("SELBST", 0.02), ("MINIJOB", 0.05),
        ("GEF_BESCH", 0.035), (nil, 0.775),
    ]

    /// Jobs the project's integration steps lead to (for participants who reach them).
    static let projectJobs: [(String?, Double)] = [
        ("SVB_VZ", 0.10), ("SVB_TZ", 0.12), ("AUSB", 0.045), ("SELBST", 0.035), ("MINIJOB", 0.13),
        ("GEF_BESCH", 0.07), (nil, 0.50),
    ]

    /// Share leaving benefits without a job (other payer, partner's income, pension), both groups.
    static let otherExit = 0.015
    /// Share of the comparison group moving to SGB XII or a disability pension in regular case management.
    static let regularTransfer = 0.025

    /// A job from regular case management starting after `day`, or nil.
    static func regularJob(_ c: DemoCase, _ life: DemoLife, after day: Int) -> DemoJob? {
        let r = c.random
        guard let code = r.weighted(regularJobs), !(code == "MINIJOB" && life.baselineMinijob) else { return nil }
        let start = max(day + 14, c.openedDay + 30 + Int(420 * r.unit()))
        let end = r.chance(0.12) ? start + r.int(60...300) : nil
        return DemoJob(code: code, start: start, end: end)
    }

    /// The job the project leads to, with the days from entering integration steps to its start.
    static func projectJob(_ c: DemoCase, _ life: DemoLife) -> (code: String, offset: Int)? {
        let r = c.random
        guard let code = r.weighted(projectJobs), !(code == "MINIJOB" && life.baselineMinijob) else { return nil }
        let u = r.unit()
        return (code, 20 + Int(330 * u * u.squareRoot()))
    }
}
