#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import LotseXML

/// Reading script files: UTF-8 text, one command a line. A UTF-8 byte order mark before the
/// first line is skipped; a line that is not UTF-8 is an error naming it (nothing runs).
public enum ScriptFile {
    /// Why a script cannot be run.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable
        /// Line `line` (from 1) is not UTF-8.
        case notUTF8(line: Int)

        public var description: String { wording.en }

        /// The message in both languages.
        public var wording: Wording {
            switch self {
            case .unreadable: Wording(de: "das Skript kann nicht gelesen werden", en: "cannot read the script")
            case .notUTF8:
                Wording(de: "die Zeile ist kein UTF-8-Text (das Skript als UTF-8 speichern)",
                        en: "the line is not UTF-8 text (save the script as UTF-8)")
            }
        }
    }

    /// `cannot read script PATH`, said by `lotse` before anything runs.
    public static func unreadableNote(_ path: String, language: Language) -> String {
        Wording(de: "das Skript \(path) kann nicht gelesen werden", en: "cannot read script \(path)").text(language)
    }

    /// `; nothing was run` after an error found before the script ran.
    public static func nothingRunNote(_ language: Language) -> String {
        Wording(de: "; nichts wurde ausgeführt", en: "; nothing was run").text(language)
    }

    /// `; the script stopped there` after an error found while reading standard input.
    public static func stoppedNote(_ language: Language) -> String {
        Wording(de: "; das Skript endete dort", en: "; the script stopped there").text(language)
    }

    /// The lines of a script (without line breaks; a last line without a newline counts).
    public static func read(_ path: String) throws(Failure) -> [String] {
        guard let bytes = try? SourceFile.read(path) else { throw .unreadable }
        var lines: [String] = []
        var number = 0
        for raw in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            guard let line = decode(Array(raw), number: number) else { throw .notUTF8(line: number) }
            lines.append(line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// One line's bytes as text: without a trailing CR, and on line 1 without a byte order mark;
    /// nil when they are not UTF-8.
    public static func decode(_ bytes: [UInt8], number: Int) -> String? {
        var bytes = bytes[...]
        if bytes.last == 13 { bytes.removeLast() }
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The lines of standard input, read as they come; `failure` is set and the lines end at
    /// one that is not UTF-8.
    public final class StandardInput: Sequence, IteratorProtocol {
        public private(set) var failure: Failure?
        private var number = 0

        public init() {}

        public func next() -> String? {
            guard failure == nil else { return nil }
            var bytes: [UInt8] = []
            while true {
                let c = getchar()
                if c == EOF {
                    if bytes.isEmpty { return nil }
                    break
                }
                if c == 10 { break }
                bytes.append(UInt8(truncatingIfNeeded: c))
            }
            number += 1
            guard let line = ScriptFile.decode(bytes, number: number) else {
                failure = .notUTF8(line: number)
                return nil
            }
            return line
        }
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
