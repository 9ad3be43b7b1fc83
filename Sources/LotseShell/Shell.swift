public import LotseCases
import LotseStore
import LotseXPath
public import LotseForms

/// The line-oriented shell (DESIGN §8): one command a line, run against an `Office`.
///
/// The same shell runs interactively (prompt, errors as `error: …`, carry on) and as a
/// script (no prompt, errors as `SCRIPT:LINE: error: …`, stop at the first one unless
/// `keepGoing`). Output goes through an injected `Console`.
public final class Shell {
    /// The domain service commands run against.
    public let office: Office
    let console: any Console
    let passwords: PasswordSource
    /// Reads a line of input for questions asked by a command (interactive `init`).
    let readInput: () -> String?
    /// The logged-in user, nil before `login`.
    public internal(set) var actor: Actor?
    /// True when a person types at a terminal.
    public let interactive: Bool
    var quitRequested = false
    /// The open transaction (`begin`, `--single-transaction`), if any.
    var block: TransactionBlock?
    /// The script line being run (nil at the prompt).
    var currentLine: Int?
    /// The label language (`de` or `en`), unless a command says `--lang`.
    public let language: String
    /// The language of the shell's own words (messages, questions, help): `language` as well.
    public var words: Language { Language(code: language) }
    /// The forms of the definitions folder (the office loads them on first use).
    func forms() throws -> FormLibrary { try definitions().forms }
    /// The forms and workflows of the definitions folder, as the logged-in user may see them.
    func definitions() throws -> DefinitionSet { try office.definitions(by: try currentActor) }
    /// The line editor of a terminal session; nil for pipes, scripts and tests, which read
    /// plain lines through `readInput`.
    public var editor: (any LineReading)? {
        didSet { editor?.completer = { [unowned self] text in self.completions(before: text) } }
    }
    /// Called with each line before it runs (transcripts move their clock here).
    public var beforeEachLine: ((String) -> Void)?
    /// A clock, UUIDs and external instances for a form filled outside a case (`form try`).
    var formEnvironment: FormEnvironment { FormEnvironment(clock: office.xpathClock, makeUUID: office.makeUUID) }
    lazy var commands: [Command] = Self.commandTable()

    /// A shell on `office`.
    /// - Parameters:
    ///   - environment: the process environment (`LOTSE_PASSWORD` is read from it).
    ///   - passwordPrompt: asks for passwords without echo; nil when there is no terminal.
    ///   - readInput: reads one line of input (for questions a command asks).
    ///   - language: the label language, `de` or `en`.
    public init(office: Office, console: any Console, interactive: Bool, environment: [String: String] = [:],
                passwordPrompt: (any PasswordPrompt)? = nil, readInput: @escaping () -> String? = { nil },
                language: String = "de") {
        self.office = office
        self.language = language
        self.console = console
        self.interactive = interactive
        self.passwords = PasswordSource(environment: environment, prompt: passwordPrompt, words: Language(code: language))
        self.readInput = readInput
    }

    /// Exit codes, as `help` documents them.
    public enum ExitCode: Int32, Sendable {
        case ok = 0
        case commandFailed = 1
        case usage = 2
    }

    /// Runs one line: splits it, finds the command, checks login, runs it.
    /// - Throws: whatever the command throws; nothing has been changed then.
    public func run(line: String) throws {
        beforeEachLine?(line)
        let size = line.utf8.count
        guard size <= InputLimits.maximumLineBytes else { throw InputLimits.LineTooLong(bytes: size) }
        let tokens: [Token]
        do { tokens = try Tokenizer.split(line) } catch { throw ShellError.syntax(error) }
        guard !tokens.isEmpty else { return }
        let (command, rest) = try resolve(tokens)
        do {
            let invocation = try Invocation(command: command, words: rest)
            if command.needsLogin {
                guard try office.isInitialised() else { throw CasesError.notInitialised }
                guard let actor else { throw CasesError.notLoggedIn }
                try checkSession(actor, command)
            }
            do {
                try command.run(self, invocation)
            } catch let CasesError.notAllowed(permission, role, user) where permission.rawValue != command.name {
                // `case list` is refused as `case list`, not as the permission `case show` it needs.
                throw ShellError.commandNotAllowed(command: command.name, roles: permission.roles.map(\.rawValue),
                                                   user: user, role: role.rawValue)
            }
        } catch where command.secretArguments {
            throw SecretArguments.withheld(error, command: command)
        }
    }

    /// Re-checks the session before a command: a disabled or changed account is logged out.
    private func checkSession(_ actor: Actor, _ command: Command) throws {
        do {
            try office.checkSession(actor, passwordChange: command.path == ["user", "passwd"] || command.path == ["logout"])
        } catch CasesError.sessionEnded(let name, let reason) {
            self.actor = nil
            throw CasesError.sessionEnded(name, reason: reason)
        }
    }

    /// Runs a script. Errors are printed as `NAME:LINE: error: MESSAGE`.
    /// - Parameter singleTransaction: run the whole script as one transaction: the first error
    ///   rolls everything back (`keepGoing` is then ignored: there is nothing to go on with).
    /// - Returns: 0 when every command succeeded, 1 otherwise.
    public func runScript<S: Sequence>(_ lines: S, name: String, keepGoing: Bool = false,
                                       singleTransaction: Bool = false) -> ExitCode
    where S.Element == String {
        var failed = false
        var number = 0
        if singleTransaction {
            do { try beginWholeScript() } catch {
                console.err(ErrorPresenter.line(for: error, at: name, language: words))
                return .commandFailed
            }
        }
        defer { currentLine = nil }
        for line in lines {
            number += 1
            currentLine = number
            do {
                try run(line: line)
            } catch {
                failed = true
                console.err(ErrorPresenter.line(for: error, at: "\(name):\(number)", language: words))
                if let note = abandonBlock() { console.err("\(name): \(note)\n") }
                if !keepGoing || singleTransaction { return .commandFailed }
            }
            if quitRequested { break }
        }
        if let open = block {
            if open.wholeScript {
                block = nil
                do { try office.commitTransaction() } catch {
                    console.err(ErrorPresenter.line(for: error, at: name, language: words))
                    return .commandFailed
                }
            } else if let note = abandonBlock() {
                console.err("\(name): error: " + Message.noCommitAtEndOfScript(note).wording.text(words) + "\n")
                return .commandFailed
            }
        }
        return failed ? .commandFailed : .ok
    }

    /// Runs interactively: a prompt, a line, its output, until `quit` or end of input.
    /// On a database without users it first asks for the first admin.
    /// - Returns: 0, or 1 when the last command failed.
    public func runInteractive() -> ExitCode {
        say(.welcome)
        do {
            if try !office.isInitialised() { try firstStart() }
        } catch {
            console.err(ErrorPresenter.line(for: error, language: words))
            return .commandFailed
        }
        var status = ExitCode.ok
        while !quitRequested {
            let line: String
            switch readLine(prompt: prompt, purpose: .command) {
            case .end:
                console.out("\n")
                if let note = abandonBlock() { warn(.noCommitAtEndOfInput(note)) }
                return status
            case .interrupted:
                continue
            case let .line(text):
                line = text
            }
            if Self.mayRemember(line) { editor?.remember(line) }
            console.beginCommand()
            defer { console.endCommand() }
            do {
                try run(line: line)
                status = .ok
                if Interrupt.take() { warn(.interrupted) }
            } catch {
                Interrupt.take()
                status = .commandFailed
                console.err(ErrorPresenter.line(for: error, language: words))
                if let note = abandonBlock() { console.err(note + "\n") }
            }
        }
        if let note = abandonBlock() { warn(.noCommitBeforeQuit(note)) }
        return status
    }

    /// The prompt: `lotse> ` before login, `USER@SITE> ` after.
    var prompt: String {
        guard let actor else { return "lotse> " }
        return actor.name + (actor.sites.isEmpty ? "" : "@" + actor.sites.joined(separator: ",")) + "> "
    }

    /// Finds the command with the longest path that the words start with.
    func resolve(_ tokens: [Token]) throws -> (Command, [Token]) {
        let words = tokens.map(\.text)
        let matches = commands.filter { $0.path.count <= words.count && Array(words.prefix($0.path.count)) == $0.path }
        if let best = matches.max(by: { $0.path.count < $1.path.count }) {
            return (best, Array(tokens.dropFirst(best.path.count)))
        }
        let subcommands = commands.filter { $0.path.count > 1 && $0.path[0] == words[0] }.map { $0.path[1] }
        if !subcommands.isEmpty {
            if words.count == 1 { throw ShellError.incompleteCommand(words[0], subcommands: subcommands) }
            let candidates = subcommands.map { words[0] + " " + $0 }
            throw ShellError.unknownCommand(words[0] + " " + words[1],
                                            suggestion: Self.closest(to: words[0] + " " + words[1], in: candidates))
        }
        let names = Set(commands.map { $0.path[0] })
        throw ShellError.unknownCommand(words[0], suggestion: Self.closest(to: words[0], in: Array(names)))
    }

    /// The candidate within a small edit distance of `word`, if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        EditDistance.closest(to: word, in: candidates, limit: max(2, word.count / 3))
    }

    /// Asks for the first admin on a terminal, again after a name that cannot be one.
    private func firstStart() throws {
        say(.firstStart)
        var name = ""
        while true {
            guard case let .line(text) = readLine(prompt: Message.namePrompt.wording.text(words), purpose: .answer) else {
                throw CasesError.notInitialised
            }
            name = text.trimmingCharacters()
            if Office.isValidName(name) { break }
            console.err(ErrorPresenter.line(for: CasesError.invalidName(name, what: "user name"), language: words))
        }
        let invocation = try Invocation(command: commands.first { $0.path == ["init"] }!, words: [])
        guard let password = try passwords.new(invocation, for: name, environment: true) else { throw ShellError.noPassword }
        actor = try office.initialise(adminName: name, password: password)
        say(.createdFirstAdmin(name))
    }

    /// Writes a line to standard output.
    func say(_ text: String) { console.out(text + "\n") }

    /// Writes a message of the catalogue to standard output, in the session's language.
    func say(_ message: Message) { say(message.wording.text(words)) }

    /// Writes a message of the catalogue to standard error, in the session's language.
    func warn(_ message: Message) { console.err(message.wording.text(words) + "\n") }

    /// Writes a listing in the format the invocation asks for.
    func show(_ listing: Listing, _ invocation: Invocation) throws {
        console.out(listing.render(try invocation.format(), width: console.terminalWidth, language: words))
    }

    /// The progress of long work (`WorkProgress`): stops it with `ShellError.interrupted` once
    /// Ctrl-C was pressed, and shows `WHAT: N UNIT` every `every` steps where a person watches.
    func progress(every: Int, _ what: Wording, _ unit: Wording) -> WorkProgress {
        { [console, words] count in
            try Interrupt.check()
            if count % every == 0 { console.progress("\(what.text(words)): \(count) \(unit.text(words))") }
        }
    }

    /// The logged-in user (commands that need login are only run with one).
    var currentActor: Actor {
        get throws {
            guard let actor else { throw CasesError.notLoggedIn }
            return actor
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

@available(*, unavailable)
extension Shell: Sendable {}
