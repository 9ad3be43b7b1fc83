/// The language of a label (`l:label-de`, `l:label-en`; the shell's `--lang`).
public enum WorkflowLanguage: String, CaseIterable, Sendable, Hashable, Codable {
    /// German, the project's working language.
    case de
    /// English.
    case en
}

/// The German and English labels of a state or a transition.
public struct WorkflowLabels: Sendable, Hashable {
    /// `l:label-de`, or nil.
    public var de: String?
    /// `l:label-en`, or nil.
    public var en: String?

    /// Creates labels.
    public init(de: String? = nil, en: String? = nil) {
        self.de = de
        self.en = en
    }

    /// The label in `language`, else in the other language, else nil.
    ///
    /// - Parameter language: The language asked for.
    public func text(_ language: WorkflowLanguage) -> String? {
        switch language {
        case .de: de ?? en
        case .en: en ?? de
        }
    }
}
