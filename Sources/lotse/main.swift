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
    console.err("lotse: \(ErrorPresenter.message(for: error))\n\n" + LaunchOptions.usage)
    exit(ErrorPresenter.exitCode(for: error).rawValue)
}
if options.showHelp {
    console.out(LaunchOptions.usage)
    exit(0)
}
if options.showVersion {
    console.out(VersionText.text + "\n")
    exit(0)
}
for warning in DefinitionsFolder.warnings(options.definitions) { console.err("lotse: \(warning)\n") }
if let demo = options.demo {
    exit(DemoCommand.run(demo, databasePath: options.databasePath, definitions: options.definitions,
                         environment: environment, console: console).rawValue)
}

// Read the script before touching the database, so a bad path changes nothing.
var scriptLines: [String]?
var scriptName = "<stdin>"
if let script = options.script, script != "-" {
    do {
        scriptLines = try ScriptFile.read(script)
    } catch .unreadable {
        console.err("lotse: cannot read script \(script)\n")
        exit(ErrorPresenter.exitCode(for: ScriptFile.Failure.unreadable).rawValue)
    } catch let .notUTF8(line) {
        console.err(ErrorPresenter.line(for: ScriptFile.Failure.notUTF8(line: line), at: "\(script):\(line)")
                        .dropLast() + "; nothing was run\n")
        exit(ErrorPresenter.exitCode(for: ScriptFile.Failure.notUTF8(line: line)).rawValue)
    }
    scriptName = script
}

let store: Store
do {
    store = try Store(path: options.databasePath)
} catch {
    console.err("lotse: \(ErrorPresenter.message(for: error))\n")
    exit(ErrorPresenter.exitCode(for: error).rawValue)
}
let terminal = isatty(STDIN_FILENO) == 1 && options.script == nil
let office = Office(store: store, definitions: options.definitions)
// For the concurrency test: wait this many milliseconds between reading a case and writing
// its change, so that two processes reliably meet.
if let pause = environment["LOTSE_PAUSE_BEFORE_WRITE"].flatMap({ UInt32($0) }) {
    office.beforeWrite = { usleep(pause * 1000) }
}
let shell = Shell(office: office, console: console, interactive: terminal, environment: environment,
                  passwordPrompt: terminal ? TerminalPasswordPrompt() : nil,
                  readInput: { readLine(strippingNewline: true) }, language: options.language)
let status: Shell.ExitCode
if terminal {
    // A person at a terminal: line editing, history, completion; Ctrl-C cancels, not ends.
    Interrupt.install()
    console.pager = Pager.command(environment: environment, disabled: options.noPager)
    shell.editor = LineEditor(historyPath: LineEditor.historyPath(environment: environment))
    status = shell.runInteractive()
} else if let scriptLines {
    status = shell.runScript(scriptLines, name: scriptName, keepGoing: options.keepGoing,
                             singleTransaction: options.singleTransaction)
} else {
    let input = ScriptFile.StandardInput()
    let ran = shell.runScript(input, name: scriptName, keepGoing: options.keepGoing,
                              singleTransaction: options.singleTransaction)
    if let failure = input.failure, case let .notUTF8(line) = failure {
        console.err(ErrorPresenter.line(for: failure, at: "\(scriptName):\(line)").dropLast() + "; the script stopped there\n")
        status = .commandFailed
    } else {
        status = ran
    }
}
exit(status.rawValue)
