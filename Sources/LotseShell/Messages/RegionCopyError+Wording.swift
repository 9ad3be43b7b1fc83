import LotseStore

extension RegionCopyError {
    /// A refused or failed `lotse copy`, in both languages (the store's `description` is the English).
    var wording: Wording {
        let en = description
        let nothing = " (nichts wurde geändert)"
        switch self {
        case let .noSource(path):
            return Wording(de: "es gibt keine Datenbank \(path) zum Kopieren" + nothing, en: en)
        case let .sourceVersion(path, found, known):
            return Wording(de: "\(path) hat Schema-Version \(found), dieses Lotse schreibt Version \(known): "
                               + (found < known ? "erst aktualisieren (`lotse migrate --db \(path)`)"
                                                : "das neuere Lotse verwenden, das sie geschrieben hat") + nothing, en: en)
        case let .emptySource(path):
            return Wording(de: "\(path) hat kein Audit-Protokoll: es gibt kein Projekt zu kopieren" + nothing, en: en)
        case let .sourceBroken(problems):
            return Wording(de: "die Quelle besteht `audit verify` nicht und wird nicht kopiert" + nothing + ": "
                               + problems.joined(separator: "; "), en: en)
        case let .targetNotMigrated(target, found, known):
            return Wording(de: "\(target) hat Schema-Version \(found), nicht \(known): zuerst als Eigentümer "
                               + "`lotse migrate --db \(target)` ausführen" + nothing, en: en)
        case let .notOwner(target, role):
            return Wording(de: "\(target): die Rolle \(role) besitzt das Schema nicht; als Eigentümer kopieren (die Kopie "
                               + "setzt die Id-Sequenzen, was die Anwendungsrolle nicht darf)" + nothing, en: en)
        case let .targetNotEmpty(target, table):
            return Wording(de: "\(target) ist nicht leer (Tabelle \(table) hat Zeilen): ein Projekt wird nur in eine leere "
                               + "Datenbank kopiert" + nothing, en: en)
        case let .targetBroken(problems):
            return Wording(de: "die Kopie besteht `audit verify` im Ziel nicht und wurde zurückgerollt" + nothing + ": "
                               + problems.joined(separator: "; "), en: en)
        case let .headsDiffer(source, target):
            return Wording(de: "die Kopie endet mit Audit-Zeile \(target ?? "keiner"), die Quelle mit \(source): zurückgerollt"
                               + nothing, en: en)
        }
    }
}
