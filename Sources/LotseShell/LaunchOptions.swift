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

    /// `lotse copy …`: copy a project's SQLite database to PostgreSQL instead of starting the shell.
    public var copy: CopyOptions?

    /// The options of `lotse copy --from FILE --to postgresql://OWNER@HOST/DB`.
    public struct CopyOptions: Sendable, Equatable {
        /// The SQLite database to copy.
        public var from = ""
        /// The empty, migrated PostgreSQL database, as its owner.
        public var to = ""
    }

    /// Whether the database is a PostgreSQL connection URI (`postgresql://…`, `postgres://…`).
    public var isPostgreSQL: Bool { ConnectionURI(databasePath) != nil }

    /// The options of `lotse demo [--db FILE] [--clients N] [--seed S]`.
    public struct DemoOptions: Sendable, Equatable {
        public var clients = 2000
        public var seed: UInt64 = 2026
    }

    /// Usage text for `lotse --help` and bad usage, in `language`.
    public static func usage(_ language: Language) -> String {
        Wording(de: germanUsage, en: englishUsage).text(language) + Shell.exitCodeHelp.text(language) + "\n"
    }

    /// The language the command line asks for (`--lang en` anywhere in it), for its own errors and usage,
    /// which come before the options are parsed.
    public static func language(of arguments: [String]) -> Language {
        for (index, word) in arguments.enumerated() {
            if word == "--lang", index + 1 < arguments.count { return Language(code: arguments[index + 1]) }
        }
        return .de
    }

    private static let englishUsage = """
        usage: lotse [--db PATH] [--definitions DIR] [--lang de|en] [--keep-going | --single-transaction]
                     [--no-pager] [--key-file PATH] [--lockout N/MINUTES] [SCRIPT]
               lotse demo [--db PATH] [--clients N] [--seed S] [--definitions DIR]
               lotse migrate --db postgresql://OWNER@HOST/DB [--app-role ROLE]
               lotse copy --from FILE --to postgresql://OWNER@HOST/DB
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

        `lotse copy --from lotse.db --to postgresql://OWNER@HOST/DB` copies a project's SQLite database
        (it must pass `audit verify`) into a migrated, empty PostgreSQL database, as the schema's owner (the
        copy sets the id sequences, which the application role may not): everything, the audit log verbatim,
        in one transaction that commits only when `audit verify` passes on the target with the source's head;
        prints both heads. A target that is not empty or not migrated is refused, nothing changed.

        `lotse demo` builds a synthetic model region (three sites, staff of each role, N randomised
        clients moved through the real workflows, default 2000) in a new database (default
        ./lotse-demo.db), then `lotse --db lotse-demo.db` explores it. Every demo user's password is
        $LOTSE_PASSWORD, or `lotse-demo-2026` when it is not set.

        """

    private static let germanUsage = """
        Aufruf: lotse [--db PFAD] [--definitions ORDNER] [--lang de|en] [--keep-going | --single-transaction]
                      [--no-pager] [--key-file PFAD] [--lockout N/MINUTEN] [SKRIPT]
                lotse demo [--db PFAD] [--clients N] [--seed S] [--definitions ORDNER]
                lotse migrate --db postgresql://EIGENTÜMER@HOST/DB [--app-role ROLLE]
                lotse copy --from DATEI --to postgresql://EIGENTÜMER@HOST/DB
                lotse --version

        Startet die Lotse-Shell auf der Datenbank PFAD (Standard: $LOTSE_DB oder ./lotse.db, angelegt, wenn sie
        fehlt), mit den Formularen und Workflows aus ORDNER/Forms und ORDNER/Workflows (Standard: das
        Arbeitsverzeichnis) und Beschriftungen auf Deutsch (de, der Standard) oder Englisch (en).
        Interaktiv, wenn die Standardeingabe ein Terminal ist; sonst, oder mit SKRIPT (- für die Standardeingabe),
        führt sie die Befehle des Skripts aus, einen je Zeile, und hält beim ersten Fehler an, außer mit --keep-going.
        --single-transaction (-1) führt das ganze Skript als eine Transaktion aus: alles gilt, oder (beim ersten
        Fehler) nichts davon, Audit-Zeilen eingeschlossen.
        In der Shell listet `help` die Befehle. Am Terminal führt der Zeileneditor einen Verlauf in
        ~/.lotse_history ($LOTSE_HISTORY verlegt ihn; leer: keiner); Tab ergänzt; Strg-C verwirft die Zeile.
        Lange Ausgaben gehen durch $LOTSE_PAGER, sonst $PAGER, sonst `less -FRX` (--no-pager oder ein leeres
        LOTSE_PAGER: keiner); Tabellen passen sich der Breite des Terminals an.

        Der Pseudonym-Schlüssel des Projekts liegt in einer eigenen Datei, PFAD.key neben der Datenbank, außer
        --key-file oder $LOTSE_KEY_FILE nennen eine andere (Modus 0600; sicher und getrennt von Kopien der
        Datenbank aufbewahren). N Fehlversuche nacheinander sperren ein Konto für MINUTEN (--lockout oder
        $LOTSE_LOCKOUT, Standard 5/15).

        `lotse migrate --db postgresql://EIGENTÜMER@HOST/DB` legt das Schema auf PostgreSQL als dessen Eigentümer
        an oder bringt es auf den neuen Stand (libpq-URI: TLS und ~/.pgpass wie bei libpq) und gewährt --app-role
        (Standard lotse_app) nur Lesen und Anhängen am Audit-Protokoll, an Erfassungen, Übergängen und Zuteilungen.
        Danach startet `lotse --db postgresql://ANWENDUNGSROLLE@HOST/DB --key-file PFAD` die Shell dort (die
        Schlüsseldatei muss genannt werden: es gibt keine Datenbankdatei, neben der sie liegen könnte).

        `lotse copy --from lotse.db --to postgresql://EIGENTÜMER@HOST/DB` kopiert die SQLite-Datenbank eines
        Projekts (sie muss `audit verify` bestehen) in eine migrierte, leere PostgreSQL-Datenbank, als Eigentümer
        des Schemas (die Kopie setzt die Id-Sequenzen, was die Anwendungsrolle nicht darf): alles, das
        Audit-Protokoll unverändert, in einer Transaktion, die nur gilt, wenn `audit verify` im Ziel mit der
        Kopfzeile der Quelle besteht; gibt beide Kopfzeilen aus. Ein Ziel, das nicht leer oder nicht migriert
        ist, wird abgelehnt, nichts geändert.

        `lotse demo` baut eine synthetische Modellregion (drei Standorte, Personal jeder Rolle, N randomisierte
        Klienten, die die echten Workflows durchlaufen, Standard 2000) in einer neuen Datenbank (Standard
        ./lotse-demo.db); danach erkundet `lotse --db lotse-demo.db` sie. Das Passwort jedes Demo-Benutzers ist
        $LOTSE_PASSWORD, oder `lotse-demo-2026`, wenn es nicht gesetzt ist.

        """

    /// Why `lotse demo` does not build on a PostgreSQL URI: it builds a SQLite file.
    public static let demoNotOnPostgreSQL = Wording(
        de: "lotse demo baut eine SQLite-Datei (--db PFAD), keine PostgreSQL-Datenbank",
        en: "lotse demo builds a SQLite file (--db PATH), not a PostgreSQL database")

    /// A bad command line.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, in German and English.
        public var wording: Wording
        public init(_ wording: Wording) { self.wording = wording }
        public var description: String { wording.en }
    }

    /// Parses the arguments after the program name.
    public init(arguments: [String], environment: [String: String]) throws(Failure) {
        databasePath = environment["LOTSE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "lotse.db"
        keyFile = environment["LOTSE_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let text = environment["LOTSE_LOCKOUT"], !text.isEmpty {
            guard let policy = LoginPolicy(text) else { throw Failure(Wording(de: "LOTSE_LOCKOUT braucht N/MINUTEN, etwa 5/15", en: "LOTSE_LOCKOUT needs N/MINUTES, such as 5/15")) }
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
        } else if arguments.first == "copy" {
            copy = CopyOptions()
            index = 1
        }
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            switch word {
            case "--db":
                guard index < arguments.count else { throw Failure(Wording(de: "--db braucht einen Pfad", en: "--db needs a path")) }
                databasePath = arguments[index]
                dbGiven = true
                index += 1
            case "--clients" where demo != nil, "--seed" where demo != nil:
                guard index < arguments.count, let n = UInt64(arguments[index]), n > 0 else {
                    throw Failure(Wording(de: "\(word) braucht eine positive Zahl", en: "\(word) needs a positive number"))
                }
                if word == "--clients" { demo?.clients = Int(n) } else { demo?.seed = n }
                index += 1
            case "--from" where copy != nil, "--to" where copy != nil:
                guard index < arguments.count, !arguments[index].isEmpty else {
                    throw Failure(word == "--from" ? Wording(de: "--from braucht eine Datenbankdatei", en: "--from needs a database file")
                                                    : Wording(de: "--to braucht eine postgresql://-URI", en: "--to needs a postgresql:// URI"))
                }
                if word == "--from" { copy?.from = arguments[index] } else { copy?.to = arguments[index] }
                index += 1
            case "--app-role" where migrate != nil:
                guard index < arguments.count, !arguments[index].isEmpty else { throw Failure(Wording(de: "--app-role braucht eine Rolle", en: "--app-role needs a role")) }
                migrate?.applicationRole = arguments[index]
                index += 1
            case "--":
                continue
            case "--key-file":
                guard index < arguments.count, !arguments[index].isEmpty else { throw Failure(Wording(de: "--key-file braucht einen Pfad", en: "--key-file needs a path")) }
                keyFile = arguments[index]
                index += 1
            case "--lockout":
                guard index < arguments.count, let policy = LoginPolicy(arguments[index]) else {
                    throw Failure(Wording(de: "--lockout braucht N/MINUTEN, etwa 5/15", en: "--lockout needs N/MINUTES, such as 5/15"))
                }
                lockout = policy
                index += 1
            case "--definitions":
                guard index < arguments.count else { throw Failure(Wording(de: "--definitions braucht einen Ordner", en: "--definitions needs a folder")) }
                definitions = arguments[index]
                index += 1
            case "--lang":
                guard index < arguments.count, ["de", "en"].contains(arguments[index]) else {
                    throw Failure(Wording(de: "--lang braucht de oder en", en: "--lang needs de or en"))
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
                    throw Failure(Wording(de: "unbekannte Option \(word)", en: "unknown option \(word)"))
                } else if word == "demo" && demo == nil && script == nil {
                    // `lotse --db X demo` is `lotse demo --db X` (run a script named demo as ./demo).
                    demo = DemoOptions()
                } else if copy != nil {
                    throw Failure(Wording(de: "lotse copy nimmt kein Skript (\(word))", en: "lotse copy takes no script (\(word))"))
                } else if migrate != nil {
                    throw Failure(Wording(de: "lotse migrate nimmt kein Skript (\(word))", en: "lotse migrate takes no script (\(word))"))
                } else if demo != nil {
                    throw Failure(Wording(de: "lotse demo nimmt kein Skript (\(word))", en: "lotse demo takes no script (\(word))"))
                } else if script != nil {
                    throw Failure(Wording(de: "mehr als ein Skript angegeben (\(script!), \(word))", en: "more than one script given (\(script!), \(word))"))
                } else {
                    script = word
                }
            }
        }
        if databasePath.isEmpty { throw Failure(Wording(de: "--db braucht einen Pfad", en: "--db needs a path")) }
        if keepGoing && singleTransaction {
            throw Failure(Wording(de: "--single-transaction hält beim ersten Fehler an; es geht nicht zusammen mit --keep-going", en: "--single-transaction stops at the first error; it cannot go with --keep-going"))
        }
        if demo != nil && !dbGiven { databasePath = "lotse-demo.db" }
        if let copy {
            guard !copy.from.isEmpty, !copy.to.isEmpty else {
                throw Failure(Wording(de: "lotse copy braucht --from DATEI und --to postgresql://EIGENTÜMER@HOST/DB",
                                      en: "lotse copy needs --from FILE and --to postgresql://OWNER@HOST/DB"))
            }
            guard ConnectionURI(copy.to) != nil else {
                throw Failure(Wording(de: "lotse copy --to braucht eine PostgreSQL-Verbindungs-URI (postgresql://…), nicht \(copy.to)",
                                      en: "lotse copy --to needs a PostgreSQL connection URI (postgresql://…), not \(copy.to)"))
            }
            guard ConnectionURI(copy.from) == nil else {
                throw Failure(Wording(de: "lotse copy --from braucht eine SQLite-Datenbankdatei; es kopiert von SQLite nach PostgreSQL",
                                      en: "lotse copy --from needs a SQLite database file; it copies from SQLite to PostgreSQL"))
            }
            guard !dbGiven else { throw Failure(Wording(de: "lotse copy nimmt --from und --to, nicht --db", en: "lotse copy takes --from and --to, not --db")) }
        }
    }
}
