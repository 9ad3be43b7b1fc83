/// The lines of a definition file, to turn an attribute and a column inside its value into
/// a file column (libxml2 reports only the element's line).
struct SourceText {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The column (1-based, in characters) where `<name` starts on `line`, or 0.
    func elementColumn(_ qualifiedName: String, line: Int) -> Int {
        guard line >= 1, line <= lines.count, let range = lines[line - 1].range(of: "<" + qualifiedName) else { return 0 }
        return lines[line - 1].distance(from: lines[line - 1].startIndex, to: range.lowerBound) + 1
    }

    /// Line and column of the first character of the value of attribute `name`, searching the
    /// element's line and the few after it (an element may span lines). nil when not found.
    func attributeValue(_ name: String, from line: Int) -> (line: Int, column: Int)? {
        guard line >= 1 else { return nil }
        for number in line...min(lines.count, line + 8) {
            let text = lines[number - 1]
            for quote in ["\"", "'"] {
                var searchStart = text.startIndex
                while let range = text.range(of: name + "=" + quote, range: searchStart..<text.endIndex) {
                    // Must be a whole attribute name: preceded by whitespace.
                    if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)].isWhitespace {
                        return (number, text.distance(from: text.startIndex, to: range.upperBound) + 1)
                    }
                    searchStart = range.upperBound
                }
            }
        }
        return nil
    }
}
