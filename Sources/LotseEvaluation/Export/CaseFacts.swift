public import LotseStore

/// Everything the evaluation reads about one case, as of a date: its codes, when it entered
/// each state, and the values of its current submissions. Never names, never medical forms.
public struct CaseFacts: Sendable {
    public var caseID: Int
    public var clientID: Int
    public var workflow: String
    /// The randomised group; nil for a case opened by hand outside the pool (`randomised = no`).
    public var group: CaseGroup?
    public var site: String
    public var sex: String
    public var birthYear: Int
    public var applicantType: String
    /// When the case was opened (stored timestamp).
    public var openedAt: String
    /// The state the case is in as of the date.
    public var state: String
    /// The first time the case entered each state (stored timestamps).
    public var entered: [String: String]
    /// Every transition: (event, from, to, at), in order.
    public var transitions: [(event: String, from: String?, to: String, at: String)]
    /// Current submissions: form → entries in order, each a map from field path to value.
    public var forms: [String: [[String: String]]]

    /// The value of a field of an ordinary form's current submission.
    public func value(_ form: String, _ field: String) -> String? {
        forms[form]?.last?[field].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The entries of a repeatable form.
    public func entries(_ form: String) -> [[String: String]] { forms[form] ?? [] }
}

/// Streams `CaseFacts` for every case, in case order, by merge-joining three ordered scans,
/// so memory stays flat however large the region. Submissions are read as their kept values
/// (`SubmissionValues`: short rows), not as instance documents.
struct CaseFactStream {
    let queries: any EvaluationRecords
    /// The forms the evaluation reads (never the medical ones).
    let forms: [String]
    /// Read the instance documents instead of the kept values (to check that both read the same).
    var instances = false

    func forEach(site: String?, asOf: String, _ body: (CaseFacts) throws -> Void) throws {
        let cases = try queries.cases(site: site, asOf: asOf)
        let transitions = try queries.transitions(asOf: asOf)
        let submissions: RecordCursor<SubmissionValuesRow>
        if instances {
            let documents = try queries.currentSubmissions(asOf: asOf, forms: forms)
            submissions = RecordCursor { () throws(StoreError) -> SubmissionValuesRow? in
                try documents.next().map {
                    SubmissionValuesRow(caseID: $0.caseID, form: $0.form, entry: $0.entry, at: $0.at,
                                        values: InstanceValues.parse($0.instance))
                }
            }
        } else {
            submissions = try queries.currentValues(asOf: asOf, forms: forms)
        }
        var nextTransition = try transitions.next()
        var nextSubmission = try submissions.next()
        while let row = try cases.next() {
            let id = row.caseID
            var facts = CaseFacts(
                caseID: id, clientID: row.clientID, workflow: row.workflow,
                group: row.group.flatMap(CaseGroup.init(rawValue:)),
                site: row.site, sex: row.sex, birthYear: row.birthYear,
                applicantType: row.applicantType, openedAt: row.openedAt, state: "", entered: [:],
                transitions: [], forms: [:])
            // About a dozen transitions a case: one allocation each instead of growing step by step.
            facts.entered.reserveCapacity(16)
            facts.transitions.reserveCapacity(16)
            while let t = nextTransition, t.caseID <= id {
                if t.caseID == id {
                    facts.transitions.append((t.event, t.from, t.to, t.at))
                    if facts.entered[t.to] == nil { facts.entered[t.to] = t.at }
                    facts.state = t.to
                }
                nextTransition = try transitions.next()
            }
            while let s = nextSubmission, s.caseID <= id {
                if s.caseID == id {
                    facts.forms[s.form, default: []].append(s.values)
                }
                nextSubmission = try submissions.next()
            }
            try body(facts)
        }
    }
}
