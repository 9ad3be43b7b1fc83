import LotseStore

/// One column of `export cases` and one entry of `export codebook`: its name, labels, type,
/// codes, where it comes from, and how its value is computed from a case's facts.
public struct Variable: Sendable {
    public enum Kind: String, Sendable {
        case text, date, integer, decimal, code, flag
    }

    /// A code with its German and English label.
    public struct Code: Sendable, Equatable {
        public var code: String
        public var de: String
        public var en: String
    }

    public let name: String
    public let labelDE: String
    public let labelEN: String
    public let kind: Kind
    public let codes: [Code]
    /// The source form and field, or how the value is derived.
    public let source: String
    /// An outcome: left empty for a case without a legal basis for the evaluation.
    public let isOutcome: Bool
    /// The named source or derivation the value is computed by.
    let rule: Value
    /// What the rule is computed for within a family (a code, a state, a time point, a repeat).
    let member: Member

    init(_ name: String, de: String, en: String, kind: Kind, codes: [Code] = [], source: String, isOutcome: Bool = false,
         value rule: Value, member: Member = .none) {
        self.name = name
        self.labelDE = de
        self.labelEN = en
        self.kind = kind
        self.codes = kind == .flag && codes.isEmpty ? Variable.flagCodes : codes
        self.source = source
        self.isOutcome = isOutcome
        self.rule = rule
        self.member = member
    }

    /// The value for a case ("" when unknown or not applicable).
    public func value(_ facts: CaseFacts, _ context: ExportContext) -> String {
        value(facts, context, basis: isOutcome ? Derivations.legalBasis(facts, context) : .consent)
    }

    /// The value for a case whose legal basis the caller has derived once for all its variables
    /// (`Derivations.legalBasis`), as a row of the export does.
    func value(_ facts: CaseFacts, _ context: ExportContext, basis: LegalBasis) -> String {
        if isOutcome && basis == .none { return "" }
        return rule.value(facts, context, member) ?? ""
    }

    static let flagCodes = [Code(code: "0", de: "nein", en: "no"), Code(code: "1", de: "ja", en: "yes")]
}

/// What computing a row needs besides the case: the pseudonym key, the date precision.
public struct ExportContext: Sendable {
    /// `day` (YYYY-MM-DD) or `month` (YYYY-MM).
    public enum Precision: String, Sendable, CaseIterable {
        case day, month
    }

    public var precision: Precision
    /// The reference date (`YYYY-MM-DD`): a consent revoked by then is no legal basis.
    public var asOf: String
    /// Sites whose randomisation setup records the evaluation's approval under § 75 SGB X.
    public var approvedSites: Set<String>
    let pseudonym: @Sendable (Int) -> String

    init(precision: Precision, asOf: String, approvedSites: Set<String>, pseudonym: @escaping @Sendable (Int) -> String) {
        self.precision = precision
        self.asOf = asOf
        self.approvedSites = approvedSites
        self.pseudonym = pseudonym
    }

    /// A stored timestamp or date at the chosen precision.
    func date(_ text: String?) -> String? {
        guard let text else { return nil }
        // A stored timestamp is ASCII: its first eleven bytes, none a carriage return (the one ASCII
        // character joined to the next), are eleven characters, so the first ten are the first ten
        // bytes. Anything else is counted by characters.
        let n = precision == .day ? 10 : 7
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> ByteDate in
            guard bytes.count >= 10 else { return .tooShort }
            for byte in bytes.prefix(11) where byte >= 0x80 || byte == 0x0D { return .slow }
            return .date(String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(n)), as: UTF8.self))
        }
        switch fast {
        case .tooShort?: return nil
        case let .date(date)?: return date
        case .slow?, nil:
            // At least ten characters, counting no further than ten.
            guard text.index(text.startIndex, offsetBy: 10, limitedBy: text.endIndex) != nil else { return nil }
            return String(text.prefix(n))
        }
    }

    private enum ByteDate {
        case tooShort, slow
        case date(String)
    }
}
