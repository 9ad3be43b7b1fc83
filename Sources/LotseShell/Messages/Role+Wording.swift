import LotseCases

extension Role {
    /// What the role is, in German and English (the two halves of `summary`, `Fallmanagement / case management`).
    var title: Wording {
        guard let slash = summary.range(of: " / ") else { return .verbatim(summary) }
        return Wording(de: String(summary[..<slash.lowerBound]), en: String(summary[slash.upperBound...]))
    }
}
