/// A simple mutable tree implementing ``XPathNode``, for tests and for callers that build
/// small documents by hand.
///
/// ```swift
/// let data = XPathTreeNode("data", attributes: ["id": "intake"], children: [
///     XPathTreeNode("age", text: "42"),
///     XPathTreeNode("person", children: [XPathTreeNode("name", text: "Ada")]),
/// ])
/// ```
public final class XPathTreeNode: XPathNode {
    /// The local name.
    public let name: String
    /// Whether this node is an attribute.
    public let isAttribute: Bool
    /// The text of a leaf element or the value of an attribute.
    public var text: String
    /// The parent. Weak: the tree owns its nodes downwards, so keep the top element alive
    /// while you evaluate on any of its nodes.
    public private(set) weak var parent: XPathTreeNode?
    /// The child elements in document order.
    public private(set) var children: [XPathTreeNode] = []
    /// The attributes in document order.
    public private(set) var attributes: [XPathTreeNode] = []

    /// Creates an element.
    /// - Parameters:
    ///   - name: the local name.
    ///   - text: the element's own text (for leaves).
    ///   - attributes: attribute names and values, in order.
    ///   - children: the child elements, in order.
    public init(_ name: String, text: String = "", attributes: KeyValuePairs<String, String> = [:],
                children: [XPathTreeNode] = []) {
        self.name = name
        self.isAttribute = false
        self.text = text
        for (key, value) in attributes { setAttribute(key, value) }
        for child in children { append(child) }
    }

    private init(attribute name: String, value: String) {
        self.name = name
        self.isAttribute = true
        self.text = value
    }

    /// Appends a child element.
    /// - Parameter child: the element; it must not have a parent yet.
    public func append(_ child: XPathTreeNode) {
        precondition(child.parent == nil && !child.isAttribute, "append: the node is already placed or is an attribute")
        child.parent = self
        children.append(child)
    }

    /// Sets (adds or replaces) an attribute.
    /// - Parameters:
    ///   - name: the attribute's local name.
    ///   - value: its value.
    public func setAttribute(_ name: String, _ value: String) {
        if let existing = attributes.first(where: { $0.name == name }) {
            existing.text = value
            return
        }
        let attribute = XPathTreeNode(attribute: name, value: value)
        attribute.parent = self
        attributes.append(attribute)
    }

    /// The first child element named `name`.
    public func child(_ name: String) -> XPathTreeNode? { children.first { $0.name == name } }

    /// The descendant reached by following child names, e.g. `node(at: ["person", "age"])`.
    public func node(at path: [String]) -> XPathTreeNode? {
        var node: XPathTreeNode? = self
        for name in path { node = node?.child(name) }
        return node
    }

    public var xpathName: String { name }
    public var xpathIsAttribute: Bool { isAttribute }
    public var xpathParent: (any XPathNode)? { parent }
    public var xpathChildCount: Int { children.count }
    public func xpathChild(at index: Int) -> any XPathNode { children[index] }
    public var xpathAttributeCount: Int { attributes.count }
    public func xpathAttribute(at index: Int) -> any XPathNode { attributes[index] }

    public var xpathStringValue: String {
        if children.isEmpty { return text }
        var result = text
        for child in children { result += child.xpathStringValue }
        return result
    }
}
