import Foundation
public import LotseXML
public import LotseXPath

/// Reads an ODK XForm (as pyxform 4 writes it, or written by hand in the same format) into a
/// checked `FormDefinition`, collecting every problem as a `FormDiagnostic` instead of
/// stopping at the first.
public struct FormReader {
    /// What reading produced: the definition (nil when errors make it unusable) and every
    /// diagnostic in file order.
    public struct Result: Sendable {
        public var definition: FormDefinition?
        public var diagnostics: [FormDiagnostic]

        /// True when no diagnostic is an error.
        public var isClean: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Reads the form in a file; `name` is how messages name the file (default: the path).
    public static func read(fileAt path: String, name: String? = nil) -> Result {
        let display = name ?? path
        guard let bytes = try? SourceFile.read(path) else {
            return Result(definition: nil, diagnostics: [
                FormDiagnostic(file: display, line: 0, code: .xml, message: "cannot read the file"),
            ])
        }
        return read(bytes: bytes, name: display)
    }

    /// Reads a form from its bytes; `name` is how messages name the source.
    public static func read(bytes: [UInt8], name: String) -> Result {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes: bytes, name: name)
        } catch {
            return Result(definition: nil, diagnostics: error.diagnostics.map {
                FormDiagnostic(file: name, line: $0.line, column: $0.column, code: .xml, message: $0.message)
            })
        }
        var reader = FormReader(document: document, source: SourceText(String(decoding: bytes, as: UTF8.self)))
        var definition = reader.readDefinition()
        definition?.source = bytes
        let sorted = reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return Result(definition: sorted.contains { $0.severity == .error } ? nil : definition, diagnostics: sorted)
    }

    // MARK: - State while reading

    let document: XMLDocument
    let source: SourceText
    var diagnostics: [FormDiagnostic] = []
    var template = TemplateNode(name: "", attributes: [:], value: "", children: [], line: 0)
    var secondary: [String: TemplateNode] = [:]
    var external: [String: String] = [:]
    var languages: [FormLanguage] = []
    var defaultLanguage: String?
    var texts: [String: [String: [TextSegment]]] = [:]
    var binds: [Bind] = []
    var fields: [Field] = []
    var setValues: [SetValue] = []
    var repeats: [RepeatDefinition] = []
    var pendingChecks: [PendingCheck] = []

    init(document: XMLDocument, source: SourceText) {
        self.document = document
        self.source = source
    }

    var file: String { document.name }

    mutating func report(_ code: FormDiagnostic.Code, _ message: String, at element: XMLElement,
                         severity: FormDiagnostic.Severity = .error) {
        diagnostics.append(FormDiagnostic(file: file, line: element.line,
                                          column: source.column(of: element),
                                          severity: severity, code: code, message: message))
    }

    mutating func readDefinition() -> FormDefinition? {
        let root = document.root
        guard root.name == "html", let head = root.firstElement(named: "head", namespace: NS.xhtml) else {
            report(.structure, "not an XForm: the root must be <h:html> with <h:head> (namespace \(NS.xhtml))", at: root)
            return nil
        }
        guard let model = head.firstElement(named: "model", namespace: NS.xforms) else {
            report(.structure, "<h:head> has no <model>", at: head)
            return nil
        }
        readInstances(model)
        guard !template.name.isEmpty else { return nil }
        if let itext = model.firstElement(named: "itext", namespace: NS.xforms) { readItext(itext) }
        readBinds(model)
        let body = root.firstElement(named: "body", namespace: NS.xhtml)
        if let body { readBody(body.elements, medicalAbove: false) } else {
            report(.structure, "<h:html> has no <h:body>", at: root, severity: .warning)
        }
        addHiddenFields()
        checkRepeatElements()
        checkExpressions()
        let graph = BindGraph(binds: binds)
        for cycle in graph.cycles {
            let first = binds.first { $0.path == cycle[0] }
            let line = first?.line ?? 0
            let text = cycle.map { "/" + $0.joined(separator: "/") }.joined(separator: " → ")
            diagnostics.append(FormDiagnostic(file: file, line: line,
                                              column: first?.column ?? 0,
                                              code: .cycle, message: "calculate/relevant expressions form a cycle: \(text)"))
        }
        let title = head.firstElement(named: "title", namespace: NS.xhtml)?.textContent.trimmed() ?? template.attributes["id"] ?? ""
        var definition = FormDefinition(
            id: template.attributes["id"] ?? template.name, version: template.attributes["version"] ?? "",
            title: title, file: file, languages: languages, defaultLanguage: defaultLanguage, texts: texts,
            template: template, secondaryInstances: secondary, externalInstances: external, binds: binds,
            fields: fields, setValues: setValues, repeats: repeats, graph: graph)
        definition.index()
        return definition
    }

    // MARK: - Instances

    mutating func readInstances(_ model: XMLElement) {
        for instance in model.elements(named: "instance", namespace: NS.xforms) {
            if let id = instance.attribute("id") {
                if let src = instance.attribute("src") {
                    external[id] = src
                } else if let top = instance.elements.first {
                    if secondary[id] != nil { report(.duplicate, "a second instance with id \"\(id)\"", at: instance) }
                    secondary[id] = Self.template(top)
                } else {
                    report(.structure, "instance \"\(id)\" is empty and has no src", at: instance)
                }
            } else if template.name.isEmpty {
                guard let top = instance.elements.first else {
                    report(.structure, "the primary instance is empty", at: instance)
                    continue
                }
                template = Self.template(top, repeats: true)
                if top.attribute("id") == nil {
                    report(.structure, "the primary instance's root <\(top.name)> has no id attribute (the form id)", at: top)
                }
            } else {
                report(.structure, "a second instance without id; only the first (primary) instance may lack one", at: instance)
            }
        }
        if template.name.isEmpty {
            report(.structure, "<model> has no primary <instance>", at: model)
        }
    }

    /// The template of an instance; in the primary one (`repeats`), a repeat's elements (a
    /// `jr:template` one, or several of one name) become one node: the template, with the
    /// instances the form starts with.
    static func template(_ element: XMLElement, repeats: Bool = false) -> TemplateNode {
        var attributes: [String: String] = [:]
        for attribute in element.attributes where attribute.namespaceURI == nil { attributes[attribute.name] = attribute.value }
        guard repeats else {
            let children = element.elements.map { template($0) }
            return TemplateNode(name: element.name, attributes: attributes, value: children.isEmpty ? element.text : "",
                                children: children, line: element.line)
        }
        var children: [TemplateNode] = []
        var positions: [String: Int] = [:]
        for child in element.elements {
            let isTemplate = child.attributes.contains { $0.namespaceURI == NS.javarosa && $0.name == "template" }
            let node = template(child, repeats: true)
            if let at = positions[child.name] {
                children[at].isRepeat = true
                if isTemplate {
                    let initial = children[at].initial
                    children[at] = node
                    children[at].isRepeat = true
                    children[at].hasTemplate = true
                    children[at].initial = initial
                } else {
                    children[at].initial.append(node)
                }
            } else {
                positions[child.name] = children.count
                var first = node
                if isTemplate {
                    first.isRepeat = true
                    first.hasTemplate = true
                } else {
                    first.initial = [node]
                }
                children.append(first)
            }
        }
        // Not a repeat after all: one element, no template.
        for i in children.indices where !children[i].isRepeat { children[i].initial = [] }
        return TemplateNode(name: element.name, attributes: attributes, value: children.isEmpty ? element.text : "",
                            children: children, line: element.line)
    }

    // MARK: - itext

    mutating func readItext(_ itext: XMLElement) {
        for translation in itext.elements(named: "translation", namespace: NS.xforms) {
            let language = FormLanguage(name: translation.attribute("lang") ?? "")
            languages.append(language)
            if translation.attribute("default") != nil || defaultLanguage == nil { defaultLanguage = language.code }
            var entries: [String: [TextSegment]] = [:]
            for text in translation.elements(named: "text", namespace: NS.xforms) {
                guard let id = text.attribute("id") else { continue }
                // The plain value (no `form`): media forms (image, audio) are ignored.
                let values = text.elements(named: "value", namespace: NS.xforms)
                // A text with only media (or none, as pyxform writes a media-only note's other
                // languages) is an empty text, as in Collect.
                guard let value = values.first(where: { $0.attribute("form") == nil }) else {
                    entries[id] = []
                    continue
                }
                // pyxform's ids name the field (`/data/member/age:label`): relative outputs start there.
                let owner = id.hasPrefix("/") ? String(id.prefix { $0 != ":" }).split(separator: "/").map(String.init) : []
                entries[id] = segments(of: value, contextPath: owner)
            }
            texts[language.code] = entries
        }
        if let explicit = itext.elements(named: "translation", namespace: NS.xforms)
            .first(where: { $0.attribute("default") != nil }) {
            defaultLanguage = FormLanguage(name: explicit.attribute("lang") ?? "").code
        }
    }

    /// The text of a label or value with its `<output value="…"/>` parts.
    mutating func segments(of element: XMLElement, contextPath: [String] = []) -> [TextSegment] {
        var result: [TextSegment] = []
        for child in element.children {
            switch child {
            case let .text(s): result.append(.literal(s))
            case let .element(e) where e.name == "output":
                if let value = e.attribute("value") ?? e.attribute("ref"),
                   let expression = compile(value, attribute: e.attribute("value") != nil ? "value" : "ref", on: e) {
                    result.append(.output(expression))
                    pendingChecks.append(PendingCheck(expression: expression, contextPath: contextPath, attribute: "value", element: e))
                }
            case let .element(e):
                result.append(.literal(e.textContent))
            }
        }
        return result
    }
}
