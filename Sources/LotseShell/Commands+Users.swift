import Foundation
import LotseCases

extension Shell {
    static func userCommands() -> [Command] {
        [
            Command(path: ["user", "add"], arguments: ["NAME"], options: [
                        OptionSpec("role", value: "ROLE", "caseworker, medical, supervisor, evaluator or admin (required)"),
                        OptionSpec("site", value: "S[,S2]", "the codes of the user's sites (caseworker, medical, "
                                   + "supervisor: at least one; a supervisor of every site is the region's)"),
                        .passwordFile],
                    summary: "add a user account with a role",
                    details: "The initial password is asked twice without echo on a terminal; in a script it comes "
                        + "from --password-file FILE, or else Lotse makes a one-time password, prints it once, and the "
                        + "new user must change it at the first login. At least \(PasswordHasher.minimumLength) "
                        + "characters, not containing the user name. Roles: "
                        + Role.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ") + ".",
                    group: .users, permission: .addUser, needsLogin: true, secretArguments: true,
                    run: { shell, inv in
                        let name = inv.arguments[0]
                        guard let roleText = inv.option("role") else {
                            throw ShellError.missingArgument("--role ROLE", usage: inv.command.usage)
                        }
                        guard let role = Role(rawValue: roleText) else { throw CasesError.unknownRole(roleText) }
                        let actor = try shell.currentActor
                        // Check everything but the password first, so no one types a password in vain.
                        let sites = Self.siteList(inv.option("site"))
                        try shell.office.checkNewUser(by: actor, name: name, sites: sites)
                        try Office.checkSites(sites, for: role)
                        let given = try shell.passwords.new(inv, for: name, environment: false)
                        let password = given ?? shell.office.oneTimePassword(for: name)
                        try shell.office.addUser(by: actor, name: name, role: role, sites: sites,
                                                 password: password, oneTime: given == nil)
                        shell.say("added user \(name) (\(role.rawValue))" + Self.atSites(sites))
                        if given == nil { shell.sayOneTimePassword(password, for: name) }
                    }),
            Command(path: ["user", "list"], arguments: [], options: [.format],
                    summary: "list the user accounts", details: "", group: .users, permission: .listUsers,
                    needsLogin: true,
                    run: { shell, inv in
                        let users = try shell.office.users(by: try shell.currentActor)
                        try shell.show(Listing(columns: ["name", "role", "sites", "status", "created"], rows: users.map {
                            [.text($0.name), .text($0.role), .text($0.sites.isEmpty ? nil : $0.sites.joined(separator: ",")),
                             .text($0.disabled ? "disabled" : "active"),
                             .text($0.createdAt)]
                        }), inv)
                    }),
            Command(path: ["user", "sites"], arguments: ["NAME"], options: [
                        OptionSpec("add", value: "S[,S2]", "add the user to these sites"),
                        OptionSpec("remove", value: "S[,S2]", "remove the user from these sites")],
                    summary: "add a user to sites or remove them from sites",
                    details: "A caseworker, medical or supervisor account keeps at least one site; it sees and changes "
                        + "only clients and cases of its sites. Takes effect at the user's next command.",
                    group: .users, permission: .addUser, needsLogin: true,
                    run: { shell, inv in
                        let add = Self.siteList(inv.option("add")), remove = Self.siteList(inv.option("remove"))
                        guard !add.isEmpty || !remove.isEmpty else {
                            throw ShellError.missingArgument("--add S or --remove S", usage: inv.command.usage)
                        }
                        let sites = try shell.office.setSites(by: try shell.currentActor, name: inv.arguments[0],
                                                              add: add, remove: remove)
                        shell.say("user \(inv.arguments[0]) now works" + Self.atSites(sites))
                    }),
            Command(path: ["user", "disable"], arguments: ["NAME"], options: [],
                    summary: "disable an account (it can no longer log in; its history stays)",
                    details: "", group: .users, permission: .disableUser, needsLogin: true,
                    run: { shell, inv in
                        try shell.office.setDisabled(by: try shell.currentActor, name: inv.arguments[0], true)
                        shell.say("disabled user \(inv.arguments[0])")
                    }),
            Command(path: ["user", "enable"], arguments: ["NAME"], options: [],
                    summary: "enable a disabled account again",
                    details: "", group: .users, permission: .disableUser, needsLogin: true,
                    run: { shell, inv in
                        try shell.office.setDisabled(by: try shell.currentActor, name: inv.arguments[0], false)
                        shell.say("enabled user \(inv.arguments[0])")
                    }),
            Command(path: ["user", "passwd"], arguments: ["[NAME]"], options: [.passwordFile],
                    summary: "set a new password: your own, or (admin) another user's",
                    details: "Without NAME it changes your own password. On a terminal, changing your own asks "
                        + "for the current password first. In a script the new password comes from --password-file; "
                        + "an admin setting another user's password without one gets a one-time password to hand on.",
                    group: .users, permission: nil, needsLogin: true, secretArguments: true,
                    run: { shell, inv in try shell.changePassword(inv) }),
            Command(path: ["site", "add"], arguments: ["CODE", "NAME"], options: [],
                    summary: "add a site (a jobcenter office of the model project)",
                    details: "CODE is short (letters, digits, . _ -), NAME the display name in quotes: "
                        + "site add bocholt \"Jobcenter Kreis Borken, Bocholt\"",
                    group: .users, permission: .addSite, needsLogin: true,
                    run: { shell, inv in
                        try shell.office.addSite(by: try shell.currentActor, code: inv.arguments[0], name: inv.arguments[1])
                        shell.say("added site \(inv.arguments[0])")
                    }),
            Command(path: ["site", "list"], arguments: [], options: [.format],
                    summary: "list the sites", details: "", group: .users, permission: .listSites, needsLogin: true,
                    run: { shell, inv in
                        let sites = try shell.office.sites(by: try shell.currentActor)
                        try shell.show(Listing(columns: ["code", "name", "created"], rows: sites.map {
                            [.text($0.code), .text($0.name), .text($0.createdAt)]
                        }), inv)
                    }),
        ]
    }

    /// `S[,S2]` as site codes (empty for none).
    static func siteList(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// ` at site S` / ` at sites S, T` / "" for none.
    static func atSites(_ sites: [String]) -> String {
        sites.isEmpty ? "" : " at site" + (sites.count == 1 ? " " : "s ") + sites.joined(separator: ", ")
    }

    func changePassword(_ inv: Invocation) throws {
        let actor = try currentActor
        let name = inv.argument(0) ?? actor.name
        if name == actor.name {
            // Re-authenticate on a terminal; a script already logged in with its password.
            if inv.option("password-file") == nil, passwords.environment["LOTSE_PASSWORD"] == nil,
               let prompt = passwords.prompt {
                guard let current = prompt.readSecret("Current password for \(name): ") else { throw PasswordSource.noPassword }
                _ = try office.login(name: name, password: current)
            }
        }
        let (password, oneTime) = try office.setPassword(by: actor, name: name) {
            let given = try passwords.new(inv, for: name, environment: false)
            // One's own new password must be given; another user's may be a generated one-time password.
            if given == nil && name == actor.name { throw NewPasswordMissing() }
            return (given ?? office.oneTimePassword(for: name), given == nil)
        }
        say("changed the password of \(name)")
        if oneTime { sayOneTimePassword(password, for: name) }
    }

    /// Shows a generated one-time password, the only time it is ever shown.
    func sayOneTimePassword(_ password: String, for name: String) {
        say("one-time password for \(name): \(password) (shown only now; \(name) must change it at the first login)")
    }
}
