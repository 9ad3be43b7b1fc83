// lotse: flags -> session -> exit code. Everything else lives in LotseShell.
import LotseCases
import LotseShell
import LotseStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let environment = CommandLineEnvironment.current
let console = StandardConsole()
let options: LaunchOptions
do {
    options = try LaunchOptions(arguments: Array(CommandLine.arguments.dropFirst()), environment: environment)
} catch {
    let language = LaunchOptions.language(of: Array(CommandLine.arguments.dropFirst()))
    console.err("lotse: \(ErrorPresenter.message(for: error, language: language))\n\n" + LaunchOptions.usage(language))
    exit(ErrorPresenter.exitCode(for: error).rawValue)
}
if options.showHelp {
    console.out(LaunchOptions.usage(Language(code: options.language)))
    exit(0)
}
if options.showVersion {
    console.out(VersionText.text + "\n")
    exit(0)
}
// A copy reads no definitions folder.
if let copy = options.copy {
    // Ctrl-C stops the copy; its transaction on the target rolls back.
    Interrupt.install()
    exit(CopyCommand.run(copy, console: console, language: Language(code: options.language)).rawValue)
}
for warning in DefinitionsFolder.warnings(options.definitions, language: Language(code: options.language)) { console.err("lotse: \(warning)\n") }
if let pause = environment["LOTSE_PAUSE_EACH_STEP"].flatMap({ UInt32($0) }) { Interrupt.pausePerStep = pause }
if let migrate = options.migrate {
    exit(MigrateCommand.run(migrate, databasePath: options.databasePath, console: console,
                            language: Language(code: options.language)).rawValue)
}
if let demo = options.demo {
    if options.isPostgreSQL {
        // The demo builds a SQLite file; a region on PostgreSQL is copied over from one.
        console.err("lotse: " + LaunchOptions.demoNotOnPostgreSQL.text(Language(code: options.language)) + "\n")
        exit(Shell.ExitCode.usage.rawValue)
    }
    // Ctrl-C stops the build between steps; the half-built database is removed.
    Interrupt.install()
    exit(DemoCommand.run(demo, databasePath: options.databasePath, definitions: options.definitions,
                         environment: environment, console: console, language: Language(code: options.language)).rawValue)
}

// Read the script before touching the database, so a bad path changes nothing.
var scriptLines: [String]?
var scriptName = "<stdin>"
if let script = options.script, script != "-" {
    do {
        scriptLines = try ScriptFile.read(script)
    } catch .unreadable {
        console.err("lotse: " + ScriptFile.unreadableNote(script, language: Language(code: options.language)) + "\n")
        exit(ErrorPresenter.exitCode(for: ScriptFile.Failure.unreadable).rawValue)
    } catch let .notUTF8(line) {
        console.err(ErrorPresenter.line(for: ScriptFile.Failure.notUTF8(line: line), at: "\(script):\(line)",
                                    language: Language(code: options.language))
                        .dropLast() + ScriptFile.nothingRunNote(Language(code: options.language)) + "\n")
        exit(ErrorPresenter.exitCode(for: ScriptFile.Failure.notUTF8(line: line)).rawValue)
    }
    scriptName = script
}

let store: any RecordStore
do {
    if let uri = ConnectionURI(options.databasePath) {
        // A region's database: connected as the application role, its schema migrated by the owner.
        store = try PostgreSQLStore(uri: uri)
    } else {
        store = try Store(path: options.databasePath)
    }
} catch {
    console.err("lotse: \(ErrorPresenter.message(for: error, language: Language(code: options.language)))\n")
    exit(ErrorPresenter.exitCode(for: error).rawValue)
}
// SIGINT, SIGTERM and SIGHUP end the shell after the current command, through the same exit
// as `quit` (so the database is closed): the handler only sets a flag, and without SA_RESTART
// a read waiting for input returns at once.
nonisolated(unsafe) var stopSignal: sig_atomic_t = 0
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
    sigaddset(&stopSignals, signalNumber)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in stopSignal = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signalNumber, &action, nil)
}
// A parent may have started us with them blocked (the mask is inherited).
sigprocmask(SIG_UNBLOCK, &stopSignals, nil)
/// The next line of standard input, or nil at its end or once a signal asked to stop.
func nextInputLine() -> String? {
    stopSignal == 0 ? readLine(strippingNewline: true).flatMap { stopSignal == 0 ? $0 : nil } : nil
}

let terminal = isatty(STDIN_FILENO) == 1 && options.script == nil
let office = Office(store: store, definitions: DefinitionSet(directory: options.definitions, store: store),
                    keyFile: options.keyFile)
office.loginPolicy = options.lockout
// For the concurrency test: wait this many milliseconds between reading a case and writing
// its change, so that two processes reliably meet.
if let pause = environment["LOTSE_PAUSE_BEFORE_WRITE"].flatMap({ UInt32($0) }) {
    office.beforeWrite = { usleep(pause * 1000) }
}
let shell = Shell(office: office, console: console, interactive: terminal, environment: environment,
                  passwordPrompt: terminal ? TerminalPasswordPrompt() : nil,
                  readInput: nextInputLine, language: options.language)
let status: Shell.ExitCode
if terminal {
    // A person at a terminal: line editing, history, completion; Ctrl-C cancels, not ends.
    Interrupt.install()
    console.pager = Pager.command(environment: environment, disabled: options.noPager)
    shell.editor = LineEditor(historyPath: LineEditor.historyPath(environment: environment))
    status = shell.runInteractive()
} else if let scriptLines {
    var lines = scriptLines.makeIterator()
    status = shell.runScript(AnyIterator { stopSignal == 0 ? lines.next() : nil }, name: scriptName,
                             keepGoing: options.keepGoing, singleTransaction: options.singleTransaction)
} else {
    let input = ScriptFile.StandardInput()
    let ran = shell.runScript(AnyIterator { stopSignal == 0 ? input.next().flatMap { stopSignal == 0 ? $0 : nil } : nil },
                              name: scriptName, keepGoing: options.keepGoing, singleTransaction: options.singleTransaction)
    if let failure = input.failure, case let .notUTF8(line) = failure {
        console.err(ErrorPresenter.line(for: failure, at: "\(scriptName):\(line)", language: Language(code: options.language)).dropLast() + ScriptFile.stoppedNote(Language(code: options.language)) + "\n")
        status = .commandFailed
    } else {
        status = ran
    }
}
// Close the database on every way out: the last connection checkpoints the WAL into the
// database file, so that file alone holds every committed change.
store.close()
exit(status.rawValue)
