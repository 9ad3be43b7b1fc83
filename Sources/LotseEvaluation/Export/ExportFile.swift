import Crypto
import Foundation

/// A file an export writes: created with mode 0600, written in large chunks, its SHA-256
/// computed while writing (for the audit row).
final class ExportFile {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private(set) var bytes = 0

    init(path: String) throws {
        self.path = path
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: path) else { throw EvaluationError.cannotWrite(path) }
        try handle.truncate(atOffset: 0)
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        try handle.write(contentsOf: buffer)
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, closes the file. - Returns: its SHA-256 in hex.
    func finish() throws -> String {
        try flush()
        try handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Removes a file that could not be completed.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// RFC 4180 CSV and JSON lines, one record at a time.
enum RecordFormat {
    static func csv(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
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

    public var description: String {
        switch self {
        case let .cannotWrite(path): return "cannot write \(path)"
        case let .badDate(text): return "\"\(text)\" is not a date YYYY-MM-DD"
        case let .unknownFormat(text): return "unknown format \(text); use csv or json"
        case let .badLevel(level, by): return "level \(level) does not exist for \(by) (KldB 1–5, WZ 1–5)"
        }
    }
}
