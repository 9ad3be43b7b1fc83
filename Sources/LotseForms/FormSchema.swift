public import LotseXPath

/// The shape of a form's documents, for the static checks of its expressions: the primary
/// instance, the inline secondary instances, and external instances (whose shape is known
/// only when the caller supplies one, e.g. the case data document for `instance('case')`).
public struct FormSchema: XPathSchema {
    let template: TemplateNode
    let secondary: [String: TemplateNode]
    let external: [String: TemplateNode?]

    init(template: TemplateNode, secondary: [String: TemplateNode], external: [String: TemplateNode?]) {
        self.template = template
        self.secondary = secondary
        self.external = external
    }

    public func hasPath(_ path: [String]) -> Bool { Self.has(path, in: template) }

    public func hasInstance(_ id: String) -> Bool { secondary[id] != nil || external[id] != nil }

    public func hasPath(_ path: [String], inInstance id: String) -> Bool? {
        if let top = secondary[id] { return Self.has(path, in: top) }
        if let shape = external[id], let shape { return Self.has(path, in: shape) }
        return nil
    }

    /// Whether `path` (from the top element; `@name` for attributes) exists in `top`.
    static func has(_ path: [String], in top: TemplateNode) -> Bool {
        guard let first = path.first, first == top.name else { return false }
        var node = top
        for (index, step) in path.dropFirst().enumerated() {
            if step.hasPrefix("@") {
                return index == path.count - 2 && node.attributes[String(step.dropFirst())] != nil
            }
            guard let child = node.children.first(where: { $0.name == step }) else { return false }
            node = child
        }
        return true
    }
}
