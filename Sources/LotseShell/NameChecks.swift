import LotseCases

/// Typos are errors: a filter value that names something (a state, site, user, action,
/// workflow) must name something that exists, else the command is refused with the closest
/// name, instead of answering `(no rows)`.
extension Shell {
    /// The value of `--option`, checked against `known` names.
    func checkedName(_ inv: Invocation, _ option: String, kind: String, known: () throws -> [String]) throws -> String? {
        guard let value = inv.option(option) else { return nil }
        return try checkedName(value, kind: kind, known: try known())
    }

    /// `value` if it is one of `known`, else `ShellError.unknownName` with the closest one.
    func checkedName(_ value: String, kind: String, known: [String]) throws -> String {
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
        var actions = Self.auditActions
        actions += try office.knownNames(.auditActions)
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
}
