public import LotseForms
public import LotseStore
import LotseWorkflow
import LotseXML
public import LotseXPath

/// The domain service: every command a user can give Lotse, each one SQLite transaction
/// together with its audit row. It checks the actor's role before any change (a refusal
/// is audited and changes nothing else). Nothing here prints.
///
/// Not Sendable: one `Office` serves one session on one connection.
public final class Office {
    /// The store this office works on: only the layers that add operations to the office
    /// (`@_spi(Office) import LotseCases`) see it; the shell and the reports call operations.
    @_spi(Office) public let store: any RecordStore
    /// The clock for timestamps.
    public let clock: any WallClock
    /// Password hashing for new and changed passwords.
    public let hasher: PasswordHasher

    /// The forms and workflows of the definitions folder, loaded before the office opens
    /// (`DefinitionSet(directory:store:)`); others read them through `definitions(by:)`.
    @_spi(Office) public let definitions: DefinitionSet
    /// Workflow and form versions read back from the store, by definition id.
    var storedWorkflows: [Int: StoredWorkflow] = [:]
    var storedForms: [Int: FormDefinition] = [:]
    /// Parsed submissions by id (they never change), so building a case document does not
    /// parse the same XML again; bounded.
    var parsedSubmissions: [Int: LotseXML.XMLElement] = [:]
    /// Parsed case history texts (`historyMap`), by text; bounded.
    var parsedHistories: [String: [String: String]] = [:]
    /// The consent status last computed: of this consent submission on this day (`consentStatus`).
    var lastConsent: (submission: Int?, day: String, status: ConsentStatus)?
    /// The last case document built, for the case and submissions it was built from: a case
    /// fired on several times in a row (batch work) does not rebuild it.
    var lastDocument: (caseID: Int, submissions: [Int], document: XPathTreeNode)?
    /// SHA-256 of the current forms' bytes, by form id.
    var formDigests: [String: String] = [:]
    /// `dueBasis()`, computed once: it depends only on the loaded definitions.
    var computedDueBasis: String?
    /// The clock and zone of `today()` in guards and forms.
    public var xpathClock: XPathClock
    /// Makes UUIDs for new submissions' instance ids (injected by tests).
    public var makeUUID: () -> String = { UUIDText.random() }
    /// Where `randomise setup` draws seeds: the operating system's CSPRNG. Only a synthetic
    /// region (`lotse demo`, reproducible from its own seed) replaces it, and says so in the
    /// audit row; the shell offers no way to choose a seed.
    public var randomisationSeeds: (source: String, draw: () -> String) = ("operating system CSPRNG", Randomiser.drawSeed)
    /// Called between reading a case and writing its change (tests use it to interleave writers).
    public var beforeWrite: (() -> Void)?
    /// The file holding the project's pseudonym key (mode 0600), kept outside the database so
    /// that a copy of the database re-identifies nobody. Default: the database path + `.key`;
    /// nil on PostgreSQL unless named (`--key-file`): what needs the key is refused then.
    public let keyFilePath: String?
    /// When failed logins lock an account.
    public var loginPolicy = LoginPolicy()
    /// Makes the project's pseudonym key on first use (injected by tests).
    public var makePseudonymKey: () -> [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
    /// Makes one-time passwords for accounts created without one (injected by tests).
    public var makeOneTimePassword: () -> String = { OneTimePassword.random() }
    /// A hash in the stored form that no password matches in practice, checked when the name
    /// is unknown or the account locked, so that every login attempt costs the same time.
    lazy var dummyHash: String = hasher.unmatchableHash()

    /// An office on `store`.
    /// - Parameter definitions: the loaded forms and workflows (`DefinitionSet(directory:store:)`).
    public init(store: any RecordStore, definitions: DefinitionSet, clock: any WallClock = SystemClock(),
                hasher: PasswordHasher = PasswordHasher(), xpathClock: XPathClock = .system, keyFile: String? = nil) {
        self.store = store
        self.definitions = definitions
        self.keyFilePath = keyFile ?? store.defaultKeyFile
        self.clock = clock
        self.hasher = hasher
        self.xpathClock = xpathClock
    }

    /// The current time in the stored form.
    public func timestamp() -> String { Timestamp.string(clock.now()) }

    /// A draft audit row for `actor` at the current time (for modules that add commands).
    public func draft(_ actor: Actor, _ action: String, caseID: Int? = nil, detail: JSONValue? = nil) -> AuditDraft {
        AuditDraft(at: timestamp(), actor: actor.name, role: actor.role.rawValue, action: action, caseID: caseID,
                   detail: detail?.text)
    }

    /// Checks that `actor` may do `permission`. A refusal is written to the audit log
    /// (action `denied`) and thrown as `CasesError.notAllowed`. Only office operations call it.
    @_spi(Office) public func authorize(_ permission: Permission, _ actor: Actor) throws {
        guard !permission.allows(actor.role) else { return }
        try store.transaction {
            try store.audit.record(draft(actor, "denied", detail: .object([
                ("command", .string(permission.rawValue)),
                ("needed", .array(permission.roles.map { .string($0.rawValue) })),
            ])))
        }
        throw CasesError.notAllowed(permission, role: actor.role, user: actor.name)
    }

    /// Checks that `actor` works at `site` (caseworker, medical and supervisor see and change
    /// only clients and cases of their own sites). A refusal is audited (`denied`, naming the
    /// site) and thrown as `CasesError.otherSite`.
    /// - Parameter what: what was asked for, for the message (`case 12`, `client 7`).
    @_spi(Office) public func authorize(site: String, _ actor: Actor, _ permission: Permission, what: String,
                          caseID: Int? = nil) throws {
        guard !actor.works(at: site) else { return }
        try storeWork {
            try store.transaction {
                try store.audit.record(draft(actor, "denied", caseID: caseID, detail: .object([
                    ("command", .string(permission.rawValue)), ("site", .string(site)), ("object", .string(what)),
                    ("sites", .array(actor.sites.map { .string($0) })),
                ])))
            }
        }
        throw CasesError.otherSite(what: what, site: site, user: actor.name, sites: actor.sites)
    }

    /// Whether `actor` sees the whole region: a role without sites (admin, evaluator), or a
    /// supervisor (caseworker, medical) of every site.
    public func isRegionWide(_ actor: Actor) throws -> Bool {
        guard actor.role.isSiteScoped else { return true }
        let all = try storeWork { try store.directory.sites().map(\.code) }
        return Set(all).isSubset(of: Set(actor.sites))
    }

    /// Checks that `actor` sees the whole region, for what holds every site's data (a backup).
    /// A refusal is audited (`denied`) and thrown as `CasesError.regionOnly`. Only office
    /// operations call it.
    @_spi(Office) public func authorizeRegion(_ actor: Actor, _ permission: Permission, what: String) throws {
        guard try !isRegionWide(actor) else { return }
        try storeWork {
            try store.transaction {
                try store.audit.record(draft(actor, "denied", detail: .object([
                    ("command", .string(permission.rawValue)), ("object", .string(what)),
                    ("sites", .array(actor.sites.map { .string($0) })),
                ])))
            }
        }
        throw CasesError.regionOnly(what: what, user: actor.name, sites: actor.sites)
    }

    /// Runs a store operation, wrapping store errors as `CasesError.store`.
    @discardableResult
    @_spi(Office) public func storeWork<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError { throw CasesError.store(error) }
    }

    /// Whether `text` can be a user name or site code.
    public static func isValidName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }
}

@available(*, unavailable)
extension Office: Sendable {}
