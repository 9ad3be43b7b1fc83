import LotseCases

/// How a listing is written: aligned for people, CSV or JSON lines for machines.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// A table of results, rendered by one mechanism for every listing command.
public struct Listing: Sendable {
    /// One cell: typed, so JSON keeps numbers as numbers and absent values as null.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case int(Int)
        /// A measured value (a share, a median): written in full precision, shortest form.
        case number(Double)
        case bool(Bool)
        /// A code with its words: CSV and JSON write the code, a table its words in the session's language.
        case term(String, Wording)
        case null

        /// A text cell, or null for nil.
        public static func text(_ value: String?) -> Cell { value.map { .text($0) } ?? .null }
        /// An integer cell, or null for nil.
        public static func int(_ value: Int?) -> Cell { value.map { .int($0) } ?? .null }

        var plain: String? {
            switch self {
            case let .text(s): return s
            case let .int(i): return String(i)
            case let .number(x): return x.isFinite ? String(x) : nil
            case let .bool(b): return b ? "yes" : "no"
            case let .term(code, _): return code
            case .null: return nil
            }
        }

        var json: JSONValue {
            switch self {
            case let .text(s): return .string(s)
            case let .int(i): return .int(i)
            case let .number(x): return x.isFinite ? .number(x) : .null
            case let .bool(b): return .bool(b)
            case let .term(code, _): return .string(code)
            case .null: return .null
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The listing as text in `format`. A table of no rows says so in words. With a terminal's
    /// `width`, a table is fitted to it and ends with its row count. A table's headings and words
    /// are in `language` (the column ids' catalogue entries); nil when the columns are display
    /// text already (a report's). CSV and JSON keep the column ids in every language.
    public func render(_ format: OutputFormat, width: Int? = nil, language: Language?) -> String {
        switch format {
        case .table:
            var shown = self
            shown.columns = Self.headings(columns, language: language)
            shown.rows = rows.map { Self.tableCells($0, language: language) }
            return shown.table(width: width, language: language ?? .en)
        case .csv: return csv()
        case .json: return rows.map { Self.jsonLine(columns: columns, $0) }.joined()
        }
    }

    /// A table's headings: the column ids' catalogue entries in `language`, or the ids as they
    /// are (nil: display text already, a report's).
    static func headings(_ columns: [String], language: Language?) -> [String] {
        guard let language else { return columns }
        return columns.map { ColumnTitle.wording($0).text(language) }
    }

    /// A row as a table shows it: flags and terms as words of the language (CSV and JSON keep
    /// yes/no and the codes), absent values as `-`, one line per cell.
    static func tableCells(_ row: [Cell], language: Language?) -> [Cell] {
        guard let language else { return row }
        return row.map { cell in
            switch cell {
            case let .bool(flag): return .text(Wording(de: flag ? "ja" : "nein", en: flag ? "yes" : "no").text(language))
            case let .term(_, words): return .text(words.text(language))
            default: return cell
            }
        }
    }

    /// The text of a table cell.
    static func tableText(_ cell: Cell) -> String { oneLine(cell.plain ?? "-") }

    /// The empty table's words.
    static func noRows(_ language: Language) -> String { Wording(de: "(keine Zeilen)\n", en: "(no rows)\n").text(language) }

    private func table(width: Int?, language: Language) -> String {
        if rows.isEmpty { return Self.noRows(language) }
        let cells = rows.map { $0.map(Self.tableText) }
        var widths = columns.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() where cell.count > widths[i] { widths[i] = cell.count }
        }
        if let width { return fittedTable(cells, widths: widths, width: width) + Self.rowCount(rows.count).text(language) }
        var out = Self.line(columns, widths: widths)
        out += Self.line(widths.map { String(repeating: "-", count: $0) }, widths: widths)
        for row in cells { out += Self.line(row, widths: widths) }
        return out
    }

    /// One aligned line: each cell but the last padded to its column's width and two spaces.
    /// With `cut`, a cell wider than its column is cut (with `…`); the last is never cut.
    static func line(_ values: [String], widths: [Int], cut: Bool = false) -> String {
        var text = ""
        for (i, value) in values.enumerated() {
            if i == values.count - 1 {
                text += value
            } else {
                let cell = cut ? Self.cut(value, to: widths[i]) : value
                text += cell + String(repeating: " ", count: max(0, widths[i] - cell.count) + 2)
            }
        }
        return text + "\n"
    }

    private func csv() -> String {
        var out = Self.csvLine(columns)
        for row in rows { out += Self.csvLine(row.map { $0.plain ?? "" }) }
        return out
    }

    /// One RFC 4180 record (CRLF-terminated; fields with `,`, `"`, CR or LF quoted).
    public static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\r\n"
    }

    /// One JSON object line.
    public static func jsonLine(columns: [String], _ row: [Cell]) -> String {
        JSONValue.object(zip(columns, row).map { ($0, $1.json) }).text + "\n"
    }

    static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") : text
    }
}

extension String {
    /// The string with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
