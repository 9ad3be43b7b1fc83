import LotseCases

/// Errors of commands whose arguments may be passwords (`login`, `user add`, `user passwd`):
/// said without repeating any argument, since a password typed in the wrong place would
/// otherwise appear on the screen, in a script's error output or in a log of it (issue 9).
struct SecretArguments: Error, CustomStringConvertible {
    let wording: Wording
    var description: String { wording.en }

    /// `error` as a message that names no argument of `command`; errors that carry no
    /// argument text pass unchanged.
    static func withheld(_ error: any Error, command: Command) -> any Error {
        let name = "`\(command.name)`"
        let failed = Wording(de: "\(name) ist gescheitert (seine Argumente werden nicht wiederholt: sie können Passwörter sein)",
                             en: "\(name) failed (its arguments are not repeated: they may be passwords)")
        let message: Wording
        switch error {
        case let error as ShellError:
            switch error {
            case let .extraArgument(_, usage):
                message = Wording(de: "zu viele Argumente für \(name); Aufruf: \(usage.de)",
                                  en: "too many arguments for \(name); usage: \(usage.en)")
            case let .unknownOption(_, _, known):
                message = Wording(de: "eine unbekannte Option für \(name); er kennt ", en: "an unknown option for \(name); it takes ")
                    + .verbatim(known.joined(separator: ", "))
            case let .cannotRead(_, reason):
                message = Wording(de: "die Passwortdatei kann nicht gelesen werden: \(reason.de)",
                                  en: "cannot read the password file: \(reason.en)")
            case let .badValue(option, _, expected):
                message = Wording(de: "--\(option): erwartet wird \(expected.de)", en: "--\(option): expected \(expected.en)")
            case let .badArgument(_, expected):
                message = Wording(de: "ein Argument von \(name) ist nicht \(expected.de)",
                                  en: "an argument of \(name) is not \(expected.en)")
            case .missingArgument, .missingValue, .unexpectedValue, .noPassword, .passwordMismatch, .commandNotAllowed,
                 .interrupted:
                return error
            default: message = failed
            }
        case let error as CasesError:
            switch error {
            case let .invalidName(_, what):
                let thing = CasesError.nameWording(what)
                message = Wording(de: "ungültiger \(thing.de): 1 bis 64 Buchstaben, Ziffern, '.', '_' oder '-' verwenden",
                                  en: "invalid \(thing.en): use 1 to 64 letters, digits, '.', '_' or '-'")
            case .unknownUser: message = Wording(de: "diesen Benutzer gibt es nicht", en: "no such user")
            case .userExists:
                message = Wording(de: "ein Benutzer dieses Namens existiert bereits", en: "a user of that name already exists")
            case .accountDisabled: message = Wording(de: "das Konto ist gesperrt", en: "the account is disabled")
            case .unknownSite:
                message = Wording(de: "diesen Standort gibt es nicht; `site list` zeigt die Standorte",
                                  en: "no such site; `site list` shows the sites")
            case .unknownRole:
                let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                message = Wording(de: "unbekannte Rolle; die Rollen sind \(roles)", en: "unknown role; roles are \(roles)")
            case .loginFailed, .notAllowed, .notLoggedIn, .notInitialised, .alreadyInitialised, .weakPassword,
                 .cannotDisableSelf, .sessionEnded, .passwordChangeRequired, .sitesForRole, .store:
                return error
            default: message = failed
            }
        default:
            return error
        }
        return SecretArguments(wording: message)
    }
}
