/// Why LotseXML could not give a document or a schema.
///
/// Every case names the file (or the name given to a parsed string); the cases
/// with diagnostics carry all of libxml2's messages, not only the first.
public enum XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read (`reason` is the system's message, e.g.
    /// "No such file or directory").
    case unreadable(file: String, reason: String)
    /// The document is not well-formed XML or not namespace-well-formed.
    /// `diagnostics` holds every warning and error libxml2 reported, in order.
    case malformed(file: String, diagnostics: [XMLDiagnostic])
    /// The RELAX NG schema did not compile; `diagnostics` holds every message.
    case invalidSchema(file: String, diagnostics: [XMLDiagnostic])

    /// The file (or name) the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .malformed(let file, _), .invalidSchema(let file, _):
            file
        }
    }

    /// The diagnostics behind the error; for `unreadable`, one made from the reason.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case .unreadable(let file, let reason):
            [XMLDiagnostic(file: file, line: 0, column: 0, level: .fatal, domain: .io, code: 0,
                           message: "cannot read file: \(reason)")]
        case .malformed(_, let diagnostics), .invalidSchema(_, let diagnostics):
            diagnostics
        }
    }

    /// One diagnostic a line, `FILE:LINE:COLUMN: error: MESSAGE`.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
