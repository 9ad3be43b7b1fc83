public import LotseStore

/// Errors of the domain layer. Each says what was refused and why; none has changed anything.
public enum CasesError: Error, Sendable, CustomStringConvertible {
    /// The user's role may not do this; the refusal itself is in the audit log.
    case notAllowed(Permission, role: Role, user: String)
    /// No user is logged in.
    case notLoggedIn
    /// The database has no users yet: the first admin must be created.
    case notInitialised
    /// `init` on a database that already has users.
    case alreadyInitialised
    case unknownUser(String)
    case userExists(String)
    case unknownSite(String)
    case siteExists(String)
    case unknownRole(String)
    /// A user or site name that is empty, too long or has characters other than letters,
    /// digits, `.`, `_` and `-`.
    case invalidName(String, what: String)
    /// Wrong user name or password (deliberately not saying which).
    case badCredentials
    case accountDisabled(String)
    case weakPassword(String)
    /// An admin cannot disable their own account (the database would lose its last admin).
    case cannotDisableSelf
    /// Lower layers.
    case store(StoreError)

    public var description: String {
        switch self {
        case let .notAllowed(permission, role, user):
            let needed = permission.roles.map(\.rawValue)
            let list = needed.count == 1 ? "role \(needed[0])" : "one of the roles " + needed.joined(separator: ", ")
            return "`\(permission.rawValue)` needs \(list); \(user) has role \(role.rawValue) (nothing was changed)"
        case .notLoggedIn:
            return "not logged in: `login USER` first"
        case .notInitialised:
            return "this database has no users yet: create the first admin with `init --admin NAME`"
        case .alreadyInitialised:
            return "this database already has users; `init` is only for a new database"
        case let .unknownUser(name): return "no user named \(name)"
        case let .userExists(name): return "a user named \(name) already exists"
        case let .unknownSite(code): return "no site with code \(code); `site list` shows the sites"
        case let .siteExists(code): return "a site with code \(code) already exists"
        case let .unknownRole(text):
            return "unknown role \(text); roles are " + Role.allCases.map(\.rawValue).joined(separator: ", ")
        case let .invalidName(text, what):
            return "invalid \(what) \"\(text)\": use 1 to 64 letters, digits, '.', '_' or '-'"
        case .badCredentials: return "login failed: unknown user or wrong password"
        case let .accountDisabled(name): return "the account \(name) is disabled"
        case let .weakPassword(reason): return "password refused: \(reason)"
        case .cannotDisableSelf: return "you cannot disable your own account"
        case let .store(error): return error.description
        }
    }
}
