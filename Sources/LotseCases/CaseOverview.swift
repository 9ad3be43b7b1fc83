public import LotseStore
public import LotseWorkflow

/// What `case show` presents: the case, its state in words, when it is due, its history and
/// the events the current user may fire now.
public struct CaseOverview: Sendable {
    public var record: CaseRecord
    /// The client as the viewer may see them (no names for medical and evaluation roles).
    public var client: ClientRecord
    public var workflowVersion: String
    public var workflowSHA256: String
    /// The workflow version the case was opened with, as stored (it serves the case also when
    /// its file is gone or changed).
    public var workflow: WorkflowDefinition
    /// The case's workflow is no longer in the definitions folder under its name.
    public var workflowFileGone: Bool
    /// Forms of the case's submissions that are no longer in the definitions folder: their
    /// stored versions serve the case.
    public var formsFromStore: [String]
    /// The state's label in the chosen language.
    public var stateLabel: String
    /// The states from the top down to the active one (`active`, `capacity_review`).
    public var statePath: [String]
    public var due: DueDate?
    public var history: [TransitionRecord]
    /// Events the viewer's role may fire and whose conditions and requirements hold now.
    public var enabledEvents: [String]
    /// Events the viewer's role has here at all (some may still be blocked).
    public var availableEvents: [String]
    /// The current submissions.
    public var submissions: [SubmissionRecord]
    /// Repeatable forms that may be recorded now.
    public var records: [String]
}

/// When a case is due, and why.
public struct DueDate: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// `state` (the state's `l:due`) or `contact` (the agreed contact interval).
    public var reason: String
    public var overdue: Bool
}
