#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C in an interactive session: a SIGINT handler that only sets a flag (installed
/// without SA_RESTART, so a waiting `read` returns with EINTR). Whoever waits for input sees
/// the flag and cancels what it was reading; the shell checks it after each command and
/// returns to the prompt. Scripts never install the handler: there Ctrl-C ends the process.
public enum Interrupt {
    /// Set by the signal handler; read and cleared by the shell.
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    /// Installs the handler (interactive sessions only).
    public static func install() {
        flag = 0
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupt.flag = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A pager that quits early closes its pipe: the write fails, the shell goes on.
        signal(SIGPIPE, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether Ctrl-C was pressed since the last `take()`.
    public static var pending: Bool { flag != 0 }

    /// Whether Ctrl-C was pressed; clears it.
    @discardableResult
    public static func take() -> Bool {
        let was = flag != 0
        flag = 0
        return was
    }

    /// For tests of Ctrl-C during long work: microseconds to wait at each `check()`, so that
    /// the work is still running when the signal comes (`LOTSE_PAUSE_EACH_STEP`, read by `lotse`).
    nonisolated(unsafe) public static var pausePerStep: UInt32 = 0

    /// Throws `ShellError.interrupted` when Ctrl-C was pressed (long work checks this between steps).
    public static func check() throws {
        if pausePerStep > 0 { usleep(pausePerStep) }
        if pending { throw ShellError.interrupted }
    }
}
