/// Why ``WorkflowReader`` gave no definition.
public enum WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read (`reason` is the system's message).
    case unreadable(file: String, reason: String)
    /// The definition has errors: every diagnostic found, errors and warnings,
    /// in file order.
    case invalid(file: String, diagnostics: [WorkflowDiagnostic])

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .invalid(let file, _): file
        }
    }

    /// The diagnostics; for `unreadable`, one made from the reason.
    public var diagnostics: [WorkflowDiagnostic] {
        switch self {
        case .unreadable(let file, let reason):
            [WorkflowDiagnostic(file: file, line: 0, column: 0, code: .io, message: "cannot read file: \(reason)")]
        case .invalid(_, let diagnostics):
            diagnostics
        }
    }

    /// One diagnostic a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
