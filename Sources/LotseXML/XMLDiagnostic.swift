import CLibXML2

/// One message libxml2 reported while parsing a document, compiling a schema or
/// validating against one.
///
/// It prints like a compiler message, `FILE:LINE:COLUMN: error: MESSAGE`; the column
/// is left out when libxml2 does not know it (RELAX NG reports column 0), and the
/// line too when it is 0.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is (libxml2's `xmlErrorLevel`).
    public enum Level: String, Sendable, Hashable, CaseIterable {
        /// The input is usable; libxml2 only warns.
        case warning
        /// The input is wrong (a schema violation, an undeclared namespace prefix).
        case error
        /// The input is not well-formed; libxml2 stopped building the document.
        case fatal
    }

    /// The file (or the name given to a parsed string) the message is about.
    public let file: String
    /// The 1-based line, or 0 when unknown.
    public let line: Int
    /// The 1-based column, or 0 when unknown (always 0 for RELAX NG messages).
    public let column: Int
    /// How serious the message is.
    public let level: Level
    /// Which part of libxml2 spoke.
    public let domain: Domain
    /// libxml2's error code (an `xmlParserErrors` value), stable across runs.
    public let code: Int
    /// libxml2's message, without the trailing newline.
    public let message: String

    /// Creates a diagnostic; LotseXML makes these from libxml2's errors.
    public init(file: String, line: Int, column: Int, level: Level, domain: Domain, code: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.level = level
        self.domain = domain
        self.code = code
        self.message = message
    }

    /// `warning` or `error` (fatal errors print as `error`, as compilers do).
    public var severityLabel: String {
        level == .warning ? "warning" : "error"
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`.
    public var description: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severityLabel): \(message)"
    }
}

extension XMLDiagnostic {
    /// The part of libxml2 a diagnostic comes from (libxml2's `xmlErrorDomain`).
    ///
    /// An open set: the constants name the domains LotseXML meets; any other
    /// libxml2 domain keeps its number.
    public struct Domain: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// libxml2's `xmlErrorDomain` value.
        public let rawValue: Int

        /// Wraps a libxml2 `xmlErrorDomain` value.
        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// The XML parser (`XML_FROM_PARSER`).
        public static let parser = Domain(XML_FROM_PARSER)
        /// Namespace checks (`XML_FROM_NAMESPACE`).
        public static let namespace = Domain(XML_FROM_NAMESPACE)
        /// Input and output (`XML_FROM_IO`).
        public static let io = Domain(XML_FROM_IO)
        /// Character conversion (`XML_FROM_I18N`).
        public static let encoding = Domain(XML_FROM_I18N)
        /// Compiling a RELAX NG schema (`XML_FROM_RELAXNGP`).
        public static let relaxNGParser = Domain(XML_FROM_RELAXNGP)
        /// Validating against a RELAX NG schema (`XML_FROM_RELAXNGV`).
        public static let relaxNGValidator = Domain(XML_FROM_RELAXNGV)
        /// Raised by LotseXML itself, not by libxml2.
        public static let lotse = Domain(rawValue: -1)

        init(_ domain: xmlErrorDomain) {
            self.rawValue = Int(domain.rawValue)
        }

        /// A short name for messages and logs.
        public var description: String {
            switch self {
            case .parser: "parser"
            case .namespace: "namespace"
            case .io: "io"
            case .encoding: "encoding"
            case .relaxNGParser: "relaxng-parser"
            case .relaxNGValidator: "relaxng-validator"
            case .lotse: "lotse"
            default: "libxml2-domain-\(rawValue)"
            }
        }
    }
}
