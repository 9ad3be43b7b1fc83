/// A definition (workflow or form) as stored when first used, by content hash.
public struct DefinitionRecord: Sendable, Equatable {
    public var id: Int
    public var kind: String
    public var name: String
    public var version: String
    public var sha256: String
    public var content: [UInt8]
    public var storedAt: String
}

/// A client: the person a case is about. Names are optional and shown to case roles only.
public struct ClientRecord: Sendable, Equatable {
    public var id: Int
    /// The site's code.
    public var site: String
    public var sex: String
    public var birthYear: Int
    /// Profillage / applicant type (`MP AP FP EP SP UP none`).
    public var applicantType: String
    public var firstName: String?
    public var lastName: String?
    public var createdAt: String
    public var createdBy: String
    /// Registered as eligible for the model project (part of the randomisation pool).
    public var eligible: Bool = false
}

/// A case: one client in one workflow version.
public struct CaseRecord: Sendable, Equatable {
    public var id: Int
    public var clientID: Int
    public var workflowID: Int
    /// The workflow's name (`amiga`).
    public var workflow: String
    /// The group of its randomisation assignment; nil when the case was opened by hand for a
    /// client outside the pool (`randomised = no`). Never stored on the case itself.
    public var group: CaseGroup?
    /// Whether the case comes from randomisation.
    public var randomised: Bool { group != nil }
    /// The active (leaf) state.
    public var state: String
    /// The shallow-history memory as JSON (`{"active":"profiling"}`).
    public var history: String
    public var enteredAt: String
    /// The user who fired the transition into the current state (nil: opened there).
    public var enteredBy: Int?
    public var assignedTo: Int?
    /// The assigned user's name.
    public var assignee: String?
    public var closed: Bool
    public var openedAt: String
    public var openedBy: Int
    /// Incremented by every change; a write expecting another version is refused.
    public var version: Int
    /// The client's site code.
    public var site: String
}

/// One transition of a case, for its history.
public struct TransitionRecord: Sendable, Equatable {
    public var id: Int
    public var caseID: Int
    public var event: String
    public var from: String?
    public var to: String
    public var userID: Int
    public var user: String
    public var at: String
    public var note: String?
    /// The workflow's `<log>` lines of this step, one per line (nil: none).
    public var log: String? = nil
}

/// A stored form submission. Never changed: a correction is a new row that supersedes it.
public struct SubmissionRecord: Sendable, Equatable {
    public var id: Int
    public var caseID: Int
    public var form: String
    public var definitionID: Int
    /// The entry number: 1 for ordinary forms; 1, 2, 3, ... for repeatable forms.
    public var entry: Int
    /// The submission this one corrects.
    public var supersedes: Int?
    /// The instance XML.
    public var instance: String
    public var userID: Int
    public var user: String
    public var at: String
    /// Not superseded by a later submission.
    public var isCurrent: Bool

    public init(id: Int, caseID: Int, form: String, definitionID: Int, entry: Int, supersedes: Int?, instance: String,
                userID: Int, user: String, at: String, isCurrent: Bool) {
        self.id = id
        self.caseID = caseID
        self.form = form
        self.definitionID = definitionID
        self.entry = entry
        self.supersedes = supersedes
        self.instance = instance
        self.userID = userID
        self.user = user
        self.at = at
        self.isCurrent = isCurrent
    }
}
