import LotseCases

/// Errors of commands whose arguments may be passwords (`login`, `user add`, `user passwd`):
/// said without repeating any argument, since a password typed in the wrong place would
/// otherwise appear on the screen, in a script's error output or in a log of it (issue 9).
struct SecretArguments: Error, CustomStringConvertible {
    let description: String

    /// `error` as a message that names no argument of `command`; errors that carry no
    /// argument text pass unchanged.
    static func withheld(_ error: any Error, command: Command) -> any Error {
        let name = "`\(command.name)`"
        let message: String
        switch error {
        case let error as ShellError:
            switch error {
            case let .extraArgument(_, usage): message = "too many arguments for \(name); usage: \(usage)"
            case let .unknownOption(_, _, known):
                message = "an unknown option for \(name); it takes " + known.joined(separator: ", ")
            case let .cannotRead(_, reason): message = "cannot read the password file: \(reason)"
            case let .badValue(option, _, expected): message = "--\(option): expected \(expected)"
            case let .badArgument(_, expected): message = "an argument of \(name) is not \(expected)"
            case .missingArgument, .missingValue, .unexpectedValue, .noPassword, .passwordMismatch, .commandNotAllowed,
                 .interrupted:
                return error
            default: message = "\(name) failed (its arguments are not repeated: they may be passwords)"
            }
        case let error as CasesError:
            switch error {
            case let .invalidName(_, what): message = "invalid \(what): use 1 to 64 letters, digits, '.', '_' or '-'"
            case .unknownUser: message = "no such user"
            case .userExists: message = "a user of that name already exists"
            case .accountDisabled: message = "the account is disabled"
            case .unknownSite: message = "no such site; `site list` shows the sites"
            case .unknownRole:
                message = "unknown role; roles are " + Role.allCases.map(\.rawValue).joined(separator: ", ")
            case .loginFailed, .notAllowed, .notLoggedIn, .notInitialised, .alreadyInitialised, .weakPassword,
                 .cannotDisableSelf, .sessionEnded, .passwordChangeRequired, .sitesForRole, .store:
                return error
            default: message = "\(name) failed (its arguments are not repeated: they may be passwords)"
            }
        default:
            return error
        }
        return SecretArguments(description: message)
    }
}
