import LotseStore

/// One case's facts with their times, up to a bound: its codes, every transition and every
/// submission with when it was recorded and superseded. ``facts(asOf:)`` gives the case's
/// ``CaseFacts`` as of any earlier bound, exactly as ``CaseFactStream`` reads them with that
/// bound, so the reports derive their numbers as of every earlier month end from one scan.
/// Held for one case at a time.
struct CaseTimeline {
    let row: CaseScanRow
    /// Every transition by the bound, in order.
    var transitions: [TransitionScanRow] = []
    /// Every submission by the bound, by form, entry and time.
    var submissions: [SubmissionHistoryRow] = []

    var site: String { row.site }
    var openedAt: String { row.openedAt }

    /// The facts as of `bound` (a stored timestamp); nil when the case was opened after it.
    func facts(asOf bound: String) -> CaseFacts? {
        guard row.openedAt <= bound else { return nil }
        var facts = CaseFacts(
            caseID: row.caseID, clientID: row.clientID, workflow: row.workflow,
            group: row.group.flatMap(CaseGroup.init(rawValue:)),
            site: row.site, sex: row.sex, birthYear: row.birthYear,
            applicantType: row.applicantType, openedAt: row.openedAt, state: "", entered: [:],
            transitions: [], forms: [:])
        for t in transitions where t.at <= bound {
            facts.transitions.append((t.event, t.from, t.to, t.at))
            if facts.entered[t.to] == nil { facts.entered[t.to] = t.at }
            facts.state = t.to
        }
        for s in submissions where s.isCurrent(at: bound) {
            facts.forms[s.values.form, default: []].append(s.values.values)
        }
        return facts
    }
}

extension CaseFactStream {
    /// Streams every case's timeline up to `asOf`, in case order, by merge-joining three
    /// ordered scans (as ``forEach(site:asOf:_:)``), so memory stays flat.
    func forEachTimeline(site: String?, asOf: String, _ body: (CaseTimeline) throws -> Void) throws {
        let cases = try queries.cases(site: site, asOf: asOf)
        let transitions = try queries.transitions(asOf: asOf)
        let submissions = try queries.valueHistory(asOf: asOf, forms: forms)
        var nextTransition = try transitions.next()
        var nextSubmission = try submissions.next()
        while let row = try cases.next() {
            let id = row.caseID
            var timeline = CaseTimeline(row: row)
            while let t = nextTransition, t.caseID <= id {
                if t.caseID == id { timeline.transitions.append(t) }
                nextTransition = try transitions.next()
            }
            while let s = nextSubmission, s.values.caseID <= id {
                if s.values.caseID == id { timeline.submissions.append(s) }
                nextSubmission = try submissions.next()
            }
            try body(timeline)
        }
    }
}
