/// Writing elements back out as XML text.
extension XMLElement {
    /// This element and everything below it as well-formed XML text (no XML declaration).
    ///
    /// - Namespaces: the element's ``namespaceDeclarations`` are written as they are,
    ///   and any binding a name needs that is not in scope is added where it is first
    ///   needed (the element's own prefix when free, else a generated `ns1`, `ns2`, …),
    ///   so a tree built in Swift needs no declarations of its own. An element in no
    ///   namespace below a default namespace gets `xmlns=""`.
    /// - Escaping: `&`, `<`, `>` in text; `&`, `<`, `>`, `"` and tab, newline, carriage
    ///   return (as character references) in attribute values, so values survive
    ///   re-parsing unchanged. Characters XML 1.0 cannot represent (control characters
    ///   other than tab, newline and carriage return; U+FFFE, U+FFFF) are written as
    ///   U+FFFD.
    /// - Layout: with `indent` 0 the children are written exactly as they are. With
    ///   `indent` > 0, an element whose children are elements and whitespace only is
    ///   laid out one child per line, indented by `indent` spaces a level (its
    ///   whitespace text is replaced); an element with other text keeps its content as
    ///   it is, so no significant whitespace changes.
    ///
    /// - Parameter indent: Spaces per nesting level, 0 for no added whitespace.
    public func serialized(indent: Int = 0) -> String {
        var writer = XMLWriter(indentWidth: max(0, indent))
        writer.write(self, depth: 0, scope: XMLWriter.Scope(), pretty: indent > 0)
        return writer.output
    }
}

extension XMLDocument {
    /// The document as XML text: an XML declaration (UTF-8), the root element
    /// written by ``XMLElement/serialized(indent:)``, and a final newline.
    ///
    /// - Parameter indent: Spaces per nesting level, 0 for no added whitespace.
    public func serialized(indent: Int = 0) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.serialized(indent: indent) + "\n"
    }
}
