/// What the static checker may ask about the documents an expression reads.
///
/// Paths are absolute, made of local names from the document's top element down:
/// `["data", "person", "age"]`; an attribute's last component is `@` + its name:
/// `["case", "@state"]`.
public protocol XPathSchema {
    /// Whether the primary document (the form instance, the case document) has a node at `path`.
    /// - Parameter path: local names from the top element, e.g. `["data", "person", "age"]`.
    func hasPath(_ path: [String]) -> Bool

    /// Whether a secondary instance with this id exists.
    /// - Parameter id: the instance id, as in `instance('id')`.
    func hasInstance(_ id: String) -> Bool

    /// Whether a secondary instance has a node at `path` (from its top element, e.g.
    /// `["root", "item", "name"]`).
    /// - Parameters:
    ///   - path: local names from the instance's top element.
    ///   - id: the instance id.
    /// - Returns: `nil` when the schema does not know the instance's shape (nothing is reported).
    func hasPath(_ path: [String], inInstance id: String) -> Bool?
}

extension XPathSchema {
    /// By default the shape of secondary instances is not checked.
    public func hasPath(_ path: [String], inInstance id: String) -> Bool? { nil }
}

/// A problem found by the static checker; the same shape as ``XPathError``.
public typealias XPathDiagnostic = XPathError
