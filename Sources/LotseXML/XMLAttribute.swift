/// An attribute of an ``XMLElement``.
///
/// An unprefixed attribute is in no namespace (`namespaceURI == nil`), even when
/// its element has a default namespace (Namespaces in XML 1.0, §6.2).
public struct XMLAttribute: Sendable, Hashable {
    /// The local name (`roles` in `l:roles="caseworker"`).
    public var name: String
    /// The namespace URI, or nil for an unprefixed attribute.
    public var namespaceURI: String?
    /// The prefix as written (`l`), or nil.
    public var prefix: String?
    /// The value after attribute-value normalisation, entities replaced.
    public var value: String
    /// The line of the attribute's element: libxml2 keeps no line per attribute.
    public var line: Int

    /// Creates an attribute, e.g. for a document built in Swift.
    ///
    /// - Parameters:
    ///   - name: The local name.
    ///   - namespaceURI: The namespace, or nil for none.
    ///   - prefix: The prefix to write; the writer invents one when a namespaced
    ///     attribute has none.
    ///   - value: The value, unescaped.
    ///   - line: The source line, 0 when built in Swift.
    public init(name: String, namespaceURI: String? = nil, prefix: String? = nil, value: String, line: Int = 0) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.value = value
        self.line = line
    }

    /// `prefix:name`, or `name` without a prefix.
    public var qualifiedName: String {
        prefix.map { "\($0):\(name)" } ?? name
    }
}
