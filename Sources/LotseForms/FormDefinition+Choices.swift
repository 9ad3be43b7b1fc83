import LotseXPath

extension FormDefinition {
    /// A secondary instance as a tree that expressions can read.
    func secondaryTree(_ id: String) -> StaticNode? {
        secondaryRoots[id]
    }

    /// Choices of an itemset read from its instance, without a choice filter.
    func itemsetChoices(instance: String, valueRef: XPathExpression, labelRef: LabelReference, language: String)
        -> [(value: String, label: String)] {
        guard let top = secondaryTree(instance) else { return [] }
        // pyxform's lists are `root/item`; take the items under the instance's top element.
        let items = top.children.first.map { first in top.children.filter { $0.name == first.name } } ?? []
        return items.map { item in itemChoice(item, valueRef: valueRef, labelRef: labelRef, language: language) }
    }

    /// Value and label of one itemset item.
    func itemChoice(_ item: any XPathNode, valueRef: XPathExpression, labelRef: LabelReference, language: String)
        -> (value: String, label: String) {
        let context = XPathContext(node: item)
        let value = (try? valueRef.evaluateString(context)) ?? ""
        let label: String
        switch labelRef {
        case let .itext(idExpression):
            let id = (try? idExpression.evaluateString(context)) ?? ""
            label = text(.itext(id), language: language) ?? value
        case let .plain(expression):
            label = (try? expression.evaluateString(context)) ?? value
        }
        return (value, label)
    }
}
