import LotseDemo

extension DemoError {
    /// The refusal in both languages; the English is the demo's own `description`.
    var wording: Wording {
        let en = description
        switch self {
        case let .databaseExists(path):
            return Wording(de: "\(path) existiert; die Demo-Region wird nur in eine neue Datenbankdatei gebaut (einen anderen "
                               + "Pfad wählen)", en: en)
        case let .invalidClientCount(n, allowed):
            return Wording(de: "\(n) Klienten: eine Demo-Region hat \(allowed.lowerBound) bis \(allowed.upperBound) Klienten",
                           en: en)
        case let .weakPassword(user, reason):
            return Wording(de: "das Passwort taugt nicht für den Demo-Benutzer \(user): \(reason)", en: en)
        case let .missingDefinitions(names, folder):
            return Wording(de: "\(folder) fehlt, was die Demo braucht: " + names.joined(separator: ", "), en: en)
        case .stepFailed:
            // A bug of the generator or of changed definitions: a report for whoever maintains them.
            return .verbatim(en)
        }
    }
}
