/// What firing an event did: the case moved, or nothing changed and the refusal
/// says why.
public enum FireOutcome: Sendable, Hashable {
    /// A transition was taken.
    case moved(Move)
    /// No transition was taken; the configuration is unchanged.
    case refused(Refusal)

    /// The move, or nil.
    public var move: Move? {
        if case .moved(let move) = self { move } else { nil }
    }

    /// The refusal, or nil.
    public var refusal: Refusal? {
        if case .refused(let refusal) = self { refusal } else { nil }
    }
}

/// The value of one node a guard read, for the audit detail (DESIGN §7).
public struct GuardValue: Sendable, Hashable, CustomStringConvertible {
    /// The absolute path, e.g. `/case/capacity/erwerbsfaehig`.
    public let path: String
    /// The node's string value, nil when the case document has no such node.
    public let value: String?

    /// Creates a value.
    public init(path: String, value: String?) {
        self.path = path
        self.value = value
    }

    /// `/case/x = "yes"`, or `/case/x absent`.
    public var description: String {
        value.map { "\(path) = \"\($0)\"" } ?? "\(path) absent"
    }
}

/// A transition taken (SCXML §3.13 microstep, narrowed to one leaf).
public struct Move: Sendable, Hashable {
    /// The event fired.
    public let event: String
    /// The transition taken (its source, event descriptors, cond, target, roles).
    public let transition: WorkflowTransition
    /// The active state before.
    public let from: String
    /// The configuration after: the new active state and history memory.
    public let configuration: Configuration
    /// The states exited, innermost first (SCXML's exit order).
    public let exited: [String]
    /// The states entered, outermost first (SCXML's entry order), ending with the new active state.
    public let entered: [String]
    /// Whether the new state is a final child of `scxml`: the case closes.
    public let closes: Bool
    /// The nodes the transition's `cond` read and their values (empty without cond).
    public let values: [GuardValue]
    /// The `<log>`s run: `onexit` of the exited states, the transition's, `onentry`
    /// of the entered states (SCXML §3.13 order).
    public let logs: [WorkflowLog]
    /// The transitions taken on internal events after the external one, in order: the
    /// `done.state.ID` raised when a compound state's final child was entered (SCXML §3.7.1).
    /// `logs` holds theirs too, after the external transition's.
    public let internalSteps: [InternalStep]

    init(event: String, transition: WorkflowTransition, from: String, configuration: Configuration, exited: [String],
         entered: [String], closes: Bool, values: [GuardValue], logs: [WorkflowLog], internalSteps: [InternalStep] = []) {
        self.event = event
        self.transition = transition
        self.from = from
        self.configuration = configuration
        self.exited = exited
        self.entered = entered
        self.closes = closes
        self.values = values
        self.logs = logs
        self.internalSteps = internalSteps
    }

    /// The new active state.
    public var to: String { configuration.state }
}

/// One transition taken on an internal event within a macrostep.
public struct InternalStep: Sendable, Hashable {
    /// `done.state.ID`.
    public let event: String
    public let transition: WorkflowTransition
    public let from: String
    public let to: String
    public let values: [GuardValue]
    /// The `<log>`s of this step (exit, transition, entry).
    public let logs: [WorkflowLog]
}
