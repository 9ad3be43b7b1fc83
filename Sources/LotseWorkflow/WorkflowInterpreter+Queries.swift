public import LotseXPath

/// Questions about a configuration that the shell and the cases layer ask.
extension WorkflowInterpreter {
    /// The events of the transitions of the active state and its ancestors that
    /// `role` may fire (all roles when nil), in candidate order without repeats;
    /// conds are not evaluated. A `*` descriptor is left out; `x.*` is listed as `x`.
    ///
    /// - Parameters:
    ///   - configuration: The case's configuration.
    ///   - role: The user's role, or nil for every role.
    public func availableEvents(configuration: Configuration, role: WorkflowRole?) -> [String] {
        guard let leaf = definition.state(id: configuration.state) else { return [] }
        var events: [String] = []
        for state in [leaf.id] + leaf.ancestors {
            for transition in definition[state].transitions where role.map(transition.allows) ?? true {
                for descriptor in transition.events where descriptor != "*" && !descriptor.hasPrefix("done.") {
                    let name = descriptor.hasSuffix(".*") ? String(descriptor.dropLast(2)) : descriptor
                    if !events.contains(name) { events.append(name) }
                }
            }
        }
        return events
    }

    /// The events the user could fire now with success: ``availableEvents(configuration:role:)``
    /// for the context's role, each tried with ``fire(event:configuration:context:)``.
    public func enabledEvents(configuration: Configuration, context: FireContext) -> [String] {
        availableEvents(configuration: configuration, role: context.role).filter {
            fire(event: $0, configuration: configuration, context: context).move != nil
        }
    }

    /// The repeatable forms that may be recorded now: `l:records` of the active
    /// state and its ancestors, innermost first, without repeats.
    public func records(in configuration: Configuration) -> [String] {
        var forms: [String] = []
        for state in activeStates(configuration) {
            for form in definition[state].records where !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// The `l:contact-interval` expression of the active state or its nearest
    /// ancestor that has one, with the state that holds it.
    public func contactInterval(in configuration: Configuration) -> (state: String, expression: XPathExpression)? {
        for state in activeStates(configuration) {
            if let expression = definition[state].contactInterval { return (state, expression) }
        }
        return nil
    }

    /// The active state and its ancestors, innermost first (SCXML's configuration).
    public func activeStates(_ configuration: Configuration) -> [String] {
        guard let leaf = definition.state(id: configuration.state) else { return [] }
        return [leaf.id] + leaf.ancestors
    }

    /// Whether a case in `configuration` is closed (in a final child of `scxml`).
    public func isClosed(_ configuration: Configuration) -> Bool {
        definition.state(id: configuration.state)?.closesCase ?? false
    }

    /// A `<log>` as one line: `label: value` (either alone when the other is absent); the
    /// expression is evaluated against the case document (an error shows as its message).
    public func text(of log: WorkflowLog, context: FireContext) -> String {
        var value: String?
        if let expr = log.expr {
            do {
                value = try XPathExpression(expr).evaluateString(.init(node: context.caseDocument, clock: context.clock))
            } catch {
                value = "(\(error.message))"
            }
        }
        return [log.label, value].compactMap { $0 }.joined(separator: ": ")
    }
}
