/// A state as a row of `workflow show`: plain data, the shell formats it.
public struct WorkflowStateRow: Sendable, Hashable {
    /// The id.
    public let id: String
    /// Nesting depth: 0 for a child of `scxml`.
    public let depth: Int
    /// The kind.
    public let kind: WorkflowState.Kind
    /// The label in the language asked for.
    public let label: String
    /// `l:due`, e.g. `P4W`.
    public let due: String?
    /// `l:requires`.
    public let requires: [String]
    /// `l:records`.
    public let records: [String]
    /// `l:contact-interval` as written.
    public let contactInterval: String?

    /// Creates a row.
    public init(id: String, depth: Int, kind: WorkflowState.Kind, label: String, due: String?, requires: [String],
                records: [String], contactInterval: String?) {
        self.id = id
        self.depth = depth
        self.kind = kind
        self.label = label
        self.due = due
        self.requires = requires
        self.records = records
        self.contactInterval = contactInterval
    }
}

/// A transition as a row of `workflow show`.
public struct WorkflowTransitionRow: Sendable, Hashable {
    /// The state holding it.
    public let source: String
    /// The event descriptors as written (empty for a history default).
    public let event: String
    /// The cond as written.
    public let cond: String?
    /// The target.
    public let target: String
    /// `l:roles`; nil when any role may fire it.
    public let roles: [String]?
    /// `l:requires`.
    public let requires: [String]
    /// `l:four-eyes`.
    public let fourEyes: Bool
    /// The label in the language asked for, or nil.
    public let label: String?

    /// Creates a row.
    public init(source: String, event: String, cond: String?, target: String, roles: [String]?, requires: [String],
                fourEyes: Bool, label: String?) {
        self.source = source
        self.event = event
        self.cond = cond
        self.target = target
        self.roles = roles
        self.requires = requires
        self.fourEyes = fourEyes
        self.label = label
    }
}

extension WorkflowDefinition {
    /// Every state in document order, with its depth.
    public func stateRows(lang: WorkflowLanguage) -> [WorkflowStateRow] {
        states.map { state in
            WorkflowStateRow(id: state.id, depth: state.ancestors.count, kind: state.kind, label: state.label(lang),
                             due: state.due?.description, requires: state.requires, records: state.records,
                             contactInterval: state.contactInterval?.source)
        }
    }

    /// Every transition in document order.
    public func transitionRows(lang: WorkflowLanguage) -> [WorkflowTransitionRow] {
        transitions.map { transition in
            WorkflowTransitionRow(source: transition.source, event: transition.event, cond: transition.condSource,
                                  target: transition.target, roles: transition.roles?.map(\.rawValue),
                                  requires: transition.requires, fourEyes: transition.fourEyes,
                                  label: transition.labels.text(lang))
        }
    }
}
