import LotseCases
import LotseStore

/// The one place that turns any error into the message a person reads and the exit code
/// `lotse` ends with. Every path that prints an error uses it: the command line (`main`),
/// the shell (prompt and scripts), `lotse demo`, and `form fill` / `form try`.
public enum ErrorPresenter {
    /// The message for `error` (no `error:` prefix, no place).
    public static func message(for error: any Error) -> String {
        switch error {
        case let error as ShellError: return error.description
        case let error as CasesError: return error.description
        case let error as StoreError: return error.description
        case let error as AuditFailure: return error.description
        case let error as AuditBreak: return "the audit log is broken at row \(error.seq): \(error)"
        case let error as AuditError: return error.description
        case let error as LaunchOptions.Failure: return error.message
        case let error as ScriptFile.Failure: return error.description
        default: return String(describing: error)
        }
    }

    /// The exit code: 2 for bad usage of `lotse` itself, 1 for anything else that failed.
    public static func exitCode(for error: any Error) -> Shell.ExitCode {
        switch error {
        case is LaunchOptions.Failure: return .usage
        case ScriptFile.Failure.unreadable: return .usage
        default: return .commandFailed
        }
    }

    /// `PLACE: error: MESSAGE` (or `error: MESSAGE` without a place), with its line break.
    public static func line(for error: any Error, at place: String? = nil) -> String {
        (place.map { "\($0): " } ?? "") + "error: " + message(for: error) + "\n"
    }
}
