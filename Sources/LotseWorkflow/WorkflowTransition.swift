public import LotseXPath

/// A `<transition>` (SCXML §3.5) with Lotse's extensions.
///
/// A transition of a `state` always has an event and exactly one target (the
/// subset has no `parallel`, so no transition needs several). The default
/// transition of a `history` state has neither event nor cond.
public struct WorkflowTransition: Sendable, Hashable {
    /// SCXML's `type` (§3.5): an `internal` transition whose target is a
    /// descendant of its compound source does not exit the source.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The default: the source is exited and re-entered when targeted.
        case external
        /// The source stays active when all targets are its descendants.
        case `internal`
    }

    /// The id of the state (or history) that holds the transition.
    public let source: String
    /// The event descriptors of `event`, in order (empty for a history default).
    public let events: [String]
    /// The compiled `cond`, or nil (an absent cond is true).
    public let cond: XPathExpression?
    /// The absolute paths of the case document that `cond` reads, sorted
    /// (`/case/capacity/erwerbsfaehig`), for the audit detail.
    public let condReads: [String]
    /// The target state's id.
    public let target: String
    /// `type`.
    public let kind: Kind
    /// `l:roles`: who may fire it; nil when absent (any role may).
    public let roles: [WorkflowRole]?
    /// `l:requires`: forms that must have a current valid submission before it is taken.
    public let requires: [String]
    /// `l:four-eyes="true"`: the user must differ from the one who entered the current state.
    public let fourEyes: Bool
    /// `l:consent`: purposes the case's current, unrevoked consent must cover before it is taken.
    public let consent: [String]
    /// `l:label-de`, `l:label-en`.
    public let labels: WorkflowLabels
    /// `<log>` children, run between exiting and entering.
    public let logs: [WorkflowLog]
    /// The line of the `<transition>` element.
    public let line: Int
    /// Position among all transitions of the document (document order).
    public let order: Int

    init(source: String, events: [String], cond: XPathExpression?, condReads: [String], target: String,
         kind: Kind, roles: [WorkflowRole]?, requires: [String], fourEyes: Bool, consent: [String] = [],
         labels: WorkflowLabels,
         logs: [WorkflowLog], line: Int, order: Int) {
        self.source = source
        self.events = events
        self.cond = cond
        self.condReads = condReads
        self.target = target
        self.kind = kind
        self.roles = roles
        self.requires = requires
        self.fourEyes = fourEyes
        self.consent = consent
        self.labels = labels
        self.logs = logs
        self.line = line
        self.order = order
    }

    /// The `event` attribute as written (descriptors joined by a space).
    public var event: String { events.joined(separator: " ") }

    /// The `cond` text, or nil.
    public var condSource: String? { cond?.source }

    /// Whether `event` matches one of the descriptors (SCXML §3.12.1): a descriptor
    /// equal to the event's name or a prefix of it at a dot boundary (`review`
    /// matches `review.plan`; a trailing `.*` or `.` is ignored), or `*`.
    ///
    /// - Parameter event: The event's name, e.g. `decide`.
    public func matches(event: String) -> Bool {
        events.contains { EventDescriptor.matches($0, event: event) }
    }

    /// Whether `role` may fire this transition (`l:roles` absent: every role).
    public func allows(_ role: WorkflowRole) -> Bool {
        roles?.contains(role) ?? true
    }
}

/// Event descriptor matching (SCXML §3.12.1).
enum EventDescriptor {
    /// Whether `descriptor` matches `event`.
    static func matches(_ descriptor: String, event: String) -> Bool {
        if descriptor == "*" { return true }
        var stem = Substring(descriptor)
        if stem.hasSuffix(".*") { stem = stem.dropLast(2) }
        if stem.hasSuffix(".") { stem = stem.dropLast() }
        guard event.hasPrefix(stem) else { return false }
        let rest = event.dropFirst(stem.count)
        return rest.isEmpty || rest.first == "."
    }

    /// Whether `text` is a well-formed descriptor: `*`, or dot-separated names of
    /// letters, digits, `_`, `-` and `:`, optionally ending in `.*`.
    static func isWellFormed(_ text: String) -> Bool {
        if text == "*" { return true }
        var stem = Substring(text)
        if stem.hasSuffix(".*") { stem = stem.dropLast(2) }
        let parts = stem.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":" }
        }
    }
}
