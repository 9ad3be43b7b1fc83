/// One problem found while reading a workflow definition, with its place in the file.
///
/// It prints like a compiler message:
/// `Workflows/amiga.scxml:42:7: error: unknown target 'closd' [WF_TARGET]`
/// (the column is left out when 0, the line too when 0).
public struct WorkflowDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// The definition loads; something looks unintended.
        case warning
        /// The definition is refused.
        case error
    }

    /// Stable codes, one per kind of problem.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file cannot be read.
        case io = "WF_IO"
        /// Not well-formed XML (libxml2's message).
        case xml = "WF_XML"
        /// The structure does not match the subset's RELAX NG schema.
        case schema = "WF_SCHEMA"
        /// An SCXML element or feature Lotse does not support, or an unknown SCXML element.
        case unsupported = "WF_UNSUPPORTED"
        /// Two states share an id.
        case duplicateID = "WF_DUPLICATE_ID"
        /// A `target` or `initial` that names no suitable state.
        case target = "WF_TARGET"
        /// A `cond` or `l:contact-interval` that is not valid XPath for the case document.
        case cond = "WF_COND"
        /// An event descriptor that is not well-formed.
        case event = "WF_EVENT"
        /// `l:requires` or `l:records` naming an unknown (or not repeatable) form.
        case form = "WF_FORM"
        /// `l:consent` naming a purpose the consent form does not have.
        case consent = "WF_CONSENT"
        /// A state that cannot be reached from the initial state.
        case unreachable = "WF_UNREACHABLE"
        /// A state from which no final child of `scxml` can be reached.
        case noFinal = "WF_NO_FINAL"
        /// `l:roles` naming an unknown role, or missing.
        case role = "WF_ROLE"
        /// `l:due` that is not an ISO 8601 duration of years, months, weeks and days.
        case due = "WF_DUE"
    }

    /// The file, as given to the reader.
    public let file: String
    /// The 1-based line, 0 when unknown.
    public let line: Int
    /// The 1-based column (in characters), 0 when unknown.
    public let column: Int
    /// Error or warning.
    public let severity: Severity
    /// The stable code.
    public let code: Code
    /// The message, without location or code.
    public let message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, severity: Severity = .error, code: Code, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE [CODE]`.
    public var description: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}
