/// Everything a user can ask Lotse to do, with the roles allowed to do it.
/// The one table of who may do what; services check it before any change.
public enum Permission: String, CaseIterable, Sendable {
    case addUser = "user add"
    case listUsers = "user list"
    case disableUser = "user disable"
    case setOtherPassword = "user passwd"
    case addSite = "site add"
    case listSites = "site list"
    case queryAudit = "audit"
    case verifyAudit = "audit verify"
    case auditHead = "audit head"
    /// Reading form and workflow definitions (not case data).
    case viewDefinitions = "form"
    case addClient = "client add"
    case viewClients = "client list"
    /// Seeing clients' names (not a command of its own).
    case viewClientNames = "client names"
    case openCase = "case open"
    case viewCases = "case show"
    case fire = "fire"
    case assignCase = "case assign"
    case reopenCase = "case reopen"
    case submitForm = "form submit"
    case viewForm = "form view"
    case randomise = "randomise"
    case setUpRandomisation = "randomise setup"
    case closeRecruitment = "randomise close"
    case revealSeed = "randomise reveal"
    /// The used slots of a site's sequence, with the cases' pseudonyms (never an unused slot).
    case listAssignments = "randomise assignments"
    /// Loading a statistics extract of outcome observations.
    case importObservations = "observe import"
    case exportCases = "export cases"
    case exportAudit = "export audit"
    case reports = "report"
    /// Declaring the evaluation plan (primary outcome, α) once, before the analysis.
    case declarePlan = "evaluation plan"
    case viewBalance = "randomise balance"
    /// A verified copy of the whole database.
    case backup = "backup"
    /// Recording an outcome observation (evaluation data) on any case, in any state.
    case observe = "observe"

    /// The roles that may do this.
    public var roles: [Role] {
        switch self {
        case .addUser, .disableUser, .setOtherPassword, .addSite: return [.admin]
        case .listUsers, .listSites, .viewDefinitions: return Role.allCases
        case .addClient, .viewClientNames: return [.caseworker, .supervisor]
        case .viewClients, .viewCases, .fire, .submitForm, .viewForm: return [.caseworker, .supervisor, .medical]
        case .openCase: return [.caseworker, .supervisor]
        // Separation of duties: the evaluator who analyses the outcomes never records them.
        case .observe: return [.caseworker, .supervisor]
        case .importObservations: return [.supervisor]
        // Borken: the county jobcenter randomised, never the sites.
        case .randomise, .setUpRandomisation, .closeRecruitment, .revealSeed, .listAssignments: return [.evaluator]
        case .viewBalance: return [.evaluator, .supervisor]
        case .exportCases, .declarePlan: return [.evaluator]
        case .exportAudit: return [.supervisor]
        case .reports: return [.evaluator, .supervisor]
        case .assignCase, .reopenCase: return [.supervisor]
        case .queryAudit, .backup: return [.supervisor, .admin]
        case .verifyAudit, .auditHead: return [.supervisor, .admin, .evaluator]
        }
    }

    /// Whether `role` may do this.
    public func allows(_ role: Role) -> Bool { roles.contains(role) }
}
