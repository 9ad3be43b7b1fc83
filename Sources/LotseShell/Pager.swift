#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Long output on a terminal goes through a pager: `$LOTSE_PAGER` (empty: none), else `$PAGER`,
/// else `less -FRX` (which quits at once when the text fits the screen). Output that fits
/// the terminal is written as it is; so is everything when standard output is not a terminal.
public enum Pager {
    /// The pager command for this session, nil for none.
    public static func command(environment: [String: String], disabled: Bool) -> String? {
        guard !disabled, isatty(STDOUT_FILENO) == 1 else { return nil }
        if let pager = environment["LOTSE_PAGER"] { return pager.isEmpty ? nil : pager }
        if let pager = environment["PAGER"], !pager.isEmpty { return pager }
        return "less -FRX"
    }
}

/// One command's standard output on its way to the terminal: held back until it is longer
/// than the screen (then the pager gets it, and the rest as it comes) or the command ends.
final class PagedOutput {
    private let command: String
    private let rows: Int
    private var held = ""
    private var lines = 0
    private var pipe: UnsafeMutablePointer<FILE>?

    init(command: String, rows: Int) {
        self.command = command
        self.rows = max(2, rows)
    }

    /// Passes `text` on. - Returns: false once the pager quit (its pipe is closed).
    func write(_ text: String) -> Bool {
        if let pipe { return writeAll(fileno(pipe), text) }
        held += text
        lines += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        if lines >= rows - 1, let opened = popen(command, "w") {
            pipe = opened
            let written = writeAll(fileno(opened), held)
            held = ""
            return written
        }
        return true
    }

    /// Writes what is held to the terminal, or waits for the pager to end.
    func finish() {
        if let pipe {
            pclose(pipe)
            self.pipe = nil
        } else if !held.isEmpty {
            writeAll(STDOUT_FILENO, held)
        }
        held = ""
        lines = 0
    }
}
