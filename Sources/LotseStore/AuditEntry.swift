/// What a change asks the audit log to record; the log adds the sequence number,
/// the chain hashes and stores the row in the caller's transaction.
public struct AuditDraft: Sendable, Equatable {
    /// ISO 8601 UTC timestamp of the change (see `Timestamp`).
    public var at: String
    /// Name of the user who acted (for a failed login: the name that was tried).
    public var actor: String
    /// The actor's role, when known.
    public var role: String?
    /// What happened, dot-separated from general to specific (`login.failed`, `user.add`).
    public var action: String
    /// The case concerned, if any.
    public var caseID: Int?
    /// The workflow event, for transitions.
    public var event: String?
    /// The state before a transition.
    public var fromState: String?
    /// The state after a transition.
    public var toState: String?
    /// A self-explaining detail, usually a JSON object.
    public var detail: String?
    /// The covered data rows this row wrote, one line `KIND ID SHA256` each (set by
    /// `AuditLog.append` from the rows written in its transaction; nil when none).
    public var records: String?

    public init(at: String, actor: String, role: String? = nil, action: String, caseID: Int? = nil,
                event: String? = nil, fromState: String? = nil, toState: String? = nil, detail: String? = nil,
                records: String? = nil) {
        self.at = at
        self.actor = actor
        self.role = role
        self.action = action
        self.caseID = caseID
        self.event = event
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
        self.records = records
    }
}

/// One stored row of the audit log.
public struct AuditEntry: Sendable, Equatable {
    /// Position in the chain, 1, 2, 3, ... without gaps.
    public var seq: Int
    /// The recorded fields.
    public var draft: AuditDraft
    /// Hash of the previous row (64 zeros for the first row), lowercase hex.
    public var prevHash: String
    /// SHA-256 over `prevHash` and the canonical encoding of this row, lowercase hex.
    public var hash: String

    public init(seq: Int, draft: AuditDraft, prevHash: String, hash: String) {
        self.seq = seq
        self.draft = draft
        self.prevHash = prevHash
        self.hash = hash
    }
}
