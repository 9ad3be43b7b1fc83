import Foundation
import LotseForms
public import LotseStore
public import LotseWorkflow
import LotseXPath

/// Opening, listing, showing, assigning and reopening cases.
extension Office {
    /// The workflow role of an actor.
    func workflowRole(_ actor: Actor) -> WorkflowRole {
        WorkflowRole(rawValue: actor.role.rawValue) ?? .caseworker
    }

    /// Opens a case by hand for a client outside the randomisation (caseworker, supervisor), in
    /// the current version of the participant workflow. Such a case has no group
    /// (`randomised = no`) and stays out of the evaluation's reports. Refused for a client in
    /// the pool, with an assignment, or with an open case (one open case per client), and for
    /// the comparison workflow (its cases come only from `randomise`).
    /// - Returns: the new case's id.
    @discardableResult
    public func openCase(by actor: Actor, clientID: Int, workflow name: String = "amiga", assignTo: Int? = nil)
        throws -> Int {
        try authorize(.openCase, actor)
        if let client = try storeWork({ try store.cases.client(id: clientID) }) {
            try authorize(site: client.site, actor, .openCase, what: "client \(clientID)")
        }
        try storeWork {
            guard let client = try store.cases.client(id: clientID) else { throw CasesError.unknownClient(clientID) }
            if let group = try store.randomisation.assignments(client: clientID) {
                throw CasesError.groupByRandomisation(clientID, reason: .randomisedTo(group: group.rawValue))
            }
            if client.eligible {
                throw CasesError.groupByRandomisation(clientID, reason: .inPool(site: client.site))
            }
            if let open = try store.cases.openCase(clientID: clientID) { throw CasesError.caseAlreadyOpen(clientID, open) }
        }
        if name == CaseGroup.comparison.workflow {
            throw CasesError.groupByRandomisation(clientID, reason: .comparisonOnlyByRandomise)
        }
        return try insertCase(by: actor, clientID: clientID, workflow: name,
                              assignTo: assignTo ?? (actor.role == .caseworker ? actor.userID : nil), group: nil)
    }

    /// Opens a case without a role check (randomisation opens cases for the evaluator).
    /// - Parameter group: the randomised group, recorded in the audit row (the assignment is written by the caller).
    func insertCase(by actor: Actor, clientID: Int, workflow name: String, assignTo: Int?, group: CaseGroup?) throws
        -> Int {
        let workflow = try workflow(named: name)
        let interpreter = WorkflowInterpreter(definition: workflow)
        let start = interpreter.start()
        let (id, stored) = try storeWork {
            try store.transaction {
                try ensureDueDates(actor)
                guard try store.cases.client(id: clientID) != nil else { throw CasesError.unknownClient(clientID) }
                if let open = try store.cases.openCase(clientID: clientID) { throw CasesError.caseAlreadyOpen(clientID, open) }
                let stored = try storedDefinition(kind: "workflow", name: workflow.name, version: workflow.version ?? "",
                                                  bytes: workflow.source)
                let at = timestamp()
                let id = try store.cases.insertCase(clientID: clientID, workflowID: stored.id,
                                                    state: start.state, history: Self.json(start.history), at: at,
                                                    by: actor.userID, assignedTo: assignTo)
                try store.cases.insertTransition(caseID: id, event: "open", from: nil, to: start.state,
                                                 userID: actor.userID, at: at, note: nil, log: nil)
                var entry = draft(actor, "case.open", caseID: id, detail: .object([
                    ("client", .int(clientID)), ("workflow", .string(workflow.name)),
                    ("version", .string(workflow.version)), ("sha256", .string(stored.sha256)),
                    ("group", .string(group?.rawValue)), ("randomised", .bool(group != nil)),
                ]))
                entry.toState = start.state
                try store.audit.record(entry)
                try refreshDue(id)
                return (id, stored)
            }
        }
        // Cached only once committed (a rolled-back row id may be used again); inside an
        // outer transaction the cache fills on the next read instead.
        if !store.inTransaction {
            storedWorkflows[stored.id] = StoredWorkflow(interpreter: interpreter, sha256: stored.sha256)
        }
        return id
    }

    /// A case as it is, with what the viewer may do next.
    public func caseOverview(by actor: Actor, id: Int, language: String) throws -> CaseOverview {
        try authorize(.viewCases, actor)
        let snapshot = try snapshot(id)
        try authorize(site: snapshot.record.site, actor, .viewCases, what: "case \(id)", caseID: id)
        let interpreter = snapshot.interpreter
        let definition = interpreter.definition
        let lang = WorkflowLanguage(rawValue: language) ?? .de
        let context = try fireContext(actor, snapshot)
        return CaseOverview(
            record: snapshot.record, client: redacted(snapshot.client, for: actor),
            workflowVersion: definition.version ?? "", workflowSHA256: snapshot.workflowSHA256,
            workflow: definition, workflowFileGone: definitions.workflows[definition.name] == nil,
            formsFromStore: Set(snapshot.submissions.map(\.form)).intersection(definitions.formsFromStore).sorted(),
            stateLabel: definition.label(of: snapshot.record.state, lang),
            statePath: definition.path(to: snapshot.record.state),
            due: due(snapshot),
            history: try storeWork { try store.cases.transitions(caseID: id) },
            enabledEvents: snapshot.record.closed ? [] : interpreter.enabledEvents(configuration: snapshot.configuration,
                                                                                   context: context),
            availableEvents: snapshot.record.closed ? [] : interpreter.availableEvents(
                configuration: snapshot.configuration, role: workflowRole(actor)),
            submissions: snapshot.submissions,
            records: snapshot.record.closed ? [] : interpreter.records(in: snapshot.configuration))
    }

    /// Cases matching the filters (caseworker, supervisor, medical), of the actor's sites, by id,
    /// answered from the stored due dates (no case is read whole; only one whose contact
    /// interval reads the clock is computed anew). Read whole: `listCases` streams the same rows.
    /// - Parameters:
    ///   - mine: only cases assigned to the actor.
    ///   - overdue: only cases past their state's due time or the agreed contact interval.
    ///   - client: only the cases of this client.
    public func cases(by actor: Actor, state: String?, site: String?, mine: Bool, overdue: Bool, client: Int? = nil)
        throws -> [(record: CaseRecord, due: DueDate?)] {
        var rows: [(record: CaseRecord, due: DueDate?)] = []
        try listCases(by: actor, state: state, site: site, mine: mine, overdue: overdue, client: client) { record, due in
            rows.append((record, due))
        }
        return rows
    }

    /// The rows of `cases(by:…)` handed to `body` one at a time as the store reads them, after
    /// the same permission and site checks (refused before the first row), so a listing shows
    /// its first screen after reading about one screen of rows. What `body` throws (Ctrl-C, a
    /// pager that was quit) stops the query, leaves nothing open and is rethrown.
    public func listCases(by actor: Actor, state: String?, site: String?, mine: Bool, overdue: Bool, client: Int? = nil,
                          _ body: (_ record: CaseRecord, _ due: DueDate?) throws -> Void) throws {
        try authorize(.viewCases, actor)
        if let site { try authorize(site: site, actor, .viewCases, what: "the case list") }
        try ensureDueDates(actor)
        let today = today()
        let filter = CaseFilter(state: state, sites: site.map { [$0] } ?? (actor.role.isSiteScoped ? actor.sites : nil),
                                assignedTo: mine ? actor.userID : nil, clientID: client, openOnly: overdue,
                                dueBefore: overdue ? today : nil)
        let rows = try storeWork { try store.cases.casesWithDue(filter) }
        while let row = try storeWork({ try rows.next() }) {
            let record = row.record
            guard actor.works(at: record.site) else { continue }
            guard !record.closed else {
                if !overdue { try body(record, nil) }
                continue
            }
            let dates = try row.due.flatMap { $0.volatile ? nil : $0 } ?? dueDates(snapshot(record.id))
            let due = dueDate(dates, today: today)
            if overdue && due?.overdue != true { continue }
            try body(record, due)
        }
    }

    /// Assigns a case to a user (supervisor).
    public func assignCase(by actor: Actor, id: Int, to userName: String) throws {
        try authorize(.assignCase, actor)
        guard let found = try storeWork({ try store.cases.case(id: id) }) else { throw CasesError.unknownCase(id) }
        try authorize(site: found.site, actor, .assignCase, what: "case \(id)", caseID: id)
        try storeWork {
            try store.transaction {
                guard let record = try store.cases.case(id: id) else { throw CasesError.unknownCase(id) }
                guard let user = try store.directory.user(named: userName) else { throw CasesError.unknownUser(userName) }
                guard ["caseworker", "supervisor"].contains(user.role) else {
                    throw CasesError.invalidValue("assignee", userName, expected: .assigneeRole)
                }
                guard user.sites.contains(record.site) else {
                    throw CasesError.invalidValue("assignee", userName, expected: .assigneeSite(site: record.site, user: userName, sites: user.sites))
                }
                guard try store.cases.assignCase(id: id, expectedVersion: record.version, to: user.id) else {
                    throw CasesError.concurrentChange(caseID: id)
                }
                try store.audit.record(draft(actor, "case.assign", caseID: id, detail: .object([
                    ("from", .string(record.assignee)), ("to", .string(userName)),
                ])))
            }
        }
    }

    /// Reopens a closed case into the state it was closed from (supervisor), with a reason.
    public func reopenCase(by actor: Actor, id: Int, reason: String) throws -> String {
        try authorize(.reopenCase, actor)
        if let found = try storeWork({ try store.cases.case(id: id) }) {
            try authorize(site: found.site, actor, .reopenCase, what: "case \(id)", caseID: id)
        }
        let text = reason.trimmingSpaces()
        guard !text.isEmpty else { throw CasesError.invalidValue("reason", reason, expected: .reasonInWords) }
        return try storeWork {
            try store.transaction {
                try ensureDueDates(actor)
                guard let record = try store.cases.case(id: id) else { throw CasesError.unknownCase(id) }
                guard record.closed else { throw CasesError.caseNotClosed(id) }
                if let open = try store.cases.openCase(clientID: record.clientID) {
                    throw CasesError.caseAlreadyOpen(record.clientID, open)
                }
                guard let last = try store.cases.transitions(caseID: id).last(where: { $0.to == record.state }),
                      let back = last.from else { throw CasesError.caseNotClosed(id) }
                let at = timestamp()
                guard try store.cases.moveCase(id: id, expectedVersion: record.version, state: back,
                                               history: record.history, closed: false, at: at, by: actor.userID) else {
                    throw CasesError.concurrentChange(caseID: id)
                }
                try store.cases.insertTransition(caseID: id, event: "reopen", from: record.state, to: back,
                                                 userID: actor.userID, at: at, note: text, log: nil)
                var entry = draft(actor, "case.reopen", caseID: id, detail: .object([("reason", .string(text))]))
                entry.event = "reopen"
                entry.fromState = record.state
                entry.toState = back
                try store.audit.record(entry)
                try refreshDue(id)
                return back
            }
        }
    }

    /// Everything about a case needed to fire, show or record on it, read at one moment.
    struct Snapshot {
        var record: CaseRecord
        var client: ClientRecord
        var submissions: [SubmissionRecord]
        var interpreter: WorkflowInterpreter
        var workflowSHA256: String
        var configuration: Configuration
        /// Builds the case data document on first use (a submission of a form that does not
        /// read the case, for example, never needs it).
        let documentBuilder: DocumentBuilder
        var document: XPathTreeNode { documentBuilder.document }
    }

    func snapshot(_ id: Int) throws -> Snapshot {
        try storeWork {
            guard let (record, client, submissions) = try store.cases.caseSnapshot(id: id) else {
                throw CasesError.unknownCase(id)
            }
            return try snapshot(record: record, client: client, submissions: submissions)
        }
    }

    /// The snapshot of a case from its rows as read (or, after a change this session made, as
    /// written: `fire` computes the due dates from the moved case without reading it again).
    func snapshot(record: CaseRecord, client: ClientRecord, submissions: [SubmissionRecord]) throws -> Snapshot {
        let id = record.id
        return try storeWork {
            let workflow = try interpreter(forDefinition: record.workflowID)
            let history = historyMap(record.history)
            let ids = submissions.map(\.id)
            let builder = DocumentBuilder { [self] in
                if let last = lastDocument, last.caseID == id, last.submissions == ids {
                    // Same case, same submissions: only the case's own attributes can differ.
                    last.document.setAttribute("state", record.state)
                    return last.document
                }
                let document = definitions.caseDocument.build(case: record, client: client, submissions: submissions,
                                                              year: currentYear(), parse: parsed)
                lastDocument = (id, ids, document)
                return document
            }
            return Snapshot(record: record, client: client, submissions: submissions, interpreter: workflow.interpreter,
                            workflowSHA256: workflow.sha256,
                            configuration: Configuration(state: record.state, history: history), documentBuilder: builder)
        }
    }

    /// Makes a value once, when first asked for.
    final class DocumentBuilder {
        private var make: (() -> XPathTreeNode)?
        private var made: XPathTreeNode?

        init(_ make: @escaping () -> XPathTreeNode) { self.make = make }

        var document: XPathTreeNode {
            if let made { return made }
            let document = make!()
            made = document
            make = nil
            return document
        }
    }

    /// A case's stored history states (`{"parent":"child",...}`), parsed once per distinct text:
    /// batch work on a case reads the same text again and again.
    func historyMap(_ text: String) -> [String: String] {
        if let cached = parsedHistories[text] { return cached }
        let history = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] ?? [:]
        if parsedHistories.count >= 256 { parsedHistories.removeAll(keepingCapacity: true) }
        parsedHistories[text] = history
        return history
    }

    func fireContext(_ actor: Actor, _ snapshot: Snapshot) throws -> FireContext {
        var context = FireContext(role: workflowRole(actor), userID: actor.userID, caseDocument: snapshot.document,
                                  submittedForms: Set(snapshot.submissions.map(\.form)),
                                  enteredBy: snapshot.record.enteredBy, history: try fourEyesHistory(snapshot),
                                  clock: xpathClock)
        let consent = consentStatus(snapshot)
        context.consentedPurposes = consent.purposes
        context.consentState = consent.state
        return context
    }

    /// The case's transitions and submissions, read only where a four-eyes transition could be
    /// taken (the active state or an ancestor has one).
    func fourEyesHistory(_ snapshot: Snapshot) throws -> CaseHistory? {
        let definition = snapshot.interpreter.definition
        guard let leaf = definition.state(id: snapshot.record.state),
              ([leaf.id] + leaf.ancestors).contains(where: { id in
                  definition.state(id: id)?.transitions.contains { $0.fourEyes } == true }) else { return nil }
        return try storeWork {
            CaseHistory(
                steps: try store.cases.transitions(caseID: snapshot.record.id).map {
                    CaseHistory.Step(event: $0.event, from: $0.from, to: $0.to, userID: $0.userID, at: $0.at)
                },
                submissions: try store.cases.submissionLog(caseID: snapshot.record.id).map {
                    CaseHistory.Submission(form: $0.form, userID: $0.userID, at: $0.at)
                })
        }
    }

    /// The due date of a case: its state's `l:due` after entering it, or the agreed contact
    /// interval after the last contact (whichever comes first).
    func due(_ snapshot: Snapshot) -> DueDate? {
        dueDate(dueDates(snapshot), today: today())
    }

    static func json(_ history: [String: String]) -> String {
        JSONValue.object(history.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).text
    }
}
