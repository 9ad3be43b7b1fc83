import LotseWorkflow

extension Refusal {
    /// Why firing changed nothing, in both languages (the workflow layer's `message` is the English).
    var wording: Wording {
        switch reason {
        case .unknownState(let workflow):
            return Wording(de: "der Fall ist im Zustand '\(state)', den der Workflow \(workflow) nicht hat", en: message)
        case .closed:
            return Wording(de: "der Fall ist abgeschlossen (Zustand '\(state)'); kein Ereignis ist möglich", en: message)
        case .noSuchEvent(let available):
            let here = available.isEmpty ? "hier gibt es keine Ereignisse" : "Ereignisse hier: " + available.joined(separator: ", ")
            return Wording(de: "kein Übergang für '\(event)' im Zustand '\(state)'; \(here)", en: message)
        case .conditionFalse(let checks):
            let each = checks.map(Self.german).joined(separator: "; ")
            return Wording(de: "'\(event)' ist im Zustand '\(state)' nicht möglich: keine Bedingung ist erfüllt: \(each)",
                           en: message)
        case .roleNotAllowed(let role, let allowed):
            let who = allowed.isEmpty ? "keine Rolle" : allowed.map(\.rawValue).joined(separator: ", ")
            return Wording(de: "die Rolle '\(role.rawValue)' darf '\(event)' im Zustand '\(state)' nicht auslösen (erlaubt: \(who))",
                           en: message)
        case .formMissing(let missing):
            let each = missing.map { form in
                switch form.requiredBy {
                case .leaving(let state): "\(form.form) (um '\(state)' zu verlassen)"
                case .transition: "\(form.form) (für diesen Übergang)"
                }
            }.joined(separator: ", ")
            return Wording(de: "'\(event)' im Zustand '\(state)' braucht eine aktuelle gültige Erfassung von: \(each)", en: message)
        case .fourEyes(let user):
            let who = userName.map { "\($0) (Benutzer \(user))" } ?? "Benutzer \(user)"
            return Wording(de: "Vier-Augen-Prinzip: '\(event)' im Zustand '\(state)' muss jemand anderes auslösen als \(who), "
                               + "der den Übergang in diesen Zustand ausgelöst hat",
                           en: message)
        case .fourEyesConflict(let conflicts):
            let each = conflicts.map { conflict in
                switch conflict {
                case let .fired(event): "hat '\(event)' ausgelöst"
                case let .authored(form): "hat das Formular '\(form)' erfasst, das die Entscheidung liest"
                }
            }.joined(separator: " und ")
            return Wording(de: "Vier-Augen-Prinzip: '\(event)' im Zustand '\(state)' muss jemand auslösen, der an der "
                               + "Entscheidung nicht beteiligt war; dieser Benutzer " + each,
                           en: message)
        case .consentMissing(let purposes, let consent):
            return Wording(de: "'\(event)' im Zustand '\(state)' braucht eine Einwilligung für "
                               + (purposes.count == 1 ? "den Zweck " : "die Zwecke ") + purposes.joined(separator: ", ") + ": \(consent.wording.de)",
                           en: message)
        }
    }

    /// `[COND] ist falsch (VALUES)`.
    private static func german(_ check: GuardCheck) -> String {
        var text = "[\(check.cond)] "
        if let error = check.error { text += "ist nicht auswertbar: \(error)" } else { text += "ist falsch" }
        let values: [String] = check.values.map { value in
            if let v = value.value { return "\(value.path) = \"\(v)\"" }
            return "\(value.path) fehlt"
        }
        if !values.isEmpty { text += " (" + values.joined(separator: ", ") + ")" }
        return text
    }
}
