import CLibXML2

/// A parsed XML document: the root element as a Swift value tree, plus what
/// validation needs.
///
/// Parsing goes through libxml2 with `XML_PARSE_NONET | XML_PARSE_NOERROR |
/// XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES`: nothing is fetched from the network,
/// no external DTD is loaded, no entity is substituted from outside the document,
/// and libxml2 prints nothing; every message becomes an ``XMLDiagnostic``. The C
/// document is converted and freed before `parse` returns.
///
/// `XMLDocument` is `Sendable`; it keeps the source bytes so that
/// ``RelaxNGSchema/validate(_:)`` can hand libxml2 the exact document again.
///
/// On macOS, Foundation also declares `XMLDocument`, `XMLElement` and `XMLNode`; a
/// file importing both modules writes `LotseXML.XMLDocument` (Linux's Foundation
/// keeps them in FoundationXML, so no clash there).
public struct XMLDocument: Sendable {
    /// The file path or the name given to ``parse(string:name:)``; diagnostics print it.
    public let name: String
    /// The root element.
    public let root: XMLElement
    /// Warnings libxml2 raised on a document it accepted (empty almost always).
    public let warnings: [XMLDiagnostic]
    /// The bytes parsed, kept for validation.
    let source: [UInt8]
    /// The encoding forced on the parser, nil when detected from the bytes.
    let forcedEncoding: String?

    /// Parses the file at `path`.
    ///
    /// - Parameter path: The file; diagnostics name it as given.
    /// - Throws: ``XMLError/unreadable(file:reason:)`` when it cannot be read,
    ///   ``XMLError/malformed(file:diagnostics:)`` with every message when it is not
    ///   well-formed (or uses an undeclared namespace prefix).
    public static func parse(fileAt path: String) throws(XMLError) -> XMLDocument {
        try parse(source: SourceFile.read(path), name: path, encoding: nil)
    }

    /// Parses XML text held in a Swift string (read as UTF-8 whatever its
    /// declaration says).
    ///
    /// - Parameters:
    ///   - string: The document.
    ///   - name: What diagnostics print as the file, e.g. `Forms/plan.xml`.
    /// - Throws: ``XMLError/malformed(file:diagnostics:)`` with every message.
    public static func parse(string: String, name: String) throws(XMLError) -> XMLDocument {
        try parse(source: Array(string.utf8), name: name, encoding: "UTF-8")
    }

    /// Parses a document's bytes (e.g. a stored definition), detecting the encoding
    /// from a byte-order mark or the XML declaration (UTF-8 by default).
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - name: What diagnostics print as the file.
    /// - Throws: ``XMLError/malformed(file:diagnostics:)`` with every message.
    public static func parse(bytes: [UInt8], name: String) throws(XMLError) -> XMLDocument {
        try parse(source: bytes, name: name, encoding: nil)
    }

    private static func parse(source: [UInt8], name: String, encoding: String?) throws(XMLError) -> XMLDocument {
        let collector = DiagnosticCollector(file: name)
        let root: XMLElement? = LibXML2.capturingErrors(into: collector) {
            guard let document = DocumentParsing.parse(source, name: name, encoding: encoding, collector: collector)
            else { return nil }
            defer { xmlFreeDoc(document) }
            guard let rootNode = xmlDocGetRootElement(document) else {
                collector.add("Document has no root element")
                return nil
            }
            var root = TreeConversion.element(rootNode, scope: [:], collector: collector)
            var seen: [String: Int] = [:]
            TreeConversion.numberOnLines(&root, seen: &seen)
            return root
        }
        guard let root else {
            throw .malformed(file: name, diagnostics: collector.diagnostics)
        }
        return XMLDocument(name: name, root: root, warnings: collector.diagnostics,
                           source: source, forcedEncoding: encoding)
    }
}
