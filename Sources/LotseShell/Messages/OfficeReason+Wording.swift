import LotseCases
import LotseForms
import LotseWorkflow

extension OfficeReason {
    /// The reason in both languages; the English is the office's own `description`.
    var wording: Wording {
        let en = description
        func de(_ text: String) -> Wording { Wording(de: text, en: en) }
        switch self {
        case let .randomisedTo(group): return de("er wurde der Gruppe \(group) zugeteilt")
        case let .inPool(site): return de("er ist im Randomisierungspool des Standorts \(site)")
        case .comparisonOnlyByRandomise: return de("Fälle der Vergleichsgruppe entstehen nur durch `randomise`")
        case let .observationExists(at, submission, entry, caseID):
            return de("er hat schon eine Beobachtung zu \(at) (Erfassung \(submission), Eintrag \(entry)); eine Beobachtung "
                      + "je Fall und Zeitpunkt: eine Korrektur geht über `form submit \(caseID) observation --entry \(entry) ...`, "
                      + "und beide bleiben sichtbar")
        case let .outsideWindow(at, from, to, caseStart, months, reference, tolerance, date):
            return de("eine Beobachtung zu \(at) muss vom \(from) bis \(to) datiert sein (Fallbeginn \(caseStart) + \(months) "
                      + "Monate = \(reference), ±\(tolerance) Tage); \(date) liegt außerhalb")
        case .healthFormNeedsMedical: return de("es enthält Gesundheitsdaten; nur die Rolle medical erfasst es")
        case let .entriesInOtherStates(form, here):
            return de("Einträge von \(form) werden in anderen Zuständen erfasst; hier: "
                      + (here.isEmpty ? "keine" : here.joined(separator: ", ")))
        case let .noEntry(caseID, entry): return de("Fall \(caseID) hat keinen Eintrag \(entry)")
        case .notRepeatable: return de("es ist nicht wiederholbar; es hat keine Einträge")
        case let .healthForm(form, reading):
            return de(reading ? "das Lesen des Gesundheitsformulars \(form)" : "das Erfassen des Gesundheitsformulars \(form)")
        case .accountWasDisabled: return de("das Konto wurde gesperrt")
        case .roleOrSiteChanged: return de("Rolle oder Standort des Kontos wurden geändert")
        case .accountGone: return de("das Konto existiert nicht mehr")
        case let .passwordTooShort(n): return de("es muss mindestens \(n) Zeichen haben")
        case .passwordContainsName: return de("es darf den Benutzernamen nicht enthalten")
        case let .noRepeats(form): return de("das Formular \(form) hat keine Wiederholungen; seine Werte stehen in `export cases`")
        case let .medicalForm(form): return de("das Formular \(form) ist ärztlich: seine Werte werden nie exportiert")
        case .oneOf: return .verbatim(en)
        case .assigneeRole: return de("eine Fallmanagerin, ein Fallmanager oder eine Teamleitung")
        case let .assigneeSite(site, user, sites):
            return de("eine Fallmanagerin, ein Fallmanager oder eine Teamleitung des Standorts \(site) (\(user) arbeitet "
                      + (sites.isEmpty ? "an keinem Standort" : (sites.count == 1 ? "am Standort " : "an den Standorten ")
                         + sites.joined(separator: ", ")) + ")")
        case .reasonInWords: return de("ein Grund in Worten")
        case .seedFromSetup: return de("64 Hexadezimalziffern, gezogen von `randomise setup`")
        case .seedFromSource: return de("64 Hexadezimalziffern aus der Seed-Quelle")
        case .ratioParts: return de("positive Teile wie 1:1 oder 2:1")
        case .blockSizes: return de("Größen wie 4 oder 4,6")
        case let .blockMultiple(n): return de("ein Vielfaches von \(n) bis 100")
        case .eachVariableOnce: return de("jede Variable einmal")
        case .approvalInWords: return de("die Genehmigung in Worten (Behörde, Datum, Aktenzeichen)")
        case let .yearRange(from, to): return de("\(from) bis \(to)")
        case let .noSiteToRemove(user): return de("keiner: \(user) hat keinen Standort")
        case let .csv(reason): return de(Self.germanCSV[reason] ?? reason)
        case let .emptyFile(header): return de("leere Datei; erwartet wird die Kopfzeile " + header.joined(separator: ","))
        case let .badHeader(expected, found):
            return de("die Kopfzeile muss " + expected.joined(separator: ",") + " sein; gefunden: " + found.joined(separator: ","))
        case let .fieldCount(found, expected): return de("\(found) Felder; erwartet \(expected)")
        case let .notACase(text): return de("Fall \"\(text)\" ist keine Fallnummer")
        case let .repeatedRow(caseID, at, first): return de("Fall \(caseID) zu \(at) steht schon in Zeile \(first)")
        case let .invalidFields(caseID, problems):
            return Wording(de: "Fall \(caseID): ", en: "case \(caseID): ")
                + .verbatim(problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
        case let .refused(error):
            let whole = error.wording, tail = " (nichts wurde gespeichert)"
            return Wording(de: whole.de.hasSuffix(tail) ? String(whole.de.dropLast(tail.count)) : whole.de, en: en)
        case .noRows: return de("keine Zeilen unter der Kopfzeile")
        }
    }

    /// The CSV reader's reasons in German.
    private static let germanCSV = [
        "a quote inside an unquoted field": "ein Anführungszeichen in einem Feld ohne Anführungszeichen",
        "text after a closing quote": "Text nach einem schließenden Anführungszeichen",
    ]
}

extension ImportProblem {
    /// `line 7: …` / `Zeile 7: …`.
    var wording: Wording {
        (line.map { Wording(de: "Zeile \($0): ", en: "line \($0): ") } ?? .empty) + reason.wording
    }
}

extension ConsentState {
    /// The consent's state in both languages; the English is its own `description`.
    var wording: Wording {
        switch self {
        case .notRecorded: Wording(de: "keine Einwilligung ist erfasst", en: description)
        case .refused: Wording(de: "die Einwilligung wurde verweigert", en: description)
        case let .revoked(day): Wording(de: "die Einwilligung wurde am \(day) widerrufen", en: description)
        case let .covers(date, purposes):
            Wording(de: "die Einwilligung vom \(date) deckt nur " + (purposes.isEmpty ? "nichts" : purposes.joined(separator: ", ")),
                    en: description)
        }
    }
}
