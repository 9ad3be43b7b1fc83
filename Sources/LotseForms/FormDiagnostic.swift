/// A problem in a form definition, with its place and a stable code, printed as
/// `Forms/plan.xml:42:7: error: unknown type "integr" [FORM_TYPE]`.
public struct FormDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Stable codes, one per kind of problem.
    public enum Code: String, Sendable, CaseIterable {
        /// The file is not well-formed XML or cannot be read.
        case xml = "FORM_XML"
        /// A required part of an XForm is missing or misplaced (`h:head`, `model`, the primary instance).
        case structure = "FORM_STRUCTURE"
        /// A bind type Lotse does not know.
        case type = "FORM_TYPE"
        /// An expression that does not parse.
        case xpath = "FORM_XPATH"
        /// An expression calling a function that does not exist.
        case function = "FORM_FUNCTION"
        /// A function called with the wrong number of arguments.
        case arity = "FORM_ARITY"
        /// A path, bind or control referring to a node the instance does not have.
        case path = "FORM_PATH"
        /// `instance('id')` or an itemset over a secondary instance that does not exist.
        case instance = "FORM_INSTANCE"
        /// `calculate` / `relevant` expressions that depend on each other in a circle.
        case cycle = "FORM_CYCLE"
        /// A `jr:itext('id')` whose text does not exist.
        case itext = "FORM_ITEXT"
        /// An XForms feature Lotse refuses (`upload`, `range`, geo types, `repeat`, other events).
        case unsupported = "FORM_UNSUPPORTED"
        /// A `lotse:access` value other than `medical`.
        case access = "FORM_ACCESS"
        /// Two fields with the same path, or a duplicate form id in a library.
        case duplicate = "FORM_DUPLICATE"
    }

    public enum Severity: String, Sendable {
        case error, warning
    }

    public var file: String
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var code: Code
    public var message: String

    public init(file: String, line: Int, column: Int = 0, severity: Severity = .error, code: Code, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    public var description: String {
        let place = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        return "\(place): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}
