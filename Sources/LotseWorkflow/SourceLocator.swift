/// Finds columns in the definition's text: libxml2 gives each element only its
/// line, so the reader looks up where the start tag and an attribute's value sit
/// on that line. Columns count characters, 1-based; 0 means not found.
///
/// Built only when a diagnostic needs a place (the text is split lazily).
final class SourceLocator {
    /// A place in the file.
    struct Place: Equatable {
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private lazy var lines: [[Character]] = String(decoding: bytes, as: UTF8.self)
        .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        .map { Array($0) }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The place of `<qualifiedName` on `line`, or the line with column 0.
    func element(_ qualifiedName: String, line: Int, ordinal: Int = 0) -> Place {
        guard line >= 1, line <= lines.count else { return Place(line: line, column: 0) }
        let text = lines[line - 1]
        let needle = Array("<" + qualifiedName)
        var index = 0
        var seen = 0
        while index + needle.count <= text.count {
            if text[index] == "<", Array(text[index..<index + needle.count]) == needle {
                let after = index + needle.count
                if after == text.count || text[after].isWhitespace || text[after] == "/" || text[after] == ">" {
                    if seen == ordinal { return Place(line: line, column: index + 1) }
                    seen += 1
                }
            }
            index += 1
        }
        return Place(line: line, column: 0)
    }

    /// The place of the first start tag on `line` (for RELAX NG messages, which
    /// name a line only).
    func firstStartTag(line: Int) -> Place {
        guard line >= 1, line <= lines.count else { return Place(line: line, column: 0) }
        let text = lines[line - 1]
        for index in text.indices where text[index] == "<" {
            let next = index + 1 < text.count ? text[index + 1] : " "
            if next != "/" && next != "!" && next != "?" { return Place(line: line, column: index + 1) }
        }
        return Place(line: line, column: 0)
    }

    /// The place of character `offset` (0-based, counted in the attribute's
    /// normalised value) of attribute `attribute` in the start tag of the element
    /// `element` that opens on `line`. Entity and character references count as one
    /// character, as they do in the value. Falls back to the element's place.
    func attributeValue(_ attribute: String, of element: String, line: Int, ordinal: Int = 0, offset: Int = 0) -> Place {
        let start = self.element(element, line: line, ordinal: ordinal)
        guard start.column > 0 else { return start }
        var cursor = Cursor(line: line - 1, column: start.column - 1 + element.count + 1)
        let name = Array(attribute)
        var quote: Character? = nil
        var previous: Character = "<"
        while let char = self.char(at: cursor) {
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == ">" {
                break
            } else if previous.isWhitespace, char == name.first, matches(name, at: cursor),
                      let valueStart = valueStart(after: advance(cursor, by: name.count)) {
                return place(ofValueOffset: offset, from: valueStart)
            }
            previous = char
            cursor = advance(cursor, by: 1)
        }
        return start
    }

    /// The place of the name of attribute `attribute` in the start tag of
    /// `element` on `line`, or the element's place.
    func attributeName(_ attribute: String, of element: String, line: Int, ordinal: Int = 0) -> Place {
        let value = attributeValue(attribute, of: element, line: line, ordinal: ordinal)
        let start = self.element(element, line: line, ordinal: ordinal)
        guard value != start else { return start }
        // Walk back from the value over `"`, `=`, spaces and the name (same line in practice).
        guard value.line >= 1, value.line <= lines.count else { return start }
        let text = lines[value.line - 1]
        var index = min(value.column - 2, text.count - 1)
        while index >= 0, text[index] != "=" { index -= 1 }
        index -= 1
        while index >= 0, text[index].isWhitespace { index -= 1 }
        let column = index - attribute.count + 2
        return column >= 1 ? Place(line: value.line, column: column) : value
    }

    // MARK: - Walking the text

    private struct Cursor {
        var line: Int
        var column: Int
    }

    private func char(at cursor: Cursor) -> Character? {
        guard cursor.line < lines.count else { return nil }
        let text = lines[cursor.line]
        if cursor.column < text.count { return text[cursor.column] }
        return cursor.line + 1 < lines.count ? "\n" : nil
    }

    private func advance(_ cursor: Cursor, by count: Int) -> Cursor {
        var cursor = cursor
        for _ in 0..<count {
            if cursor.line < lines.count, cursor.column < lines[cursor.line].count {
                cursor.column += 1
            } else {
                cursor = Cursor(line: cursor.line + 1, column: 0)
            }
        }
        return cursor
    }

    private func matches(_ name: [Character], at cursor: Cursor) -> Bool {
        var probe = cursor
        for expected in name {
            guard self.char(at: probe) == expected else { return false }
            probe = advance(probe, by: 1)
        }
        return true
    }

    /// The first character of the value after `name`, skipping `\s*=\s*["']`.
    private func valueStart(after cursor: Cursor) -> Cursor? {
        var probe = cursor
        while let char = self.char(at: probe), char.isWhitespace { probe = advance(probe, by: 1) }
        guard self.char(at: probe) == "=" else { return nil }
        probe = advance(probe, by: 1)
        while let char = self.char(at: probe), char.isWhitespace { probe = advance(probe, by: 1) }
        guard let quote = self.char(at: probe), quote == "\"" || quote == "'" else { return nil }
        return advance(probe, by: 1)
    }

    private func place(ofValueOffset offset: Int, from start: Cursor) -> Place {
        var cursor = start
        var remaining = offset
        while remaining > 0, let char = self.char(at: cursor) {
            if char == "&" {
                while let inner = self.char(at: cursor), inner != ";", inner != "\"", inner != "'" {
                    cursor = advance(cursor, by: 1)
                }
            }
            cursor = advance(cursor, by: 1)
            remaining -= 1
        }
        return Place(line: cursor.line + 1, column: cursor.column + 1)
    }
}
