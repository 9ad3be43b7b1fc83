/// Runs a ``WorkflowDefinition``: a pure value that maps a configuration, an
/// event and the case's facts to the next configuration or a refusal. It never
/// changes the definition and keeps no state of its own (DESIGN §3).
///
/// SCXML's semantics (W3C SCXML 1.0, §3.13 and Appendix D), narrowed: events
/// come one at a time from users, never from the machine; there are no eventless
/// transitions, no `parallel` and no executable content besides `log`.
public struct WorkflowInterpreter: Sendable {
    /// The workflow run.
    public let definition: WorkflowDefinition

    /// Creates an interpreter.
    public init(definition: WorkflowDefinition) {
        self.definition = definition
    }

    /// The configuration of a new case: the initial state entered, descending
    /// into the initial child of each compound state (SCXML §3.2, §3.3).
    public func start() -> Configuration {
        var entry = Entry(memory: [:])
        entry.enter(path: definition.path(to: definition.initial), in: definition)
        return Configuration(state: entry.leaf, history: [:])
    }

    /// Fires `event` on a case in `configuration`.
    ///
    /// Candidate transitions are those of the active state, then of its
    /// ancestors (descendants before ancestors), each state's in document order,
    /// whose `event` matches (SCXML §3.12.1, §3.13 `selectTransitions`). The first
    /// whose `cond` is true (absent: true; an error: false, §5.9.1) and whose
    /// `l:roles` include the user's role is taken, provided that the `l:requires`
    /// of the states it leaves hold (the transition's source and its exited
    /// ancestors: leaving a working state through a transition of an enclosing
    /// state, such as `suspend` on `active`, does not need the working state's
    /// forms), its own `l:requires` hold, and, with `l:four-eyes`, the user took no
    /// part in the decision (`fourEyesConflicts`; without a case history: is not the one
    /// who entered the current state).
    ///
    /// - Parameters:
    ///   - event: The event's name, e.g. `decide`.
    ///   - configuration: The case's configuration.
    ///   - context: The user and the case's facts.
    /// - Returns: ``FireOutcome/moved(_:)`` with the new configuration, or
    ///   ``FireOutcome/refused(_:)`` with the most useful reason.
    public func fire(event: String, configuration: Configuration, context: FireContext) -> FireOutcome {
        let here = configuration.state
        func refuse(_ reason: Refusal.Reason) -> FireOutcome {
            .refused(Refusal(event: event, state: here, reason: reason))
        }
        guard let leaf = definition.state(id: here), leaf.kind == .atomic || leaf.kind == .final else {
            return refuse(.unknownState(workflow: definition.name + (definition.version.map { " " + $0 } ?? "")))
        }
        if leaf.closesCase { return refuse(.closed) }
        // Raised by the workflow itself, never by a person (SCXML: internal events).
        if event.hasPrefix("done.") {
            return refuse(.noSuchEvent(available: availableEvents(configuration: configuration, role: nil)))
        }

        let candidates = ([here] + leaf.ancestors).flatMap { definition[$0].transitions.filter { $0.matches(event: event) } }
        guard !candidates.isEmpty else {
            return refuse(.noSuchEvent(available: availableEvents(configuration: configuration, role: nil)))
        }

        var checks: [GuardCheck] = []
        var condTrueRoles: [WorkflowRole] = []
        var anyCondTrue = false
        var selected: (transition: WorkflowTransition, values: [GuardValue])? = nil
        for transition in candidates {
            let (holds, values, error) = evaluate(transition, context: context)
            if holds {
                if transition.allows(context.role) {
                    selected = (transition, values)
                    break
                }
                anyCondTrue = true
                condTrueRoles += transition.roles ?? WorkflowRole.allCases
            } else if let cond = transition.condSource {
                checks.append(GuardCheck(source: transition.source, target: transition.target, cond: cond,
                                         values: values, error: error))
            }
        }

        guard let (transition, values) = selected else {
            if anyCondTrue {
                return refuse(.roleNotAllowed(role: context.role, allowed: Self.ordered(condTrueRoles)))
            }
            if !candidates.contains(where: { $0.allows(context.role) }) {
                let allowed = candidates.flatMap { $0.roles ?? WorkflowRole.allCases }
                return refuse(.roleNotAllowed(role: context.role, allowed: Self.ordered(allowed)))
            }
            return refuse(.conditionFalse(checks))
        }

        let exited = exitSet(for: transition, leaf: here)
        if transition.fourEyes {
            if let history = context.history {
                if let conflicts = fourEyesConflicts(state: transition.source, history: history)[context.userID] {
                    return refuse(.fourEyesConflict(conflicts))
                }
            } else if let enteredBy = context.enteredBy, enteredBy == context.userID {
                return refuse(.fourEyes(enteredBy: enteredBy))
            }
        }
        let missing = missingForms(for: transition, exited: exited, submitted: context.submittedForms)
        if !missing.isEmpty { return refuse(.formMissing(missing)) }
        if let purposes = context.consentedPurposes {
            let lacking = transition.consent.filter { !purposes.contains($0) }
            if !lacking.isEmpty { return refuse(.consentMissing(purposes: lacking, state: context.consentState)) }
        }

        let external = move(event: event, transition: transition, from: configuration, exited: exited, values: values)
        return .moved(completing(external, context: context))
    }

    /// The internal events the move raises, processed before the next external event (SCXML
    /// §3.7.1, §3.13): entering a final child of compound P raises `done.state.P`; a transition
    /// of the configuration on it (first in document order, from the leaf outwards, whose
    /// condition holds) is taken, which may raise the next. Roles do not apply (the workflow
    /// fires it); a transition whose forms are missing is not taken, and the case stays.
    func completing(_ first: Move, context: FireContext) -> Move {
        var current = first
        var steps: [InternalStep] = []
        var seen: Set<String> = []
        while let leaf = definition.state(id: current.to), leaf.kind == .final, let parent = leaf.parent,
              seen.insert(current.to).inserted {
            let event = "done.state." + parent
            let candidates = ([leaf.id] + leaf.ancestors).flatMap { definition[$0].transitions.filter { $0.matches(event: event) } }
            var taken: (WorkflowTransition, [GuardValue], [String])?
            for transition in candidates {
                let (holds, values, _) = evaluate(transition, context: context)
                guard holds else { continue }
                let exited = exitSet(for: transition, leaf: leaf.id)
                guard missingForms(for: transition, exited: exited, submitted: context.submittedForms).isEmpty else { continue }
                taken = (transition, values, exited)
                break
            }
            guard let (transition, values, exited) = taken else { break }
            let next = move(event: event, transition: transition, from: current.configuration, exited: exited, values: values)
            steps.append(InternalStep(event: event, transition: transition, from: current.to, to: next.to,
                                      values: values, logs: next.logs))
            current = Move(event: first.event, transition: first.transition, from: first.from,
                           configuration: next.configuration, exited: current.exited + next.exited,
                           entered: current.entered + next.entered, closes: next.closes, values: first.values,
                           logs: current.logs + next.logs, internalSteps: steps)
        }
        return current
    }

    /// Whether `transition`'s cond holds, what it read, and the evaluation error.
    private func evaluate(_ transition: WorkflowTransition,
                          context: FireContext) -> (holds: Bool, values: [GuardValue], error: String?) {
        guard let cond = transition.cond else { return (true, [], nil) }
        let values = transition.condReads.map { GuardValue(path: $0, value: CaseDocumentReader.value(at: $0, in: context.caseDocument)) }
        do {
            let holds = try cond.evaluateBoolean(.init(node: context.caseDocument, clock: context.clock))
            return (holds, values, nil)
        } catch {
            return (false, values, error.message)
        }
    }

    /// The forms the transition needs that have no current valid submission.
    private func missingForms(for transition: WorkflowTransition, exited: [String],
                              submitted: Set<String>) -> [MissingForm] {
        var missing: [MissingForm] = []
        let source = definition[transition.source]
        for state in exited where state == source.id || source.ancestors.contains(state) {
            for form in definition[state].requires where !submitted.contains(form) {
                missing.append(MissingForm(form: form, requiredBy: .leaving(state: state)))
            }
        }
        for form in transition.requires where !submitted.contains(form) && !missing.contains(where: { $0.form == form }) {
            missing.append(MissingForm(form: form, requiredBy: .transition))
        }
        return missing
    }

    /// Roles in the order of ``WorkflowRole/allCases``, without repeats.
    static func ordered(_ roles: [WorkflowRole]) -> [WorkflowRole] {
        WorkflowRole.allCases.filter(roles.contains)
    }
}
