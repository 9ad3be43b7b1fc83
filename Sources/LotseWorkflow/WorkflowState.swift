public import LotseXPath

/// A state of a workflow: `state` (atomic or compound), `final` or `history`
/// (SCXML §3.3, §3.7, §3.10), with Lotse's extensions.
///
/// States form a tree through ``parent`` and ``children``; the definition holds
/// them in document order and answers lookups by id.
public struct WorkflowState: Sendable, Hashable {
    /// What kind of state this is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A `state` without child states.
        case atomic
        /// A `state` with child states; entering it enters its initial child (SCXML §3.3).
        case compound
        /// A `final`; a final child of `scxml` closes the case.
        case final
        /// A shallow `history` pseudo-state (SCXML §3.10): entering it restores the
        /// child its parent was last in, or takes its default transition.
        case history
    }

    /// The `id`.
    public let id: String
    /// The kind.
    public let kind: Kind
    /// The enclosing state's id, nil for a child of `scxml`.
    public let parent: String?
    /// Ancestors' ids, nearest first (precomputed for the interpreter).
    public let ancestors: [String]
    /// Child states' ids (states, finals, histories) in document order.
    public let children: [String]
    /// For a compound state: the descendant entered by default (`initial`, else the
    /// first child state in document order).
    public let initial: String?
    /// The state's transitions in document order; a history's default transition.
    public let transitions: [WorkflowTransition]
    /// `l:requires`: forms that need a current valid submission before the state is left.
    public let requires: [String]
    /// `l:records`: repeatable forms that may be submitted while in the state.
    public let records: [String]
    /// `l:due`: after this long in the state a case is overdue.
    public let due: WorkflowDuration?
    /// `l:contact-interval`: an expression giving, in days, the longest time allowed
    /// without a recorded contact while in this state.
    public let contactInterval: XPathExpression?
    /// `l:label-de`, `l:label-en`.
    public let labels: WorkflowLabels
    /// `<log>`s of `<onentry>`, in order.
    public let onEntry: [WorkflowLog]
    /// `<log>`s of `<onexit>`, in order.
    public let onExit: [WorkflowLog]
    /// The line of the element.
    public let line: Int

    init(id: String, kind: Kind, parent: String?, ancestors: [String], children: [String], initial: String?,
         transitions: [WorkflowTransition], requires: [String], records: [String], due: WorkflowDuration?,
         contactInterval: XPathExpression?, labels: WorkflowLabels, onEntry: [WorkflowLog],
         onExit: [WorkflowLog], line: Int) {
        self.id = id
        self.kind = kind
        self.parent = parent
        self.ancestors = ancestors
        self.children = children
        self.initial = initial
        self.transitions = transitions
        self.requires = requires
        self.records = records
        self.due = due
        self.contactInterval = contactInterval
        self.labels = labels
        self.onEntry = onEntry
        self.onExit = onExit
        self.line = line
    }

    /// Whether this is a `final` child of `scxml`: reaching it closes the case.
    public var closesCase: Bool { kind == .final && parent == nil }

    /// The label in `language`, falling back to the other language and then the id.
    public func label(_ language: WorkflowLanguage) -> String {
        labels.text(language) ?? id
    }
}
