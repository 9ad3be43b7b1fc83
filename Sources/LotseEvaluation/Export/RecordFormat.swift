import Crypto
import Foundation

/// RFC 4180 CSV and JSON lines, one record at a time.
enum RecordFormat {
    static func csv(_ fields: [String]) -> String {
        var out = ""
        out.reserveCapacity(fields.reduce(2 + fields.count) { $0 + $1.utf8.count })
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            // Quoted when it holds a comma, a quote or a line break (by bytes: a parser splits on them
            // whatever marks follow).
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += field
            }
        }
        return out + "\r\n"
    }

    /// Appends the bytes of `csv(fields)` to `out`, without building the record as a string
    /// (the export writes one per case into a buffer it reuses).
    static func appendCSV(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            var field = field
            let plain = field.withUTF8 { bytes in
                guard !bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return false }
                out.append(contentsOf: bytes)
                return true
            }
            // A field to quote (rare: codes and dates need none) is quoted exactly as `csv` does.
            if !plain { out.append(contentsOf: ("\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8) }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    static func json(_ names: [String], _ values: [String], kinds: [Variable.Kind]? = nil) -> String {
        var out = "{"
        for (i, name) in names.enumerated() {
            if i > 0 { out += "," }
            out += quote(name) + ":"
            let value = values[i]
            if value.isEmpty {
                out += "null"
            } else if let kinds, [.integer, .decimal].contains(kinds[i]), Double(value) != nil {
                out += value
            } else {
                out += quote(value)
            }
        }
        return out + "}\n"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Errors of the evaluation layer.
public enum EvaluationError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(String)
    case badDate(String)
    case unknownFormat(String)
    case badLevel(Int, String)
    case siteTooSmall(String, participants: Int, comparison: Int, minimum: Int)

    public var description: String {
        switch self {
        case let .cannotWrite(path): return "cannot write \(path)"
        case let .badDate(text): return "\"\(text)\" is not a date YYYY-MM-DD"
        case let .unknownFormat(text): return "unknown format \(text); use csv or json"
        case let .badLevel(level, by): return "level \(level) does not exist for \(by) (KldB 1–5, WZ 1–5)"
        case let .siteTooSmall(site, p, c, minimum):
            return "site \(site) has \(p) participants and \(c) comparison cases; a site report needs at least \(minimum) "
                + "cases in each group (disclosure control: the site is in the pooled report only)"
        }
    }
}
