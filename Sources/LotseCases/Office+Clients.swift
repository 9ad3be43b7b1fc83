public import LotseStore

/// Sex as recorded (`m w d`), applicant types (Profillagen, DOMAIN §4), age classes.
public enum ClientCodes {
    public static let sexes = Sex.allCases.map(\.rawValue)
    public static let applicantTypes = ApplicantType.allCases.map(\.rawValue)

    /// The age class of DOMAIN §9.3 (`lt25 25to49 50plus`) in `year`.
    public static func ageClass(birthYear: Int, in year: Int) -> String {
        let age = year - birthYear
        return age < 25 ? "lt25" : age < 50 ? "25to49" : "50plus"
    }
}

/// Clients: the people cases are about.
extension Office {
    /// Registers a client (caseworker, supervisor). Names are optional; the medical and
    /// evaluation roles never see them.
    /// - Returns: the new client's id.
    @discardableResult
    /// - Parameter eligible: registered as eligible for the model project (joins the randomisation pool).
    public func addClient(by actor: Actor, site: String, sex: String, birthYear: Int, applicantType: String,
                          firstName: String?, lastName: String?, eligible: Bool = false) throws -> Int {
        try authorize(.addClient, actor)
        guard ClientCodes.sexes.contains(sex) else { throw CasesError.invalidValue("sex", sex, expected: .oneOf(ClientCodes.sexes)) }
        guard ClientCodes.applicantTypes.contains(applicantType) else {
            throw CasesError.invalidValue("applicant type", applicantType, expected: .oneOf(ClientCodes.applicantTypes))
        }
        let year = currentYear()
        guard (year - 100)...(year - 14) ~= birthYear else {
            throw CasesError.invalidValue("birth year", String(birthYear), expected: .yearRange(year - 100, year - 14))
        }
        guard try storeWork({ try store.directory.site(code: site) }) != nil else { throw CasesError.unknownSite(site) }
        try authorize(site: site, actor, .addClient, what: "a new client")
        return try storeWork {
            try store.transaction {
                guard let siteRecord = try store.directory.site(code: site) else { throw CasesError.unknownSite(site) }
                let at = timestamp()
                let id = try store.cases.insertClient(siteID: siteRecord.id, sex: sex, birthYear: birthYear,
                                                      applicantType: applicantType, firstName: firstName,
                                                      lastName: lastName, eligible: eligible, at: at, by: actor.name)
                // The audit row names no personal data: the client's id and codes only.
                try store.audit.record(draft(actor, "client.add", detail: .object([
                    ("client", .int(id)), ("site", .string(site)), ("sex", .string(sex)),
                    ("age_class", .string(ClientCodes.ageClass(birthYear: birthYear, in: year))),
                    ("applicant_type", .string(applicantType)), ("eligible", .bool(eligible)),
                ])))
                return id
            }
        }
    }

    /// Registers a client as eligible for the model project: from now on part of the site's
    /// randomisation pool (caseworker, supervisor).
    public func markEligible(by actor: Actor, clientID: Int) throws {
        try authorize(.addClient, actor)
        guard let client = try storeWork({ try store.cases.client(id: clientID) }) else {
            throw CasesError.unknownClient(clientID)
        }
        try authorize(site: client.site, actor, .addClient, what: "client \(clientID)")
        try storeWork {
            try store.transaction {
                guard try store.cases.client(id: clientID) != nil else { throw CasesError.unknownClient(clientID) }
                // A client with a case would get a second one from `randomise`, in either group.
                let count = try store.cases.caseCount(clientID: clientID)
                if count > 0 { throw CasesError.clientHasCases(clientID, count) }
                guard try store.cases.markEligible(clientID: clientID) else { return }
                try store.audit.record(draft(actor, "client.eligible", detail: .object([("client", .int(clientID))])))
            }
        }
    }

    /// Clients as the actor may see them: of the actor's sites only, names removed for roles
    /// that may not see them. Read whole: `listClients` streams the same rows.
    public func clients(by actor: Actor, site: String?) throws -> [ClientRecord] {
        var clients: [ClientRecord] = []
        try listClients(by: actor, site: site) { clients.append($0) }
        return clients
    }

    /// The clients of `clients(by:site:)` handed to `body` one at a time as the store reads
    /// them, after the same checks (refused before the first row); the site scoping is in the
    /// query and checked again row by row. What `body` throws stops the query and is rethrown.
    public func listClients(by actor: Actor, site: String?, _ body: (ClientRecord) throws -> Void) throws {
        try authorize(.viewClients, actor)
        if let site { try authorize(site: site, actor, .viewClients, what: "the client list") }
        let sites = site.map { [$0] } ?? (actor.role.isSiteScoped ? actor.sites : nil)
        let clients = try storeWork { try store.cases.clientCursor(sites: sites) }
        while let client = try storeWork({ try clients.next() }) {
            guard actor.works(at: client.site) else { continue }
            try body(redacted(client, for: actor))
        }
    }

    /// The largest case id, client id and audit row number, for the widths of a listing's
    /// number columns (0 for what the actor's role may not list).
    public func largestIDs(by actor: Actor) throws -> (caseID: Int, clientID: Int, auditSeq: Int) {
        let lists = [Permission.viewCases, .viewClients, .queryAudit].contains { $0.allows(actor.role) }
        guard lists else { return (0, 0, 0) }
        let ids = try storeWork { try store.cases.largestIDs() }
        let seq = Permission.queryAudit.allows(actor.role) ? try storeWork { try store.audit.head()?.seq ?? 0 } : 0
        return (ids.caseID, ids.clientID, seq)
    }

    /// Whether the actor sees clients' names (caseworker, supervisor).
    public func seesClientNames(_ actor: Actor) -> Bool { Permission.viewClientNames.allows(actor.role) }

    /// One client, as the actor may see them.
    public func client(by actor: Actor, id: Int) throws -> ClientRecord {
        try authorize(.viewClients, actor)
        guard let client = try storeWork({ try store.cases.client(id: id) }) else { throw CasesError.unknownClient(id) }
        try authorize(site: client.site, actor, .viewClients, what: "client \(id)")
        return redacted(client, for: actor)
    }

    /// The client without names unless the role may see them (caseworker, supervisor).
    func redacted(_ client: ClientRecord, for actor: Actor) -> ClientRecord {
        guard !Permission.viewClientNames.allows(actor.role) else { return client }
        var copy = client
        copy.firstName = nil
        copy.lastName = nil
        return copy
    }

    /// The current calendar year (UTC).
    func currentYear() -> Int { Int(timestamp().prefix(4)) ?? 2026 }
}
