/// The roles of DESIGN §1. One account has one role.
public enum Role: String, CaseIterable, Sendable, Codable, LosslessStringConvertible {
    /// Fallmanager/in, Integrationscoach: registers clients, opens cases, fills non-medical forms.
    case caseworker
    /// Ärztlicher Dienst, Berufspsychologischer Service, project physician: health forms.
    case medical
    /// Teamleitung: a caseworker's rights plus audit queries, reopening, reassigning, sign-offs.
    case supervisor
    /// Begleitende Evaluation: randomisation, pseudonymised exports, reports; no names, no health details.
    case evaluator
    /// IT / project lead: users, sites, definitions; no case work.
    case admin

    public init?(_ description: String) { self.init(rawValue: description) }
    public var description: String { rawValue }

    /// What the role is, in German and English, for `help` and `user add` errors.
    public var summary: String {
        switch self {
        case .caseworker: return "Fallmanagement / case management"
        case .medical: return "Ärztlicher Dienst, BPS / medical and psychological service"
        case .supervisor: return "Teamleitung / supervision and audit"
        case .evaluator: return "Begleitende Evaluation / evaluation"
        case .admin: return "IT, Projektleitung / users, sites, definitions"
        }
    }
}

/// The logged-in user on whose behalf a command runs.
public struct Actor: Sendable, Equatable {
    public var userID: Int
    public var name: String
    public var role: Role
    /// The code of the user's site, if any.
    public var site: String?

    public init(userID: Int, name: String, role: Role, site: String?) {
        self.userID = userID
        self.name = name
        self.role = role
        self.site = site
    }
}
