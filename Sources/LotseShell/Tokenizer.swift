/// One word of a command line, with the column (1-based, in characters) where it starts.
public struct Token: Sendable, Equatable {
    public var text: String
    public var column: Int

    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }
}

/// Splits a command line into words.
///
/// - Words are separated by spaces or tabs.
/// - Double quotes group words with spaces: `"Anna Maria"`; `""` is an empty word. Inside
///   quotes, `\"` is a quote and `\\` a backslash; any other backslash stays as it is.
///   Quotes may join parts of one word: `name="Anna Maria"` is the word `name=Anna Maria`.
/// - `#` at the start of a word begins a comment that runs to the end of the line;
///   inside a word or in quotes it is an ordinary character.
public enum Tokenizer {
    /// A line that cannot be split.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var column: Int
        /// What is wrong, in both languages.
        public var wording: Wording
        /// What is wrong, in English.
        public var message: String { wording.en }
        public var description: String { "column \(column): \(message)" }
    }

    /// The words of `line`.
    /// - Throws: `Failure` for an unterminated quote, naming the column where it opened.
    public static func split(_ line: String) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start: Int?
        var quoteStart: Int?
        var escaped = false
        var column = 0
        for ch in line {
            column += 1
            if let _ = quoteStart {
                if escaped {
                    if ch != "\"" && ch != "\\" { current.append("\\") }
                    current.append(ch)
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    quoteStart = nil
                } else {
                    current.append(ch)
                }
                continue
            }
            switch ch {
            case " ", "\t", "\r", "\n":
                if let s = start {
                    tokens.append(Token(current, column: s))
                    current = ""
                    start = nil
                }
            case "#" where start == nil:
                return tokens
            case "\"":
                if start == nil { start = column }
                quoteStart = column
            default:
                if start == nil { start = column }
                current.append(ch)
            }
        }
        if let q = quoteStart {
            throw Failure(column: q, wording: Wording(de: "Anführungszeichen nicht geschlossen (das hier geöffnete \" wird nie geschlossen)",
                                                        en: "unterminated quote (the \" opened here is never closed)"))
        }
        if let s = start { tokens.append(Token(current, column: s)) }
        return tokens
    }
}
