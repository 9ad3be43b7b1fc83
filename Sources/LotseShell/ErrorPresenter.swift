import LotseCases
import LotseStore

/// The one place that turns any error into the message a person reads.
enum ErrorPresenter {
    static func message(for error: any Error) -> String {
        switch error {
        case let error as ShellError: return error.description
        case let error as CasesError: return error.description
        case let error as StoreError: return error.description
        case let error as AuditFailure: return error.description
        case let error as AuditBreak: return "the audit log is broken at row \(error.seq): \(error)"
        case let error as AuditError: return error.description
        default: return String(describing: error)
        }
    }
}
