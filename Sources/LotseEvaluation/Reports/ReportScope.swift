@_spi(Office) public import LotseCases
public import LotseStore

/// What one report may read: made only by `Office.reportScope(by:site:asOf:)` after the
/// permission check (evaluator, supervisor; a named site must be one of the actor's), and
/// required by every office operation that feeds a report, so that no report reads
/// unchecked.
public struct ReportScope: Sendable {
    /// Who asked for the report.
    public let actor: Actor
    /// The one site reported on, or nil for every site the actor may see.
    public let site: String?
    /// The stored form of the last millisecond counted.
    public let bound: String
    /// No pseudonyms; the legal bases as of `bound`.
    public let context: ExportContext
    /// The reference date (a completed month end) whose end `bound` is.
    public let reference: ReferenceDate

    fileprivate init(actor: Actor, site: String?, bound: String, context: ExportContext, reference: ReferenceDate) {
        self.actor = actor
        self.site = site
        self.bound = bound
        self.context = context
        self.reference = reference
    }
}

extension Office {
    /// Checks that `actor` may see a report (of `site`, when given) and fixes its bound: the end
    /// of its reference date, the latest completed month end on or before `asOf` (`YYYY-MM-DD`,
    /// default today; see ``ReferenceDate``). A refusal is audited.
    public func reportScope(by actor: Actor, site: String?, asOf: String?) throws -> ReportScope {
        try authorize(.reports, actor)
        if let site { try authorize(site: site, actor, .reports, what: "the report of site \(site)") }
        _ = try Self.endOfDay(asOf)
        let reference = ReferenceDate(requested: asOf, today: String(timestamp().prefix(10)))
        let bound = try Self.endOfDay(reference.day)!
        return ReportScope(actor: actor, site: site, bound: bound, context: try reportContext(bound: bound), reference: reference)
    }

    /// The scopes of the reports a reader of `scope`'s report can also hold: the same report as
    /// of every earlier month end since the month of `first` (the first case's start). Empty
    /// without `first`, or when `protect` is false (only to show what the protection does).
    func earlierScopes(of scope: ReportScope, since first: String?, protect: Bool = true) throws -> [ReportScope] {
        guard protect, let first else { return [] }
        return try scope.reference.earlier(since: first).map { try reportScope(by: scope.actor, site: scope.site, asOf: $0) }
    }

    /// The forms and workflows the report's variables come from.
    public func definitions(for scope: ReportScope) -> DefinitionSet { definitions }

    /// Streams the facts of the cases in `scope`: of its site, or of every site its actor sees.
    public func facts(in scope: ReportScope, _ body: (CaseFacts) throws -> Void) throws {
        try facts(site: scope.site, asOf: scope.bound) { facts in
            guard scope.actor.works(at: facts.site) else { return }
            try body(facts)
        }
    }

    /// Streams the facts of the cases of every site the scope's actor sees, also when the scope
    /// is one site's: the disclosure control suppresses the per-site and pooled tables together.
    public func facts(acrossSitesOf scope: ReportScope, _ body: (CaseFacts) throws -> Void) throws {
        try facts(site: nil, asOf: scope.bound) { facts in
            guard scope.actor.works(at: facts.site) else { return }
            try body(facts)
        }
    }

    /// The eligible clients registered by each scope's bound, by site, of every site the scopes'
    /// actor sees (one actor for all), from one reading of the clients.
    public func eligibleClientsBySite(acrossSitesOf scopes: [ReportScope]) throws -> [[String: Int]] {
        var counts = [[String: Int]](repeating: [:], count: scopes.count)
        for client in try storeWork({ try store.cases.clients(site: nil) }) where client.eligible {
            for (index, scope) in scopes.enumerated() where client.createdAt <= scope.bound && scope.actor.works(at: client.site) {
                counts[index][client.site, default: 0] += 1
            }
        }
        return counts
    }

    /// The eligible clients registered by the bound, in `scope`.
    public func eligibleClientCount(in scope: ReportScope) throws -> Int {
        try storeWork { try store.cases.clients(site: scope.site) }
            .filter { $0.eligible && $0.createdAt <= scope.bound && scope.actor.works(at: $0.site) }.count
    }

    /// Open cases per assigned caseworker or supervisor with the user's site, in `scope`.
    public func caseload(in scope: ReportScope) throws -> [CaseloadRow] {
        try storeWork { try store.evaluation.caseload() }
            .filter { row in
                (scope.site == nil || row.site == scope.site)
                    && (row.site.map(scope.actor.works(at:)) ?? !scope.actor.role.isSiteScoped)
            }
    }
}
