/// What reading a line of input gave.
public enum InputLine: Equatable, Sendable {
    /// A line, without its line break.
    case line(String)
    /// Ctrl-C while the line was typed.
    case interrupted
    /// End of input (Ctrl-D on an empty line, end of a pipe).
    case end
}

/// What a line is read for: a command at the prompt (history file, completion) or an
/// answer to a question (`form fill`, first start; kept out of the history file).
public enum InputPurpose: Sendable {
    case command
    case answer
}

/// Reads lines from a person at a terminal, showing the prompt itself (so it can redraw it
/// while the line is edited).
public protocol LineReading: AnyObject {
    /// Shows `prompt` and reads one line.
    func read(prompt: String, purpose: InputPurpose) -> InputLine
    /// Keeps a command line in the history (the shell never passes lines with secrets).
    func remember(_ line: String)
    /// Candidates for the word that ends the text before the cursor (whole words).
    var completer: ((String) -> [String])? { get set }
}

extension Shell {
    /// Reads a line: through the line editor on a terminal, else the prompt on the console
    /// and a plain line (pipes and scripts keep their byte-exact behaviour).
    func readLine(prompt: String, purpose: InputPurpose) -> InputLine {
        (console as? StandardConsole)?.showHeld()
        if let editor { return editor.read(prompt: prompt, purpose: purpose) }
        console.out(prompt)
        guard let line = readInput() else { return .end }
        return .line(line)
    }

    /// Whether a command line may go into the history file: never a line that sets up or
    /// checks a password (`login`, `init`, `user add`, `user passwd`).
    static func mayRemember(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return false }
        if first == "login" || first == "init" { return false }
        if first == "user", words.count > 1, words[1] == "add" || words[1] == "passwd" { return false }
        return true
    }
}
