/// A node of a tree that expressions are evaluated over.
///
/// Implement it for any tree (a mutable form instance, an XML-built case document): the
/// evaluator asks only for what XPath's child, parent, self and attribute axes need.
///
/// Implementation requirements:
/// - Elements and attributes are nodes; text is not (its content is ``xpathStringValue``).
/// - The top element of a document (the instance root, `data` or `case`) has no parent;
///   the evaluator puts a document node above it, so `/data/age` and
///   `instance('list')/root/item` work.
/// - An attribute's parent is its element; attributes are not children.
/// - Identity (`===`) is node identity: the same node must be the same object each time.
public protocol XPathNode: AnyObject {
    /// The local name, without a prefix (`title` for `h:title`).
    var xpathName: String { get }
    /// Whether this node is an attribute.
    var xpathIsAttribute: Bool { get }
    /// The parent element (the element for an attribute), or `nil` for a document's top element.
    var xpathParent: (any XPathNode)? { get }
    /// The number of child elements.
    var xpathChildCount: Int { get }
    /// The child element at `index` (0-based, document order).
    func xpathChild(at index: Int) -> any XPathNode
    /// The number of attributes.
    var xpathAttributeCount: Int { get }
    /// The attribute at `index` (0-based).
    func xpathAttribute(at index: Int) -> any XPathNode
    /// The string value: an attribute's value, or an element's text content (the
    /// concatenated text of its descendants).
    var xpathStringValue: String { get }
    /// The value as ODK Collect reads a node of its declared type: a date node as a date, an
    /// int or decimal node as a number, a text or choice node as a string (never a date, however
    /// it looks). `nil` for untyped nodes: their text becomes a number, or a date when it is one.
    var xpathTypedValue: XPathValue? { get }
    /// Whether this element is one instance of a repeat (`/data/member[2]`): a number as
    /// predicate selects among repeat instances only, and an absolute path evaluated inside
    /// one stays in it (javarosa's contextualisation).
    var xpathIsRepeatInstance: Bool { get }
}

/// The document node the evaluator places above a top element (never given to callers'
/// trees; it appears in results only for `/` alone or `instance('id')` alone).
final class XPathDocumentNode: XPathNode {
    let top: any XPathNode

    init(top: any XPathNode) { self.top = top }

    var xpathName: String { "" }
    var xpathIsAttribute: Bool { false }
    var xpathParent: (any XPathNode)? { nil }
    var xpathChildCount: Int { 1 }
    func xpathChild(at index: Int) -> any XPathNode { top }
    var xpathAttributeCount: Int { 0 }
    func xpathAttribute(at index: Int) -> any XPathNode { fatalError("a document node has no attributes") }
    var xpathStringValue: String { top.xpathStringValue }
}

/// The text content of an element, made when a path says `text()`.
final class XPathTextNode: XPathNode {
    let element: any XPathNode

    init(element: any XPathNode) { self.element = element }

    var xpathName: String { "" }
    var xpathIsAttribute: Bool { false }
    var xpathParent: (any XPathNode)? { element }
    var xpathChildCount: Int { 0 }
    func xpathChild(at index: Int) -> any XPathNode { fatalError("a text node has no children") }
    var xpathAttributeCount: Int { 0 }
    func xpathAttribute(at index: Int) -> any XPathNode { fatalError("a text node has no attributes") }
    var xpathStringValue: String { element.xpathStringValue }
}

extension XPathNode {
    /// Untyped unless the node says otherwise.
    public var xpathTypedValue: XPathValue? { nil }

    /// Not a repeat instance unless the node says otherwise.
    public var xpathIsRepeatInstance: Bool { false }

    /// The top element of this node's document (the node itself if it has no parent).
    var xpathTop: any XPathNode {
        var node: any XPathNode = self
        while let parent = node.xpathParent { node = parent }
        if let document = node as? XPathDocumentNode { return document.top }
        return node
    }
}
