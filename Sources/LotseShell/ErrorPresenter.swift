import LotseCases
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

    /// The catalogue entry for `error`. Errors of the store's integrity checks and of reading
    /// definitions are technical reports (SQLite codes, hashes, file:line diagnostics) and read
    /// the same in both languages.
    static func wording(for error: any Error) -> Wording {
        switch error {
        case let error as ShellError: return error.wording
        case let error as CasesError: return error.wording
        case let error as SecretArguments: return error.wording
        case let error as InputLimits.LineTooLong: return error.wording
        case let error as NewPasswordMissing: return error.wording
        case let error as OutputError: return error.wording
        case let error as RegionCopyError: return error.wording
        case let error as StoreError: return .verbatim(error.description)
        case let error as AuditFailure: return .verbatim(error.description)
        case let error as AuditBreak:
            return Wording(de: "das Audit-Protokoll ist bei Zeile \(error.seq) gebrochen: \(error)",
                           en: "the audit log is broken at row \(error.seq): \(error)")
        case let error as AuditError: return .verbatim(error.description)
        case let error as LaunchOptions.Failure: return .verbatim(error.message)
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
