import LotseXML

/// The lines of a definition file, to turn an attribute and a column inside its value into
/// a file column (libxml2 reports only the element's line).
struct SourceText {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The column (1-based, in characters) where the `ordinal`-th (0-based) `<name` start tag
    /// on `line` starts, or 0.
    func elementColumn(_ qualifiedName: String, line: Int, ordinal: Int = 0) -> Int {
        guard line >= 1, line <= lines.count else { return 0 }
        let text = lines[line - 1]
        var searchStart = text.startIndex
        var seen = 0
        while let range = text.range(of: "<" + qualifiedName, range: searchStart..<text.endIndex) {
            let after = range.upperBound
            if after == text.endIndex || text[after].isWhitespace || text[after] == "/" || text[after] == ">" {
                if seen == ordinal { return text.distance(from: text.startIndex, to: range.lowerBound) + 1 }
                seen += 1
            }
            searchStart = after
        }
        return 0
    }

    /// The column of an element's start tag (the right one when several share its line).
    func column(of element: XMLElement) -> Int {
        elementColumn(element.qualifiedName, line: element.line, ordinal: element.ordinalOnLine)
    }

    /// Line and column of the first character of the value of attribute `name` of `element`,
    /// searching from its start tag over the few lines after it (a start tag may span lines).
    /// nil when not found.
    func attributeValue(_ name: String, of element: XMLElement) -> (line: Int, column: Int)? {
        let line = element.line
        guard line >= 1, line <= lines.count else { return nil }
        let start = max(1, column(of: element))
        for number in line...min(lines.count, line + 8) {
            let text = lines[number - 1]
            let from = number == line ? text.index(text.startIndex, offsetBy: min(start - 1, text.count)) : text.startIndex
            // Not past the end of this start tag on its first line.
            var best: (Int, Int)?
            for quote in ["\"", "'"] {
                var searchStart = from
                while let range = text.range(of: name + "=" + quote, range: searchStart..<text.endIndex) {
                    // Must be a whole attribute name: preceded by whitespace.
                    if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)].isWhitespace {
                        let column = text.distance(from: text.startIndex, to: range.upperBound) + 1
                        if best == nil || column < best!.1 { best = (number, column) }
                        break
                    }
                    searchStart = range.upperBound
                }
            }
            if let best { return best }
        }
        return nil
    }
}
