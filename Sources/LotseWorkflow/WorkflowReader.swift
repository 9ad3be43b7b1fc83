import LotseXML
public import LotseXPath
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and checks a workflow definition: an SCXML file in Lotse's subset
/// (DESIGN §3). Every problem is collected before the reader gives up, each as a
/// ``WorkflowDiagnostic`` with file, line and column:
///
/// 1. well-formed XML (`WF_XML`);
/// 2. the structure, by the RELAX NG schema of the subset (`WF_SCHEMA`); elements
///    and attributes in foreign namespaces (Qt Creator's `qt:editorinfo`) are ignored;
/// 3. SCXML elements outside the subset, each by name (`WF_UNSUPPORTED`);
/// 4. unique ids, existing targets and initial states, `cond` and
///    `l:contact-interval` as XPath reading only paths of the case document,
///    known forms in `l:requires`/`l:records`, known roles, `l:due`;
/// 5. every state reachable from the initial state, a top-level final state
///    reachable from every state.
///
/// Reading a file is the reader's only I/O.
public struct WorkflowReader {
    /// The case data document's shape, which guards are checked against.
    public var caseDocument: any XPathSchema
    /// The ids of the loaded forms.
    public var forms: Set<String>
    /// The ids of the repeatable forms (the only ones `l:records` may name).
    public var repeatableForms: Set<String>
    /// The consent purposes `l:consent` may name (the consent form's); nil: not checked.
    public var consentPurposes: Set<String>?
    /// Whether Lotse's case rules apply (step 5: reachability, a top-level final state). Off only
    /// to run plain SCXML, as conformance tests do; definitions are always read with them.
    public var caseRules = true

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - caseDocument: The shape of the case document (see ``CaseDocumentShape``).
    ///   - forms: Every loaded form's id.
    ///   - repeatableForms: The repeatable forms' ids.
    public init(caseDocument: any XPathSchema, forms: Set<String>, repeatableForms: Set<String>) {
        self.caseDocument = caseDocument
        self.forms = forms
        self.repeatableForms = repeatableForms
    }

    /// Creates a reader whose forms are those of `shape`.
    public init(shape: CaseDocumentShape) {
        self.init(caseDocument: shape, forms: shape.formIDs, repeatableForms: shape.repeatable)
    }

    /// Reads the definition in the file at `path`.
    ///
    /// - Parameter path: The file; diagnostics name it as given.
    /// - Returns: The definition (its ``WorkflowDefinition/warnings`` may be non-empty).
    /// - Throws: ``WorkflowError/unreadable(file:reason:)``, or
    ///   ``WorkflowError/invalid(file:diagnostics:)`` with every diagnostic.
    public func read(fileAt path: String) throws(WorkflowError) -> WorkflowDefinition {
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path) } catch {
            if case let .unreadable(_, reason) = error { throw .unreadable(file: path, reason: reason) }
            throw .unreadable(file: path, reason: error.description)
        }
        return try read(bytes: bytes, name: path)
    }

    /// Reads a definition from text.
    ///
    /// - Parameters:
    ///   - string: The SCXML document.
    ///   - name: What diagnostics print as the file.
    public func read(string: String, name: String) throws(WorkflowError) -> WorkflowDefinition {
        try read(bytes: Array(string.utf8), name: name)
    }

    /// Reads a definition from bytes (e.g. one stored in the database).
    ///
    /// - Parameters:
    ///   - bytes: The SCXML document.
    ///   - name: What diagnostics print as the file.
    /// - Throws: ``WorkflowError/invalid(file:diagnostics:)`` with every diagnostic
    ///   when any is an error.
    public func read(bytes: [UInt8], name: String) throws(WorkflowError) -> WorkflowDefinition {
        let (definition, diagnostics) = diagnose(bytes: bytes, name: name)
        guard let definition else {
            throw .invalid(file: name, diagnostics: diagnostics)
        }
        return definition
    }

    /// Checks a definition and returns everything found, for `workflow check`.
    ///
    /// - Returns: The definition when there is no error (warnings aside), and every
    ///   diagnostic sorted by line and column.
    public func diagnose(bytes: [UInt8], name: String) -> (definition: WorkflowDefinition?,
                                                           diagnostics: [WorkflowDiagnostic]) {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes: bytes, name: name)
        } catch {
            return (nil, error.diagnostics.map { Self.diagnostic($0, code: .xml) })
        }
        let root = document.root
        let locator = SourceLocator(bytes: bytes)
        guard root.name == "scxml", root.namespaceURI == WorkflowSchema.scxmlNamespace else {
            let place = locator.element(root.qualifiedName, line: root.line)
            return (nil, [WorkflowDiagnostic(
                file: name, line: place.line, column: place.column, code: .schema,
                message: "the root element must be <scxml> in the namespace \(WorkflowSchema.scxmlNamespace)")])
        }
        var diagnostics = document.warnings.map { Self.diagnostic($0, code: .xml) }
        var builder = DefinitionBuilder(file: name, locator: locator, checker: XPathChecker(schema: caseDocument),
                                        forms: forms, repeatableForms: repeatableForms)
        builder.consentPurposes = consentPurposes
        var structure = StructureCheck()
        structure.check(root)
        for problem in structure.problems {
            let place = problem.attribute.map { locator.attributeName($0, of: problem.element.qualifiedName,
                                                                      line: problem.element.line,
                                                                      ordinal: problem.element.ordinalOnLine) }
                ?? builder.place(of: problem.element)
            builder.report(.schema, problem.message, at: place)
        }
        if structure.problems.isEmpty {
            for problem in WorkflowSchema.compiled.validate(document) {
                let place = locator.firstStartTag(line: problem.line)
                diagnostics.append(WorkflowDiagnostic(
                    file: name, line: problem.line, column: place.column,
                    severity: problem.level == .warning ? .warning : .error, code: .schema, message: problem.message))
            }
        }
        builder.reportUnsupported(in: root)
        builder.numberTransitions(in: root)
        builder.collectStates(in: root, parent: nil)
        let states = builder.buildStates()
        let initial = builder.topLevelInitial(of: root)
        var definition: WorkflowDefinition? = nil
        if let initial {
            let draft = WorkflowDefinition(
                name: root.attribute("name") ?? "", version: root.attribute("version", namespace: WorkflowSchema.lotseNamespace),
                file: name, source: bytes, initial: initial,
                topLevel: builder.topLevel.map { builder.nodes[$0].id }, states: states, warnings: [],
                observations: builder.formList("observations", of: root, repeatableOnly: true))
            let bad = builder.checkTargets(states, definition: draft)
            if caseRules { builder.checkReachability(draft, badSources: bad, root: root) }
            definition = draft
        }
        diagnostics += builder.diagnostics
        diagnostics = Self.sorted(diagnostics)
        let warnings = diagnostics.filter { $0.severity == .warning }
        guard warnings.count == diagnostics.count else { return (nil, diagnostics) }
        return (definition.map { $0.with(warnings: warnings) }, diagnostics)
    }

    // MARK: - Helpers

    private static func diagnostic(_ xml: XMLDiagnostic, code: WorkflowDiagnostic.Code) -> WorkflowDiagnostic {
        WorkflowDiagnostic(file: xml.file, line: xml.line, column: xml.column,
                           severity: xml.level == .warning ? .warning : .error, code: code, message: xml.message)
    }

    /// In file order; diagnostics on one place keep the order they were found in.
    private static func sorted(_ diagnostics: [WorkflowDiagnostic]) -> [WorkflowDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}

extension WorkflowReader {
    /// The RELAX NG schema (XML syntax) of Lotse's SCXML subset, e.g. for an
    /// editor's completion; `l:` attributes are in `urn:lotse:workflow:1`.
    public static var relaxNGSchema: String { WorkflowSchema.text }
}
