#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import LotseXML

/// Reading script files and the process environment.
public enum ScriptFile {
    /// The lines of a script (without line breaks; a last line without a newline counts),
    /// nil when it cannot be read.
    public static func read(_ path: String) -> [String]? {
        guard let bytes = try? SourceFile.read(path) else { return nil }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The process environment as a dictionary.
public enum CommandLineEnvironment {
    public static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}
