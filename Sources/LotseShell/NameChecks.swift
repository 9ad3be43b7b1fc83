import LotseCases

/// Typos are errors: a filter value that names something (a state, site, user, action,
/// workflow) must name something that exists, else the command is refused with the closest
/// name, instead of answering `(no rows)`.
extension Shell {
    /// The value of `--option`, checked against `known` names. A value among the `likely` names
    /// (cheap to list) is taken without listing `known` (which may take a pass over an index of the
    /// audit log: the distinct actions or actors of 1.7 million rows are tens of milliseconds).
    func checkedName(_ inv: Invocation, _ option: String, kind: NameKind, likely: () throws -> [String] = { [] },
                     known: () throws -> [String]) throws -> String? {
        guard let value = inv.option(option) else { return nil }
        if try likely().contains(value) { return value }
        return try checkedName(value, kind: kind, known: try known())
    }

    /// `value` if it is one of `known`, else `ShellError.unknownName` with the closest one.
    func checkedName(_ value: String, kind: NameKind, known: [String]) throws -> String {
        if known.contains(value) { return value }
        let names = Array(Set(known)).sorted()
        throw ShellError.unknownName(value, kind: kind, suggestion: Self.closest(to: value, in: names),
                                     known: names.count <= 8 ? names : [])
    }

    /// Every state of every workflow of the definitions folder.
    var knownStates: [String] {
        (try? office.knownNames(.states)) ?? []
    }

    /// The site codes.
    func knownSites() throws -> [String] {
        try office.knownNames(.sites)
    }

    /// The actions Lotse writes (an action also counts once it occurs in the log).
    static let auditActions = [
        "case.assign", "case.open", "case.reopen", "client.add", "client.eligible", "denied", "export.audit",
        "export.cases", "export.codebook", "form.view", "form.view.medical", "init", "login", "login.failed",
        "logout", "observe.import", "project.key", "randomise", "randomise.assignments", "randomise.close",
        "randomise.reveal", "randomise.setup", "site.add", "submission", "transition", "transition.refused",
        "user.add", "user.disable", "user.enable", "user.passwd",
    ]

    /// An audit action filter matches an action or a prefix at a dot boundary (`login` → `login.failed`).
    func knownActions() throws -> [String] {
        Self.withPrefixes(Self.auditActions + (try office.knownNames(.auditActions)))
    }

    /// The actions Lotse writes and their prefixes, without reading the log.
    static let writtenActions = withPrefixes(auditActions)

    /// `actions` and each of their prefixes at a dot boundary.
    static func withPrefixes(_ actions: [String]) -> [String] {
        var result = Set(actions)
        for action in actions {
            let parts = action.split(separator: ".")
            for n in 1..<max(1, parts.count) { result.insert(parts.prefix(n).joined(separator: ".")) }
        }
        return Array(result)
    }

    /// The user names: the accounts, and any name that acted in the audit log (a failed login of an unknown name).
    func knownActors() throws -> [String] {
        try office.knownNames(.actors)
    }

    /// The account names (a name that only acted in the log needs `knownActors`).
    func knownAccounts() throws -> [String] {
        try office.knownNames(.accounts)
    }
}
