public import LotseXPath

/// One filling of a form: the instance tree with its values, kept consistent with the
/// form's binds (`relevant` and `calculate` re-evaluated, in dependency order, after each
/// change). Not Sendable: one filling belongs to one task.
public final class FormInstance {
    public let definition: FormDefinition
    /// The primary instance's root (`<data id=…>`).
    public let root: InstanceNode
    var environment: FormEnvironment
    private var nodes: [[String]: InstanceNode] = [:]
    private var secondaryRoots: [String: StaticNode] { definition.secondaryRoots }
    /// False after values were stored without re-evaluating what depends on them.
    var isConsistent = true

    /// A new, empty filling: defaults, `jr:preload` values and first-load `setvalue`s applied,
    /// then every `relevant` and `calculate` evaluated.
    public init(definition: FormDefinition, environment: FormEnvironment = FormEnvironment()) {
        self.definition = definition
        self.environment = environment
        root = InstanceNode.tree(definition.template)
        index(root, path: [root.name])
        for (i, bind) in definition.binds.enumerated() {
            nodes[bind.path]?.bindIndex = i
            nodes[bind.path]?.dataType = bind.type
        }
        for node in nodes.values { node.clock = environment.clock }
        // Defaults in Collect's lexical form (a time default 09:30:00 is stored 09:30:00.000Z).
        for bind in definition.binds {
            guard let node = nodes[bind.path], node.children.isEmpty, !node.value.isEmpty else { continue }
            node.value = entered(node.value, type: bind.type) ?? node.value
        }
        for bind in definition.binds {
            guard let node = nodes[bind.path] else { continue }
            switch bind.preload {
            case "uid": node.value = "uuid:" + environment.makeUUID()
            case "timestamp":
                let now = environment.clock.now()
                let offset = environment.clock.timeZone.secondsFromGMT(for: now)
                node.value = CollectLexical.dateTime(of: .dateTime(seconds: now.timeIntervalSince1970, offset: offset),
                                                     timeZone: environment.clock.timeZone)
            default: break
            }
        }
        recalculate(definition.graph.order)
        for setValue in definition.setValues where setValue.trigger == nil {
            guard let node = nodes[setValue.path] else { continue }
            node.value = setValue.value.flatMap { try? $0.evaluate(context(node)) }
                .map { stored($0, in: node) } ?? ""
            recalculate(definition.graph.affected(byChangeOf: setValue.path))
        }
    }

    private func index(_ node: InstanceNode, path: [String]) {
        nodes[path] = node
        for child in node.children { index(child, path: path + [child.name]) }
    }

    /// The node at a path.
    public func node(at path: [String]) -> InstanceNode? { nodes[path] }

    /// The evaluation context for an expression bound to `node`.
    func context(_ node: InstanceNode) -> XPathContext {
        XPathContext(node: node, current: node, instance: { [definition, environment] id in
            definition.secondaryRoots[id] ?? environment.externalInstances[id]
        }, clock: environment.clock, makeUUID: environment.makeUUID,
        choiceName: { [weak self] value, path in self?.choiceLabel(value, selectPath: path) })
    }

    private func choiceLabel(_ value: String, selectPath: String) -> String? {
        let path = selectPath.trimmed().split(separator: "/").map(String.init)
        guard let field = definition.field(at: path) else { return nil }
        return choices(of: field, language: definition.defaultLanguage ?? "").first { $0.value == value }?.label
    }

    /// Re-evaluates every `relevant` and `calculate` if values were stored without it.
    func bringUpToDate() {
        guard !isConsistent else { return }
        recalculate(definition.graph.order)
        isConsistent = true
    }

    /// Re-evaluates `relevant` then `calculate` of the given binds, in the order given.
    func recalculate(_ vertices: [Int]) {
        for v in vertices {
            let bind = definition.binds[v]
            guard let node = nodes[bind.path] else { continue }
            if let relevant = bind.relevant {
                node.selfRelevant = (try? relevant.evaluateBoolean(context(node))) ?? false
            }
            if let calculate = bind.calculate, node.isRelevant {
                node.value = (try? calculate.evaluate(context(node))).map { stored($0, in: node) } ?? ""
            }
        }
    }

    /// What a calculation's result is stored as, as Collect stores it.
    func stored(_ value: XPathValue, in node: InstanceNode) -> String {
        CollectLexical.calculated(value, type: node.dataType ?? .string, timeZone: environment.clock.timeZone,
                                  now: environment.clock.now())
    }

    /// An entered value as Collect stores it (nil when not of the field's type).
    func entered(_ text: String, type: DataType) -> String? {
        CollectLexical.entered(text, type: type, timeZone: environment.clock.timeZone, now: environment.clock.now())
    }

    // MARK: - Reading

    /// The field's current value ("" when it is not relevant).
    public func value(of field: Field) -> String {
        bringUpToDate()
        return nodes[field.path]?.xpathStringValue ?? ""
    }

    /// Whether the field (and every group around it) is relevant now.
    public func isRelevant(_ field: Field) -> Bool {
        bringUpToDate()
        return nodes[field.path]?.isRelevant ?? false
    }

    /// Whether the field must be answered now (its `required` is true and it is relevant).
    public func isRequired(_ field: Field) -> Bool {
        bringUpToDate()
        guard let node = nodes[field.path], node.isRelevant, let required = definition.bind(of: field)?.required else {
            return false
        }
        return (try? required.evaluateBoolean(context(node))) ?? false
    }

    /// Whether a person can enter a value: not a group, note, calculation or read-only field.
    public func isEnterable(_ field: Field) -> Bool {
        guard field.kind != .group, field.kind != .hidden, !field.isNote else { return false }
        guard let bind = definition.bind(of: field) else { return true }
        if bind.calculate != nil || bind.preload != nil { return false }
        if let readonly = bind.readonly, let node = nodes[field.path] {
            return !((try? readonly.evaluateBoolean(context(node))) ?? false)
        }
        return true
    }

    /// A label or hint in `language`, with its `<output>` values filled in.
    public func text(_ text: LocalizedText?, for field: Field, language: String) -> String? {
        bringUpToDate()
        let node = nodes[field.path] ?? root
        return definition.text(text, language: language) { [self] expression in
            (try? expression.evaluateString(context(node))) ?? ""
        }
    }

    /// The codes a select offers now (the choice filter applied), without their labels.
    public func choiceValues(of field: Field) -> [String] {
        if let fixed = definition.staticChoiceValues[field.path] { return fixed }
        guard case let .itemset(instance, nodeset, valueRef, _) = field.choices else {
            if case let .inline(items) = field.choices { return items.map(\.value) }
            return []
        }
        guard let node = nodes[field.path], secondaryRoots[instance] != nil,
              let items = try? nodeset.evaluate(context(node)).nodes else { return [] }
        return items.map { (try? valueRef.evaluateString(XPathContext(node: $0))) ?? "" }
    }

    /// The choices a select offers now (an itemset's predicates, the choice filter, applied).
    public func choices(of field: Field, language: String) -> [(value: String, label: String)] {
        guard case let .itemset(instance, nodeset, valueRef, labelRef) = field.choices else {
            return definition.choices(of: field, language: language)
        }
        guard let node = nodes[field.path], secondaryRoots[instance] != nil,
              let items = try? nodeset.evaluate(context(node)).nodes else { return [] }
        return items.map { definition.itemChoice($0, valueRef: valueRef, labelRef: labelRef, language: language) }
    }
}

@available(*, unavailable)
extension FormInstance: Sendable {}
