/// Definitions, clients, cases, transitions and submissions on PostgreSQL (the SQL of `CaseStore` in PostgreSQL's dialect).
public struct PostgreSQLCaseRecords: CaseRecordSet {
    let connection: PostgreSQLConnection

    /// The record set on `connection`.
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    public func definition(kind: String, name: String, version: String, sha256: String, content: [UInt8], at: String) throws -> DefinitionRecord {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func otherContent(kind: String, name: String, version: String, than sha256: String) throws -> String? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func definition(id: Int) throws -> DefinitionRecord? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func definitions(kind: String) throws -> [(DefinitionRecord, uses: Int)] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertClient(siteID: Int, sex: String, birthYear: Int, applicantType: String, firstName: String?, lastName: String?, eligible: Bool, at: String, by: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func client(id: Int) throws -> ClientRecord? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func clients(site: String?) throws -> [ClientRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func openCase(clientID: Int) throws -> Int? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func caseCount(clientID: Int) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func markEligible(clientID: Int) throws -> Bool {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertCase(clientID: Int, workflowID: Int, state: String, history: String, at: String, by userID: Int, assignedTo: Int?) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func `case`(id: Int) throws -> CaseRecord? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func caseAndClient(id: Int) throws -> (CaseRecord, ClientRecord)? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func cases(state: String?, site: String?, assignedTo: Int?, clientID: Int?, openOnly: Bool) throws -> [CaseRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func moveCase(id: Int, expectedVersion: Int, state: String, history: String, closed: Bool, at: String, by userID: Int) throws -> Bool {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func assignCase(id: Int, expectedVersion: Int, to userID: Int?) throws -> Bool {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func touchCase(id: Int, expectedVersion: Int) throws -> Bool {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertTransition(caseID: Int, event: String, from: String?, to: String, userID: Int, at: String, note: String?, log: String?) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func transitions(caseID: Int) throws -> [TransitionRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func insertSubmission(caseID: Int, form: String, definitionID: Int, entry: Int, supersedes: Int?, instance: String, userID: Int, at: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func currentSubmissions(caseID: Int) throws -> [SubmissionRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func submissions(caseID: Int, form: String) throws -> [SubmissionRecord] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func submissionLog(caseID: Int) throws -> [(form: String, userID: Int, at: String)] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func lastEntry(caseID: Int, form: String) throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }
}
