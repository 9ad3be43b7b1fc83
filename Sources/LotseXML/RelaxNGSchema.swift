import CLibXML2
import Foundation

/// A compiled RELAX NG schema (ISO/IEC 19757-2, XML syntax) that validates
/// ``XMLDocument``s.
///
/// Compile once (at load time) and validate many documents. Validation gets the C
/// document by re-parsing the source bytes the ``XMLDocument`` kept, with the same
/// options and the same line counting, so messages name the lines of
/// ``XMLElement/line``; for a few hundred lines that costs well under a millisecond.
///
/// Thread safety: libxml2 does not promise that one compiled schema may be used by
/// two validations at once, so every use of the C schema holds a lock. That makes
/// the class safe to share between tasks (`@unchecked Sendable`, justified by the
/// lock); concurrent validations against one schema run one after the other.
public final class RelaxNGSchema: @unchecked Sendable {
    /// The schema's file path or given name; compile messages print it.
    public let name: String
    /// Warnings raised while compiling a schema that compiled.
    public let warnings: [XMLDiagnostic]
    /// The compiled schema; only touched while `lock` is held.
    private let schema: xmlRelaxNGPtr
    private let lock = NSLock()

    /// Compiles a schema from text.
    ///
    /// - Parameters:
    ///   - string: The schema in RELAX NG's XML syntax.
    ///   - name: What diagnostics print as the schema's file; `include` and
    ///     `externalRef` hrefs resolve against it.
    /// - Throws: ``XMLError/invalidSchema(file:diagnostics:)`` with every message when
    ///   the text is not well-formed or not a correct schema.
    public convenience init(string: String, name: String) throws(XMLError) {
        try self.init(source: Array(string.utf8), name: name, encoding: "UTF-8")
    }

    /// Compiles the schema in the file at `path`.
    ///
    /// - Throws: ``XMLError/unreadable(file:reason:)``, or
    ///   ``XMLError/invalidSchema(file:diagnostics:)`` with every message.
    public convenience init(fileAt path: String) throws(XMLError) {
        try self.init(source: SourceFile.read(path), name: path, encoding: nil)
    }

    private init(source: [UInt8], name: String, encoding: String?) throws(XMLError) {
        let collector = DiagnosticCollector(file: name)
        let compiled: xmlRelaxNGPtr? = LibXML2.capturingErrors(into: collector) {
            guard let document = DocumentParsing.parse(source, name: name, encoding: encoding, collector: collector)
            else { return nil }
            defer { xmlFreeDoc(document) }
            // The parser context works on its own copy of the document.
            guard let parser = xmlRelaxNGNewDocParserCtxt(document) else {
                collector.add("libxml2 could not allocate a RELAX NG parser")
                return nil
            }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            xmlRelaxNGSetParserStructuredErrors(parser, DiagnosticCollector.structuredErrorHandler, collector.userData)
            let schema = xmlRelaxNGParse(parser)
            if let schema, collector.hasErrors {
                xmlRelaxNGFree(schema)
                return nil
            }
            if schema == nil, !collector.hasErrors {
                collector.add("RELAX NG schema did not compile")
            }
            return schema
        }
        guard let compiled else {
            throw .invalidSchema(file: name, diagnostics: collector.diagnostics)
        }
        self.name = name
        self.schema = compiled
        self.warnings = collector.diagnostics
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// Validates a document against this schema.
    ///
    /// - Parameter document: A parsed document.
    /// - Returns: Every message, each with the document's name and the line of the
    ///   offending element (column 0: RELAX NG knows none); empty when the document
    ///   is valid. Any diagnostic at level `.error` or `.fatal` means invalid.
    public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
        lock.lock()
        defer { lock.unlock() }
        let collector = DiagnosticCollector(file: document.name)
        LibXML2.capturingErrors(into: collector) {
            guard let parsed = DocumentParsing.parse(document.source, name: document.name,
                                                     encoding: document.forcedEncoding, collector: collector)
            else { return }  // cannot happen: the same bytes parsed before
            defer { xmlFreeDoc(parsed) }
            collector.diagnostics.removeAll()  // parse warnings are in document.warnings
            guard let validator = xmlRelaxNGNewValidCtxt(schema) else {
                collector.add("libxml2 could not allocate a RELAX NG validator")
                return
            }
            defer { xmlRelaxNGFreeValidCtxt(validator) }
            xmlRelaxNGSetValidStructuredErrors(validator, DiagnosticCollector.structuredErrorHandler,
                                               collector.userData)
            let result = xmlRelaxNGValidateDoc(validator, parsed)
            if result != 0, !collector.hasErrors {
                let rootLine = xmlDocGetRootElement(parsed).map(collector.line(of:)) ?? 0
                collector.add(result < 0 ? "RELAX NG validation failed inside libxml2 (\(result))"
                                         : "document does not match the schema",
                              level: .error, line: rootLine)
            }
        }
        return collector.diagnostics
    }

    /// Whether `document` is valid: ``validate(_:)`` found no error.
    public func accepts(_ document: XMLDocument) -> Bool {
        !validate(document).contains { $0.level != .warning }
    }
}
