import LotseForms

extension FormError {
    /// The error in both languages; the English is the forms layer's own `description`.
    var wording: Wording {
        let en = description
        switch self {
        case let .unknownField(key, form): return Wording(de: "das Formular \(form) hat kein Feld \"\(key)\"", en: en)
        case let .ambiguousField(key, paths):
            return Wording(de: "\"\(key)\" benennt mehrere Felder; schreiben Sie eines von " + paths.joined(separator: ", "), en: en)
        case let .notEnterable(name, reason):
            return Wording(de: "\(name) kann nicht eingegeben werden: \(reason.wording.de)", en: en)
        case let .wrongInstance(reason): return Wording(de: reason.wording.de, en: en)
        case let .repeatInstance(key, reason): return Wording(de: "\(key): \(reason.wording.de)", en: en)
        case let .evaluation(path, message): return Wording(de: "beim Auswerten von \(path): \(message)", en: en)
        }
    }
}

extension FormError.Reason {
    /// The reason in both languages; the English is its own `description`.
    var wording: Wording {
        let en = description
        func de(_ text: String) -> Wording { Wording(de: text, en: en) }
        func instances(_ n: Int) -> String { n == 1 ? "1 Instanz" : "\(n) Instanzen" }
        switch self {
        case .isGroup: return de("es ist eine Gruppe")
        case .isNote: return de("es ist ein Hinweis")
        case .isCalculated: return de("es wird berechnet")
        case .isPreloaded: return de("es wird automatisch ausgefüllt")
        case .isReadOnly: return de("es ist schreibgeschützt")
        case .countSetByForm: return de("die Zahl der Instanzen legt das Formular fest (jr:count)")
        case .noneCanBeAdded: return de("das Formular erlaubt kein Hinzufügen von Instanzen")
        case .noOuterInstance: return de("die Instanz darum existiert nicht")
        case .notRelevantNow: return de("es ist jetzt nicht relevant")
        case let .mostInstances(n): return de("es hat schon die meisten Instanzen (\(n))")
        case .noTemplate: return de("das Formular hat keine Vorlage dafür")
        case .noSuchInstance: return de("diese Instanz gibt es nicht")
        case let .instancesSetByForm(name, count, byCount):
            return de("\(name) hat hier \(instances(count)), vom Formular festgelegt"
                      + (byCount ? " (jr:count)" : " (keine kann hinzukommen)"))
        case let .nextInstance(name, count):
            return de("\(name) hat hier \(instances(count)); die nächste ist \(name)[\(count + 1)]")
        case let .instanceNumberSyntax(maximum): return de("eine Instanznummer wird [1], [2], … bis [\(maximum)] geschrieben")
        case let .notARepeat(step): return de("\(step) ist keine Wiederholung und hat daher keine Instanznummer")
        case let .otherRoot(document, form): return de("die Wurzel des Dokuments ist <\(document)>, die des Formulars <\(form)>")
        case let .otherForm(document, form): return de("das Dokument ist eine Instanz des Formulars \(document), nicht \(form)")
        case let .noField(form, path): return de("das Formular \(form) hat kein Feld \(path)")
        case let .tooManyInstances(path, maximum): return de("\(path) hat mehr als \(maximum) Instanzen")
        case let .twiceButNoRepeat(path): return de("\(path) kommt zweimal vor, ist aber keine Wiederholung")
        }
    }
}
