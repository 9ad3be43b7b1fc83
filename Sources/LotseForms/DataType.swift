import LotseCalendar
/// The value types of form fields (XForms bind `type`, plus the select kinds from the body).
public enum DataType: String, Sendable, CaseIterable {
    case string, int, decimal, date, dateTime, time, boolean
    /// One choice (`select1` in the body).
    case select1
    /// Several choices, space-separated (`select` in the body).
    case select

    /// The type named by a bind's `type` attribute (`xsd:` prefix allowed); nil when unknown.
    /// Types Lotse refuses (geo, binary, barcode) are reported separately by the reader.
    public init?(bindType text: String) {
        let name = text.hasPrefix("xsd:") ? String(text.dropFirst(4)) : text
        switch name {
        case "string": self = .string
        case "int", "integer": self = .int
        case "decimal", "double": self = .decimal
        case "date": self = .date
        case "dateTime": self = .dateTime
        case "time": self = .time
        case "boolean": self = .boolean
        case "select1": self = .select1
        case "select": self = .select
        default: return nil
        }
    }

    /// Bind types that exist in ODK but that Lotse refuses at load time.
    static let refused: Set<String> = ["geopoint", "geotrace", "geoshape", "binary", "barcode", "xsd:base64Binary",
                                       "base64Binary", "rank"]

    /// A short name for `form show`, in German (`de`) or English.
    public func displayName(_ language: String) -> String {
        let de = language == "de"
        switch self {
        case .string: return de ? "Text" : "text"
        case .int: return de ? "ganze Zahl" : "integer"
        case .decimal: return de ? "Zahl" : "decimal"
        case .date: return de ? "Datum" : "date"
        case .dateTime: return de ? "Datum und Uhrzeit" : "date and time"
        case .time: return de ? "Uhrzeit" : "time"
        case .boolean: return de ? "ja/nein" : "yes/no"
        case .select1: return de ? "eine Auswahl" : "one choice"
        case .select: return de ? "Mehrfachauswahl" : "several choices"
        }
    }

    /// The canonical form of `text` if it is a valid value of this type (choices not checked
    /// here), nil otherwise. Accepts a decimal comma (`3,5`) as people in Germany write it.
    public func normalise(_ text: String) -> String? {
        let value = text.trimmed()
        switch self {
        case .string: return text
        case .int:
            guard let n = Int(value), abs(n) <= Int(Int32.max) else { return nil }
            return String(n)
        case .decimal:
            // As Java's Double.parseDouble (Collect), plus a German decimal comma.
            var dotted = value.replacingCommaDecimal()
            guard dotted.allSatisfy({ "0123456789+-.eE".contains($0) }) else { return nil }
            if dotted.hasPrefix(".") { dotted = "0" + dotted } else if dotted.hasPrefix("-.") { dotted = "-0" + dotted.dropFirst() }
            guard let d = Double(dotted), d.isFinite else { return nil }
            return dotted.hasPrefix("+") ? String(dotted.dropFirst()) : dotted
        case .date: return CivilDate(value) != nil ? value : nil
        case .dateTime: return DateTimeText.isValid(value) ? value : nil
        case .time: return DateTimeText.isValidTime(value) ? value : nil
        case .boolean:
            switch value.lowercased() {
            case "true", "1", "yes", "ja": return "true"
            case "false", "0", "no", "nein": return "false"
            default: return nil
            }
        case .select1: return value.isEmpty || value.utf8.contains(UInt8(ascii: " ")) ? nil : value
        case .select: return value.split(separator: " ").joined(separator: " ")
        }
    }

    /// Why `value` is not a value of this type: a date in the right shape that is not a day
    /// of the calendar (`2026-02-30`) is told so; otherwise what a value must look like.
    public func problemMessage(for value: String, _ language: String) -> String {
        let de = language == "de"
        if self == .date, value.utf8.count == 10, value.split(separator: "-").map(\.count) == [4, 2, 2],
           value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            return de ? "Den \(value) gibt es im Kalender nicht." : "\(value) is not a day of the calendar."
        }
        return formatMessage(language)
    }

    /// What a value of this type must look like, in German and English.
    public func formatMessage(_ language: String) -> String {
        let de = language == "de"
        switch self {
        case .string: return de ? "Bitte einen Text eingeben." : "Enter some text."
        case .int: return de ? "Bitte eine ganze Zahl eingeben." : "Enter a whole number."
        case .decimal: return de ? "Bitte eine Zahl eingeben (z. B. 3,5)." : "Enter a number (e.g. 3.5)."
        case .date: return de ? "Bitte ein Datum als JJJJ-MM-TT eingeben." : "Enter a date as YYYY-MM-DD."
        case .dateTime:
            return de ? "Bitte Datum und Uhrzeit als JJJJ-MM-TTThh:mm eingeben." : "Enter a date and time as YYYY-MM-DDThh:mm."
        case .time: return de ? "Bitte eine Uhrzeit als hh:mm eingeben." : "Enter a time as hh:mm."
        case .boolean: return de ? "Bitte ja oder nein eingeben." : "Enter yes or no."
        case .select1: return de ? "Bitte einen der angebotenen Codes wählen." : "Choose one of the codes offered."
        case .select: return de ? "Bitte Codes aus der Liste wählen, durch Leerzeichen getrennt." :
            "Choose codes from the list, separated by spaces."
        }
    }
}

/// Checks of ISO 8601 time and dateTime text as ODK writes it (ASCII digits only; see
/// `CivilDate` and `CivilTime`).
enum DateTimeText {
    static func isValidTime(_ text: String) -> Bool { CivilTime(text) != nil }

    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, CivilDate(parts[0]) != nil else { return false }
        return CivilTime(parts[1]) != nil
    }
}

extension String {
    /// Without leading and trailing whitespace.
    func trimmed() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// `3,5` → `3.5` (a single comma and no dot).
    func replacingCommaDecimal() -> String {
        guard !contains("."), filter({ $0 == "," }).count == 1 else { return self }
        return String(map { $0 == "," ? "." : $0 })
    }
}
