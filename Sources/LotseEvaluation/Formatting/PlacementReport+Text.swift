/// The placements as text: the table (German or English) from the report's counts, and the
/// data (`--format csv|json`) from the same counts, under their keys.
extension PlacementReport {
    /// The report as a table and its data.
    public func table(language: String) -> ReportTable {
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        var table = ReportTable(
            title: (de ? "Integrationen nach " : "Placements by ") + (byWZ ? (de ? "Wirtschaftszweig (WZ 2008)" : "sector (WZ 2008)")
                : (de ? "Beruf (KldB 2010)" : "occupation (KldB 2010)")) + ", " + (de ? "Ebene " : "level ") + String(level)
                + (site.map { " · \($0)" } ?? "") + " · " + (de ? "Stichtag " : "as of ") + reference.day,
            columns: de ? ["Code", "Bezeichnung", "Integrationen (K2)", "Minijobs", "sonstige", "gesamt"]
                : ["code", "label", "integrations (K2)", "minijobs", "other", "total"])
        table.key = "placements"
        var anyHidden = false
        for row in rows {
            let counts = [row.integration, row.minijob, row.other, row.total]
            for (count, kind) in zip(counts, ["integration", "minijob", "other", "total"]) {
                table.data.append(count.datum(row: (byWZ ? "wz:" : "kldb:") + row.code, column: kind))
            }
            anyHidden = anyHidden || counts.contains { $0.status != .shown }
            table.rows.append([row.code, Self.label(row.code, byWZ: byWZ, level: level, de: de)] + counts.map { format.count($0) })
        }
        if let note = reference.note(de: de) { table.notes.append(note) }
        if anyHidden { table.notes.append(SiteTables.note(de: de, minimum: minimumSiteSize)) }
        return table
    }

    /// The name of a level-1 code (KldB area, WZ section); empty at deeper levels.
    static func label(_ code: String, byWZ: Bool, level: Int, de: Bool) -> String {
        guard level == 1 else { return "" }
        if byWZ {
            let names: [String: (String, String)] = [
                "A": ("Land- und Forstwirtschaft, Fischerei", "agriculture, forestry and fishing"),
                "B": ("Bergbau", "mining and quarrying"), "C": ("Verarbeitendes Gewerbe", "manufacturing"),
                "D": ("Energieversorgung", "energy supply"), "E": ("Wasserversorgung, Entsorgung", "water supply, waste"),
                "F": ("Baugewerbe", "construction"), "G": ("Handel; Kfz-Reparatur", "trade; repair of motor vehicles"),
                "H": ("Verkehr und Lagerei", "transport and storage"), "I": ("Gastgewerbe", "accommodation and food"),
                "J": ("Information und Kommunikation", "information and communication"),
                "K": ("Finanz- und Versicherungsdienstleistungen", "finance and insurance"),
                "L": ("Grundstücks- und Wohnungswesen", "real estate"),
                "M": ("Freiberufliche, wissenschaftliche und technische Dienstleistungen", "professional and technical services"),
                "N": ("Sonstige wirtschaftliche Dienstleistungen", "administrative and support services"),
                "O": ("Öffentliche Verwaltung", "public administration"), "P": ("Erziehung und Unterricht", "education"),
                "Q": ("Gesundheits- und Sozialwesen", "health and social work"),
                "R": ("Kunst, Unterhaltung und Erholung", "arts and recreation"),
                "S": ("Sonstige Dienstleistungen", "other services"), "T": ("Private Haushalte", "households"),
                "U": ("Exterritoriale Organisationen", "extraterritorial organisations"),
            ]
            return names[code].map { de ? $0.0 : $0.1 } ?? ""
        }
        let areas: [String: (String, String)] = [
            "1": ("Land-, Forst- und Tierwirtschaft und Gartenbau", "agriculture, forestry, horticulture"),
            "2": ("Rohstoffgewinnung, Produktion und Fertigung", "raw materials, production, manufacturing"),
            "3": ("Bau, Architektur, Vermessung und Gebäudetechnik", "construction, architecture, building services"),
            "4": ("Naturwissenschaft, Geografie und Informatik", "science, geography, computing"),
            "5": ("Verkehr, Logistik, Schutz und Sicherheit", "transport, logistics, safety and security"),
            "6": ("Kaufmännische Dienstleistungen, Handel, Vertrieb, Tourismus", "commerce, trade, sales, tourism"),
            "7": ("Unternehmensorganisation, Buchhaltung, Recht und Verwaltung", "business organisation, accounting, law, administration"),
            "8": ("Gesundheit, Soziales, Lehre und Erziehung", "health, social work, teaching"),
            "9": ("Sprach-, Literatur-, Geistes-, Gesellschafts- und Wirtschaftswissenschaften, Medien, Kunst, Kultur, Gestaltung",
                  "humanities, media, arts, design"),
            "0": ("Militär", "military"),
        ]
        return areas[code].map { de ? $0.0 : $0.1 } ?? ""
    }
}
