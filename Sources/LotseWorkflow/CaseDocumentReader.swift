import LotseXPath

/// Reads single nodes of a case document by absolute path, for the values a
/// guard read (cheaper than compiling each path as an expression).
enum CaseDocumentReader {
    /// The string value of the first node at `path` (`/case/capacity/erwerbsfaehig`,
    /// `/case/contact/@last`), or nil when there is none.
    ///
    /// - Parameters:
    ///   - path: An absolute path of local names, attributes as `@name`.
    ///   - top: The document's top element.
    static func value(at path: String, in top: any XPathNode) -> String? {
        var steps = path.split(separator: "/")[...]
        guard let first = steps.popFirst(), first == top.xpathName else { return nil }
        var node = top
        for step in steps {
            if step.hasPrefix("@") {
                let name = step.dropFirst()
                guard let attribute = (0..<node.xpathAttributeCount).lazy.map(node.xpathAttribute(at:))
                    .first(where: { $0.xpathName == name }) else { return nil }
                node = attribute
            } else {
                guard let child = (0..<node.xpathChildCount).lazy.map(node.xpathChild(at:))
                    .first(where: { $0.xpathName == step }) else { return nil }
                node = child
            }
        }
        return node.xpathStringValue
    }
}
