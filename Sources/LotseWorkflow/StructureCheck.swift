import LotseXML

/// The structure rules of the subset's RELAX NG schema (``WorkflowSchema``),
/// checked element by element so that every problem gets its own message and
/// line (libxml2's RELAX NG validator stops inside an element at its first
/// problem and words it as "Element state has extra content: transition").
///
/// The reader reports these diagnostics; the schema remains the authority: when
/// it rejects a document these rules pass, its own messages are reported.
struct StructureCheck {
    private struct Rule {
        var attributes: Set<String>
        var required: [String]
        var lotse: Set<String>
        var children: Set<String>
    }

    private static let labels: Set<String> = ["label-de", "label-en"]

    private static let rules: [String: Rule] = [
        "scxml": Rule(attributes: ["version", "name", "initial", "datamodel", "binding"], required: ["version"],
                      lotse: ["version", "observations"], children: ["state", "final"]),
        "state": Rule(attributes: ["id", "initial"], required: ["id"],
                      lotse: labels.union(["requires", "records", "due", "contact-interval"]),
                      children: ["onentry", "onexit", "transition", "state", "final", "history"]),
        "final": Rule(attributes: ["id"], required: ["id"], lotse: labels, children: ["onentry", "onexit"]),
        "history": Rule(attributes: ["id", "type"], required: ["id"], lotse: labels, children: ["transition"]),
        "transition": Rule(attributes: ["event", "cond", "target", "type"], required: ["event", "target"],
                           lotse: labels.union(["roles", "requires", "four-eyes", "consent"]), children: ["log"]),
        "onentry": Rule(attributes: [], required: [], lotse: [], children: ["log"]),
        "onexit": Rule(attributes: [], required: [], lotse: [], children: ["log"]),
        "log": Rule(attributes: ["label", "expr"], required: [], lotse: [], children: []),
    ]

    /// Attribute values from closed lists.
    private static let values: [String: Set<String>] = [
        "scxml@version": ["1.0"], "scxml@datamodel": ["xpath"], "scxml@binding": ["early", "late"],
        "history@type": ["shallow", "deep"], "transition@type": ["external", "internal"],
        "transition@l:four-eyes": ["true", "false"],
    ]

    private(set) var problems: [(element: XMLElement, attribute: String?, message: String)] = []

    /// Checks `root` and everything below it.
    mutating func check(_ root: XMLElement) {
        check(root, parent: nil)
    }

    private mutating func check(_ element: XMLElement, parent: XMLElement?) {
        let name = element.name
        guard let rule = Self.rules[name] else { return }
        let inHistory = name == "transition" && parent?.name == "history"
        for attribute in element.attributes {
            switch attribute.namespaceURI {
            case nil:
                if !rule.attributes.contains(attribute.name) || (inHistory && ["event", "cond"].contains(attribute.name)) {
                    let why = inHistory ? " (a history's default transition has only a target)" : ""
                    problems.append((element, attribute.qualifiedName,
                                     "attribute '\(attribute.name)' is not allowed on <\(name)>\(why)"))
                    continue
                }
                checkValue(attribute.value, key: "\(name)@\(attribute.name)", element, attribute)
            case WorkflowSchema.lotseNamespace?:
                let allowed = inHistory ? Self.labels : rule.lotse
                if !allowed.contains(attribute.name) {
                    problems.append((element, attribute.qualifiedName,
                                     "attribute 'l:\(attribute.name)' is not a Lotse attribute of <\(name)>"))
                    continue
                }
                checkValue(attribute.value, key: "\(name)@l:\(attribute.name)", element, attribute)
            case WorkflowSchema.scxmlNamespace?:
                problems.append((element, attribute.qualifiedName,
                                 "attribute '\(attribute.qualifiedName)' must not be in the SCXML namespace"))
            default:
                continue  // foreign: ignored
            }
        }
        for required in rule.required where element.attribute(required) == nil {
            if inHistory && required == "event" { continue }
            problems.append((element, nil, "<\(name)> needs the attribute '\(required)'"))
        }
        for child in element.children {
            switch child {
            case .text(let text):
                if !text.allSatisfy(\.isWhitespace) {
                    problems.append((element, nil, "<\(name)> holds text; only elements are allowed here"))
                }
            case .element(let inner):
                checkChild(inner, of: element, rule: rule)
            }
        }
    }

    private mutating func checkChild(_ child: XMLElement, of element: XMLElement, rule: Rule) {
        switch child.namespaceURI {
        case WorkflowSchema.scxmlNamespace?:
            if rule.children.contains(child.name) {
                check(child, parent: element)
            } else if WorkflowSchema.supportedElements.contains(child.name) {
                let allowed = rule.children.sorted().map { "<\($0)>" }.joined(separator: ", ")
                problems.append((child, nil, "<\(child.name)> is not allowed inside <\(element.name)>"
                                 + (allowed.isEmpty ? "" : " (allowed: \(allowed))")))
            }  // other SCXML names: refused as unsupported by the reader
        case nil:
            problems.append((child, nil, "<\(child.name)> is in no namespace; SCXML elements need "
                             + "xmlns=\"\(WorkflowSchema.scxmlNamespace)\""))
        case WorkflowSchema.lotseNamespace?:
            problems.append((child, nil, "<\(child.qualifiedName)>: Lotse defines attributes, not elements"))
        default:
            break  // foreign elements (qt:editorinfo) are ignored
        }
    }

    /// Attributes that name states: plain names (XML NCName), as the RELAX NG schema says.
    static let names: Set<String> = ["scxml@initial", "state@id", "state@initial", "final@id", "history@id",
                                     "transition@target"]

    /// An XML NCName: a letter or `_` first, then letters, digits, `_`, `-`, `.`; no `:` or space.
    static func isPlainName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    private mutating func checkValue(_ value: String, key: String, _ element: XMLElement, _ attribute: XMLAttribute) {
        if Self.names.contains(key), !Self.isPlainName(value) {
            problems.append((element, attribute.qualifiedName,
                             "'\(value)' is not a plain name, as '\(attribute.qualifiedName)' needs: a letter or _ first, "
                                + "then letters, digits, _ - . (no spaces, no ':')"))
            return
        }
        guard let allowed = Self.values[key], !allowed.contains(value) else { return }
        let list = allowed.sorted().map { "'\($0)'" }.joined(separator: ", ")
        problems.append((element, attribute.qualifiedName,
                         "'\(value)' is not a value of '\(attribute.qualifiedName)' (allowed: \(list))"))
    }
}
