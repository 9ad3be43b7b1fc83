import Foundation
import LotseCases

extension Shell {
    static func userCommands() -> [Command] {
        [
            Command(path: ["user", "add"], arguments: ["NAME"], options: [
                        OptionSpec("role", value: "ROLE", Wording(de: "caseworker, medical, supervisor, evaluator oder "
                                                                      + "admin (Pflicht)",
                                                                  en: "caseworker, medical, supervisor, evaluator or admin (required)")),
                        OptionSpec("site", value: "S[,S2]", Wording(de: "die Codes der Standorte des Benutzers "
                                                                        + "(caseworker, medical, supervisor: mindestens "
                                                                        + "einer; eine Teamleitung aller Standorte ist "
                                                                        + "die der Region)",
                                                                    en: "the codes of the user's sites (caseworker, medical, "
                                                                        + "supervisor: at least one; a supervisor of every site is the region's)")),
                        .passwordFile],
                    summary: Wording(de: "ein Benutzerkonto mit einer Rolle anlegen",
                                     en: "add a user account with a role"),
                    details: Wording(de: "Das Anfangspasswort wird am Terminal zweimal ohne Echo abgefragt; im Skript kommt es aus "
                                         + "--password-file DATEI, sonst macht Lotse ein Einmalpasswort, zeigt es einmal, und der neue Benutzer "
                                         + "muss es bei der ersten Anmeldung ändern. Mindestens \(PasswordHasher.minimumLength) Zeichen, ohne den "
                                         + "Benutzernamen. Rollen: "
                                         + Role.allCases.map { "\($0.rawValue) (\($0.title.de))" }.joined(separator: "; ") + ".",
                                     en: "The initial password is asked twice without echo on a terminal; in a script it comes "
                                         + "from --password-file FILE, or else Lotse makes a one-time password, prints it once, and the "
                                         + "new user must change it at the first login. At least \(PasswordHasher.minimumLength) "
                                         + "characters, not containing the user name. Roles: "
                                         + Role.allCases.map { "\($0.rawValue) (\($0.title.en))" }.joined(separator: "; ") + "."),
                    group: .users, permission: .addUser, needsLogin: true, secretArguments: true,
                    run: { shell, inv in
                        let name = inv.arguments[0]
                        guard let roleText = inv.option("role") else {
                            throw ShellError.missingArgument(Placeholder.words("--role ROLE"), usage: inv.command.usage)
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
                        shell.say(.addedUser(name: name, role: role.rawValue, sites: sites))
                        if given == nil { shell.sayOneTimePassword(password, for: name) }
                    }),
            Command(path: ["user", "list"], arguments: [], options: [.format],
                    summary: Wording(de: "die Benutzerkonten auflisten", en: "list the user accounts"), details: .empty, group: .users, permission: .listUsers,
                    needsLogin: true,
                    run: { shell, inv in
                        let users = try shell.office.users(by: try shell.currentActor)
                        try shell.show(Listing(columns: ["name", "role", "sites", "status", "created"], rows: users.map {
                            [.text($0.name), .text($0.role), .text($0.sites.isEmpty ? nil : $0.sites.joined(separator: ",")),
                             $0.disabled ? .term("disabled", Wording(de: "gesperrt", en: "disabled")) : .term("active", Wording(de: "aktiv", en: "active")),
                             .text($0.createdAt)]
                        }), inv)
                    }),
            Command(path: ["user", "sites"], arguments: ["NAME"], options: [
                        OptionSpec("add", value: "S[,S2]", Wording(de: "den Benutzer zu diesen Standorten hinzufügen",
                                                                   en: "add the user to these sites")),
                        OptionSpec("remove", value: "S[,S2]", Wording(de: "den Benutzer aus diesen Standorten entfernen",
                                                                      en: "remove the user from these sites"))],
                    summary: Wording(de: "einen Benutzer zu Standorten hinzufügen oder aus Standorten entfernen",
                                     en: "add a user to sites or remove them from sites"),
                    details: Wording(de: "Ein Konto caseworker, medical oder supervisor behält mindestens einen "
                                         + "Standort; es sieht und ändert nur Klienten und Fälle seiner Standorte. Gilt "
                                         + "ab dem nächsten Befehl des Benutzers.",
                                     en: "A caseworker, medical or supervisor account keeps at least one site; it sees and changes "
                                         + "only clients and cases of its sites. Takes effect at the user's next command."),
                    group: .users, permission: .addUser, needsLogin: true,
                    run: { shell, inv in
                        let add = Self.siteList(inv.option("add")), remove = Self.siteList(inv.option("remove"))
                        guard !add.isEmpty || !remove.isEmpty else {
                            throw ShellError.missingArgument(Wording(de: "--add S oder --remove S", en: "--add S or --remove S"), usage: inv.command.usage)
                        }
                        let sites = try shell.office.setSites(by: try shell.currentActor, name: inv.arguments[0],
                                                              add: add, remove: remove)
                        shell.say(.userWorks(name: inv.arguments[0], sites: sites))
                    }),
            Command(path: ["user", "disable"], arguments: ["NAME"], options: [],
                    summary: Wording(de: "ein Konto sperren (es kann sich nicht mehr anmelden; sein Verlauf bleibt)",
                                     en: "disable an account (it can no longer log in; its history stays)"),
                    details: .empty, group: .users, permission: .disableUser, needsLogin: true,
                    run: { shell, inv in
                        try shell.office.setDisabled(by: try shell.currentActor, name: inv.arguments[0], true)
                        shell.say(.disabledUser(inv.arguments[0]))
                    }),
            Command(path: ["user", "enable"], arguments: ["NAME"], options: [],
                    summary: Wording(de: "ein gesperrtes Konto wieder entsperren",
                                     en: "enable a disabled account again"),
                    details: .empty, group: .users, permission: .disableUser, needsLogin: true,
                    run: { shell, inv in
                        try shell.office.setDisabled(by: try shell.currentActor, name: inv.arguments[0], false)
                        shell.say(.enabledUser(inv.arguments[0]))
                    }),
            Command(path: ["user", "passwd"], arguments: ["[NAME]"], options: [.passwordFile],
                    summary: Wording(de: "ein neues Passwort setzen: das eigene oder (Admin) das eines anderen "
                                         + "Benutzers",
                                     en: "set a new password: your own, or (admin) another user's"),
                    details: Wording(de: "Ohne NAME ändert es Ihr eigenes Passwort. Am Terminal fragt das Ändern des "
                                         + "eigenen zuerst nach dem aktuellen Passwort. Im Skript kommt das neue "
                                         + "Passwort aus --password-file; ein Admin, der das Passwort eines anderen ohne "
                                         + "eine solche Datei setzt, bekommt ein Einmalpasswort zum Weitergeben.",
                                     en: "Without NAME it changes your own password. On a terminal, changing your own asks "
                                         + "for the current password first. In a script the new password comes from --password-file; "
                                         + "an admin setting another user's password without one gets a one-time password to hand on."),
                    group: .users, permission: nil, needsLogin: true, secretArguments: true,
                    run: { shell, inv in try shell.changePassword(inv) }),
            Command(path: ["site", "add"], arguments: ["CODE", "NAME"], options: [],
                    summary: Wording(de: "einen Standort anlegen (eine Jobcenter-Dienststelle des Modellprojekts)",
                                     en: "add a site (a jobcenter office of the model project)"),
                    details: Wording(de: "CODE ist kurz (Buchstaben, Ziffern, . _ -), NAME der Anzeigename in "
                                         + "Anführungszeichen: site add bocholt \"Jobcenter Kreis Borken, Bocholt\"",
                                     en: "CODE is short (letters, digits, . _ -), NAME the display name in quotes: "
                                         + "site add bocholt \"Jobcenter Kreis Borken, Bocholt\""),
                    group: .users, permission: .addSite, needsLogin: true,
                    run: { shell, inv in
                        try shell.office.addSite(by: try shell.currentActor, code: inv.arguments[0], name: inv.arguments[1])
                        shell.say(.addedSite(inv.arguments[0]))
                    }),
            Command(path: ["site", "list"], arguments: [], options: [.format],
                    summary: Wording(de: "die Standorte auflisten", en: "list the sites"), details: .empty, group: .users, permission: .listSites, needsLogin: true,
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
    func changePassword(_ inv: Invocation) throws {
        let actor = try currentActor
        let name = inv.argument(0) ?? actor.name
        if name == actor.name {
            // Re-authenticate on a terminal; a script already logged in with its password.
            if inv.option("password-file") == nil, passwords.environment["LOTSE_PASSWORD"] == nil,
               let prompt = passwords.prompt {
                guard let current = prompt.readSecret(Message.currentPasswordPrompt(name).wording.text(words)) else { throw PasswordSource.noPassword }
                _ = try office.login(name: name, password: current)
            }
        }
        let (password, oneTime) = try office.setPassword(by: actor, name: name) {
            let given = try passwords.new(inv, for: name, environment: false)
            // One's own new password must be given; another user's may be a generated one-time password.
            if given == nil && name == actor.name { throw NewPasswordMissing() }
            return (given ?? office.oneTimePassword(for: name), given == nil)
        }
        say(.changedPassword(name))
        if oneTime { sayOneTimePassword(password, for: name) }
    }

    /// Shows a generated one-time password, the only time it is ever shown.
    func sayOneTimePassword(_ password: String, for name: String) {
        say(.oneTimePassword(name: name, password: password))
    }
}
