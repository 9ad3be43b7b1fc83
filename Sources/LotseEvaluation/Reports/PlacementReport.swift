public import LotseCases

/// `report placements --by kldb|wz [--level N]`: placements by occupation (KldB 2010, levels
/// 1–5 digits) or sector (WZ 2008: 1 = section A–U, 2 = division NN, 3 = group NN.N,
/// 4 = class NN.NN, 5 = subclass NN.NN.N): labour-market monitoring (seed recommendation c).
public enum PlacementReport {
    public static func build(_ office: Office, by actor: Actor, byWZ: Bool, level: Int, site: String?, asOf: String?,
                             language: String) throws -> ReportTable {
        try build(office, by: actor, byWZ: byWZ, level: level, site: site, asOf: asOf, language: language, protect: true)
    }

    /// Placements per site and code, counts per kind (integration, minijob, other), as of the
    /// scope's bound; the site sizes and the first case's start.
    static func counts(_ office: Office, _ scope: ReportScope, byWZ: Bool, level: Int, minimum: Int) throws
        -> (counts: [String: [String: [Int]]], sizes: SiteSizes, first: String?) {
        var counts = [String: [String: [Int]]]()     // site → code → counts per kind
        var sizes = SiteSizes(minimum: minimum)
        var first: String?
        try office.facts(acrossSitesOf: scope) { facts in
            sizes.add(site: facts.site, group: facts.group?.rawValue)
            if facts.group != nil { first = min(first ?? facts.openedAt, facts.openedAt) }
            guard let placement = facts.forms["placement"]?.last else { return }
            let raw = placement[byWZ ? "wz" : "kldb"] ?? ""
            guard !raw.isEmpty else { return }
            let code = byWZ ? wzCode(raw, level: level) : String(raw.prefix(level))
            let kind = Derivations.integrationCodes.contains(placement["outcome"] ?? "") ? 0
                : placement["outcome"] == "MINIJOB" ? 1 : 2
            counts[facts.site, default: [:]][code, default: [0, 0, 0]][kind] += 1
        }
        return (counts, sizes, first)
    }

    /// Builds the report; `protect` false leaves out the protection against earlier reference
    /// dates (only for the test that shows what it protects).
    static func build(_ office: Office, by actor: Actor, byWZ: Bool, level: Int, site: String?, asOf: String?,
                      language: String, protect: Bool) throws -> ReportTable {
        let scope = try office.reportScope(by: actor, site: site, asOf: asOf)
        guard (1...5).contains(level) else { throw EvaluationError.badLevel(level, byWZ ? "WZ" : "KldB") }
        let kinds = ["integration", "minijob", "other"]
        let minimum = try office.minimumSiteSize()
        let (counts, sizes, first) = try Self.counts(office, scope, byWZ: byWZ, level: level, minimum: minimum)
        try sizes.check(site: site, in: office)
        // One row of three kinds and its total per code; one such table per site and pooled.
        let codes = Set(counts.values.flatMap(\.keys)).sorted()
        let width = kinds.count + 1
        let layout = SiteTables.Layout(
            roles: Array(repeating: .published, count: codes.count * width),
            sums: codes.indices.map { r in CellSuppression.Sum(total: r * width + kinds.count, parts: (0..<kinds.count).map { r * width + $0 }) })
        func values(_ counts: [String: [String: [Int]]], _ sites: some Sequence<String>) -> [String: [Int]] {
            var values = [String: [Int]]()
            for s in Set(counts.keys).union(sites) {
                values[s] = codes.flatMap { code -> [Int] in
                    let c = counts[s]?[code] ?? [0, 0, 0]
                    return c + [c.reduce(0, +)]
                }
            }
            return values
        }
        // The same codes' counts at every earlier reference date.
        let earlier = try office.earlierScopes(of: scope, since: first, protect: protect).map { earlierScope in
            let before = try Self.counts(office, earlierScope, byWZ: byWZ, level: level, minimum: minimum)
            return values(before.counts, before.sizes.randomised.keys)
        }
        let protected = SiteTables(layout: layout, values: values(counts, sizes.randomised.keys), small: sizes.small,
                                   rule: .standard, earlier: earlier)
        let de = language == "de"
        let format = de ? ReportFormat.german : ReportFormat.english
        var table = ReportTable(
            title: (de ? "Integrationen nach " : "Placements by ") + (byWZ ? (de ? "Wirtschaftszweig (WZ 2008)" : "sector (WZ 2008)")
                : (de ? "Beruf (KldB 2010)" : "occupation (KldB 2010)")) + ", " + (de ? "Ebene " : "level ") + String(level)
                + (site.map { " · \($0)" } ?? "") + " · " + (de ? "Stichtag " : "as of ") + scope.reference.day,
            columns: de ? ["Code", "Bezeichnung", "Integrationen (K2)", "Minijobs", "sonstige", "gesamt"]
                : ["code", "label", "integrations (K2)", "minijobs", "other", "total"])
        var anyHidden = false
        table.key = "placements"
        for (r, code) in codes.enumerated() where protected.value(site, r * width + kinds.count) > 0 {
            let cells = (0..<width).map { r * width + $0 }
            for (c, kind) in (kinds + ["total"]).enumerated() {
                table.data.append(protected.datum(site, cells[c], row: (byWZ ? "wz:" : "kldb:") + code, column: kind))
            }
            anyHidden = anyHidden || cells.contains { !protected.isShown(site, $0) }
            table.rows.append([code, label(code, byWZ: byWZ, level: level, de: de)] + cells.map { protected.text(site, $0, format) })
        }
        if let note = scope.reference.note(de: de) { table.notes.append(note) }
        if anyHidden { table.notes.append(SiteTables.note(de: de, minimum: sizes.minimum)) }
        return table
    }

    /// A WZ code `NN.NN.N` at a level.
    static func wzCode(_ code: String, level: Int) -> String {
        let digits = code.filter(\.isNumber)
        switch level {
        case 1: return Int(digits.prefix(2)).flatMap(section) ?? "?"
        case 2: return String(digits.prefix(2))
        case 3: return String(digits.prefix(2)) + "." + String(digits.dropFirst(2).prefix(1))
        case 4: return String(digits.prefix(2)) + "." + String(digits.dropFirst(2).prefix(2))
        default: return code
        }
    }

    /// The WZ 2008 / NACE Rev. 2 section of a division.
    static func section(_ division: Int) -> String? {
        let ranges: [(ClosedRange<Int>, String)] = [
            (1...3, "A"), (5...9, "B"), (10...33, "C"), (35...35, "D"), (36...39, "E"), (41...43, "F"), (45...47, "G"),
            (49...53, "H"), (55...56, "I"), (58...63, "J"), (64...66, "K"), (68...68, "L"), (69...75, "M"), (77...82, "N"),
            (84...84, "O"), (85...85, "P"), (86...88, "Q"), (90...93, "R"), (94...96, "S"), (97...98, "T"), (99...99, "U"),
        ]
        return ranges.first { $0.0.contains(division) }?.1
    }

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
