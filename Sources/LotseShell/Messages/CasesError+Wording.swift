import LotseCases

extension CasesError {
    /// What a name check was about (`user name`, `site code`, `site name`), in both languages.
    static func nameWording(_ what: String) -> Wording {
        switch what {
        case "user name": Wording(de: "Benutzername", en: what)
        case "site code": Wording(de: "Standortcode", en: what)
        case "site name": Wording(de: "Standortname", en: what)
        default: .verbatim(what)
        }
    }

    /// What an invalid value was meant to be (`assignee`, `block`), in both languages.
    static func valueWording(_ what: String) -> String {
        [
            "assignee": "Zuständige·r", "reason": "Grund", "seed": "Seed", "ratio": "Verhältnis", "block": "Block",
            "stratum variable": "Schichtungsvariable", "strata": "Schichten", "site to remove": "zu entfernender Standort",
            "legal basis": "Rechtsgrundlage", "sex": "Geschlecht", "applicant type": "Profillage",
            "birth year": "Geburtsjahr",
        ][what] ?? what
    }

    /// What a site refusal is about (`case 12`, `client 3`, `the case list`), in German.
    static func thingWording(_ what: String) -> String {
        switch what {
        case "the case list": return "die Fallliste"
        case "the client list": return "die Klientenliste"
        case "a new client": return "ein neuer Klient"
        case "a backup": return "eine Sicherung"
        default:
            let parts = what.split(separator: " ")
            guard parts.count == 2 else { return what }
            switch parts[0] {
            case "case": return "Fall \(parts[1])"
            case "client": return "Klient \(parts[1])"
            default: return what
            }
        }
    }

    /// The refusal in both languages: the English is the domain layer's own `description`;
    /// reasons the office words itself (a consent's, a form's, an import's rows) are quoted as
    /// they are.
    var wording: Wording {
        let en = description
        switch self {
        case let .notAllowed(permission, role, user):
            let needed = Wording.roles(permission.roles.map(\.rawValue))
            return Wording(de: "`\(permission.rawValue)` braucht \(needed.de); \(user) hat die Rolle \(role.rawValue) "
                               + "(nichts wurde geändert)", en: en)
        case let .otherSite(what, site, user, sites):
            return Wording(de: "\(Self.thingWording(what)) gehört zum Standort \(site); \(user) arbeitet "
                               + (sites.isEmpty ? "an keinem Standort"
                                  : (sites.count == 1 ? "am Standort " : "an den Standorten ") + sites.joined(separator: ", "))
                               + " (nichts wurde geändert)", en: en)
        case let .regionOnly(what, user, sites):
            return Wording(de: "\(Self.thingWording(what)) enthält die Daten aller Standorte; \(user) arbeitet "
                               + (sites.count == 1 ? "am Standort " : "an den Standorten ") + sites.joined(separator: ", ")
                               + ": nur der Admin oder eine Teamleitung aller Standorte darf das (nichts wurde geändert)", en: en)
        case let .exportRefused(reason): return Wording(de: "nichts exportiert: \(reason.wording.de)", en: en)
        case .notLoggedIn:
            return Wording(de: "nicht angemeldet: zuerst `login BENUTZER`", en: en)
        case .notInitialised:
            return Wording(de: "diese Datenbank hat noch keine Benutzer: den ersten Admin mit `init --admin NAME` anlegen", en: en)
        case .alreadyInitialised:
            return Wording(de: "diese Datenbank hat schon Benutzer; `init` ist nur für eine neue Datenbank", en: en)
        case let .unknownUser(name): return Wording(de: "kein Benutzer namens \(name)", en: en)
        case let .userExists(name): return Wording(de: "ein Benutzer namens \(name) existiert bereits", en: en)
        case let .unknownSite(code): return Wording(de: "kein Standort mit dem Code \(code); `site list` zeigt die Standorte", en: en)
        case let .siteExists(code): return Wording(de: "ein Standort mit dem Code \(code) existiert bereits", en: en)
        case let .unknownRole(text):
            return Wording(de: "unbekannte Rolle \(text); die Rollen sind " + Role.allCases.map(\.rawValue).joined(separator: ", "),
                           en: en)
        case let .invalidName(text, what):
            return Wording(de: "ungültiger \(Self.nameWording(what).de) \"\(text)\": 1 bis 64 Buchstaben, Ziffern, '.', '_' "
                               + "oder '-' verwenden", en: en)
        case let .loginFailed(policy):
            return Wording(de: "Anmeldung fehlgeschlagen: unbekannter Benutzer, falsches Passwort oder gesperrtes Konto "
                               + "(\(policy.maxFailures) Fehlversuche nacheinander sperren es für \(policy.lockoutMinutes) Minuten)",
                           en: en)
        case let .sessionEnded(name, reason):
            return Wording(de: "die Sitzung von \(name) ist beendet: \(reason.wording.de); bitte neu anmelden (nichts wurde getan)", en: en)
        case let .passwordChangeRequired(name):
            return Wording(de: "\(name) hat sich mit einem Einmalpasswort angemeldet: zuerst mit `user passwd` ein eigenes "
                               + "setzen (nichts wurde getan)", en: en)
        case let .accountDisabled(name): return Wording(de: "das Konto \(name) ist gesperrt", en: en)
        case let .weakPassword(reason): return Wording(de: "Passwort abgelehnt: \(reason.wording.de)", en: en)
        case .cannotDisableSelf: return Wording(de: "das eigene Konto kann nicht gesperrt werden", en: en)
        case let .unknownClient(id): return Wording(de: "kein Klient \(id)", en: en)
        case let .groupByRandomisation(client, reason):
            return Wording(de: "Klient \(client): kein Fall von Hand: \(reason.wording.de); Gruppen (Teilnahme oder Vergleich) entstehen "
                               + "nur durch die Randomisierung (nichts wurde geändert)", en: en)
        case let .caseAlreadyOpen(client, open):
            return Wording(de: "Klient \(client) hat schon den offenen Fall \(open); ein offener Fall je Klient "
                               + "(nichts wurde geändert)", en: en)
        case let .clientHasCases(client, count):
            return Wording(de: "Klient \(client) hat schon \(count) Fall" + (count == 1 ? "" : "e")
                               + "; ein Klient mit Fall kann nicht in den Randomisierungspool, sonst gäbe ihm die "
                               + "Randomisierung einen zweiten Fall (nichts wurde geändert)", en: en)
        case let .randomisationNotSetUp(site):
            return Wording(de: "der Standort \(site) hat noch keine versiegelte Randomisierung: die Evaluation führt zuerst "
                               + "`randomise setup --site \(site)` aus", en: en)
        case let .randomisationSetUp(site):
            return Wording(de: "der Standort \(site) hat schon seine versiegelte Randomisierung; ihre Folge wird einmal "
                               + "festgelegt (nichts wurde geändert)", en: en)
        case let .recruitmentClosed(site):
            return Wording(de: "die Rekrutierung des Standorts \(site) ist geschlossen (randomise close); nichts wurde geändert",
                           en: en)
        case let .recruitmentOpen(site):
            return Wording(de: "der Seed des Standorts \(site) wird erst nach dem Ende seiner Rekrutierung gezeigt "
                               + "(`randomise close --site \(site)`)", en: en)
        case let .seedMismatch(site):
            return Wording(de: "der gespeicherte Seed des Standorts \(site) passt nicht zu seiner Festlegung im "
                               + "Audit-Protokoll; die Einrichtung wurde verändert", en: en)
        case let .consentMissing(caseID, what, purposes, reason):
            return Wording(de: "Fall \(caseID): \(what.wording.de) braucht eine Einwilligung für "
                               + (purposes.count == 1 ? "den Zweck " : "die Zwecke ") + purposes.joined(separator: ", ")
                               + ": \(reason.wording.de) (nichts wurde geändert)", en: en)
        case let .observationRefused(caseID, reason):
            return Wording(de: "Fall \(caseID): \(reason.wording.de) (nichts wurde gespeichert)", en: en)
        case let .importRefused(file, problems):
            return Wording(de: "\(file): \(problems.count) fehlerhafte Zeile" + (problems.count == 1 ? "" : "n")
                               + "; nichts wurde eingelesen:\n" + problems.map { "  " + $0.wording.de }.joined(separator: "\n"), en: en)
        case let .emptyPool(site):
            return Wording(de: "der Standort \(site) hat keinen berechtigten Klienten ohne Zuteilung; nichts wurde randomisiert "
                               + "(client add --eligible oder client eligible KLIENT nimmt in den Pool auf)", en: en)
        case let .unknownCase(id): return Wording(de: "kein Fall \(id)", en: en)
        case let .unknownWorkflow(name, known):
            return Wording(de: "kein Workflow \"\(name)\"" + (known.isEmpty ? "" : "; Workflows: " + known.joined(separator: ", ")),
                           en: en)
        case let .unknownForm(id, known):
            return Wording(de: "kein Formular \"\(id)\"" + (known.isEmpty ? "" : "; Formulare: " + known.joined(separator: ", ")),
                           en: en)
        case let .missingDefinition(id):
            return Wording(de: "die gespeicherte Definition \(id) fehlt in der Datenbank", en: en)
        case let .definitionChanged(kind, name, version, stored, now):
            let thing = kind == "form" ? "das Formular" : kind == "workflow" ? "der Workflow" : "die Definition"
            return Wording(de: "\(thing) \(name) Version \(version) wurde geändert: gespeichert mit sha256 \(stored), die Datei "
                               + "hat jetzt sha256 \(now); eine geänderte Definition braucht eine neue Version "
                               + "(nichts wurde gespeichert)", en: en)
        case let .storedDefinitionInvalid(name, problem):
            return Wording(de: "die gespeicherte Version von \(name) lässt sich nicht mehr lesen: \(problem)", en: en)
        case let .refused(caseID, refusal):
            return .verbatim("Fall \(caseID): ").with(en: "case \(caseID): ") + refusal.wording
        case let .concurrentChange(caseID):
            return Wording(de: "Fall \(caseID) wurde inzwischen von jemand anderem geändert; nichts wurde geändert "
                               + "(mit case show \(caseID) neu ansehen)", en: en)
        case let .caseClosed(id):
            return Wording(de: "Fall \(id) ist abgeschlossen; eine Teamleitung kann ihn wieder öffnen", en: en)
        case let .caseNotClosed(id): return Wording(de: "Fall \(id) ist nicht abgeschlossen", en: en)
        case let .invalidSubmission(form, problems):
            let count = Wording.problems(problems.count)
            return Wording(de: "das Formular \(form) ist nicht gültig (\(count.de)); nichts wurde gespeichert:\n"
                               + problems.map { "  \($0.field): \($0.message)" }.joined(separator: "\n"), en: en)
        case let .formNotAllowed(form, reason):
            return Wording(de: "das Formular \(form) kann jetzt nicht erfasst werden: \(reason.wording.de)", en: en)
        case let .form(error): return error.wording
        case let .invalidValue(what, value, expected):
            return Wording(de: "ungültig: \(Self.valueWording(what)) \"\(value)\"; erwartet wird \(expected.wording.de)", en: en)
        case let .sitesForRole(role, needsSite):
            return needsSite
                ? Wording(de: "die Rolle \(role.rawValue) arbeitet an Standorten: mindestens einen mit --site S[,S2] angeben", en: en)
                : Wording(de: "die Rolle \(role.rawValue) gilt für die ganze Region: sie nimmt kein --site", en: en)
        case let .store(error): return .verbatim(error.description)
        }
    }
}

extension Wording {
    /// The same wording with another English text.
    func with(en: String) -> Wording { Wording(de: de, en: en) }
}
