import Foundation
import LotseStore

extension OutputError {
    /// The refusal of an output file, in both languages (the store's `description` is the English).
    var wording: Wording {
        let en = description
        switch self {
        case let .protectedFile(path, what):
            return Wording(de: "--out \(path): das ist \(Self.german(what)); Lotse überschreibt das nie (nichts wurde geschrieben)", en: en)
        case let .exists(path):
            return Wording(de: "--out \(path): die Datei existiert; --force ersetzt sie (nichts wurde geschrieben)", en: en)
        case let .notAFile(path, kind):
            return Wording(de: "--out \(path): das ist \(Self.german(kind)), keine Datei (nichts wurde geschrieben)", en: en)
        case let .cannotCreate(path, reason):
            return Wording(de: "--out \(path): dort kann keine Datei angelegt werden: \(reason) (nichts wurde geschrieben)", en: en)
        case let .writeFailed(path, reason):
            return Wording(de: "--out \(path): das Schreiben ist gescheitert: \(reason) (nichts wurde geschrieben)", en: en)
        case let .publishFailed(path, staging, reason):
            return Wording(de: "--out \(path): die Ausgabe ist vollständig und protokolliert, konnte aber nicht an ihren Platz "
                               + "gelegt werden (\(reason)); sie liegt in \(staging)", en: en)
        }
    }

    private static func german(_ what: String) -> String {
        switch what {
        case "a block device": "ein Blockgerät"
        case "a folder": "ein Ordner"
        case "a socket or other special file": "ein Socket oder eine andere Sonderdatei"
        case "the open database": "die geöffnete Datenbank"
        default:
            what.replacingOccurrences(of: "the database's write-ahead log", with: "das Write-Ahead-Log der Datenbank")
                .replacingOccurrences(of: "the database's shared-memory file", with: "die Shared-Memory-Datei der Datenbank")
                .replacingOccurrences(of: "the database's rollback journal", with: "das Rollback-Journal der Datenbank")
                .replacingOccurrences(of: "the database's key file", with: "die Schlüsseldatei der Datenbank")
        }
    }
}
