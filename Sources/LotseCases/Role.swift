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

extension Role {
    /// Whether the role works only at its own sites (caseworker, medical, supervisor); the
    /// evaluator works region-wide on pseudonymised data, the admin on no case at all.
    public var isSiteScoped: Bool { [.caseworker, .medical, .supervisor].contains(self) }
}

/// The logged-in user on whose behalf a command runs.
public struct Actor: Sendable, Equatable {
    public var userID: Int
    public var name: String
    public var role: Role
    /// The codes of the user's sites, sorted (empty for evaluator and admin).
    public var sites: [String]
    /// The user's first site (the default site of `client add`), if any.
    public var site: String? { sites.first }

    public init(userID: Int, name: String, role: Role, sites: [String]) {
        self.userID = userID
        self.name = name
        self.role = role
        self.sites = sites
    }

    /// Whether the user may see and change clients and cases of `site`.
    public func works(at site: String) -> Bool { !role.isSiteScoped || sites.contains(site) }
}
