/// The language of the shell's own words (its messages, questions and help frame): German,
/// the project's working language and the default, or English. `lotse --lang` chooses it, as
/// it chooses the labels of forms and workflows.
public enum Language: String, Sendable, CaseIterable {
    case de
    case en

    /// The language of a `--lang` code (`de` or `en`); German for anything else.
    public init(code: String) { self = Language(rawValue: code) ?? .de }
}

/// One entry of the message catalogue: the same message in German and in English.
///
/// Every text the shell itself says is one `Wording`, written once with both languages side
/// by side (`Message`, `ShellError+Wording`, `CasesError+Wording`, `Refusal+Wording`), and
/// picked by the session's language where it is printed.
public struct Wording: Sendable, Equatable {
    public var de: String
    public var en: String

    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    /// A text that is the same in both languages (a name, a placeholder, a value).
    public static func verbatim(_ text: String) -> Wording { Wording(de: text, en: text) }

    /// The text in `language`.
    public func text(_ language: Language) -> String { language == .de ? de : en }

    /// Both parts joined.
    public static func + (lhs: Wording, rhs: Wording) -> Wording { Wording(de: lhs.de + rhs.de, en: lhs.en + rhs.en) }
}


extension Wording {
    /// No text (a command without further explanation).
    public static let empty = Wording(de: "", en: "")

    /// Whether both parts are empty.
    public var isEmpty: Bool { de.isEmpty && en.isEmpty }
}
