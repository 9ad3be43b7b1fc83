public import LotseXPath

/// A piece of a label: literal text or an `<output value="…"/>` expression.
public enum TextSegment: Sendable, Hashable {
    case literal(String)
    case output(XPathExpression)
}

/// A text in the form's languages: a label, hint or message.
public enum LocalizedText: Sendable, Hashable {
    /// The same text in every language.
    case literal([TextSegment])
    /// A reference into `itext` (`jr:itext('id')`).
    case itext(String)
}

/// A language of a form's translations: `Deutsch (de)` has the code `de`.
public struct FormLanguage: Sendable, Hashable {
    /// The name as written in the form (`Deutsch (de)`).
    public var name: String
    /// The code in parentheses (`de`), or the name itself when there is none.
    public var code: String

    public init(name: String) {
        self.name = name
        if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
            code = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmed()
        } else {
            code = name
        }
    }
}
