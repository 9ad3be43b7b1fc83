import LotseEvaluation

extension EvaluationPlanError {
    /// The refusal in both languages; the English is the evaluation layer's own `description`.
    var wording: Wording {
        let en = description
        switch self {
        case let .alreadyDeclared(plan):
            return Wording(de: "der Evaluationsplan wurde am \(plan.declaredAt.prefix(10)) von \(plan.declaredBy) festgelegt "
                               + "(Audit-Zeile \(plan.auditSeq)): primärer Endpunkt \(plan.primary), alpha \(plan.alpha), "
                               + "Mindestgröße je Standort \(plan.minimumSiteSize); ein Plan wird einmal festgelegt und nie "
                               + "geändert (nichts wurde geändert)", en: en)
        case let .unknownIndicator(name, suggestion):
            return Wording(de: "\(name) ist kein Indikator" + (suggestion.map { "; meinten Sie \($0)?" } ?? "")
                               + " (Indikatoren: " + EvaluationPlan.indicatorNames.joined(separator: ", ") + ")", en: en)
        case let .badAlpha(text):
            return Wording(de: "alpha \(text) ist keine Zahl zwischen 0 und 0.5 (zum Beispiel 0.05)", en: en)
        case let .badMinimumSiteSize(n):
            return Wording(de: "eine Mindestgröße je Standort von \(n) liegt außerhalb von "
                               + "\(EvaluationPlan.minimumSiteSizes.lowerBound)–\(EvaluationPlan.minimumSiteSizes.upperBound) "
                               + "Fällen je Gruppe", en: en)
        }
    }
}

extension EvaluationError {
    /// The refusal in both languages; the English is the evaluation layer's own `description`.
    var wording: Wording {
        let en = description
        switch self {
        case let .cannotWrite(path): return Wording(de: "\(path) kann nicht geschrieben werden", en: en)
        case let .badDate(text): return Wording(de: "\"\(text)\" ist kein Datum JJJJ-MM-TT", en: en)
        case let .unknownFormat(text): return Wording(de: "unbekanntes Format \(text); csv oder json verwenden", en: en)
        case let .badLevel(level, by):
            return Wording(de: "die Ebene \(level) gibt es für \(by) nicht (KldB 1–5, WZ 1–5)", en: en)
        case let .siteTooSmall(site, p, c, minimum):
            return Wording(de: "der Standort \(site) hat \(p) Teilnehmende und \(c) Fälle der Vergleichsgruppe; ein "
                               + "Standortbericht braucht mindestens \(minimum) Fälle in jeder Gruppe (Geheimhaltung: der "
                               + "Standort ist nur im gepoolten Bericht)", en: en)
        }
    }
}
