import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a pseudo-terminal, as a person at a terminal would: the program's
/// standard input, output and error are the terminal, so it sees `isatty` and can switch
/// echo off. `expect` waits for text; `send` types a line.
public final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    private var exitStatus: Int32?
    /// Everything the terminal showed so far.
    public private(set) var transcript = ""

    /// Starts `executable` with `arguments` in `directory`, on a terminal of `columns` × `rows`
    /// that is the program's controlling terminal (so Ctrl-C sends it SIGINT, as at a real one).
    public init(executable: String, arguments: [String], directory: String, environment: [String: String],
                columns: UInt16 = 80, rows: UInt16 = 24) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0, let slaveName = Self.unlock(master) else { throw POSIXError(.ENODEV) }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(slaveName, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENODEV) }
        // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let path = strdup(executable)!
        let cwd = strdup(directory)!
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            free(path)
            free(cwd)
        }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        let child = fork()
        if child == 0 {
            // The test runner's threads may block signals; the program gets a clean mask.
            _ = sigprocmask(SIG_SETMASK, &unblocked, nil)
            _ = setsid()
            _ = ioctl(slave, UInt(TIOCSCTTY), 0)
            _ = dup2(slave, 0)
            _ = dup2(slave, 1)
            _ = dup2(slave, 2)
            if slave > 2 { _ = close(slave) }
            _ = chdir(cwd)
            _ = execve(path, argv, envp)
            _exit(127)
        }
        close(slave)
        guard child > 0 else { throw POSIXError(.EAGAIN) }
        pid = child
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    /// grantpt, unlockpt and ptsname_r from the C library (Swift's Glibc module does not
    /// import them: they need _XOPEN_SOURCE); returns the slave's path.
    private static func unlock(_ fd: Int32) -> String? {
        typealias IntFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        guard let libc = dlopen(nil, RTLD_NOW), let grant = dlsym(libc, "grantpt"), let unlock = dlsym(libc, "unlockpt"),
              let name = dlsym(libc, "ptsname_r") else { return nil }
        guard unsafeBitCast(grant, to: IntFunction.self)(fd) == 0,
              unsafeBitCast(unlock, to: IntFunction.self)(fd) == 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: 128)
        guard unsafeBitCast(name, to: NameFunction.self)(fd, &buffer, buffer.count) == 0 else { return nil }
        return String(cString: buffer)
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
        close(master)
    }

    /// Collects the child's exit status once it has ended.
    private func reap(blocking: Bool) -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, blocking ? 0 : WNOHANG) == pid else { return false }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (Swift does not import the macros).
        exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return true
    }

    /// Waits until the terminal has shown `text` after everything already matched.
    /// - Returns: false after `timeout` seconds without it.
    @discardableResult
    public func expect(_ text: String, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var searchFrom = consumed
        while Date() < deadline {
            pump()
            if let range = transcript.range(of: text, range: searchFrom..<transcript.endIndex) {
                consumed = range.upperBound
                return true
            }
            searchFrom = consumed
            usleep(10_000)
        }
        return false
    }

    private lazy var consumed: String.Index = transcript.startIndex

    /// Types keys as they are (no Enter): `"\u{1B}[D"` is ←, `"\u{03}"` Ctrl-C, `"\t"` Tab.
    public func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types a line (with Enter).
    public func send(_ line: String) {
        let bytes = Array((line + "\r").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Whether the program still runs.
    public var isRunning: Bool { !reap(blocking: false) }

    /// Waits for the program to end and returns its exit code.
    public func wait(timeout: Double = 60) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline {
            pump()
            usleep(10_000)
        }
        pump()
        return exitStatus
    }

    private func pump() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return }
            let offset = transcript.distance(from: transcript.startIndex, to: consumed)
            transcript += String(decoding: buffer[0..<n], as: UTF8.self)
            consumed = transcript.index(transcript.startIndex, offsetBy: offset)
        }
    }
}
