import LotseCases

extension Shell {
    static func sessionCommands() -> [Command] {
        [
            Command(path: ["help"], arguments: ["[COMMAND]"], options: [],
                    summary: "list the commands, or explain one",
                    details: "`help` lists every command by group with the exit codes; `help user` lists the user "
                        + "commands; `help user add` shows usage, options and the roles allowed.",
                    group: .session, permission: nil, needsLogin: false, variadic: true,
                    run: { shell, inv in
                        let text = try shell.helpText(for: inv.arguments)
                        shell.say(shell.console.terminalWidth.map { text.wrapped(to: $0) } ?? text)
                    }),
            Command(path: ["init"], arguments: [], options: [
                        OptionSpec("admin", value: "NAME", "name of the first admin account (required)"), .passwordFile],
                    summary: "create the first admin of a new database and log in",
                    details: "Only on a database without users. Before it, no other command works. On a terminal "
                        + "the shell asks for the first admin by itself at start.",
                    group: .session, permission: nil, needsLogin: false,
                    run: { shell, inv in try shell.initialise(inv) }),
            Command(path: ["login"], arguments: ["USER"], options: [.passwordFile],
                    summary: "log in (the password is asked without echo on a terminal)",
                    details: "In a script the password comes from --password-file FILE or LOTSE_PASSWORD. Logins "
                        + "and failed logins are audited; a login replaces the current one, and a failed login "
                        + "ends it too. Repeated wrong passwords lock the account for a while (lotse --lockout).",
                    group: .session, permission: nil, needsLogin: false, secretArguments: true,
                    run: { shell, inv in try shell.login(inv) }),
            Command(path: ["logout"], arguments: [], options: [],
                    summary: "end the session of the logged-in user",
                    details: "", group: .session, permission: nil, needsLogin: true,
                    run: { shell, _ in
                        let actor = try shell.currentActor
                        try shell.office.logout(actor)
                        shell.actor = nil
                        shell.say("logged out \(actor.name)")
                    }),
            Command(path: ["whoami"], arguments: [], options: [],
                    summary: "show the logged-in user, role and site",
                    details: "", group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in
                        guard let actor = shell.actor else { shell.say("not logged in"); return }
                        shell.say("\(actor.name) (\(actor.role.rawValue))" + Self.atSites(actor.sites))
                    }),
            Command(path: ["version"], arguments: [], options: [],
                    summary: "show the versions of lotse, its database schema, SQLite and libxml2",
                    details: "", group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in shell.say(VersionText.text) }),
            Command(path: ["quit"], arguments: [], options: [],
                    summary: "end the shell (also `exit`; end of input does the same)",
                    details: "", group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in shell.quitRequested = true }),
            Command(path: ["exit"], arguments: [], options: [],
                    summary: "the same as quit", details: "", group: .session, permission: nil, needsLogin: false,
                    run: { shell, _ in shell.quitRequested = true }),
        ]
    }

    func initialise(_ inv: Invocation) throws {
        guard let name = inv.option("admin") else { throw ShellError.missingArgument("--admin NAME", usage: inv.command.usage) }
        if try office.isInitialised() { throw CasesError.alreadyInitialised }
        guard let password = try passwords.new(inv, for: name, environment: true) else { throw ShellError.noPassword }
        actor = try office.initialise(adminName: name, password: password)
        say("created admin \(name); logged in as \(name)")
    }

    func login(_ inv: Invocation) throws {
        let name = inv.arguments[0]
        guard try office.isInitialised() else { throw CasesError.notInitialised }
        // A failed login ends the previous session too (the office records its logout).
        let previous = actor
        actor = nil
        let password: String
        do {
            password = try passwords.existing(inv, prompt: "Password for \(name): ")
        } catch {
            if let previous { try office.logout(previous) }
            throw error
        }
        let new = try office.login(name: name, password: password, replacing: previous)
        actor = new
        say("logged in as \(new.name) (\(new.role.rawValue))" + Self.atSites(new.sites))
        if try office.mustChangePassword(new) {
            say("your password is a one-time password: set your own with `user passwd` before anything else")
        }
    }
}
