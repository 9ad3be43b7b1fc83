public import LotseXPath

/// One filling of a form: the instance tree with its values, kept consistent with the
/// form's binds (`relevant` and `calculate` re-evaluated, in dependency order, after each
/// change). Not Sendable: one filling belongs to one task.
public final class FormInstance {
    public let definition: FormDefinition
    /// The primary instance's root (`<data id=…>`).
    public let root: InstanceNode
    var environment: FormEnvironment
    private var bindIndexByPath: [[String]: Int] = [:]
    private var secondaryRoots: [String: StaticNode] { definition.secondaryRoots }
    /// False after values were stored without re-evaluating what depends on them.
    var isConsistent = true

    /// A new, empty filling: defaults, `jr:preload` values and first-load `setvalue`s applied,
    /// then every `relevant` and `calculate` evaluated (and every `jr:count` applied).
    public init(definition: FormDefinition, environment: FormEnvironment = FormEnvironment()) {
        self.definition = definition
        self.environment = environment
        for (i, bind) in definition.binds.enumerated() where bindIndexByPath[bind.path] == nil {
            bindIndexByPath[bind.path] = i
        }
        root = InstanceNode(name: definition.template.name, value: definition.template.value)
        build(definition.template, into: root, path: [definition.template.name])
        for bind in definition.binds {
            for node in nodes(at: bind.path) {
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
        }
        recalculate(definition.graph.order)
        for setValue in definition.setValues where setValue.trigger == nil && !setValue.onNewRepeat {
            for node in nodes(at: setValue.path) {
                node.value = setValue.value.flatMap { try? $0.evaluate(context(node)) }
                    .map { stored($0, in: node) } ?? ""
            }
            recalculate(definition.graph.affected(byChangeOf: setValue.path))
        }
    }

    /// Makes the nodes of a template below `node`: each repeat's starting instances.
    private func build(_ template: TemplateNode, into node: InstanceNode, path: [String]) {
        configure(node, path: path)
        for (key, value) in template.attributes.sorted(by: { $0.key < $1.key }) {
            node.append(InstanceNode(name: key, value: value, isAttribute: true))
        }
        for child in template.children {
            for instance in child.isRepeat ? child.initial : [child] {
                node.append(makeNode(instance, path: path + [child.name], isRepeatInstance: child.isRepeat))
            }
        }
    }

    func makeNode(_ template: TemplateNode, path: [String], isRepeatInstance: Bool) -> InstanceNode {
        let node = InstanceNode(name: template.name, value: template.value)
        node.isRepeatInstance = isRepeatInstance
        build(template, into: node, path: path)
        return node
    }

    /// Gives a new node its bind, type, clock and its default in Collect's lexical form
    /// (a time default 09:30:00 is stored 09:30:00.000Z).
    private func configure(_ node: InstanceNode, path: [String]) {
        node.genericPath = path
        node.clock = environment.clock
        guard let i = bindIndexByPath[path] else { return }
        let bind = definition.binds[i]
        node.bindIndex = i
        node.dataType = bind.type
        if !node.value.isEmpty, !(FormSchema.node(path, in: definition.template)?.children.isEmpty == false) {
            // A default that is not of the field's type is dropped, as javarosa drops it.
            node.value = entered(node.value, type: bind.type) ?? ""
        }
    }

    /// Every node at a path (one per repeat instance), in document order.
    public func nodes(at path: [String]) -> [InstanceNode] {
        guard path.first == root.name else { return [] }
        var current = [root]
        for step in path.dropFirst() {
            current = current.flatMap { $0.children.filter { $0.name == step } }
        }
        return current
    }

    /// The node at a path (in the first instance of each repeat around it).
    public func node(at path: [String]) -> InstanceNode? { nodes(at: path).first }

    /// The node of a field in the repeat instances the address names (nil when one of them
    /// does not exist).
    public func node(_ address: FieldAddress) -> InstanceNode? {
        let path = address.field.path
        guard path.first == root.name else { return nil }
        let depths = definition.repeatDepths(path)
        var node = root
        for (k, step) in path.enumerated().dropFirst() {
            let matching = node.children.filter { $0.name == step }
            if let r = depths.firstIndex(of: k + 1) {
                let number = r < address.indices.count ? address.indices[r] : 1
                guard number >= 1, number <= matching.count else { return nil }
                node = matching[number - 1]
            } else {
                guard let first = matching.first else { return nil }
                node = first
            }
        }
        return node
    }

    /// Every address of a field: one per instance of the repeats around it, in form order.
    public func addresses(of field: Field) -> [FieldAddress] {
        let path = field.path
        guard path.first == root.name else { return [] }
        let depths = definition.repeatDepths(path)
        var current: [(InstanceNode, [Int])] = [(root, [])]
        for (k, step) in path.enumerated().dropFirst() {
            let isRepeat = depths.contains(k + 1)
            current = current.flatMap { node, indices -> [(InstanceNode, [Int])] in
                let matching = node.children.filter { $0.name == step }
                if isRepeat { return matching.enumerated().map { ($1, indices + [$0 + 1]) } }
                return matching.prefix(1).map { ($0, indices) }
            }
        }
        return current.map { definition.address(field, indices: $0.1) }
    }

    /// The node at `path` nearest to `node`: in the same repeat instances as far as the
    /// paths share them (how Collect finds a `setvalue` target or an `<output>` inside a repeat).
    func related(_ path: [String], near node: InstanceNode) -> InstanceNode? {
        var anchor: InstanceNode? = node
        while let a = anchor, !(a.genericPath.count <= path.count && Array(path.prefix(a.genericPath.count)) == a.genericPath) {
            anchor = a.parent
        }
        guard var current = anchor else { return self.node(at: path) }
        for step in path.dropFirst(current.genericPath.count) {
            guard let child = current.child(step) else { return nil }
            current = child
        }
        return current
    }

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

    /// Re-evaluates `relevant` then `calculate` of the given binds, in the order given, in
    /// every repeat instance; then applies each `jr:count` (and, when that added or removed
    /// instances, evaluates everything again).
    func recalculate(_ vertices: [Int]) {
        evaluate(vertices)
        var rounds = 0
        while adjustCounts(), rounds < 8 {
            evaluate(definition.graph.order)
            rounds += 1
        }
    }

    private func evaluate(_ vertices: [Int]) {
        for v in vertices {
            let bind = definition.binds[v]
            for node in nodes(at: bind.path) {
                if let relevant = bind.relevant {
                    node.selfRelevant = (try? relevant.evaluateBoolean(context(node))) ?? false
                }
                if let calculate = bind.calculate, node.isRelevant {
                    node.value = (try? calculate.evaluate(context(node))).map { stored($0, in: node) } ?? ""
                }
            }
        }
    }

    /// Makes each `jr:count` repeat have as many instances as its count says (in each
    /// instance of the repeats around it); true when anything changed.
    private func adjustCounts() -> Bool {
        var changed = false
        for repeatDefinition in definition.repeats {
            guard let count = repeatDefinition.count else { continue }
            for parent in nodes(at: Array(repeatDefinition.path.dropLast())) {
                // As Collect: an empty count (or one in a part not shown) leaves the instances as they are.
                guard parent.isRelevant else { continue }
                let value = (try? count.evaluateNumber(context(parent))) ?? .nan
                guard value.isFinite else { continue }
                // As javarosa (the oracle): a count below 1 keeps the instance the form starts with.
                let least = (FormSchema.node(repeatDefinition.path, in: definition.template)?.initial.isEmpty ?? true) ? 0 : 1
                let wanted = Int(max(Double(least), min(Double(FormDefinition.maximumRepeatInstances), value)))
                let name = repeatDefinition.path.last ?? ""
                let existing = parent.children.filter { $0.name == name }
                if existing.count < wanted {
                    for _ in existing.count..<wanted { appendInstance(of: repeatDefinition, to: parent) }
                    changed = true
                } else if existing.count > wanted {
                    for node in existing.dropFirst(wanted) { parent.remove(node) }
                    changed = true
                }
            }
        }
        return changed
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

    /// The field's current value ("" when it is not relevant), in the first repeat instances.
    public func value(of field: Field) -> String { value(of: definition.firstAddress(field)) }

    /// The value at an address ("" when it is not relevant or does not exist).
    public func value(of address: FieldAddress) -> String {
        bringUpToDate()
        return node(address)?.xpathStringValue ?? ""
    }

    /// Whether the field (and every group around it) is relevant now.
    public func isRelevant(_ field: Field) -> Bool { isRelevant(definition.firstAddress(field)) }

    /// Whether the field in these repeat instances exists and is relevant now.
    public func isRelevant(_ address: FieldAddress) -> Bool {
        bringUpToDate()
        return node(address)?.isRelevant ?? false
    }

    /// Whether the field must be answered now (its `required` is true and it is relevant).
    public func isRequired(_ field: Field) -> Bool { isRequired(definition.firstAddress(field)) }

    /// Whether the field in these repeat instances must be answered now.
    public func isRequired(_ address: FieldAddress) -> Bool {
        bringUpToDate()
        guard let node = node(address), node.isRelevant,
              let required = definition.bind(of: address.field)?.required else { return false }
        return (try? required.evaluateBoolean(context(node))) ?? false
    }

    /// Whether a person can enter a value: not a group, note, calculation or read-only field.
    public func isEnterable(_ field: Field) -> Bool { isEnterable(definition.firstAddress(field)) }

    /// Whether a person can enter a value at this address.
    public func isEnterable(_ address: FieldAddress) -> Bool { isEnterable(address.field, at: node(address)) }

    func isEnterable(_ field: Field, at node: InstanceNode?) -> Bool {
        guard field.kind != .group, field.kind != .hidden, !field.isNote else { return false }
        guard let bind = definition.bind(of: field) else { return true }
        if bind.calculate != nil || bind.preload != nil { return false }
        if let readonly = bind.readonly, let node {
            return !((try? readonly.evaluateBoolean(context(node))) ?? false)
        }
        return true
    }

    /// A label or hint in `language`, with its `<output>` values filled in.
    public func text(_ text: LocalizedText?, for field: Field, language: String) -> String? {
        self.text(text, for: definition.firstAddress(field), language: language)
    }

    /// A label or hint in `language`, its `<output>` values read in these repeat instances.
    public func text(_ text: LocalizedText?, for address: FieldAddress, language: String) -> String? {
        bringUpToDate()
        let node = node(address) ?? root
        return definition.text(text, language: language) { [self] expression in
            (try? expression.evaluateString(context(node))) ?? ""
        }
    }

    /// The codes a select offers now (the choice filter applied), without their labels.
    public func choiceValues(of field: Field) -> [String] { choiceValues(of: definition.firstAddress(field)) }

    /// The codes a select offers at this address now.
    public func choiceValues(of address: FieldAddress) -> [String] {
        let field = address.field
        if let fixed = definition.staticChoiceValues[field.path] { return fixed }
        guard case let .itemset(instance, nodeset, valueRef, _) = field.choices else {
            if case let .inline(items) = field.choices { return items.map(\.value) }
            return []
        }
        guard let node = node(address), secondaryRoots[instance] != nil,
              let items = try? nodeset.evaluate(context(node)).nodes else { return [] }
        return items.map { (try? valueRef.evaluateString(XPathContext(node: $0))) ?? "" }
    }

    /// The choices a select offers now (an itemset's predicates, the choice filter, applied).
    public func choices(of field: Field, language: String) -> [(value: String, label: String)] {
        choices(of: definition.firstAddress(field), language: language)
    }

    /// The choices a select offers at this address now.
    public func choices(of address: FieldAddress, language: String) -> [(value: String, label: String)] {
        let field = address.field
        guard case let .itemset(instance, nodeset, valueRef, labelRef) = field.choices else {
            return definition.choices(of: field, language: language)
        }
        guard let node = node(address), secondaryRoots[instance] != nil,
              let items = try? nodeset.evaluate(context(node)).nodes else { return [] }
        return items.map { definition.itemChoice($0, valueRef: valueRef, labelRef: labelRef, language: language) }
    }
}

@available(*, unavailable)
extension FormInstance: Sendable {}
