/// An element of a parsed document: a plain Swift value, free of C pointers.
///
/// Made by ``XMLDocument/parse(fileAt:)`` and ``XMLDocument/parse(string:name:)``,
/// or built in Swift and written out with ``serialized(indent:)``. Being `Sendable`,
/// a tree can cross tasks and actors freely.
///
/// Queries (`elements(named:namespace:)`, `attribute(_:namespace:)`, `text`, …) are
/// in `XMLElement+Query.swift`.
public struct XMLElement: Sendable, Hashable {
    /// The local name (`state` for `<sc:state>`).
    public var name: String
    /// The namespace URI, or nil when the element is in no namespace.
    public var namespaceURI: String?
    /// The prefix as written, or nil (also when the element is in the default namespace).
    public var prefix: String?
    /// Attributes in document order; namespace declarations are not attributes
    /// (see ``namespaceDeclarations``).
    public var attributes: [XMLAttribute]
    /// Children in document order.
    public var children: [XMLNode]
    /// The namespace declarations written on this element, in document order.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    /// Every prefix in scope at this element and its URI, the default namespace
    /// under the key `""`; `xml` is always bound and not listed. Filled by the parser
    /// (XForms binds hold XPath with prefixes resolved here); for an element built
    /// in Swift it is what the initialiser was given.
    public var inScopeNamespaces: [String: String]
    /// The 1-based line of the `<` that opens the element, 0 when built in Swift.
    /// Counted by LotseXML while libxml2 parses, so it is exact past line 65,535
    /// and on start tags that span several lines (libxml2's own `xmlGetLineNo`
    /// gives the line of the closing `>`, and is off by one past 65,535).
    public var line: Int

    /// How many elements with the same qualified name open earlier on the same line (0 for
    /// the first), so a reader can point at this one when several share a line (pyxform writes
    /// a whole form on one line). 0 when built in Swift.
    public var ordinalOnLine: Int = 0

    /// Creates an element, e.g. a form instance to be written with ``serialized(indent:)``.
    ///
    /// - Parameters:
    ///   - name: The local name.
    ///   - namespaceURI: The namespace, or nil for none.
    ///   - prefix: The prefix to write; nil writes the element in the default namespace.
    ///   - attributes: The attributes.
    ///   - children: The children.
    ///   - namespaceDeclarations: Declarations to write on the element; the writer adds
    ///     any further ones the names need.
    ///   - inScopeNamespaces: What ``namespaceURI(forPrefix:)`` answers; defaults to
    ///     the declarations given here.
    ///   - line: The source line, 0 when built in Swift.
    public init(
        name: String,
        namespaceURI: String? = nil,
        prefix: String? = nil,
        attributes: [XMLAttribute] = [],
        children: [XMLNode] = [],
        namespaceDeclarations: [XMLNamespaceDeclaration] = [],
        inScopeNamespaces: [String: String]? = nil,
        line: Int = 0
    ) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.attributes = attributes
        self.children = children
        self.namespaceDeclarations = namespaceDeclarations
        self.inScopeNamespaces = inScopeNamespaces ?? Dictionary(
            namespaceDeclarations.map { ($0.prefix ?? "", $0.uri) },
            uniquingKeysWith: { _, last in last })
        self.line = line
    }

    /// `prefix:name`, or `name` without a prefix.
    public var qualifiedName: String {
        prefix.map { "\($0):\(name)" } ?? name
    }
}
