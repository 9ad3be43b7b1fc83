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
    /// Print usage and exit.
    public var showHelp = false

    /// Usage text for `lotse --help` and bad usage.
    public static let usage = """
        usage: lotse [--db PATH] [--definitions DIR] [--lang de|en] [--keep-going] [SCRIPT]

        Starts the Lotse shell on the database PATH (default: $LOTSE_DB or ./lotse.db, created if missing),
        with the forms and workflows of DIR/Forms and DIR/Workflows (default: the working directory)
        and labels in German (de, the default) or English (en).
        Interactive when standard input is a terminal; otherwise, or with SCRIPT (- for standard input),
        runs the commands of the script, one a line, stopping at the first error unless --keep-going.
        Inside the shell, `help` lists the commands.

        """ + Shell.exitCodeHelp + "\n"

    /// A bad command line.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses the arguments after the program name.
    public init(arguments: [String], environment: [String: String]) throws(Failure) {
        databasePath = environment["LOTSE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "lotse.db"
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            switch word {
            case "--db":
                guard index < arguments.count else { throw Failure(message: "--db needs a path") }
                databasePath = arguments[index]
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
            case "--help", "-h": showHelp = true
            default:
                if word.hasPrefix("--db=") {
                    databasePath = String(word.dropFirst(5))
                } else if word.hasPrefix("-") && word != "-" {
                    throw Failure(message: "unknown option \(word)")
                } else if script != nil {
                    throw Failure(message: "more than one script given (\(script!), \(word))")
                } else {
                    script = word
                }
            }
        }
        if databasePath.isEmpty { throw Failure(message: "--db needs a path") }
    }
}
