/// The runtime state of one case in a workflow, kept apart from the definition
/// (as Commons SCXML's `SCInstance`): the active state and the history memory.
///
/// SCXML's configuration (§3.11) is the set of active states; without `parallel`
/// it is one leaf (atomic or final) and its ancestors, so the leaf is stored.
public struct Configuration: Sendable, Hashable, Codable {
    /// The active atomic or final state.
    public var state: String
    /// Shallow history (SCXML §3.10): for each compound state with a `history`
    /// child that has been exited, the child it was last in.
    public var history: [String: String]

    /// Creates a configuration, e.g. from what the store kept.
    ///
    /// - Parameters:
    ///   - state: The active atomic or final state.
    ///   - history: The history memory.
    public init(state: String, history: [String: String] = [:]) {
        self.state = state
        self.history = history
    }
}
