public import LotseForms
public import LotseStore
public import LotseWorkflow

/// Errors of the domain layer. Each says what was refused and why; none has changed anything.
public enum CasesError: Error, Sendable, CustomStringConvertible {
    /// The user's role may not do this; the refusal itself is in the audit log.
    case notAllowed(Permission, role: Role, user: String)
    /// The client or case belongs to a site the user does not work at; the refusal is audited.
    case otherSite(what: String, site: String, user: String, sites: [String])
    /// What holds every site's data was asked for by someone who works at some sites only.
    case regionOnly(what: String, user: String, sites: [String])
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
    /// Unknown user, wrong password or a locked account (deliberately not saying which).
    case loginFailed(LoginPolicy)
    /// The session's account was disabled, removed or changed: log in again.
    case sessionEnded(String, reason: OfficeReason)
    /// The user logged in with a one-time password and must set their own first.
    case passwordChangeRequired(String)
    case accountDisabled(String)
    case weakPassword(OfficeReason)
    /// An admin cannot disable their own account (the database would lose its last admin).
    case cannotDisableSelf
    case unknownClient(Int)
    /// Comparison cases, and the cases of clients in the randomisation pool, come from `randomise`.
    case groupByRandomisation(Int, reason: OfficeReason)
    /// One open case per client.
    case caseAlreadyOpen(Int, Int)
    /// A client with cases cannot join the randomisation pool.
    case clientHasCases(Int, Int)
    /// `randomise setup` was not run for the site.
    case randomisationNotSetUp(String)
    /// A site's randomisation is set up once.
    case randomisationSetUp(String)
    /// `randomise close` was run: no more randomisation for the site.
    case recruitmentClosed(String)
    /// The seed is revealed only after the site's recruitment is closed.
    case recruitmentOpen(String)
    /// The stored seed does not match its commitment.
    case seedMismatch(String)
    /// Consent does not cover a purpose the step needs.
    case consentMissing(caseID: Int, what: OfficeReason, purposes: [String], reason: ConsentState)
    /// An outcome observation that would drift: a second one for a time point, or outside its window.
    case observationRefused(caseID: Int, reason: OfficeReason)
    /// A statistics extract with bad rows: every one named; nothing was imported.
    case importRefused(file: String, problems: [ImportProblem])
    /// An export that cannot be made as asked (a form without repeats, a medical form).
    case exportRefused(OfficeReason)
    /// No eligible client of the site is waiting for randomisation.
    case emptyPool(String)
    case unknownCase(Int)
    case unknownWorkflow(String, known: [String])
    case unknownForm(String, known: [String])
    /// A definition id a case or submission refers to is not in the store.
    case missingDefinition(Int)
    /// A definition's file changed but kept the version under which other content is stored.
    case definitionChanged(kind: String, name: String, version: String, stored: String, now: String)
    /// A stored definition no longer reads (a newer Lotse changed the rules).
    case storedDefinitionInvalid(String, String)
    /// The workflow refused the event: no such event, condition false, role, form missing, four-eyes.
    case refused(caseID: Int, Refusal)
    /// Another user changed the case between reading and writing.
    case concurrentChange(caseID: Int)
    /// The case is closed: nothing can be recorded on it.
    case caseClosed(Int)
    case caseNotClosed(Int)
    /// A filled form that is not valid: every bad field with its message.
    case invalidSubmission(form: String, [FieldProblem])
    /// A form that cannot be recorded on the case now.
    case formNotAllowed(form: String, reason: OfficeReason)
    /// A form error (unknown field, a value for a calculated field).
    case form(FormError)
    /// A code or number outside its allowed values.
    case invalidValue(String, String, expected: OfficeReason)
    /// A site-scoped role was given no site, or a region-wide role one.
    case sitesForRole(Role, needsSite: Bool)
    /// Lower layers.
    case store(StoreError)

    public var description: String {
        switch self {
        case let .notAllowed(permission, role, user):
            let needed = permission.roles.map(\.rawValue)
            let list = needed.count == 1 ? "role \(needed[0])" : "one of the roles " + needed.joined(separator: ", ")
            return "`\(permission.rawValue)` needs \(list); \(user) has role \(role.rawValue) (nothing was changed)"
        case let .otherSite(what, site, user, sites):
            return "\(what) belongs to site \(site); \(user) works at "
                + (sites.isEmpty ? "no site" : "site" + (sites.count == 1 ? " " : "s ") + sites.joined(separator: ", "))
                + " (nothing was changed)"
        case let .regionOnly(what, user, sites):
            return "\(what) holds every site's data; \(user) works at site" + (sites.count == 1 ? " " : "s ")
                + sites.joined(separator: ", ") + ": only the admin or a supervisor of every site may (nothing was changed)"
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
        case let .loginFailed(policy):
            return "login failed: unknown user or wrong password, or the account is locked "
                + "(\(policy.maxFailures) failed logins in a row lock it for \(policy.lockoutMinutes) minutes)"
        case let .sessionEnded(name, reason):
            return "the session of \(name) has ended: \(reason); log in again (nothing was done)"
        case let .passwordChangeRequired(name):
            return "\(name) logged in with a one-time password: set your own with `user passwd` first (nothing was done)"
        case let .accountDisabled(name): return "the account \(name) is disabled"
        case let .weakPassword(reason): return "password refused: \(reason)"
        case .cannotDisableSelf: return "you cannot disable your own account"
        case let .unknownClient(id): return "no client \(id)"
        case let .groupByRandomisation(client, reason):
            return "client \(client): no case by hand: \(reason); groups (participant or comparison) come only from "
                + "randomisation (nothing was changed)"
        case let .caseAlreadyOpen(client, open):
            return "client \(client) already has open case \(open); one open case per client (nothing was changed)"
        case let .clientHasCases(client, count):
            return "client \(client) already has \(count) case\(count == 1 ? "" : "s"); a client with a case cannot join "
                + "the randomisation pool, or randomisation would give it a second case (nothing was changed)"
        case let .randomisationNotSetUp(site):
            return "site \(site) has no sealed randomisation yet: the evaluator runs `randomise setup --site \(site)` first"
        case let .randomisationSetUp(site):
            return "site \(site) already has its sealed randomisation; its sequence is fixed once (nothing was changed)"
        case let .recruitmentClosed(site):
            return "the recruitment of site \(site) is closed (randomise close); nothing was changed"
        case let .recruitmentOpen(site):
            return "the seed of site \(site) is revealed only after its recruitment is closed (`randomise close --site \(site)`)"
        case let .seedMismatch(site):
            return "the stored seed of site \(site) does not match its commitment in the audit log; the setup was changed"
        case let .consentMissing(caseID, what, purposes, reason):
            return "case \(caseID): \(what) needs consent for the purpose\(purposes.count == 1 ? "" : "s") "
                + purposes.joined(separator: ", ") + ": \(reason) (nothing was changed)"
        case let .observationRefused(caseID, reason):
            return "case \(caseID): \(reason) (nothing was stored)"
        case let .exportRefused(reason): return "nothing exported: \(reason)"
        case let .importRefused(file, problems):
            return "\(file): \(problems.count) bad row\(problems.count == 1 ? "" : "s"); nothing was imported:\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case let .emptyPool(site):
            return "site \(site) has no eligible client without an assignment; nothing was randomised "
                + "(client add --eligible or client eligible CLIENT adds to the pool)"
        case let .unknownCase(id): return "no case \(id)"
        case let .unknownWorkflow(name, known):
            return "no workflow \"\(name)\"" + (known.isEmpty ? "" : "; workflows: " + known.joined(separator: ", "))
        case let .unknownForm(id, known):
            return "no form \"\(id)\"" + (known.isEmpty ? "" : "; forms: " + known.joined(separator: ", "))
        case let .missingDefinition(id): return "stored definition \(id) is missing from the database"
        case let .definitionChanged(kind, name, version, stored, now):
            return "the \(kind) \(name) version \(version) was changed: stored with sha256 \(stored), its file now has "
                + "sha256 \(now); a changed definition needs a new version (nothing was stored)"
        case let .storedDefinitionInvalid(name, problem): return "the stored version of \(name) no longer reads: \(problem)"
        case let .refused(caseID, refusal): return "case \(caseID): \(refusal.message)"
        case let .concurrentChange(caseID):
            return "case \(caseID) was changed by someone else meanwhile; nothing was changed (look again with case show \(caseID))"
        case let .caseClosed(id): return "case \(id) is closed; a supervisor may reopen it"
        case let .caseNotClosed(id): return "case \(id) is not closed"
        case let .invalidSubmission(form, problems):
            return "form \(form) is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")); nothing was stored:\n"
                + problems.map { "  \($0.field): \($0.message)" }.joined(separator: "\n")
        case let .formNotAllowed(form, reason): return "form \(form) cannot be recorded now: \(reason)"
        case let .form(error): return error.description
        case let .invalidValue(what, value, expected):
            return "invalid \(what) \"\(value)\"; expected \(expected)"
        case let .sitesForRole(role, needsSite):
            return needsSite
                ? "the \(role.rawValue) role works at sites: give at least one with --site S[,S2]"
                : "the \(role.rawValue) role is region-wide: it takes no --site"
        case let .store(error): return error.description
        }
    }
}
