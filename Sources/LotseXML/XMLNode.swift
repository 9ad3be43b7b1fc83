/// A child of an ``XMLElement``: an element or a run of text.
///
/// CDATA sections become text and adjacent text is merged, so two `.text` never
/// follow each other. Comments and processing instructions are dropped; a
/// reference to an entity declared in an internal DTD becomes the entity's text.
public enum XMLNode: Sendable, Hashable {
    /// A child element.
    case element(XMLElement)
    /// Character data, exactly as in the document (whitespace included).
    case text(String)

    /// The element, if this node is one.
    public var element: XMLElement? {
        if case .element(let element) = self { element } else { nil }
    }

    /// All text in this node and below it.
    public var textContent: String {
        switch self {
        case .element(let element): element.textContent
        case .text(let text): text
        }
    }
}
