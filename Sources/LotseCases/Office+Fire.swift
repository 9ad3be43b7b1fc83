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
        let outcome = snapshot.interpreter.fire(event: event, configuration: snapshot.configuration,
                                                context: fireContext(actor, snapshot))
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
                    try store.audit.append(entry)
                }
            }
            throw CasesError.refused(caseID: caseID, refusal)
        case let .moved(move):
            beforeWrite?()
            try storeWork {
                try store.transaction {
                    let at = timestamp()
                    guard try store.cases.moveCase(id: caseID, expectedVersion: snapshot.record.version,
                                                   state: move.to, history: Self.json(move.configuration.history),
                                                   closed: move.closes, at: at, by: actor.userID) else {
                        throw CasesError.concurrentChange(caseID: caseID)
                    }
                    let text = note?.trimmingSpaces()
                    try store.cases.insertTransition(caseID: caseID, event: event, from: move.from, to: move.to,
                                                     userID: actor.userID, at: at, note: text?.isEmpty == false ? text : nil)
                    let definition = snapshot.interpreter.definition
                    var entry = draft(actor, "transition", caseID: caseID, detail: .object([
                        ("transition", .string("\(move.transition.source) -> \(move.transition.target)")),
                        ("cond", .string(move.transition.condSource)),
                        ("values", .object(move.values.map { ($0.path, .string($0.value)) })),
                        ("workflow", .string("\(definition.name) \(definition.version ?? "")")),
                        ("sha256", .string(snapshot.workflowSHA256)),
                        ("note", .string(text?.isEmpty == false ? text : nil)),
                    ]))
                    entry.event = event
                    entry.fromState = move.from
                    entry.toState = move.to
                    try store.audit.append(entry)
                }
            }
            return move
        }
    }
}
