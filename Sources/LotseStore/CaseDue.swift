/// When an open case is due (DESIGN §9: kept per case so that `case list --overdue` is a
/// query): the date its state's `l:due` runs out and the date the agreed contact interval runs
/// out, each `YYYY-MM-DD` or nil. Derived from the case row, its submissions and its workflow
/// version, and rewritten by the office in the transaction of every change that moves it.
public struct CaseDue: Sendable, Equatable {
    /// The state's due date (`entered_at` + the nearest `l:due` up the state path).
    public var stateDue: String?
    /// The contact interval's due date (the later of the last contact and entering the state,
    /// plus the interval in days).
    public var contactDue: String?
    /// The contact interval reads the clock (`today()`, `now()`, `random()`): the stored date
    /// is only the one of the last change, and every listing computes it anew.
    public var volatile: Bool

    public init(stateDue: String?, contactDue: String?, volatile: Bool = false) {
        self.stateDue = stateDue
        self.contactDue = contactDue
        self.volatile = volatile
    }

    /// The earlier of the two dates (the state's on a tie), with its reason: `state` or `contact`.
    public var earliest: (date: String, reason: String)? {
        switch (stateDue, contactDue) {
        case let (state?, contact?): return contact < state ? (contact, "contact") : (state, "state")
        case let (state?, nil): return (state, "state")
        case let (nil, contact?): return (contact, "contact")
        case (nil, nil): return nil
        }
    }
}

/// A listing's filter of cases (every field optional; all given must hold).
public struct CaseFilter: Sendable, Equatable {
    public var state: String?
    /// Only cases of these sites (codes); nil for every site.
    public var sites: [String]?
    public var assignedTo: Int?
    public var clientID: Int?
    public var openOnly: Bool
    /// Only open cases due before this day (`YYYY-MM-DD`), and those whose due date reads the clock.
    public var dueBefore: String?

    public init(state: String? = nil, sites: [String]? = nil, assignedTo: Int? = nil, clientID: Int? = nil,
                openOnly: Bool = false, dueBefore: String? = nil) {
        self.state = state
        self.sites = sites
        self.assignedTo = assignedTo
        self.clientID = clientID
        self.openOnly = openOnly
        self.dueBefore = dueBefore
    }
}

/// One row of a case listing: the case and its stored due dates (nil for a closed case).
public struct CaseWithDue: Sendable {
    public var record: CaseRecord
    public var due: CaseDue?

    public init(record: CaseRecord, due: CaseDue?) {
        self.record = record
        self.due = due
    }
}
