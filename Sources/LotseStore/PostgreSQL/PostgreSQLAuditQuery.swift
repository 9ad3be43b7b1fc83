/// One `audit` query on PostgreSQL, built with its own numbered parameters: the conditions of
/// `AuditLog.query`, one arm without an action filter or, with one, two arms merged by seq (as
/// on SQLite): the action itself and its dot-separated refinements (from `ACTION.` up to
/// `ACTION/`, in byte order), each read from the index on (action in byte order, seq),
/// migration 5.
///
/// The site condition of a site-scoped viewer comes in two forms with the same rows:
/// - `.collected`: inside each arm, `case_id IN (the cases of the sites)`; PostgreSQL collects
///   those case ids into a hash first (every case of the sites: about 25 ms at 60,000 cases),
///   then each row costs a lookup. The form for long scans.
/// - `.lookedUp`: outside the arms, over a window of at most `window` candidate rows (the rows
///   of the other conditions): each candidate's case is looked up by its key (case, then client:
///   two index probes), so a short window costs a few milliseconds and nothing up front. The
///   form for the first screen.
struct PostgreSQLAuditQuery {
    /// Where and how the site condition is evaluated.
    enum SiteCheck {
        case collected
        case lookedUp
    }

    private(set) var arguments: [SQLValue] = []
    /// Each arm's conditions (joined by AND).
    private var arms: [String] = []
    /// The site condition on the candidate window `w` (`.lookedUp` with sites only).
    private var windowCondition: String?

    init(_ filter: AuditFilter, siteCheck: SiteCheck) {
        var clauses: [String] = []
        if let caseID = filter.caseID { clauses.append("case_id = \(parameter(.int(caseID)))") }
        if let actor = filter.actor { clauses.append("actor = \(parameter(.text(actor)))") }
        if let since = filter.since { clauses.append("at >= \(parameter(.text(since))) COLLATE \"C\"") }
        if let until = filter.until { clauses.append("at < \(parameter(.text(until))) COLLATE \"C\"") }
        if let sites = filter.sites {
            switch siteCheck {
            case .collected: clauses.append(siteCondition(sites, caseID: "case_id", actor: "actor", lookedUp: false))
            case .lookedUp: windowCondition = siteCondition(sites, caseID: "w.case_id", actor: "w.actor", lookedUp: true)
            }
        }
        let rest = clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND ")
        arms = [rest]
        if let action = filter.action {
            let exact = parameter(.text(action)), from = parameter(.text(action + ".")), to = parameter(.text(action + "/"))
            arms = ["action COLLATE \"C\" = \(exact) AND \(rest)",
                    "action COLLATE \"C\" >= \(from) AND action COLLATE \"C\" < \(to) AND \(rest)"]
        }
    }

    /// A new parameter's placeholder (`$N`).
    mutating func parameter(_ value: SQLValue) -> String {
        arguments.append(value)
        return "$\(arguments.count)"
    }

    /// Changes the value of the parameter `placeholder` (`$N`) names.
    mutating func set(_ placeholder: String, _ value: SQLValue) {
        guard let number = Int(placeholder.dropFirst()), arguments.indices.contains(number - 1) else {
            preconditionFailure("no parameter \(placeholder)")
        }
        arguments[number - 1] = value
    }

    /// The rows of a site-scoped viewer, the same condition as on SQLite, an empty list included
    /// (`IN (NULL)`): those of the cases of `sites`, and those without a case of staff who work
    /// at some site and only at these. Looked up, a row's case gives its site by two probes (a
    /// case has one client, a client one site, so the rows are those of `case_id IN (...)`).
    private mutating func siteCondition(_ sites: [String], caseID: String, actor: String, lookedUp: Bool) -> String {
        func list() -> String { sites.isEmpty ? "NULL" : sites.map { parameter(.text($0)) }.joined(separator: ", ") }
        let inCases = list(), inUsers = list()
        let cases = lookedUp
            ? "(SELECT c.site_id FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.id = \(caseID)) "
                + "IN (SELECT s.id FROM sites s WHERE s.code IN (\(inCases)))"
            : "\(caseID) IN (SELECT k.id FROM cases k JOIN clients c ON c.id = k.client_id JOIN sites s ON s.id = c.site_id "
                + "WHERE s.code IN (\(inCases)))"
        return """
            (\(cases) OR (\(caseID) IS NULL AND \(actor) IN (SELECT u.name FROM users u \
            WHERE EXISTS (SELECT 1 FROM user_sites us WHERE us.user_id = u.id) AND NOT EXISTS (SELECT 1 FROM user_sites us \
            JOIN sites s ON s.id = us.site_id WHERE us.user_id = u.id AND s.code NOT IN (\(inUsers))))))
            """
    }

    /// The arms' rows in seq order (each arm limited and ordered by seq, then merged).
    /// - Parameters:
    ///   - extra: more conditions for every arm (` AND ...`).
    ///   - order: `""` (oldest first) or `"DESC"`.
    ///   - limit: a placeholder or a number.
    func merged(_ columns: String, _ extra: String = "", order: String, limit: String) -> String {
        let selects = arms.map { "(SELECT \(columns) FROM audit WHERE \($0)\(extra) ORDER BY seq \(order) LIMIT \(limit))" }
        return selects.count == 1 ? selects[0] : selects.joined(separator: " UNION ALL ") + " ORDER BY seq \(order) LIMIT \(limit)"
    }

    /// `.lookedUp`: the rows among the window of the first (or, `DESC`, last) `window`
    /// candidates that pass the site condition, in `order`, at most `limit` of them. The window
    /// keeps its order, so PostgreSQL looks cases up only until `limit` rows passed.
    func lookedUp(_ extra: String = "", order: String, window: String, limit: String) -> String {
        "SELECT * FROM (\(merged(AuditLog.columns, extra, order: order, limit: window))) AS w "
            + "WHERE \(windowCondition ?? "TRUE") ORDER BY seq \(order) LIMIT \(limit)"
    }

    /// The candidates of `filter`'s window: its conditions without the site condition (whose
    /// parameters a query of the window alone would leave without a type).
    static func candidates(_ filter: AuditFilter) -> PostgreSQLAuditQuery {
        var candidates = filter
        candidates.sites = nil
        return PostgreSQLAuditQuery(candidates, siteCheck: .lookedUp)
    }

    /// The window's number of candidates and its last seq in `order` (nil when it is empty).
    func windowExtent(_ extra: String = "", order: String, window: String) -> String {
        "SELECT COUNT(*), \(order == "DESC" ? "MIN" : "MAX")(seq) FROM (\(merged("seq", extra, order: order, limit: window))) AS w"
    }
}
