/// A namespace declaration, `xmlns:prefix="uri"` or (prefix nil) `xmlns="uri"`.
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    /// The declared prefix, or nil for the default namespace.
    public var prefix: String?
    /// The namespace URI; empty only when undeclaring the default namespace (`xmlns=""`).
    public var uri: String

    /// Creates a declaration.
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// The namespace bound to the prefix `xml` (Namespaces in XML 1.0, §3).
public let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"
