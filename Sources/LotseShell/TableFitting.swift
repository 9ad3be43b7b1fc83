/// Tables for a terminal: fitted to its width and ending with a row count. Scripts and pipes
/// (no width) get the table exactly as before.
extension Listing {
    /// The aligned table fitted to `width` columns: the widest column is cut (with `…`) until
    /// the table fits; when even that is not enough, one record per line block (like psql's `\x`).
    func fittedTable(_ cells: [[String]], widths natural: [Int], width: Int) -> String {
        guard let widths = Self.fittedWidths(columns, natural: natural, width: width) else {
            return cells.enumerated().map { Self.record($0.offset + 1, $0.element, columns: columns, width: width) }.joined()
        }
        var out = Self.fittedLine(columns, widths: widths)
        out += Self.fittedLine(widths.map { String(repeating: "-", count: $0) }, widths: widths)
        for row in cells { out += Self.fittedLine(row, widths: widths) }
        return out
    }

    /// The column widths that fit `width`: the widest column that can still give gives one at a
    /// time; nil when even the narrowest table is too wide (then records are shown one by one).
    static func fittedWidths(_ columns: [String], natural: [Int], width: Int) -> [Int]? {
        var widths = natural
        let gaps = 2 * max(0, widths.count - 1)
        let minimum = columns.map { max(4, min($0.count, 12)) }
        while widths.reduce(0, +) + gaps > width {
            guard let i = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) else {
                return nil
            }
            widths[i] -= 1
        }
        return widths
    }

    /// One line of a fitted table: every cell cut to its column's width.
    static func fittedLine(_ values: [String], widths: [Int]) -> String {
        var text = ""
        for (i, value) in values.enumerated() {
            let cell = cut(value, to: widths[i])
            text += i == values.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
        }
        return text + "\n"
    }

    /// Record `number` as one block: `column | value`, values cut to the width.
    static func record(_ number: Int, _ row: [String], columns: [String], width: Int) -> String {
        let label = columns.map(\.count).max() ?? 0
        let head = "-[ RECORD \(number) ]"
        var out = head + String(repeating: "-", count: max(0, min(width, label + 20) - head.count)) + "\n"
        for (i, value) in row.enumerated() {
            let name = columns[i] + String(repeating: " ", count: label - columns[i].count)
            out += name + " | " + cut(value, to: max(4, width - label - 3)) + "\n"
        }
        return out
    }

    /// `text` cut to `width` characters, the last one `…` when something was cut.
    static func cut(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// `(1 row)`, `(12 rows)`.
    static func rowCount(_ n: Int) -> Wording {
        n == 1 ? Wording(de: "(1 Zeile)\n", en: "(1 row)\n") : Wording(de: "(\(n) Zeilen)\n", en: "(\(n) rows)\n")
    }
}

extension String {
    /// The text wrapped at spaces to `width` columns; a continued line is indented like the
    /// text after the first wide gap of its line (the summary column of `help`), or like the line.
    func wrapped(to width: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let chars = Array(line)
            let leading = chars.prefix { $0 == " " }.count
            var indent = leading
            var i = leading
            while i + 1 < chars.count {
                if chars[i] == " ", chars[i + 1] == " " {
                    var j = i
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if j < width / 2 { indent = j }
                    break
                }
                i += 1
            }
            var out: [String] = []
            var rest = chars[...]
            var first = true
            while !rest.isEmpty {
                let room = first ? width : width - indent
                if rest.count <= room {
                    out.append((first ? "" : String(repeating: " ", count: indent)) + String(rest))
                    break
                }
                let window = rest.prefix(room + 1)
                let lowest = rest.startIndex + (first ? max(indent, leading) + 1 : 1)
                guard let space = window.lastIndex(of: " "), space > lowest else {
                    out.append((first ? "" : String(repeating: " ", count: indent)) + String(rest))
                    break
                }
                out.append((first ? "" : String(repeating: " ", count: indent)) + String(rest[..<space]))
                rest = rest[(space + 1)...].drop { $0 == " " }
                first = false
            }
            return out.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
