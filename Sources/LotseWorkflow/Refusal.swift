/// Why firing an event changed nothing (DESIGN §3: "the error says why").
///
/// Prints as one English sentence (``message``); ``Reason`` carries the facts for
/// a shell that words it differently, and ``code`` is stable.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reasons, most useful first when several apply: a closed case; no
    /// transition for the event; the user's role (no transition that matches the
    /// event and whose cond holds allows it, or none allows it at all); conds that
    /// are all false; then, for the transition that would be taken, four-eyes and
    /// missing forms.
    public enum Reason: Sendable, Hashable {
        /// The configuration names a state the definition does not have (a case
        /// read with the wrong definition version).
        case unknownState(workflow: String)
        /// The active state is a final child of `scxml`: nothing can be fired.
        case closed
        /// No transition of the active state or its ancestors matches the event.
        /// `available` lists the events that some transition here matches (for any role).
        case noSuchEvent(available: [String])
        /// Transitions match the event, but no cond holds: each with its values.
        case conditionFalse([GuardCheck])
        /// The transitions that could be taken do not allow the user's role.
        case roleNotAllowed(role: WorkflowRole, allowed: [WorkflowRole])
        /// Forms without a current valid submission that leaving the state or taking
        /// the transition requires.
        case formMissing([MissingForm])
        /// `l:four-eyes`: the user fired the transition into the current state.
        case fourEyes(enteredBy: Int)
        /// `l:four-eyes`: the user took part in the decision to be confirmed (see
        /// `WorkflowInterpreter.fourEyesConflicts`).
        case fourEyesConflict([FourEyesConflict])
        /// `l:consent`: purposes the case's consent does not cover (not given, or revoked).
        case consentMissing(purposes: [String], state: ConsentState)
    }

    /// The event fired.
    public let event: String
    /// The active state.
    public let state: String
    /// Why.
    public let reason: Reason
    /// The name of the user a four-eyes refusal is about, when the caller knows it (the
    /// interpreter knows only user ids).
    public var userName: String?

    /// Creates a refusal.
    public init(event: String, state: String, reason: Reason) {
        self.event = event
        self.state = state
        self.reason = reason
    }

    /// A stable code: `WF_UNKNOWN_STATE`, `WF_CLOSED`, `WF_NO_EVENT`, `WF_COND_FALSE`, `WF_ROLE_DENIED`,
    /// `WF_FORM_MISSING`, `WF_FOUR_EYES`.
    public var code: String {
        switch reason {
        case .unknownState: "WF_UNKNOWN_STATE"
        case .closed: "WF_CLOSED"
        case .noSuchEvent: "WF_NO_EVENT"
        case .conditionFalse: "WF_COND_FALSE"
        case .roleNotAllowed: "WF_ROLE_DENIED"
        case .formMissing: "WF_FORM_MISSING"
        case .fourEyes, .fourEyesConflict: "WF_FOUR_EYES"
        case .consentMissing: "WF_CONSENT_MISSING"
        }
    }

    /// The sentence, e.g. `role 'medical' may not fire 'decide' in state
    /// 'capacity_review' (allowed: caseworker, supervisor)`.
    public var message: String {
        switch reason {
        case .unknownState(let workflow):
            return "the case is in state '\(state)', which workflow \(workflow) does not have"
        case .closed:
            return "the case is closed (state '\(state)'); no event can be fired"
        case .noSuchEvent(let available):
            let here = available.isEmpty ? "no events here" : "events here: " + available.joined(separator: ", ")
            return "no transition for '\(event)' in state '\(state)'; \(here)"
        case .conditionFalse(let checks):
            let each = checks.map(\.description).joined(separator: "; ")
            return "'\(event)' cannot be taken in state '\(state)': no condition holds: \(each)"
        case .roleNotAllowed(let role, let allowed):
            let who = allowed.isEmpty ? "no role" : allowed.map(\.rawValue).joined(separator: ", ")
            return "role '\(role.rawValue)' may not fire '\(event)' in state '\(state)' (allowed: \(who))"
        case .formMissing(let missing):
            let each = missing.map(\.description).joined(separator: ", ")
            return "'\(event)' in state '\(state)' needs a current valid submission of: \(each)"
        case .fourEyes(let user):
            let who = userName.map { "\($0) (user \(user))" } ?? "user \(user)"
            return "four-eyes rule: '\(event)' in state '\(state)' must be fired by someone other than \(who), "
                + "who fired the transition into this state"
        case .fourEyesConflict(let conflicts):
            return "four-eyes rule: '\(event)' in state '\(state)' must be fired by someone who took no part in the "
                + "decision; this user " + conflicts.map(\.description).joined(separator: " and ")
        case .consentMissing(let purposes, let consent):
            return "'\(event)' in state '\(state)' needs consent for the purpose\(purposes.count == 1 ? "" : "s") "
                + purposes.joined(separator: ", ") + ": \(consent)"
        }
    }

    /// ``message``.
    public var description: String { message }
}

/// One transition whose cond did not hold, with what it read.
public struct GuardCheck: Sendable, Hashable, CustomStringConvertible {
    /// The state holding the transition.
    public let source: String
    /// The transition's target.
    public let target: String
    /// The cond as written.
    public let cond: String
    /// The nodes the cond read and their values.
    public let values: [GuardValue]
    /// The evaluation error when the cond could not be evaluated (SCXML §5.9.1:
    /// treated as false), else nil.
    public let error: String?

    /// Creates a check.
    public init(source: String, target: String, cond: String, values: [GuardValue], error: String?) {
        self.source = source
        self.target = target
        self.cond = cond
        self.values = values
        self.error = error
    }

    /// `[COND] is false (VALUES)` or `[COND] could not be evaluated: ERROR (VALUES)`.
    public var description: String {
        var text = "[\(cond)] " + (error.map { "could not be evaluated: \($0)" } ?? "is false")
        if !values.isEmpty { text += " (" + values.map(\.description).joined(separator: ", ") + ")" }
        return text
    }
}

/// A form a refused transition needed.
public struct MissingForm: Sendable, Hashable, CustomStringConvertible {
    /// Who asks for the form.
    public enum Requirement: Sendable, Hashable {
        /// `l:requires` of a state being left.
        case leaving(state: String)
        /// `l:requires` of the transition.
        case transition
    }

    /// The form id.
    public let form: String
    /// Who asks for it.
    public let requiredBy: Requirement

    /// Creates a missing form.
    public init(form: String, requiredBy: Requirement) {
        self.form = form
        self.requiredBy = requiredBy
    }

    /// `plan (to leave 'integration_planning')` or `closure (for this transition)`.
    public var description: String {
        switch requiredBy {
        case .leaving(let state): "\(form) (to leave '\(state)')"
        case .transition: "\(form) (for this transition)"
        }
    }
}
