import LotseCases
import LotseDemo
import LotseEvaluation
import LotseForms
import LotseStore

/// The one place that turns any error into the message a person reads and the exit code
/// `lotse` ends with. Every path that prints an error uses it: the command line (`main`),
/// the shell (prompt and scripts), `lotse demo`, and `form fill` / `form try`. The message is
/// the error's entry in the message catalogue, in the session's language; the `error:` prefix
/// stays the same in both (scripts and editors look for it).
public enum ErrorPresenter {
    /// The message for `error` in `language` (no `error:` prefix, no place).
    public static func message(for error: any Error, language: Language) -> String {
        wording(for: error).text(language)
    }

    /// The catalogue entry for `error`. The audit log's verdicts are words a person acts on, in
    /// both languages; SQLite's errors and definition diagnostics (file:line, stable codes) are
    /// technical reports for whoever maintains the database or the definitions and read the same
    /// in both.
    static func wording(for error: any Error) -> Wording {
        switch error {
        case let error as ShellError: return error.wording
        case let error as CasesError: return error.wording
        case let error as SecretArguments: return error.wording
        case let error as InputLimits.LineTooLong: return error.wording
        case let error as NewPasswordMissing: return error.wording
        case let error as OutputError: return error.wording
        case let error as RegionCopyError: return error.wording
        case let error as FormError: return error.wording
        case let error as StoreError: return .verbatim(error.description)
        case let error as AuditFailure: return error.wording
        case let error as AuditBreak: return error.verdict
        case let error as AuditError: return error.wording
        case let error as BackupError: return error.wording
        case let error as EvaluationPlanError: return error.wording
        case let error as EvaluationError: return error.wording
        case let error as DemoError: return error.wording
        case let error as LaunchOptions.Failure: return error.wording
        case let error as ScriptFile.Failure: return error.wording
        default: return .verbatim(String(describing: error))
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
    public static func line(for error: any Error, at place: String? = nil, language: Language) -> String {
        (place.map { "\($0): " } ?? "") + "error: " + message(for: error, language: language) + "\n"
    }
}
