/// The headings of the shell's listings, keyed by column id. A table for people shows the
/// heading in the session's language; CSV and JSON keep the column id itself (the English
/// heading), so scripts that read them do not depend on `--lang`.
enum ColumnTitle {
    /// The heading of the column `key`: its catalogue entry, or the key itself in both languages
    /// for a column that is display text already (a report's).
    static func wording(_ key: String) -> Wording {
        german[key].map { Wording(de: $0, en: key) } ?? .verbatim(key)
    }

    /// Every column id of the catalogue (for the catalogue's test).
    static var keys: [String] { german.keys.sorted() }

    /// German headings, keyed by the column id (the English heading).
    private static let german: [String: String] = [
        "access": "Zugriff", "action": "Aktion", "actor": "Benutzer", "age_class": "Altersklasse",
        "applicant_type": "Profillage", "assigned": "zugewiesen", "at": "Zeitpunkt", "block": "Block",
        "by": "von", "calculate": "Berechnung", "case": "Fall", "cases": "Fälle", "choices": "Auswahl",
        "client": "Klient", "code": "Code", "column": "Spalte", "comparison": "Vergleichsgruppe",
        "condition": "Bedingung", "constraint": "Bedingung (Wert)", "contact_interval": "Kontaktintervall",
        "created": "angelegt", "current": "aktuell", "detail": "Details", "due": "fällig", "eligible": "berechtigt",
        "entry": "Eintrag", "event": "Ereignis", "field": "Feld", "fields": "Felder", "four_eyes": "Vier-Augen",
        "from": "von", "group": "Gruppe", "hash": "Hash", "id": "Nr.", "kind": "Art", "label": "Beschriftung",
        "level": "Ausprägung", "name": "Name", "open": "offen", "overdue": "überfällig",
        "participants": "Teilnehmende", "position": "Position", "prev_hash": "vorheriger Hash",
        "pseudonym": "Pseudonym", "records": "erfasst", "relevant": "relevant", "required": "Pflicht",
        "requires": "braucht", "role": "Rolle", "roles": "Rollen", "row": "Zeile", "seq": "Nr.", "sex": "Geschlecht",
        "sha256": "SHA-256", "share_c": "Anteil V", "share_p": "Anteil T", "site": "Standort", "sites": "Standorte",
        "slot": "Platz", "state": "Zustand", "status": "Status", "std_diff": "std. Differenz", "stored": "gespeichert",
        "stratum": "Schicht", "submission": "Erfassung", "table": "Tabelle", "title": "Titel", "to": "nach",
        "total": "gesamt", "type": "Typ", "value": "Wert", "variable": "Variable", "version": "Version",
        "workflow": "Workflow",
    ]
}
