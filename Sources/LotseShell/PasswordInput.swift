#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks a person for a secret without showing it.
public protocol PasswordPrompt: AnyObject {
    /// Shows `prompt` and reads one line without echo; nil at end of input.
    func readSecret(_ prompt: String) -> String?
}

/// Reads a password from the terminal on standard input with echo switched off
/// (restored afterwards, also when reading fails or Ctrl-C interrupts it).
public final class TerminalPasswordPrompt: PasswordPrompt {
    public init() {}

    public func readSecret(_ prompt: String) -> String? {
        // Echo goes off before the prompt appears, so nothing typed after it is ever shown, and
        // without flushing: what was typed ahead (a fast typist, a paste) is read, not lost.
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            silent.c_lflag |= tcflag_t(ECHONL) | tcflag_t(ICANON)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        }
        defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
        writeAll(STDOUT_FILENO, prompt)
        // Byte by byte from the descriptor (no stdio buffer that could swallow the next line).
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            // A Ctrl-C can come between the prompt and the `read` (no EINTR then): wait in short
            // polls and look at the flag between them, so it is never missed.
            if Interrupt.pending {
                writeAll(STDOUT_FILENO, "\n")
                return nil
            }
            var ready = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 100)
            if polled == 0 || (polled < 0 && errno == EINTR) { continue }
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 {
                if byte == 10 { break }
                bytes.append(byte)
                continue
            }
            if n < 0 && errno == EINTR && !Interrupt.pending { continue }
            if n < 0 || bytes.isEmpty {
                writeAll(STDOUT_FILENO, "\n")
                return nil
            }
            break
        }
        if bytes.last == 13 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Where a command gets a password from, in this order: `--password-file FILE`, the
/// `LOTSE_PASSWORD` environment variable, the terminal (without echo). A password is never
/// printed, logged or put in an error message.
struct PasswordSource {
    var environment: [String: String]
    var prompt: (any PasswordPrompt)?
    /// The language its questions are asked in.
    var words = Language.de

    /// An existing password (login).
    func existing(_ invocation: Invocation, prompt text: String) throws -> String {
        if let given = try fromFileOrEnvironment(invocation) { return given }
        guard let prompt, let password = prompt.readSecret(text) else { throw Self.noPassword }
        return password
    }

    /// A new password: from `--password-file`, `LOTSE_PASSWORD` when `environment` allows it
    /// (only for the first admin: for anyone else it would silently be a copy of the admin's own),
    /// else asked twice on a terminal.
    /// - Returns: nil when there is neither a file, an allowed environment value nor a terminal.
    func new(_ invocation: Invocation, for user: String, environment useEnvironment: Bool) throws -> String? {
        if let file = invocation.option("password-file") { return try Self.firstLine(of: file) }
        if useEnvironment, let value = environment["LOTSE_PASSWORD"], !value.isEmpty { return value }
        guard let prompt else { return nil }
        guard let first = prompt.readSecret(Message.newPasswordPrompt(user).wording.text(words)) else { throw Self.noPassword }
        guard let second = prompt.readSecret(Message.repeatPasswordPrompt.wording.text(words)) else { throw Self.noPassword }
        guard first == second else { throw ShellError.passwordMismatch }
        return first
    }

    /// No password: Ctrl-C at the prompt, or nothing to read it from.
    static var noPassword: ShellError { Interrupt.take() ? .interrupted : .noPassword }

    private func fromFileOrEnvironment(_ invocation: Invocation) throws -> String? {
        if let file = invocation.option("password-file") {
            return try Self.firstLine(of: file)
        }
        if let value = environment["LOTSE_PASSWORD"], !value.isEmpty { return value }
        return nil
    }

    /// The first line of a file, without its line break.
    static func firstLine(of path: String) throws -> String {
        guard let file = fopen(path, "r") else {
            throw ShellError.cannotRead(file: path, reason: .verbatim(String(cString: strerror(errno))))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        while true {
            let c = getc(file)
            if c == EOF || c == 10 { break }
            bytes.append(UInt8(truncatingIfNeeded: c))
        }
        if bytes.last == 13 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// No new password could be read: scripts must name a file (`LOTSE_PASSWORD` is the password
/// to log in with, never silently someone's new one).
struct NewPasswordMissing: Error, CustomStringConvertible {
    var description: String { wording.en }
    var wording: Wording {
        Wording(de: "kein neues Passwort angegeben: am Terminal wird es zweimal erfragt; in einem Skript --password-file DATEI "
                    + "verwenden (LOTSE_PASSWORD ist nur das Passwort zum Anmelden)",
                en: "no new password given: on a terminal it is asked for twice; in a script use --password-file FILE "
                    + "(LOTSE_PASSWORD is only the password to log in with)")
    }
}
