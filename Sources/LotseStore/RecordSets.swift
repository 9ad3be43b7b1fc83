/// The record sets of a Lotse store as any backend offers them: typed rows in, typed rows
/// out, no SQL above this module. `Store` (SQLite) conforms; a PostgreSQL store is to conform the
/// same way. Requirements carry no default arguments: the concrete types keep theirs.

/// Definitions, clients, cases, transitions and submissions.
public protocol CaseRecordSet {
    /// The stored definition with this content hash, or a new row for it.
    func definition(kind: String, name: String, version: String, sha256: String, content: [UInt8], at: String) throws -> DefinitionRecord
    /// The hash of a stored definition with this name and version, other than `sha256`, if any:
    /// the same version with different content.
    func otherContent(kind: String, name: String, version: String, than sha256: String) throws -> String?
    /// A stored definition by id.
    func definition(id: Int) throws -> DefinitionRecord?
    /// Every stored definition of a kind with the number of cases (workflows) or submissions
    /// (forms) that use it.
    func definitions(kind: String) throws -> [(DefinitionRecord, uses: Int)]
    /// Inserts a client. - Returns: its id.
    func insertClient(siteID: Int, sex: String, birthYear: Int, applicantType: String, firstName: String?, lastName: String?, eligible: Bool, at: String, by: String) throws -> Int
    /// The client with this id.
    func client(id: Int) throws -> ClientRecord?
    /// Clients of these sites (nil: every site), by id, read on demand as `casesWithDue` is
    /// (`client list`).
    func clientCursor(sites: [String]?) throws -> RecordCursor<ClientRecord>
    /// The client's open case, if any (a client has at most one).
    func openCase(clientID: Int) throws -> Int?
    /// The number of cases a client has had (open or closed).
    func caseCount(clientID: Int) throws -> Int
    /// Marks a client eligible for the model project. - Returns: false when already eligible.
    func markEligible(clientID: Int) throws -> Bool
    /// Inserts a case in its initial state. - Returns: its id.
    func insertCase(clientID: Int, workflowID: Int, state: String, history: String, at: String, by userID: Int, assignedTo: Int?) throws -> Int
    /// The case with this id.
    func `case`(id: Int) throws -> CaseRecord?
    /// A case and its client in one query (what firing an event reads first).
    func caseAndClient(id: Int) throws -> (CaseRecord, ClientRecord)?
    /// A case, its client and its current submissions (what firing an event or submitting a
    /// form reads first; PostgreSQL reads them in one round trip).
    func caseSnapshot(id: Int) throws -> (CaseRecord, ClientRecord, [SubmissionRecord])?
    /// Cases matching the filter, by id.
    func cases(state: String?, site: String?, assignedTo: Int?, clientID: Int?, openOnly: Bool) throws -> [CaseRecord]
    /// Moves a case, if it is still at `expectedVersion`.
    /// - Returns: false when another writer changed the case meanwhile (nothing was written).
    func moveCase(id: Int, expectedVersion: Int, state: String, history: String, closed: Bool, at: String, by userID: Int) throws -> Bool
    /// Assigns a case, if it is still at `expectedVersion`. - Returns: false when it changed meanwhile.
    func assignCase(id: Int, expectedVersion: Int, to userID: Int?) throws -> Bool
    /// Marks a case changed (a submission was added), if it is still at `expectedVersion`.
    func touchCase(id: Int, expectedVersion: Int) throws -> Bool
    func insertTransition(caseID: Int, event: String, from: String?, to: String, userID: Int, at: String, note: String?, log: String?) throws -> Int
    /// A case's transitions, oldest first.
    func transitions(caseID: Int) throws -> [TransitionRecord]
    /// Stores a submission. - Returns: its id.
    func insertSubmission(caseID: Int, form: String, definitionID: Int, entry: Int, supersedes: Int?, instance: String, userID: Int, at: String) throws -> Int
    /// Stores the coded values the evaluation reads of a submission just stored (`SubmissionValues`),
    /// in its transaction.
    func insertSubmissionValues(submissionID: Int, caseID: Int, form: String, entry: Int, at: String, values: [String: String]) throws
    /// The current submissions of a case (one per form and entry), by form and entry.
    func currentSubmissions(caseID: Int) throws -> [SubmissionRecord]
    /// Every submission of one form on a case, oldest first.
    func submissions(caseID: Int, form: String) throws -> [SubmissionRecord]
    /// Every submission of a case, superseded ones included, oldest first: form, author, time.
    func submissionLog(caseID: Int) throws -> [(form: String, userID: Int, at: String)]
    /// The highest entry number of a form on a case (0 when none).
    func lastEntry(caseID: Int, form: String) throws -> Int
    /// Stores a case's due dates, or removes them (`nil`: the case is closed). Called by the
    /// office in the transaction of every change that moves them.
    func setDue(caseID: Int, _ due: CaseDue?) throws
    /// The cases matching `filter`, by id, each with its stored due dates (nil for a closed case),
    /// answered from indexes (`case list`, `client show`) and read on demand: the first rows come
    /// before the last are read, and dropping the cursor ends the query (SQLite: the statement is
    /// finalised; PostgreSQL: keyset pages, so nothing stays open between pages).
    func casesWithDue(_ filter: CaseFilter) throws -> RecordCursor<CaseWithDue>
    /// The ids of every open case, in order.
    func openCaseIDs() throws -> [Int]
    /// The largest case id and client id (0 when none): a streamed table's id columns are made
    /// this wide before its rows are read.
    func largestIDs() throws -> (caseID: Int, clientID: Int)
    /// Removes every stored due date (before they are computed anew).
    func clearDue() throws
    /// What the stored due dates were computed under (nil: never).
    func dueBasis() throws -> String?
    /// Records what the stored due dates were computed under.
    func setDueBasis(_ basis: String) throws
}

extension CaseStore: CaseRecordSet {}

/// Users, their sites, and sites.
public protocol DirectoryRecordSet {
    /// The number of user accounts (zero on a new database).
    func userCount() throws -> Int
    /// The user with this name, if any.
    func user(named name: String) throws -> UserRecord?
    /// All users, ordered by name.
    func users() throws -> [UserRecord]
    /// Inserts a user belonging to the given sites (which must exist).
    /// - Returns: the new user's id.
    func insertUser(name: String, role: String, siteIDs: [Int], passwordHash: String, at: String) throws -> Int
    /// Adds a user to sites and removes them from others (either may be empty).
    func setSites(userID: Int, add: [Int], remove: [Int]) throws
    /// Marks a user disabled (or enabled again).
    func setDisabled(userID: Int, _ disabled: Bool) throws
    /// Replaces a user's password hash.
    func setPasswordHash(userID: Int, _ hash: String) throws
    /// Whether the user's password is a one-time password that must be changed before anything else.
    func mustChangePassword(userID: Int) throws -> Bool
    /// Marks the user's password as one-time (or not).
    func setMustChangePassword(userID: Int, _ value: Bool) throws
    /// The site with this code, if any.
    func site(code: String) throws -> SiteRecord?
    /// All sites, ordered by code.
    func sites() throws -> [SiteRecord]
    /// Inserts a site. - Returns: its id.
    func insertSite(code: String, name: String, at: String) throws -> Int
}

extension DirectoryRecords: DirectoryRecordSet {}

/// The hash-chained, append-only audit log.
public protocol AuditRecordSet {
    /// Appends a row inside the caller's transaction at once. - Returns: it, chained.
    func append(_ draft: AuditDraft) throws -> AuditEntry
    /// Records a row of the caller's transaction, with the covered rows written since the
    /// previous one; it is in the log when the transaction commits (SQLite appends it at once;
    /// PostgreSQL chains it at commit, holding the append lock only from there on). Reads of
    /// the log in the same transaction see it.
    func record(_ draft: AuditDraft) throws
    /// The last row's sequence number and hash, or nil for an empty log.
    func head() throws -> (seq: Int, hash: String)?
    /// The hash of row `seq`, or nil when there is no such row.
    func hash(at seq: Int) throws -> String?
    /// Every action that occurs in the log, in order (from its index; for "did you mean").
    func actions() throws -> [String]
    /// Every actor name that occurs in the log, in order (from its index).
    func actors() throws -> [String]
    /// The number of rows.
    func count() throws -> Int
    /// Streams the rows that match `filter`, oldest first.
    func query(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws
    /// Recomputes the whole chain, streaming, and stops at the first row that does not match;
    /// then, when the chain is intact, checks every covered data row against the last hash an
    /// audit row recorded for it.
    /// - Parameters:
    ///   - expectedHead: a `seq` and `hash` written down earlier: the log must still hold that row.
    ///   - progress: called after each row checked with the number checked so far; what it throws
    ///     (Ctrl-C) stops the check and is rethrown (`WorkProgress`).
    func verify(expectedHead: (seq: Int, hash: String)?, progress: WorkProgress?) throws -> AuditVerification
}

extension CaseRecordSet {
    public func caseSnapshot(id: Int) throws -> (CaseRecord, ClientRecord, [SubmissionRecord])? {
        guard let (record, client) = try caseAndClient(id: id) else { return nil }
        return (record, client, try currentSubmissions(caseID: id))
    }
}

extension AuditLog: AuditRecordSet {
    public func record(_ draft: AuditDraft) throws { _ = try append(draft) }
}

/// The randomisation pool, setups, runs, assignments and closures; project secrets.
public protocol RandomisationRecordSet {
    /// Eligible clients of a site without an assignment and without any case, by id, with their codes.
    func unassignedPool(siteID: Int) throws -> [(id: Int, sex: String, birthYear: Int, applicantType: String)]
    /// A client's assigned group, if randomised.
    func assignments(client: Int) throws -> CaseGroup?
    /// Records a site's setup. - Returns: its id.
    func insertSetup(siteID: Int, algorithm: String, ratio: String, strata: String, blocks: String, legalBasis: String?, seed: String, commitment: String, userID: Int, at: String) throws -> Int
    /// The setup of a site, if it has one.
    func setup(site: String) throws -> RandomisationSetup?
    /// Sites whose setup records an approval under § 75 SGB X.
    func sitesWithApproval() throws -> Set<String>
    /// Closes a site's recruitment.
    func close(setupID: Int, userID: Int, at: String) throws
    /// Marks a closed setup's seed revealed. - Returns: false when it already was.
    func markRevealed(setupID: Int, at: String) throws -> Bool
    /// The number of slots already taken in each stratum of a setup.
    func usedSlots(setupID: Int) throws -> [String: Int]
    /// Records a run. - Returns: its id.
    func insertRun(siteID: Int, setupID: Int, commitment: String, algorithm: String, ratio: String, strata: String, block: Int, participants: Int, comparison: Int, userID: Int, at: String) throws -> Int
    /// Records an assignment (of a sealed setup when `setupID` is given).
    func insertAssignment(_ a: Assignment, setupID: Int?) throws
    /// Every assignment, optionally of one site, by client id, with the client's codes and the
    /// year of its randomisation run (age classes are as of that year).
    func assignments(site: String?) throws -> [(assignment: Assignment, sex: String, birthYear: Int, applicantType: String, site: String, runYear: Int)]
    /// A project secret (the pseudonym key), created with `make` on first use.
    func secret(named name: String, at: String, make: () -> [UInt8]) throws -> [UInt8]
    /// A stored secret, if any (a key from before keys moved to their own file).
    func storedSecret(named name: String) throws -> [UInt8]?
    /// Removes a stored secret once it lives elsewhere.
    func removeSecret(named name: String) throws
}

extension RandomisationStore: RandomisationRecordSet {}
/// A Lotse store as the domain sees it, whatever the backend: its record sets, transactions
/// that every change joins, and safe output files. Only `LotseStore` knows the backend's
/// types (SQLite's `Database`, `Row`; PostgreSQL's connection).
public protocol RecordStore: AnyObject {
    associatedtype Audit: AuditRecordSet
    associatedtype Directory: DirectoryRecordSet
    associatedtype Cases: CaseRecordSet
    associatedtype Randomisation: RandomisationRecordSet
    associatedtype Evaluation: EvaluationRecords
    /// The audit log.
    var audit: Audit { get }
    /// Users and sites.
    var directory: Directory { get }
    /// Definitions, clients, cases, transitions, submissions.
    var cases: Cases { get }
    /// The randomisation pool, runs and assignments; project secrets.
    var randomisation: Randomisation { get }
    /// The evaluation's ordered scans and the caseload.
    var evaluation: Evaluation { get }
    /// Where the store lives (a file path; a redacted URI for a server), beside which the
    /// pseudonym key file lies unless another is named.
    var path: String { get }
    /// The pseudonym key file when none is named: the database path + `.key` beside a file;
    /// nil for a server (PostgreSQL), where the key file must be named.
    var defaultKeyFile: String? { get }
    /// Whether a transaction is open (`begin()`, or inside `transaction`).
    var inTransaction: Bool { get }
    /// Runs `body` as one transaction; nested calls join the outer one.
    @discardableResult
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Opens a transaction that every change joins until `commit()` or `rollback()`.
    func begin() throws(StoreError)
    /// Commits what `begin()` opened.
    func commit() throws(StoreError)
    /// Undoes everything since `begin()`.
    func rollback() throws(StoreError)
    /// A safe output file (see `OutputFile`) that never overwrites the store's own files or `extra`.
    func output(_ target: OutputTarget, alsoProtecting extra: [String]) throws(OutputError) -> OutputFile
    /// Writes a consistent snapshot of the whole store to a new SQLite file at `path`.
    func backup(into path: String) throws(StoreError)
    /// Closes the connection.
    func close()
}

extension Store: RecordStore {}

extension CaseRecordSet {
    /// Clients, optionally of one site, by id, read whole.
    public func clients(site: String?) throws -> [ClientRecord] {
        try clientCursor(sites: site.map { [$0] }).collect()
    }
}
