import LotseCases

extension Shell {
    static func sessionCommands() -> [Command] {
        [
            Command(path: ["help"], arguments: ["[COMMAND]"], options: [],
                    summary: Wording(de: "die Befehle auflisten oder einen erklären",
                                     en: "list the commands, or explain one"),
                    details: Wording(de: "`help` listet jeden Befehl nach Gruppe mit den Exit-Codes; `help user` "
                                         + "listet die Benutzerbefehle; `help user add` zeigt Aufruf, Optionen und die "
                                         + "erlaubten Rollen.",
                                     en: "`help` lists every command by group with the exit codes; `help user` lists the user "
                                         + "commands; `help user add` shows usage, options and the roles allowed."),
                    group: .session, permission: nil, needsLogin: false, variadic: true,
                    run: { shell, inv in
                        let text = try shell.helpText(for: inv.arguments)
                        shell.say(shell.console.terminalWidth.map { text.wrapped(to: $0) } ?? text)
                    }),
            Command(path: ["init"], arguments: [], options: [
                        OptionSpec("admin", value: "NAME", Wording(de: "Name des ersten Admin-Kontos (Pflicht)",
                                                                   en: "name of the first admin account (required)")), .passwordFile],
                    summary: Wording(de: "den ersten Admin einer neuen Datenbank anlegen und anmelden",
                                     en: "create the first admin of a new database and log in"),
                    details: Wording(de: "Nur bei einer Datenbank ohne Benutzer. Vorher geht kein anderer Befehl. Am "
                                         + "Terminal fragt die Shell beim Start selbst nach dem ersten Admin.",
                                     en: "Only on a database without users. Before it, no other command works. On a terminal "
                                         + "the shell asks for the first admin by itself at start."),
                    group: .session, permission: nil, needsLogin: false,
                    run: { shell, inv in try shell.initialise(inv) }),
            Command(path: ["login"], arguments: ["USER"], options: [.passwordFile],
                    summary: Wording(de: "anmelden (das Passwort wird am Terminal ohne Echo abgefragt)",
                                     en: "log in (the password is asked without echo on a terminal)"),
                    details: Wording(de: "Im Skript kommt das Passwort aus --password-file DATEI oder LOTSE_PASSWORD. "
                                         + "Anmeldungen und fehlgeschlagene Anmeldungen werden protokolliert; eine "
                                         + "Anmeldung ersetzt die aktuelle, und eine fehlgeschlagene beendet sie auch. "
                                         + "Wiederholt falsche Passwörter sperren das Konto eine Weile (lotse --lockout).",
                                     en: "In a script the password comes from --password-file FILE or LOTSE_PASSWORD. Logins "
                                         + "and failed logins are audited; a login replaces the current one, and a failed login "
                                         + "ends it too. Repeated wrong passwords lock the account for a while (lotse --lockout)."),
                    group: .session, permission: nil, needsLogin: false, secretArguments: true,
                    run: { shell, inv in try shell.login(inv) }),
            Command(path: ["logout"], arguments: [], options: [],
                    summary: Wording(de: "die Sitzung des angemeldeten Benutzers beenden",
                                     en: "end the session of the logged-in user"),
                    details: .empty, group: .session, permission: nil, needsLogin: true,
                    run: { shell, _ in
                        let actor = try shell.currentActor
                        try shell.office.logout(actor)
                        shell.actor = nil
                        shell.say(.loggedOut(actor.name))
                    }),
            Command(path: ["whoami"], arguments: [], options: [],
                    summary: Wording(de: "angemeldeten Benutzer, Rolle und Standort zeigen",
                                     en: "show the logged-in user, role and site"),
                    details: .empty, group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in
                        guard let actor = shell.actor else { shell.say(.notLoggedIn); return }
                        shell.say(.whoami(name: actor.name, role: actor.role.rawValue, sites: actor.sites))
                    }),
            Command(path: ["version"], arguments: [], options: [],
                    summary: Wording(de: "die Versionen von lotse, seinem Datenbankschema, SQLite und libxml2 zeigen",
                                     en: "show the versions of lotse, its database schema, SQLite and libxml2"),
                    details: .empty, group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in shell.say(VersionText.text) }),
            Command(path: ["quit"], arguments: [], options: [],
                    summary: Wording(de: "die Shell beenden (auch `exit`; das Ende der Eingabe tut dasselbe)",
                                     en: "end the shell (also `exit`; end of input does the same)"),
                    details: .empty, group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in shell.quitRequested = true }),
            Command(path: ["exit"], arguments: [], options: [],
                    summary: Wording(de: "dasselbe wie quit", en: "the same as quit"), details: .empty, group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in shell.quitRequested = true }),
        ]
    }

    func initialise(_ inv: Invocation) throws {
        guard let name = inv.option("admin") else { throw ShellError.missingArgument(Placeholder.words("--admin NAME"), usage: inv.command.usage) }
        if try office.isInitialised() { throw CasesError.alreadyInitialised }
        guard let password = try passwords.new(inv, for: name, environment: true) else { throw ShellError.noPassword }
        actor = try office.initialise(adminName: name, password: password)
        say(.createdAdmin(name))
    }

    func login(_ inv: Invocation) throws {
        let name = inv.arguments[0]
        guard try office.isInitialised() else { throw CasesError.notInitialised }
        // A failed login ends the previous session too (the office records its logout).
        let previous = actor
        actor = nil
        let password: String
        do {
            password = try passwords.existing(inv, prompt: Message.passwordPrompt(name).wording.text(words))
        } catch {
            if let previous { try office.logout(previous) }
            throw error
        }
        let new = try office.login(name: name, password: password, replacing: previous)
        actor = new
        say(.loggedIn(name: new.name, role: new.role.rawValue, sites: new.sites))
        if try office.mustChangePassword(new) {
            say(.oneTimePasswordLogin)
        }
    }
}
