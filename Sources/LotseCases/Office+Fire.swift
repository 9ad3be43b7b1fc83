import LotseStore
public import LotseWorkflow

/// Firing workflow events on cases.
extension Office {
    /// Fires `event` on a case. The transition, the case's new state and the audit row (with
    /// the transition taken, its condition, the values it read and the workflow's hash) are one
    /// transaction. A refusal changes nothing but is audited with its reason.
    /// - Throws: `CasesError.refused` with the workflow's reason; `.concurrentChange` when
    ///   someone else changed the case between reading and writing.
    @discardableResult
    public func fire(by actor: Actor, caseID: Int, event: String, note: String? = nil) throws -> Move {
        try authorize(.fire, actor)
        let snapshot = try snapshot(caseID)
        try authorize(site: snapshot.record.site, actor, .fire, what: "case \(caseID)", caseID: caseID)
        let context = try fireContext(actor, snapshot)
        let outcome = snapshot.interpreter.fire(event: event, configuration: snapshot.configuration, context: context)
        switch outcome {
        case var .refused(refusal):
            if case let .fourEyes(id) = refusal.reason {
                refusal.userName = try storeWork { try store.directory.users().first { $0.id == id }?.name }
            }
            try storeWork {
                try store.transaction {
                    var entry = draft(actor, "transition.refused", caseID: caseID, detail: .object([
                        ("code", .string(refusal.code)), ("reason", .string(refusal.message)),
                    ]))
                    entry.event = event
                    entry.fromState = snapshot.record.state
                    try store.audit.record(entry)
                }
            }
            throw CasesError.refused(caseID: caseID, refusal)
        case let .moved(move):
            beforeWrite?()
            try storeWork {
                try store.transaction {
                    try ensureDueDates(actor)
                    let at = timestamp()
                    let history = Self.json(move.configuration.history)
                    guard try store.cases.moveCase(id: caseID, expectedVersion: snapshot.record.version,
                                                   state: move.to, history: history,
                                                   closed: move.closes, at: at, by: actor.userID) else {
                        throw CasesError.concurrentChange(caseID: caseID)
                    }
                    // The case as it now is: only what the move changed (at the version read, nobody else changed it).
                    var moved = snapshot.record
                    (moved.state, moved.history, moved.closed) = (move.to, history, move.closes)
                    (moved.enteredAt, moved.enteredBy, moved.version) = (at, actor.userID, moved.version + 1)
                    let text = note?.trimmingSpaces()
                    // One history row per step: the event fired, then each done.state.ID it raised.
                    // (The values the move read: `context`, of the same snapshot.)
                    let internalLogs = move.internalSteps.reduce(0) { $0 + $1.logs.count }
                    let ownLogs = move.logs.dropLast(internalLogs).map { snapshot.interpreter.text(of: $0, context: context) }
                    let firstTo = move.internalSteps.first?.from ?? move.to
                    try store.cases.insertTransition(caseID: caseID, event: event, from: move.from, to: firstTo,
                                                     userID: actor.userID, at: at, note: text?.isEmpty == false ? text : nil,
                                                     log: ownLogs.isEmpty ? nil : ownLogs.joined(separator: "\n"))
                    var internalSteps: [JSONValue] = []
                    for step in move.internalSteps {
                        let lines = step.logs.map { snapshot.interpreter.text(of: $0, context: context) }
                        try store.cases.insertTransition(caseID: caseID, event: step.event, from: step.from, to: step.to,
                                                         userID: actor.userID, at: at, note: nil,
                                                         log: lines.isEmpty ? nil : lines.joined(separator: "\n"))
                        internalSteps.append(.object([
                            ("event", .string(step.event)),
                            ("transition", .string("\(step.transition.source) -> \(step.transition.target)")),
                            ("cond", .string(step.transition.condSource)),
                            ("values", .object(step.values.map { ($0.path, .string($0.value)) })),
                            ("log", .array(lines.map { .string($0) })),
                        ]))
                    }
                    let definition = snapshot.interpreter.definition
                    var fields: [(String, JSONValue)] = [
                        ("transition", .string("\(move.transition.source) -> \(move.transition.target)")),
                        ("cond", .string(move.transition.condSource)),
                        ("values", .object(move.values.map { ($0.path, .string($0.value)) })),
                        ("workflow", .string(definition.nameAndVersion)),
                        ("sha256", .string(snapshot.workflowSHA256)),
                        ("note", .string(text?.isEmpty == false ? text : nil)),
                    ]
                    if !ownLogs.isEmpty { fields.append(("log", .array(ownLogs.map { .string($0) }))) }
                    if !internalSteps.isEmpty { fields.append(("internal", .array(internalSteps))) }
                    var entry = draft(actor, "transition", caseID: caseID, detail: .object(fields))
                    entry.event = event
                    entry.fromState = move.from
                    entry.toState = move.to
                    try refreshDue(snapshot: try self.snapshot(record: moved, client: snapshot.client,
                                                               submissions: snapshot.submissions))
                    try store.audit.record(entry)
                }
            }
            return move
        }
    }
}
