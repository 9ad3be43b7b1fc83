/// What a four-eyes check needs to know about a case's past: its transitions and the
/// submissions of its forms, oldest first (built by the cases layer from the store).
public struct CaseHistory: Sendable {
    /// One recorded transition.
    public struct Step: Sendable, Equatable {
        public var event: String
        public var from: String?
        public var to: String
        public var userID: Int
        /// When it was recorded (ISO 8601 text: sorts in time order).
        public var at: String

        public init(event: String, from: String?, to: String, userID: Int, at: String) {
            self.event = event
            self.from = from
            self.to = to
            self.userID = userID
            self.at = at
        }
    }

    /// One stored submission of a form.
    public struct Submission: Sendable, Equatable {
        public var form: String
        public var userID: Int
        public var at: String

        public init(form: String, userID: Int, at: String) {
            self.form = form
            self.userID = userID
            self.at = at
        }
    }

    public var steps: [Step]
    public var submissions: [Submission]

    public init(steps: [Step], submissions: [Submission]) {
        self.steps = steps
        self.submissions = submissions
    }
}

/// Why a user may not fire a four-eyes transition.
public enum FourEyesConflict: Sendable, Hashable, CustomStringConvertible {
    /// The user fired `event` of the decision (since the case entered the state to be confirmed).
    case fired(event: String)
    /// The user recorded the `form` the decision's condition read.
    case authored(form: String)

    public var description: String {
        switch self {
        case let .fired(event): return "fired '\(event)'"
        case let .authored(form): return "recorded the form '\(form)' the decision read"
        }
    }
}

extension WorkflowInterpreter {
    /// Who may not fire a four-eyes transition of `state`, and why: everyone who fired a
    /// transition since the case entered `state` for this decision (a return through a history
    /// state, as `resume` after `suspend`, continues the same decision and does not start a new
    /// one), and the authors of the submissions that the entering transition's condition read
    /// (the one current when it was fired, and any correction since).
    public func fourEyesConflicts(state: String, history: CaseHistory) -> [Int: [FourEyesConflict]] {
        let steps = history.steps
        func inside(_ id: String?) -> Bool { id.map { $0 == state || definition.isDescendant($0, of: state) } ?? false }
        // The decision starts at the last fresh entry into `state` from outside it.
        var start: Int?
        for index in steps.indices.reversed() where inside(steps[index].to) && !inside(steps[index].from) {
            if !restoresHistory(steps[index]) {
                start = index
                break
            }
        }
        guard let start else { return [:] }
        var conflicts: [Int: [FourEyesConflict]] = [:]
        func add(_ user: Int, _ conflict: FourEyesConflict) {
            if !(conflicts[user]?.contains(conflict) ?? false) { conflicts[user, default: []].append(conflict) }
        }
        for step in steps[start...] { add(step.userID, .fired(event: step.event)) }
        let entering = steps[start]
        for form in formsRead(by: entering) {
            let ofForm = history.submissions.filter { $0.form == form }
            // The submission current when the decision was taken, and every later one.
            let current = ofForm.lastIndex { $0.at <= entering.at } ?? ofForm.startIndex
            for submission in ofForm[current...] { add(submission.userID, .authored(form: form)) }
        }
        return conflicts
    }

    /// Whether a recorded step returned into a state through a `history` pseudo-state.
    private func restoresHistory(_ step: CaseHistory.Step) -> Bool {
        guard let from = step.from, let source = definition.state(id: from) else { return false }
        return ([from] + source.ancestors).contains { id in
            definition[id].transitions.contains { $0.matches(event: step.event) && definition.state(id: $0.target)?.kind == .history }
        }
    }

    /// The forms (`/case/FORM/...`) read by the conditions of the transitions that could have
    /// made a recorded step.
    private func formsRead(by step: CaseHistory.Step) -> [String] {
        guard let from = step.from, let source = definition.state(id: from) else { return [] }
        var forms: [String] = []
        for id in [from] + source.ancestors {
            for transition in definition[id].transitions where transition.matches(event: step.event)
                && (transition.target == step.to || definition.isDescendant(step.to, of: transition.target)) {
                for path in transition.condReads {
                    let parts = path.split(separator: "/")
                    if parts.count >= 2, parts[0] == "case", !forms.contains(String(parts[1])) { forms.append(String(parts[1])) }
                }
            }
        }
        return forms
    }
}
