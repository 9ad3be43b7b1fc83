#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the shell writes. Injected so that tests capture output.
public protocol Console: AnyObject {
    /// Writes to standard output (the text includes its own newlines).
    func out(_ text: String)
    /// Writes to standard error.
    func err(_ text: String)
    /// Writes a transient progress line (only where a person watches: a terminal).
    func progress(_ text: String)
    /// The width of the terminal standard output goes to; nil when it is not a terminal.
    var terminalWidth: Int? { get }
    /// A command starts: its output may go through the pager.
    func beginCommand()
    /// The command ended: show what is held, or wait for the pager.
    func endCommand()
    /// Whether standard output was closed during this command (the pager was quit): a
    /// streamed listing then stops reading.
    var outputClosed: Bool { get }
}

extension Console {
    public var terminalWidth: Int? { nil }
    public var outputClosed: Bool { false }
    /// A command starts: its output may go through the pager.
    public func beginCommand() {}
    /// The command ended: show what is held, or wait for the pager.
    public func endCommand() {}
}

/// The process's standard output and error, flushed after every write so that a program
/// driving the shell over pipes sees each reply at once.
public final class StandardConsole: Console {
    private let errIsTerminal = isatty(STDERR_FILENO) == 1
    private var progressShown = false

    /// The pager for long output (`Pager.command`), nil for none.
    public var pager: String?
    private var paged: PagedOutput?

    public init() {}

    public private(set) var outputClosed = false

    public func beginCommand() {
        outputClosed = false
        if let pager { paged = PagedOutput(command: pager, rows: terminalRows) }
    }

    public func endCommand() {
        paged?.finish()
        paged = nil
    }

    private var terminalRows: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }

    public var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    public func out(_ text: String) {
        clearProgress()
        guard !outputClosed else { return }
        if let paged {
            if !paged.write(text) { outputClosed = true }
        } else if !writeAll(STDOUT_FILENO, text) {
            outputClosed = true
        }
    }

    public func err(_ text: String) {
        clearProgress()
        paged?.finish()
        writeAll(STDERR_FILENO, text)
    }

    /// Before input is read: what the command wrote so far must be on the screen.
    func showHeld() { paged?.finish() }

    public func progress(_ text: String) {
        guard errIsTerminal else { return }
        writeAll(STDERR_FILENO, "\r\u{1B}[K" + text)
        progressShown = true
    }

    private func clearProgress() {
        guard progressShown else { return }
        writeAll(STDERR_FILENO, "\r\u{1B}[K")
        progressShown = false
    }
}

/// Writes all of `text` to a file descriptor, unbuffered (so nothing waits in a buffer
/// while a driving program waits for the reply). After Ctrl-C the rest is dropped: the person
/// asked for the output to stop. - Returns: false when the file refused the write (a pager
/// that quit closed its pipe).
@discardableResult
func writeAll(_ fd: Int32, _ text: String) -> Bool {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count && !Interrupt.pending {
        let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += n
    }
    bytes.removeAll()
    return true
}

/// Collects everything written, for tests and transcripts. `combined` keeps the order
/// in which standard output and error were written.
public final class CapturingConsole: Console {
    public private(set) var stdout = ""
    public private(set) var stderr = ""
    public private(set) var combined = ""
    /// Pretend standard output is a terminal this wide (tests of fitting).
    public var terminalWidth: Int?

    public init(terminalWidth: Int? = nil) {
        self.terminalWidth = terminalWidth
    }

    public func out(_ text: String) {
        stdout += text
        combined += text
    }

    public func err(_ text: String) {
        stderr += text
        combined += text
    }

    public func progress(_ text: String) {}
}
