public import LotseXPath

/// A node of a secondary instance (a choice list): built once when the form is read and never
/// changed afterwards, so every filling of the form shares the same tree. That immutability
/// after construction is what makes `@unchecked Sendable` true here: the only `var` (the weak
/// parent link) is set while building, before the tree is published.
public final class StaticNode: XPathNode, @unchecked Sendable {
    public let name: String
    public let isAttribute: Bool
    public let value: String
    public let children: [StaticNode]
    public let attributes: [StaticNode]
    private(set) weak var parent: StaticNode?

    private init(name: String, isAttribute: Bool, value: String, children: [StaticNode], attributes: [StaticNode]) {
        self.name = name
        self.isAttribute = isAttribute
        self.value = value
        self.children = children
        self.attributes = attributes
        for child in children { child.parent = self }
        for attribute in attributes { attribute.parent = self }
    }

    /// The tree of a template node.
    static func tree(_ template: TemplateNode) -> StaticNode {
        StaticNode(name: template.name, isAttribute: false, value: template.value,
                   children: template.children.map(tree),
                   attributes: template.attributes.sorted { $0.key < $1.key }.map {
                       StaticNode(name: $0.key, isAttribute: true, value: $0.value, children: [], attributes: [])
                   })
    }

    public var xpathName: String { name }
    public var xpathIsAttribute: Bool { isAttribute }
    public var xpathParent: (any XPathNode)? { parent }
    public var xpathChildCount: Int { children.count }
    public func xpathChild(at index: Int) -> any XPathNode { children[index] }
    public var xpathAttributeCount: Int { attributes.count }
    public func xpathAttribute(at index: Int) -> any XPathNode { attributes[index] }
    public var xpathStringValue: String { children.isEmpty ? value : children.map(\.xpathStringValue).joined() }
}
