/// A workflow read from an SCXML file: the states as a tree, their transitions,
/// and Lotse's extensions. A plain, immutable value: the interpreter never
/// changes it, and runtime state lives in ``Configuration``.
///
/// Made by ``WorkflowReader``, which also checks it; a definition that exists has
/// passed every check (warnings aside).
public struct WorkflowDefinition: Sendable {
    /// `name` of `scxml` (SCXML §3.2), e.g. `amiga`.
    public let name: String
    /// `l:version`, e.g. `2026.1`; nil when absent.
    public let version: String?
    /// `name version`, or the name alone when there is no version.
    public var nameAndVersion: String { version.map { "\(name) \($0)" } ?? name }
    /// The file (or name) the definition was read from; diagnostics print it.
    public let file: String
    /// The exact bytes read, for the content hash and for storing the definition.
    public let source: [UInt8]
    /// The state entered first: `initial` of `scxml`, else its first child state.
    public let initial: String
    /// The children of `scxml`, in document order.
    public let topLevel: [String]
    /// Every state in document order.
    public let states: [WorkflowState]
    /// Warnings the reader found (errors make the reader throw instead).
    public let warnings: [WorkflowDiagnostic]
    /// Every transition (histories' defaults included) in document order.
    public let transitions: [WorkflowTransition]
    /// `l:observations` of `scxml`: repeatable forms that may be recorded in every state,
    /// also after the case closed (the evaluation's outcome observations), for every case of
    /// this workflow.
    public let observations: [String]
    private let index: [String: Int]

    init(name: String, version: String?, file: String, source: [UInt8], initial: String, topLevel: [String],
         states: [WorkflowState], warnings: [WorkflowDiagnostic], observations: [String] = []) {
        self.observations = observations
        self.name = name
        self.version = version
        self.file = file
        self.source = source
        self.initial = initial
        self.topLevel = topLevel
        self.states = states
        self.warnings = warnings
        self.transitions = states.flatMap(\.transitions).sorted { $0.order < $1.order }
        var index: [String: Int] = [:]
        for (position, state) in states.enumerated() where index[state.id] == nil {
            index[state.id] = position
        }
        self.index = index
    }

    /// The state with this id, or nil.
    public func state(id: String) -> WorkflowState? {
        index[id].map { states[$0] }
    }

    /// The state with this id; the id must exist (ids come from this definition).
    subscript(id: String) -> WorkflowState {
        states[index[id]!]
    }

    /// The state's ancestors from the top down, then the state itself:
    /// `["active", "capacity_review"]`. Empty for an unknown id.
    public func path(to id: String) -> [String] {
        guard let state = state(id: id) else { return [] }
        return state.ancestors.reversed() + [id]
    }

    /// The label of a state in `language` (falling back to the other language,
    /// then to the id); the id itself for an unknown state.
    public func label(of id: String, _ lang: WorkflowLanguage) -> String {
        state(id: id)?.label(lang) ?? id
    }

    /// `l:due` of the state (its own, not inherited), or nil.
    public func due(for id: String) -> WorkflowDuration? {
        state(id: id)?.due
    }


    /// Whether `descendant` lies strictly inside `ancestor`.
    func isDescendant(_ descendant: String, of ancestor: String) -> Bool {
        self[descendant].ancestors.contains(ancestor)
    }
}

extension WorkflowDefinition {
    /// The same definition with the reader's warnings attached.
    func with(warnings: [WorkflowDiagnostic]) -> WorkflowDefinition {
        WorkflowDefinition(name: name, version: version, file: file, source: source, initial: initial,
                           topLevel: topLevel, states: states, warnings: warnings, observations: observations)
    }
}
