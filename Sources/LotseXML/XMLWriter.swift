/// The engine behind ``XMLElement/serialized(indent:)``.
struct XMLWriter {
    /// Prefix bindings in scope while writing; `""` is the default namespace and an
    /// empty URI means "no namespace".
    struct Scope {
        var bindings: [String: String] = [:]
        var generated = 0
    }

    let indentWidth: Int
    var output = ""

    init(indentWidth: Int) {
        self.indentWidth = indentWidth
    }

    mutating func write(_ element: XMLElement, depth: Int, scope: Scope, pretty: Bool) {
        var scope = scope
        var declarations: [(prefix: String, uri: String)] = []

        func declare(_ prefix: String, _ uri: String) {
            scope.bindings[prefix] = uri
            declarations.append((prefix, uri))
        }
        func declaredHere(_ prefix: String) -> Bool {
            declarations.contains { $0.prefix == prefix }
        }
        /// The prefix to write for `uri` ("" = the default namespace).
        func prefix(for uri: String, preferred: String?, isAttribute: Bool) -> String {
            let wanted = preferred ?? (isAttribute ? nil : "")
            if let wanted, wanted != "xml", wanted != "xmlns" {
                if scope.bindings[wanted] == uri { return wanted }
                if !declaredHere(wanted) {
                    declare(wanted, uri)
                    return wanted
                }
            }
            if let bound = scope.bindings.filter({ $0.value == uri && !$0.key.isEmpty }).keys.sorted().first {
                return bound
            }
            var candidate: String
            repeat {
                scope.generated += 1
                candidate = "ns\(scope.generated)"
            } while scope.bindings[candidate] != nil
            declare(candidate, uri)
            return candidate
        }

        for declaration in element.namespaceDeclarations where !declaredHere(declaration.prefix ?? "") {
            declare(declaration.prefix ?? "", declaration.uri)
        }

        let elementName: String
        if let uri = element.namespaceURI, !uri.isEmpty {
            let chosen = prefix(for: uri, preferred: element.prefix, isAttribute: false)
            elementName = chosen.isEmpty ? element.name : "\(chosen):\(element.name)"
        } else {
            if let defaultURI = scope.bindings[""], !defaultURI.isEmpty {
                declare("", "")
            }
            elementName = element.name
        }

        var attributeTexts: [String] = []
        for attribute in element.attributes {
            let attributeName: String
            if let uri = attribute.namespaceURI, !uri.isEmpty {
                let chosen = uri == xmlNamespaceURI
                    ? "xml" : prefix(for: uri, preferred: attribute.prefix, isAttribute: true)
                attributeName = "\(chosen):\(attribute.name)"
            } else {
                attributeName = attribute.name
            }
            attributeTexts.append(" \(attributeName)=\"\(Self.escapedAttribute(attribute.value))\"")
        }

        output += "<" + elementName
        for declaration in declarations {
            let attributeName = declaration.prefix.isEmpty ? "xmlns" : "xmlns:\(declaration.prefix)"
            output += " \(attributeName)=\"\(Self.escapedAttribute(declaration.uri))\""
        }
        for text in attributeTexts {
            output += text
        }

        if element.children.isEmpty {
            output += "/>"
            return
        }
        output += ">"

        let layOut = pretty
            && element.children.contains { $0.element != nil }
            && element.children.allSatisfy { child in
                if case .text(let text) = child { return text.allSatisfy(\.isWhitespace) }
                return true
            }
        if layOut {
            let childIndent = String(repeating: " ", count: (depth + 1) * indentWidth)
            for case .element(let child) in element.children {
                output += "\n" + childIndent
                write(child, depth: depth + 1, scope: scope, pretty: true)
            }
            output += "\n" + String(repeating: " ", count: depth * indentWidth)
        } else {
            for child in element.children {
                switch child {
                case .text(let text): output += Self.escapedText(text)
                case .element(let child): write(child, depth: depth + 1, scope: scope, pretty: false)
                }
            }
        }
        output += "</" + elementName + ">"
    }

    /// Text content: `&`, `<`, `>` escaped (and `\r`, which parsers would fold).
    static func escapedText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(representable(scalar))
            }
        }
        return result
    }

    /// An attribute value in double quotes: also `"` and whitespace that attribute
    /// normalisation would turn into spaces.
    static func escapedAttribute(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(representable(scalar))
            }
        }
        return result
    }

    /// The scalar, or U+FFFD when XML 1.0 has no way to write it (§2.2 `Char`).
    private static func representable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalar
        default: "\u{FFFD}"
        }
    }
}
