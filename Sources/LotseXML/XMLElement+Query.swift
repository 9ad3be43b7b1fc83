/// Navigation and lookups on a parsed (or built) element.
///
/// Names are compared by local name and namespace URI, never by prefix: a
/// `namespace` of nil means "in no namespace", not "any namespace".
extension XMLElement {
    /// The child elements, in order (text skipped).
    public var elements: [XMLElement] {
        children.compactMap(\.element)
    }

    /// The child elements with this local name and namespace, in order.
    ///
    /// - Parameters:
    ///   - name: The local name.
    ///   - namespace: The namespace URI; nil matches only elements in no namespace.
    public func elements(named name: String, namespace: String?) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespaceURI == namespace }
    }

    /// The first child element with this local name and namespace, or nil.
    ///
    /// - Parameters:
    ///   - name: The local name.
    ///   - namespace: The namespace URI; nil matches only an element in no namespace.
    public func firstElement(named name: String, namespace: String?) -> XMLElement? {
        for case .element(let child) in children where child.name == name && child.namespaceURI == namespace {
            return child
        }
        return nil
    }

    /// The value of an attribute, or nil when the element has none by that name.
    ///
    /// - Parameters:
    ///   - localName: The local name (`roles` for `l:roles`).
    ///   - namespace: The attribute's namespace URI; nil (the default) for an
    ///     unprefixed attribute.
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == localName && $0.namespaceURI == namespace }?.value
    }

    /// The text directly inside this element, concatenated (child elements' text excluded).
    public var text: String {
        var result = ""
        for case .text(let text) in children {
            result += text
        }
        return result
    }

    /// All text inside this element and its descendants, in document order
    /// (XPath's string-value of the element).
    public var textContent: String {
        var result = ""
        appendTextContent(to: &result)
        return result
    }

    private func appendTextContent(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendTextContent(to: &result)
            }
        }
    }

    /// The namespace URI a prefix means at this element, or nil when it is unbound.
    ///
    /// - Parameter prefix: The prefix; nil or `""` asks for the default namespace.
    ///   `xml` is always bound to ``xmlNamespaceURI``.
    public func namespaceURI(forPrefix prefix: String?) -> String? {
        let key = prefix ?? ""
        if key == "xml" { return xmlNamespaceURI }
        guard let uri = inScopeNamespaces[key], !uri.isEmpty else { return nil }
        return uri
    }

    /// Every element at and below this one, depth first in document order.
    public var descendantsAndSelf: [XMLElement] {
        var result: [XMLElement] = []
        collect(into: &result)
        return result
    }

    private func collect(into result: inout [XMLElement]) {
        result.append(self)
        for case .element(let child) in children {
            child.collect(into: &result)
        }
    }
}
