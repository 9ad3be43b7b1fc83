import CLibXML2

/// A C element tree to the Swift value tree, so no C pointer outlives the parse.
enum TreeConversion {
    /// Sets `ordinalOnLine` in document order (start tags appear in the text in that order).
    static func numberOnLines(_ element: inout XMLElement, seen: inout [String: Int]) {
        let key = "\(element.line) \(element.qualifiedName)"
        element.ordinalOnLine = seen[key, default: 0]
        seen[key] = element.ordinalOnLine + 1
        for index in element.children.indices {
            guard case .element(var child) = element.children[index] else { continue }
            numberOnLines(&child, seen: &seen)
            element.children[index] = .element(child)
        }
    }

    /// Converts `node` and everything below it.
    ///
    /// - Parameters:
    ///   - node: An element node.
    ///   - scope: The namespaces in scope at the parent (`""` is the default namespace).
    ///   - collector: Supplies the element lines counted while parsing.
    static func element(_ node: xmlNodePtr, scope: [String: String], collector: DiagnosticCollector) -> XMLElement {
        let line = collector.line(of: node)

        var declarations: [XMLNamespaceDeclaration] = []
        var scope = scope
        var namespace = node.pointee.nsDef
        while let declaration = namespace {
            let prefix = declaration.pointee.prefix.map(swiftString)
            let uri = declaration.pointee.href.map(swiftString) ?? ""
            declarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
            scope[prefix ?? ""] = uri
            namespace = declaration.pointee.next
        }

        var attributes: [XMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            attributes.append(XMLAttribute(
                name: swiftString(attribute.pointee.name),
                namespaceURI: attribute.pointee.ns?.pointee.href.map(swiftString),
                prefix: attribute.pointee.ns?.pointee.prefix.map(swiftString),
                value: takeSwiftString(xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1)),
                line: line))
            property = attribute.pointee.next
        }

        var children: [XMLNode] = []
        var pendingText = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if !pendingText.isEmpty {
                    children.append(.text(pendingText))
                    pendingText = ""
                }
                children.append(.element(element(current, scope: scope, collector: collector)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    pendingText += swiftString(content)
                }
            case XML_ENTITY_REF_NODE:
                pendingText += takeSwiftString(xmlNodeGetContent(current))
            default:
                break  // comments, processing instructions
            }
            child = current.pointee.next
        }
        if !pendingText.isEmpty {
            children.append(.text(pendingText))
        }

        return XMLElement(
            name: swiftString(node.pointee.name),
            namespaceURI: node.pointee.ns?.pointee.href.map(swiftString),
            prefix: node.pointee.ns?.pointee.prefix.map(swiftString),
            attributes: attributes,
            children: children,
            namespaceDeclarations: declarations,
            inScopeNamespaces: scope,
            line: line)
    }
}
