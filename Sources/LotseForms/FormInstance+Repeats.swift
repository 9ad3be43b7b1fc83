public import LotseXPath

/// Repeat instances of a filling: added from the template (as Collect's "add another …?"),
/// whether one may be added, and how many there are.
extension FormInstance {
    /// Adds a new instance (from the template) after the repeat's last one in `parent`.
    @discardableResult
    func appendInstance(of repeatDefinition: RepeatDefinition, to parent: InstanceNode) -> InstanceNode? {
        guard let template = FormSchema.node(repeatDefinition.path, in: definition.template),
              let parentTemplate = FormSchema.node(Array(repeatDefinition.path.dropLast()), in: definition.template)
        else { return nil }
        let name = template.name
        let node = makeNode(template, path: repeatDefinition.path, isRepeatInstance: true)
        let order = parentTemplate.children.map(\.name)
        let rank = order.firstIndex(of: name) ?? order.count
        // After the last sibling that comes before it in the template (or is one of its instances).
        var at = 0
        for (i, child) in parent.children.enumerated() {
            if let r = order.firstIndex(of: child.name), r <= rank { at = i + 1 }
        }
        parent.insert(node, at: at)
        // Its odk-new-repeat actions, in the new instance.
        for action in definition.setValues where action.onNewRepeat
            && action.path.count > repeatDefinition.path.count && action.path.starts(with: repeatDefinition.path)
            && definition.repeatDepths(action.path).last == repeatDefinition.path.count {
            guard let target = related(action.path, near: node) else { continue }
            target.value = action.value.flatMap { try? $0.evaluate(context(target)) }.map { stored($0, in: target) } ?? ""
        }
        return node
    }

    /// Adds an instance to a repeat a person fills as often as needed ("add another …?"),
    /// inside the instances `indices` names for the repeats around it; returns the new
    /// instance's number.
    /// - Throws: `FormError.repeatInstance` when the repeat has a count or a fixed number of
    ///   instances, is not relevant there, or has its most instances.
    @discardableResult
    public func addInstance(_ repeatDefinition: RepeatDefinition, in indices: [Int]) throws(FormError) -> Int {
        let name = repeatDefinition.path.dropFirst().joined(separator: "/")
        guard repeatDefinition.asksToAdd else {
            throw .repeatInstance(name, repeatDefinition.count != nil ? .countSetByForm : .noneCanBeAdded)
        }
        guard let parent = parentNode(of: repeatDefinition, indices: indices) else {
            throw .repeatInstance(name, .noOuterInstance)
        }
        guard parent.isRelevant else { throw .repeatInstance(name, .notRelevantNow) }
        let count = parent.children.filter { $0.name == repeatDefinition.path.last }.count
        guard count < FormDefinition.maximumRepeatInstances else {
            throw .repeatInstance(name, .mostInstances(FormDefinition.maximumRepeatInstances))
        }
        guard let added = appendInstance(of: repeatDefinition, to: parent) else {
            throw .repeatInstance(name, .noTemplate)
        }
        isConsistent = false
        bringUpToDate()
        // A repeat whose own relevance is false here (`${age} >= 15` on a job) takes none.
        guard added.isRelevant else {
            parent.remove(added)
            isConsistent = false
            bringUpToDate()
            throw .repeatInstance(name, .notRelevantNow)
        }
        return count + 1
    }

    /// Whether `addInstance` would add an instance now (Collect asks "add another …?" only
    /// then): the repeat is one a person adds to, the instance around it is relevant, and a new
    /// instance would be relevant (tried and taken back).
    public func mayAddInstance(_ repeatDefinition: RepeatDefinition, in indices: [Int]) -> Bool {
        bringUpToDate()
        guard repeatDefinition.asksToAdd, let parent = parentNode(of: repeatDefinition, indices: indices), parent.isRelevant,
              parent.children.filter({ $0.name == repeatDefinition.path.last }).count < FormDefinition.maximumRepeatInstances,
              let added = appendInstance(of: repeatDefinition, to: parent) else { return false }
        isConsistent = false
        bringUpToDate()
        let relevant = added.isRelevant
        parent.remove(added)
        isConsistent = false
        bringUpToDate()
        return relevant
    }

    /// The number of instances of a repeat inside the given instances of the repeats around it.
    public func instanceCount(_ repeatDefinition: RepeatDefinition, in indices: [Int]) -> Int {
        bringUpToDate()
        guard let parent = parentNode(of: repeatDefinition, indices: indices) else { return 0 }
        return parent.children.filter { $0.name == repeatDefinition.path.last }.count
    }

    func parentNode(of repeatDefinition: RepeatDefinition, indices: [Int]) -> InstanceNode? {
        let parentPath = Array(repeatDefinition.path.dropLast())
        if parentPath.count == 1 { return root }
        guard let parentField = definition.field(at: parentPath)
            ?? (FormSchema.node(parentPath, in: definition.template) != nil
                ? Field(path: parentPath, kind: .group, type: .string, label: nil, hint: nil, choices: nil, bind: nil,
                        isMedical: false, isNote: false, line: 0) : nil) else { return nil }
        return node(definition.address(parentField, indices: indices))
    }
}
