import LotseCases
import LotseStore

/// The verdicts of `audit verify` and the audit log's own refusals in both languages: a person
/// acts on them (restores a backup, asks who changed a row), so they are words, not codes. The
/// English is the store's own `description`; hashes, tables and row numbers stay as they are.
extension AuditBreak {
    var wording: Wording {
        let en = description
        switch reason {
        case let .hashMismatch(stored, computed):
            return Wording(de: "ihr gespeicherter Hash \(stored.prefix(16))… passt nicht zum neu berechneten "
                               + "\(computed.prefix(16))…: die Zeile wurde nach dem Schreiben geändert", en: en)
        case let .brokenLink(stored, expected):
            return Wording(de: "ihr prev_hash \(stored.prefix(16))… ist nicht der Hash von Zeile \(seq - 1) "
                               + "(\(expected.prefix(16))…): eine Zeile wurde eingefügt oder ersetzt", en: en)
        case let .missing(found):
            return Wording(de: "die Zeile fehlt (die nächste ist \(found)): Zeilen wurden gelöscht", en: en)
        case .malformedRecords:
            return Wording(de: "ihr Feld records ist fehlerhaft", en: en)
        }
    }

    /// `the audit log is broken at row N: …`.
    var verdict: Wording {
        Wording(de: "das Audit-Protokoll ist bei Zeile \(seq) gebrochen: ", en: "the audit log is broken at row \(seq): ")
            + wording
    }
}

extension DataBreak {
    var wording: Wording {
        let en = description
        switch reason {
        case let .changed(seq):
            return Wording(de: "\(table): \(kind) \(id) weicht davon ab, was Audit-Zeile \(seq) festhielt: es wurde "
                               + "außerhalb von Lotse geändert", en: en)
        case let .missing(seq):
            return Wording(de: "\(table): \(kind) \(id), festgehalten von Audit-Zeile \(seq), fehlt: es wurde gelöscht", en: en)
        case .unrecorded:
            return Wording(de: "\(table): \(kind) \(id) steht nicht im Audit-Protokoll: es wurde außerhalb von Lotse "
                               + "hinzugefügt (oder seine Audit-Zeilen wurden entfernt)", en: en)
        }
    }
}

extension AuditVerification.LogProblem {
    var wording: Wording {
        let en = description
        switch self {
        case let .tableMissing(rows):
            return Wording(de: "die Audit-Tabelle fehlt, obwohl die Datenbank \(rows) Datenzeilen enthält: sie wurde entfernt",
                           en: en)
        case let .empty(rows):
            return Wording(de: "das Audit-Protokoll ist leer, obwohl die Datenbank \(rows) Datenzeilen enthält: es wurde "
                               + "geleert", en: en)
        case let .headMissing(seq, last):
            return Wording(de: "die notierte Kopfzeile \(seq) steht nicht im Protokoll (es endet bei Zeile \(last)): sein "
                               + "Ende wurde abgeschnitten", en: en)
        case let .headChanged(seq, written, found):
            return Wording(de: "Zeile \(seq) hat den Hash \(found.prefix(16))…, nicht den notierten \(written.prefix(16))…: "
                               + "das Protokoll wurde umgeschrieben", en: en)
        }
    }
}

extension AuditVerification {
    /// Every problem found, one sentence each, in both languages (as `problems`).
    var problemWordings: [Wording] {
        var lines: [Wording] = []
        if let failure { lines.append(failure.verdict) }
        if let logProblem { lines.append(logProblem.wording) }
        return lines + dataProblems.map(\.wording)
    }
}

extension AuditError {
    var wording: Wording {
        let en = description
        switch self {
        case let .corruptHead(seq):
            return Wording(de: "Audit-Zeile \(seq) hat einen fehlerhaften Hash; `audit verify` ausführen (nichts wurde "
                               + "geschrieben)", en: en)
        case let .missingLog(rows):
            return Wording(de: "das Audit-Protokoll ist leer, aber die Datenbank enthält \(rows) Datenzeilen: das Protokoll "
                               + "wurde entfernt; die Datenbank aus einer Sicherung wiederherstellen (nichts wurde geschrieben)",
                           en: en)
        }
    }
}

extension AuditFailure {
    var wording: Wording {
        let lines = result.problemWordings
        if lines.count == 1 { return lines[0] }
        return Wording(de: "audit verify fand \(lines.count) Probleme:\n  ", en: "audit verify found \(lines.count) problems:\n  ")
            + Wording(de: lines.map(\.de).joined(separator: "\n  "), en: lines.map(\.en).joined(separator: "\n  "))
    }
}

extension BackupError {
    var wording: Wording {
        let en = description
        switch self {
        case .standardOutput:
            return Wording(de: "backup braucht eine Datei: eine Kopie der Datenbank gehört nicht auf die Standardausgabe "
                               + "(nichts wurde geschrieben)", en: en)
        case let .integrity(result):
            return Wording(de: "die Kopie hat SQLites Integritätsprüfung nicht bestanden (\(result)); nichts wurde behalten", en: en)
        case let .auditBroken(result):
            return Wording(de: "das Audit-Protokoll der Kopie lässt sich nicht bestätigen ("
                               + result.problemWordings.map(\.de).joined(separator: "; ") + "); nichts wurde behalten", en: en)
        case .noAuditRows:
            return Wording(de: "das Audit-Protokoll der Kopie lässt sich nicht bestätigen (die Kopie hat keine Audit-Zeilen); "
                               + "nichts wurde behalten", en: en)
        case let .headMismatch(copy, original):
            return Wording(de: "die Kopie endet mit Audit-Zeile \(copy), die Datenbank hat dort aber \(original ?? "keine solche Zeile"); "
                               + "nichts wurde behalten", en: en)
        }
    }
}
