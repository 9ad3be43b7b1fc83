import Foundation
public import LotseXPath

/// A node of a filled form instance: an element (or attribute) with its value, evaluated by
/// `LotseXPath`. A node that is not relevant reads as empty to every expression and is
/// written empty, but keeps what was entered, so it comes back if it becomes relevant again
/// while the form is being filled.
public final class InstanceNode: XPathNode {
    public let name: String
    public let isAttribute: Bool
    /// The entered or calculated value (leaves).
    public internal(set) var value: String
    public private(set) var children: [InstanceNode] = []
    public private(set) var attributes: [InstanceNode] = []
    public private(set) weak var parent: InstanceNode?
    /// The result of this node's own `relevant` (true without one).
    var selfRelevant = true {
        didSet { if isRepeatInstance && selfRelevant != oldValue { parent?.visibleChildren = nil } }
    }
    /// The children expressions see: as in javarosa, a repeat instance that is not relevant is
    /// in no node-set (`count(../job)` leaves it out). Computed when needed.
    private var visibleChildren: [InstanceNode]?
    private var shownChildren: [InstanceNode] {
        if let visibleChildren { return visibleChildren }
        let shown = children.filter { !$0.isRepeatInstance || $0.selfRelevant }
        visibleChildren = shown
        return shown
    }
    /// The bind of this node, if any.
    var bindIndex: Int?
    /// The declared type (nil: no bind, a text in Collect); set by the instance.
    var dataType: DataType?
    /// One instance of a repeat (`member[2]`).
    var isRepeatInstance = false
    /// The node's path from the root without instance numbers (its bind's path).
    var genericPath: [String] = []
    /// The filling's clock: a time of day reads as that time today (javarosa's TimeData).
    var clock = XPathClock.fixed(Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC")!)

    init(name: String, value: String = "", isAttribute: Bool = false) {
        self.name = name
        self.value = value
        self.isAttribute = isAttribute
    }

    func append(_ child: InstanceNode) {
        child.parent = self
        if child.isAttribute { attributes.append(child) } else { children.append(child) }
        visibleChildren = nil
    }

    /// Inserts a child (a new repeat instance) at a position among the children.
    func insert(_ child: InstanceNode, at index: Int) {
        child.parent = self
        children.insert(child, at: index)
        visibleChildren = nil
    }

    /// Removes a child (a repeat instance).
    func remove(_ child: InstanceNode) {
        children.removeAll { $0 === child }
        child.parent = nil
        visibleChildren = nil
    }

    /// Relevant itself and all its ancestors.
    public var isRelevant: Bool {
        var node: InstanceNode? = self
        while let n = node {
            if !n.selfRelevant { return false }
            node = n.parent
        }
        return true
    }

    /// The child with this name.
    public func child(_ name: String) -> InstanceNode? { children.first { $0.name == name } }

    // MARK: XPathNode

    public var xpathName: String { name }
    public var xpathIsAttribute: Bool { isAttribute }
    public var xpathParent: (any XPathNode)? { parent }
    public var xpathChildCount: Int { shownChildren.count }
    public func xpathChild(at index: Int) -> any XPathNode { shownChildren[index] }
    public var xpathIsRepeatInstance: Bool { isRepeatInstance }
    public var xpathAttributeCount: Int { attributes.count }
    public func xpathAttribute(at index: Int) -> any XPathNode { attributes[index] }
    /// A leaf as Collect reads it by its type (`CollectLexical.typedValue`); groups untyped.
    public var xpathTypedValue: XPathValue? {
        guard children.isEmpty, !isAttribute else { return nil }
        guard isRelevant else { return .string("") }
        return CollectLexical.typedValue(value, type: dataType ?? .string, clock: clock)
    }

    public var xpathStringValue: String {
        guard isRelevant else { return "" }
        if children.isEmpty { return value }
        return children.map(\.xpathStringValue).joined()
    }

}

@available(*, unavailable)
extension InstanceNode: Sendable {}
