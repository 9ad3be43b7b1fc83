public import LotseXPath

/// What the interpreter needs to know about the case and the user when an event
/// is fired (DESIGN §3). Built by the cases layer for one `fire`.
///
/// Not `Sendable`: it holds the caller's case document.
public struct FireContext {
    /// The role of the user firing the event.
    public var role: WorkflowRole
    /// The id of the user firing the event.
    public var userID: Int
    /// The top element (`case`) of the case data document (DESIGN §5) that `cond`
    /// expressions read; absolute paths (`/case/capacity/erwerbsfaehig`) start above it.
    public var caseDocument: any XPathNode
    /// The forms with a current valid submission (a repeatable form: at least one entry).
    public var submittedForms: Set<String>
    /// The user who fired the transition into the current state; nil when the
    /// state was entered when the case was opened (no four-eyes conflict then).
    public var enteredBy: Int?
    /// The case's transitions and submissions, for `l:four-eyes` (when nil, only `enteredBy`
    /// is checked).
    public var history: CaseHistory?
    /// The clock of `today()` and `now()` in guards.
    public var clock: XPathClock
    /// The purposes the case's current consent covers today (given, not revoked); nil when the
    /// caller does not check consent (`l:consent` is then not enforced).
    public var consentedPurposes: Set<String>?
    /// Why the consent covers nothing: not recorded, refused, revoked on a day, other purposes only.
    public var consentState: ConsentState = .notRecorded

    /// Creates a context.
    public init(role: WorkflowRole, userID: Int, caseDocument: any XPathNode, submittedForms: Set<String>,
                enteredBy: Int?, history: CaseHistory? = nil, clock: XPathClock = .system) {
        self.role = role
        self.userID = userID
        self.caseDocument = caseDocument
        self.submittedForms = submittedForms
        self.enteredBy = enteredBy
        self.history = history
        self.clock = clock
    }
}
