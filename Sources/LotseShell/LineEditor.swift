import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line editor of an interactive session, on libedit: cursor keys, Ctrl-A/E/K/U/W,
/// Ctrl-L, ↑/↓ and Ctrl-R through the history, Tab completion. Characters are read by Lotse
/// itself as UTF-8 (independent of the terminal's `iutf8`), so Ctrl-C ends the wait at once.
///
/// Commands have a history that is kept in a file (mode 0600); answers to questions have
/// their own history that lives only as long as the session (answers can be health data).
public final class LineEditor: LineReading {
    private let editLine: OpaquePointer
    private let commands: OpaquePointer
    private let answers: OpaquePointer
    private let historyPath: String?
    private var promptText: UnsafeMutablePointer<CChar>?
    public var completer: ((String) -> [String])?

    /// An editor on the terminal of standard input and output.
    /// - Parameter historyPath: the history file, read now and written after each command; nil for none.
    public init?(historyPath: String?) {
        Self.useUTF8()
        guard let commands = lotse_history_open(1000), let answers = lotse_history_open(200),
              let editLine = lotse_el_open("lotse", editorPrompt, editorGetc, editorComplete)
        else { return nil }
        self.editLine = editLine
        self.commands = commands
        self.answers = answers
        self.historyPath = historyPath
        if let historyPath { _ = lotse_history_load(commands, historyPath) }
        activeEditor = self
    }

    deinit {
        el_end(editLine)
        history_end(commands)
        history_end(answers)
        free(promptText)
    }

    /// The history file: `LOTSE_HISTORY` (empty: none), else `~/.lotse_history` (none without HOME).
    public static func historyPath(environment: [String: String]) -> String? {
        if let path = environment["LOTSE_HISTORY"] { return path.isEmpty ? nil : path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.lotse_history"
    }

    public func read(prompt: String, purpose: InputPurpose) -> InputLine {
        free(promptText)
        promptText = strdup(prompt)
        lotse_el_use_history(editLine, purpose == .command ? commands : answers)
        Interrupt.take()
        var count: Int32 = 0
        let result = el_gets(editLine, &count)
        if Interrupt.take() {
            writeAll(STDOUT_FILENO, "^C\n")
            return .interrupted
        }
        guard let result, count > 0 else { return .end }
        var line = String(cString: result)
        if line.hasSuffix("\n") { line.removeLast() }
        if purpose == .answer, !line.trimmingCharacters().isEmpty { _ = lotse_history_enter(answers, line) }
        return .line(line)
    }

    public func remember(_ line: String) {
        guard !line.trimmingCharacters().isEmpty else { return }
        _ = lotse_history_enter(commands, line)
        guard let historyPath else { return }
        // Create it private before libedit writes it (libedit also sets 0600).
        let fd = open(historyPath, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 { close(fd) }
        _ = lotse_history_save(commands, historyPath)
        chmod(historyPath, 0o600)
    }

    fileprivate var prompt: UnsafeMutablePointer<CChar>? { promptText }

    /// Completes the word before the cursor: one candidate is inserted whole, several
    /// their common beginning, or listed when they share no more.
    fileprivate func complete(before text: String) -> UInt8 {
        guard let completer else { return UInt8(CC_ERROR) }
        let word = String(text.reversed().prefix { $0 != " " }.reversed())
        let matches = Array(Set(completer(text).filter { $0.hasPrefix(word) })).sorted()
        guard !matches.isEmpty else { return UInt8(CC_ERROR) }
        if matches.count == 1 {
            let match = matches[0]
            let insert = String(match.dropFirst(word.count)) + (match.hasSuffix("=") ? "" : " ")
            _ = el_insertstr(editLine, insert)
            return UInt8(CC_REFRESH)
        }
        let common = Self.commonPrefix(matches)
        if common.count > word.count {
            _ = el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        writeAll(STDOUT_FILENO, "\n" + matches.joined(separator: "  ") + "\n")
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// libedit converts between characters and bytes with the C library's locale: make it UTF-8.
    private static func useUTF8() {
        if let set = setlocale(LC_CTYPE, ""), String(cString: set).lowercased().contains("utf") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
}

/// The one editor of the process (libedit's callbacks are C functions without context).
nonisolated(unsafe) private var activeEditor: LineEditor?

private let editorPrompt: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { _ in
    activeEditor?.prompt
}

private let editorComplete: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editLine, let editor = activeEditor, let info = el_line(editLine) else { return UInt8(CC_ERROR) }
    let start = UnsafeRawPointer(info.pointee.buffer!)
    let length = UnsafeRawPointer(info.pointee.cursor!) - start
    let before = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    return editor.complete(before: before)
}

/// Reads one character from standard input as UTF-8: 1 with a character, 0 at end of input,
/// -1 when interrupted (Ctrl-C) or on an error. Bytes that are not UTF-8 are dropped.
private let editorGetc: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = { _, out in
    func byte() -> Int32 {
        var b: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &b, 1)
            if n == 1 { return Int32(b) }
            if n == 0 { return -2 }
            if errno == EINTR && !Interrupt.pending { continue }
            return -1
        }
    }
    while true {
        let first = byte()
        if first < 0 { return first == -2 ? 0 : -1 }
        let lead = UInt32(first)
        var scalar: UInt32
        var more: Int
        switch lead {
        case 0..<0x80: scalar = lead; more = 0
        case 0xC2..<0xE0: scalar = lead & 0x1F; more = 1
        case 0xE0..<0xF0: scalar = lead & 0x0F; more = 2
        case 0xF0..<0xF5: scalar = lead & 0x07; more = 3
        default: continue
        }
        var valid = true
        for _ in 0..<more {
            let next = byte()
            if next < 0 { return next == -2 ? 0 : -1 }
            guard next & 0xC0 == 0x80 else { valid = false; break }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard valid, Unicode.Scalar(scalar) != nil else { continue }
        out?.pointee = wchar_t(bitPattern: scalar)
        return 1
    }
}
