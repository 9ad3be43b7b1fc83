public import LotseCases
import LotseStore

/// The command line of `lotse`: `lotse [--db PATH] [--definitions DIR] [--lang de|en] [--keep-going] [SCRIPT]`.
public struct LaunchOptions: Sendable, Equatable {
    /// The database file: `--db PATH`, else `LOTSE_DB`, else `./lotse.db`.
    public var databasePath: String
    /// A script file to run; `-` or nil with a non-terminal stdin means standard input.
    public var script: String?
    /// The folder holding `Workflows/` and `Forms/` (default: the working directory).
    public var definitions = "."
    /// The label language: `de` (default) or `en`.
    public var language = "de"
    /// Continue after a failing command in a script.
    public var keepGoing = false
    /// Run the script as one transaction (all of it or nothing).
    public var singleTransaction = false
    /// Print usage and exit.
    public var showHelp = false
    /// The pseudonym key file: `--key-file PATH`, else `LOTSE_KEY_FILE`, else the database path + `.key`
    /// (on PostgreSQL none: what needs the key is refused until one is named).
    public var keyFile: String?
    /// Failed logins that lock an account, and for how long: `--lockout N/MINUTES` or `LOTSE_LOCKOUT` (default 5/15).
    public var lockout = LoginPolicy()
    /// Never page long output (`--no-pager`).
    public var noPager = false
    /// Print the versions and exit.
    public var showVersion = false
    /// `lotse demo …`: build a demo region instead of starting the shell.
    public var demo: DemoOptions?

    /// `lotse migrate …`: bring the database's schema up to date instead of starting the shell.
    public var migrate: MigrateOptions?

    /// The options of `lotse migrate [--db URI] [--app-role ROLE]`.
    public struct MigrateOptions: Sendable, Equatable {
        /// The PostgreSQL role the shell connects as (granted its privileges by the migration).
        public var applicationRole = "lotse_app"
    }

    /// Whether the database is a PostgreSQL connection URI (`postgresql://…`, `postgres://…`).
    public var isPostgreSQL: Bool { ConnectionURI(databasePath) != nil }

    /// The options of `lotse demo [--db FILE] [--clients N] [--seed S]`.
    public struct DemoOptions: Sendable, Equatable {
        public var clients = 2000
        public var seed: UInt64 = 2026
    }

    /// Usage text for `lotse --help` and bad usage.
    public static let usage = """
        usage: lotse [--db PATH] [--definitions DIR] [--lang de|en] [--keep-going | --single-transaction]
                     [--no-pager] [--key-file PATH] [--lockout N/MINUTES] [SCRIPT]
               lotse demo [--db PATH] [--clients N] [--seed S] [--definitions DIR]
               lotse migrate --db postgresql://OWNER@HOST/DB [--app-role ROLE]
               lotse --version

        Starts the Lotse shell on the database PATH (default: $LOTSE_DB or ./lotse.db, created if missing),
        with the forms and workflows of DIR/Forms and DIR/Workflows (default: the working directory)
        and labels in German (de, the default) or English (en).
        Interactive when standard input is a terminal; otherwise, or with SCRIPT (- for standard input),
        runs the commands of the script, one a line, stopping at the first error unless --keep-going.
        --single-transaction (-1) runs the whole script as one transaction: all of it lands, or (at the
        first error) none of it, audit rows included.
        Inside the shell, `help` lists the commands. On a terminal the line editor keeps a history in
        ~/.lotse_history ($LOTSE_HISTORY moves it; empty: none); Tab completes; Ctrl-C cancels the line.
        Long output goes through $LOTSE_PAGER, else $PAGER, else `less -FRX` (--no-pager or an empty
        LOTSE_PAGER: none); tables fit the terminal's width.

        The project's pseudonym key lives in its own file, PATH.key beside the database unless --key-file
        or $LOTSE_KEY_FILE names another (mode 0600; keep it safe and apart from database copies).
        N failed logins in a row lock an account for MINUTES (--lockout or $LOTSE_LOCKOUT, default 5/15).

        `lotse migrate --db postgresql://OWNER@HOST/DB` creates or updates the schema on PostgreSQL as its
        owner (libpq URI: TLS and ~/.pgpass as libpq does them) and grants --app-role (default lotse_app)
        reading and appending only on the audit log, submissions, transitions and assignments. Then
        `lotse --db postgresql://APP_ROLE@HOST/DB --key-file PATH` runs the shell there (the pseudonym
        key file must be named: there is no database file for it to lie beside).

        `lotse demo` builds a synthetic model region (three sites, staff of each role, N randomised
        clients moved through the real workflows, default 2000) in a new database (default
        ./lotse-demo.db), then `lotse --db lotse-demo.db` explores it. Every demo user's password is
        $LOTSE_PASSWORD, or `lotse-demo-2026` when it is not set.

        """ + Shell.exitCodeHelp + "\n"

    /// A bad command line.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses the arguments after the program name.
    public init(arguments: [String], environment: [String: String]) throws(Failure) {
        databasePath = environment["LOTSE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "lotse.db"
        keyFile = environment["LOTSE_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let text = environment["LOTSE_LOCKOUT"], !text.isEmpty {
            guard let policy = LoginPolicy(text) else { throw Failure(message: "LOTSE_LOCKOUT needs N/MINUTES, such as 5/15") }
            lockout = policy
        }
        var index = 0
        var dbGiven = false
        if arguments.first == "demo" {
            demo = DemoOptions()
            index = 1
        } else if arguments.first == "migrate" {
            migrate = MigrateOptions()
            index = 1
        }
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            switch word {
            case "--db":
                guard index < arguments.count else { throw Failure(message: "--db needs a path") }
                databasePath = arguments[index]
                dbGiven = true
                index += 1
            case "--clients" where demo != nil, "--seed" where demo != nil:
                guard index < arguments.count, let n = UInt64(arguments[index]), n > 0 else {
                    throw Failure(message: "\(word) needs a positive number")
                }
                if word == "--clients" { demo?.clients = Int(n) } else { demo?.seed = n }
                index += 1
            case "--app-role" where migrate != nil:
                guard index < arguments.count, !arguments[index].isEmpty else { throw Failure(message: "--app-role needs a role") }
                migrate?.applicationRole = arguments[index]
                index += 1
            case "--":
                continue
            case "--key-file":
                guard index < arguments.count, !arguments[index].isEmpty else { throw Failure(message: "--key-file needs a path") }
                keyFile = arguments[index]
                index += 1
            case "--lockout":
                guard index < arguments.count, let policy = LoginPolicy(arguments[index]) else {
                    throw Failure(message: "--lockout needs N/MINUTES, such as 5/15")
                }
                lockout = policy
                index += 1
            case "--definitions":
                guard index < arguments.count else { throw Failure(message: "--definitions needs a folder") }
                definitions = arguments[index]
                index += 1
            case "--lang":
                guard index < arguments.count, ["de", "en"].contains(arguments[index]) else {
                    throw Failure(message: "--lang needs de or en")
                }
                language = arguments[index]
                index += 1
            case "--keep-going": keepGoing = true
            case "--single-transaction", "-1": singleTransaction = true
            case "--help", "-h": showHelp = true
            case "--version": showVersion = true
            case "--no-pager": noPager = true
            default:
                if word.hasPrefix("--db=") {
                    databasePath = String(word.dropFirst(5))
                    dbGiven = true
                } else if word.hasPrefix("-") && word != "-" {
                    throw Failure(message: "unknown option \(word)")
                } else if word == "demo" && demo == nil && script == nil {
                    // `lotse --db X demo` is `lotse demo --db X` (run a script named demo as ./demo).
                    demo = DemoOptions()
                } else if migrate != nil {
                    throw Failure(message: "lotse migrate takes no script (\(word))")
                } else if demo != nil {
                    throw Failure(message: "lotse demo takes no script (\(word))")
                } else if script != nil {
                    throw Failure(message: "more than one script given (\(script!), \(word))")
                } else {
                    script = word
                }
            }
        }
        if databasePath.isEmpty { throw Failure(message: "--db needs a path") }
        if keepGoing && singleTransaction {
            throw Failure(message: "--single-transaction stops at the first error; it cannot go with --keep-going")
        }
        if demo != nil && !dbGiven { databasePath = "lotse-demo.db" }
    }
}
