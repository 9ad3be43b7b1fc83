import Foundation
import LotseCases
import LotseEvaluation

extension Shell {
    static func randomisationCommands() -> [Command] {
        [
            Command(path: ["randomise"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", Wording(de: "der Standort, dessen Pool randomisiert wird "
                                                                      + "(Pflicht)",
                                                                  en: "the site whose pool is randomised (required)")),
                        OptionSpec("seed", value: "N", Wording(de: "abgelehnt: den Seed zieht das System bei "
                                                                   + "`randomise setup`",
                                                               en: "refused: the seed is drawn by the system at `randomise setup`"))],
                    summary: Wording(de: "die berechtigten Klienten eines Standorts entlang seiner versiegelten Folge "
                                         + "randomisieren (Evaluation)",
                                     en: "randomise a site's eligible clients along its sealed sequence (evaluator)"),
                    details: Wording(de: "Jeder berechtigte Klient des Standorts ohne Zuteilung oder Fall nimmt den "
                                         + "nächsten freien Platz der Folge seiner Schicht, festgelegt bei `randomise "
                                         + "setup` (\(Randomiser.algorithm)); ein Fall wird im Workflow amiga oder "
                                         + "comparison eröffnet. Der Lauf und der SHA-256 seiner Zuteilungen gehen ins "
                                         + "Audit-Protokoll. Eine Zuteilung wird danach nie geändert. Nur die Evaluation "
                                         + "randomisiert.",
                                     en: "Every eligible client of the site without an assignment or case takes the next free slot "
                                         + "of its stratum's sequence, fixed at `randomise setup` (\(Randomiser.algorithm)); a case is "
                                         + "opened in the amiga or comparison workflow. The run and the SHA-256 of its assignments go to "
                                         + "the audit log. An assignment is never changed afterwards. Only the evaluator randomises."),
                    group: .evaluation, permission: .randomise, needsLogin: true,
                    run: { shell, inv in try shell.randomise(inv) }),
            Command(path: ["randomise", "setup"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", Wording(de: "der Standort (Pflicht)",
                                                                  en: "the site (required)")),
                        OptionSpec("ratio", value: "A:B", Wording(de: "Teilnehmende : Vergleichsgruppe (Standard 1:1)",
                                                                  en: "participants : comparison (default 1:1)")),
                        OptionSpec("strata", value: "LIST",
                                   Wording(de: "Variablen, nach denen geschichtet wird (Standard "
                                               + "sex,age_class,applicant_type; none: eine Schicht)",
                                           en: "variables to stratify by (default sex,age_class,applicant_type; none: one stratum)")),
                        OptionSpec("block", value: "SIZES", Wording(de: "zufällig gezogene Blockgrößen, Vielfache von "
                                                                        + "A+B (Standard 4,6)",
                                                                    en: "block sizes drawn at random, multiples of A+B (default 4,6)")),
                        OptionSpec("legal-basis", value: "TEXT",
                                   Wording(de: "die Genehmigung der Evaluation nach § 75 SGB X (Behörde, Datum, "
                                               + "Aktenzeichen), falls vorhanden",
                                           en: "the evaluation's approval under § 75 SGB X (authority, date, reference), if any"))],
                    summary: Wording(de: "die Zuteilungsfolge eines Standorts versiegeln: Seed aus dem CSPRNG des "
                                         + "Systems, Festlegung protokolliert",
                                     en: "seal a site's allocation sequence: seed from the system's CSPRNG, commitment audited"),
                    details: Wording(de: "Einmal je Standort. Niemand wählt den Seed und niemand sieht ihn (oder einen "
                                         + "unbenutzten Platz) vor `randomise reveal` nach `randomise close`. Die "
                                         + "Audit-Zeile hält Algorithmus, Parameter und die SHA-256-Festlegung des Seeds "
                                         + "fest.",
                                     en: "Once per site. Nobody chooses the seed and nobody sees it (or any unused slot) until "
                                         + "`randomise reveal` after `randomise close`. The audit row records algorithm, parameters and "
                                         + "the SHA-256 commitment of the seed."),
                    group: .evaluation, permission: .setUpRandomisation, needsLogin: true,
                    run: { shell, inv in try shell.setUpRandomisation(inv) }),
            Command(path: ["randomise", "close"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", Wording(de: "der Standort (Pflicht)",
                                                                  en: "the site (required)"))],
                    summary: Wording(de: "die Rekrutierung eines Standorts schließen: dort keine Randomisierung mehr; "
                                         + "danach darf der Seed gezeigt werden",
                                     en: "close a site's recruitment: no more randomisation there; the seed may then be revealed"),
                    details: .empty, group: .evaluation, permission: .closeRecruitment, needsLogin: true,
                    run: { shell, inv in
                        let site = try shell.requiredSite(inv)
                        try shell.office.closeRecruitment(by: try shell.currentActor, site: site)
                        shell.say(.recruitmentClosed(site))
                    }),
            Command(path: ["randomise", "reveal"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", Wording(de: "der Standort (Pflicht)",
                                                                  en: "the site (required)"))],
                    summary: Wording(de: "Seed und Parameter eines geschlossenen Standorts zeigen, um jede Zuteilung "
                                         + "nachzuvollziehen",
                                     en: "show a closed site's seed and parameters, to reproduce every assignment"),
                    details: Wording(de: "Der Seed wird gegen seine Festlegung geprüft; das Zeigen wird mit dem Seed "
                                         + "protokolliert. Tools/check-randomisation.py rechnet die Zuteilungen nach "
                                         + "(`randomise assignments --format csv`).",
                                     en: "The seed is checked against its commitment; the reveal is audited with the seed. "
                                         + "Tools/check-randomisation.py reproduces the assignments (`randomise assignments --format csv`)."),
                    group: .evaluation, permission: .revealSeed, needsLogin: true,
                    run: { shell, inv in
                        let setup = try shell.office.revealSeed(by: try shell.currentActor, site: try shell.requiredSite(inv))
                        shell.say(.revealed(site: setup.site, algorithm: setup.algorithm, seed: setup.seed,
                                             commitment: setup.commitment, ratio: "\(setup.ratio)", strata: setup.strata,
                                             blocks: "\(setup.blocks)"))
                    }),
            Command(path: ["randomise", "assignments"], arguments: [], options: [
                        OptionSpec("site", value: "SITE", Wording(de: "der Standort (Pflicht)",
                                                                  en: "the site (required)")), .format],
                    summary: Wording(de: "die benutzten Plätze der Folge eines Standorts: Pseudonym, Schicht, Platz, "
                                         + "Block, Gruppe",
                                     en: "the used slots of a site's sequence: pseudonym, stratum, slot, block, group"),
                    details: Wording(de: "Nie ein unbenutzter Platz. Mit dem gezeigten Seed rechnet "
                                         + "Tools/check-randomisation.py sie nach.",
                                     en: "Never an unused slot. With the revealed seed, Tools/check-randomisation.py reproduces it."),
                    group: .evaluation, permission: .listAssignments, needsLogin: true,
                    run: { shell, inv in
                        let rows = try shell.office.assignmentList(by: try shell.currentActor, site: try shell.requiredSite(inv))
                        try shell.show(Listing(columns: ["pseudonym", "stratum", "slot", "block", "position", "group"],
                                               rows: rows.map {
                            [.text($0.pseudonym), .text($0.stratum), .text($0.slot.map(String.init)), .int($0.block),
                             .int($0.position), .text($0.group.rawValue)]
                        }), inv)
                    }),
            Command(path: ["randomise", "balance"], arguments: [], options: [
                        .site, .format],
                    summary: Wording(de: "die Schichten und jede Ausgangsvariable nach Gruppe und Standort, mit "
                                         + "standardisierten Differenzen",
                                     en: "the strata and each baseline variable by group and site, with standardised differences"),
                    details: Wording(de: "Je Standort, wo randomisiert wurde: Geschlecht, Altersklasse, Profillage "
                                         + "(die Schichten), Langzeitleistungsbezug, jede Zielgruppe und die mittleren "
                                         + "Jahre im SGB II. Eine standardisierte Differenz über 0,1 im Betrag gilt "
                                         + "üblicherweise als Ungleichgewicht.",
                                     en: "Per site, where the randomisation was made: sex, age class, applicant type (the strata), "
                                         + "long-term receipt, every target group and the mean years in SGB II. A standardised difference "
                                         + "above 0.1 in absolute value is commonly read as imbalance."),
                    group: .evaluation, permission: .viewBalance, needsLogin: true,
                    run: { shell, inv in try shell.showBalance(inv) }),
            Command(path: ["observe"], arguments: ["CASE", "KEY=VALUE"], options: [.lang],
                    summary: Wording(de: "eine Ergebnisbeobachtung (+6 / +12 Monate) an einem Fall erfassen, in jedem "
                                         + "Zustand",
                                     en: "record an outcome observation (+6 / +12 months) on a case, in any state"),
                    details: Wording(de: "Dasselbe wie form submit FALL observation SCHLÜSSEL=WERT ...: at (6m 12m), date, "
                                         + "benefit_status, employment, employment_since, source. Einmal je Fall und "
                                         + "Zeitpunkt (eine Korrektur: form submit FALL observation --entry N ...), "
                                         + "datiert innerhalb von ±\(ObservationWindow.toleranceDays) Tagen um "
                                         + "Fallbeginn + 6 / + 12 Monate. Nie durch die Evaluation.",
                                     en: "The same as form submit CASE observation KEY=VALUE ...: at (6m 12m), date, benefit_status, "
                                         + "employment, employment_since, source. Once per case and time point (a correction: form submit "
                                         + "CASE observation --entry N ...), dated within ±\(ObservationWindow.toleranceDays) days of case "
                                         + "start + 6 / + 12 months. Never by the evaluator."),
                    group: .evaluation, permission: .observe, needsLogin: true, variadic: true,
                    run: { shell, inv in
                        let record = try shell.office.submit(
                            by: try shell.currentActor, caseID: try Self.number(inv.arguments[0], "case"),
                            formID: "observation", values: try Self.keyValues(Array(inv.arguments.dropFirst())),
                            language: try shell.language(inv))
                        shell.say(.observationRecorded(caseID: record.caseID, submission: record.id, entry: record.entry))
                    }),
            Command(path: ["observe", "import"], arguments: [], options: [
                        OptionSpec("file", value: "F.csv", Wording(de: "der Statistik-Auszug (Pflicht)",
                                                                   en: "the statistics extract (required)")), .lang],
                    summary: Wording(de: "einen Statistik-Auszug mit Ergebnisbeobachtungen laden (Teamleitung): alle "
                                         + "Zeilen oder keine",
                                     en: "load a statistics extract of outcome observations (supervisor): all rows or none"),
                    details: Wording(de: "CSV mit der Kopfzeile " + Office.observationImportColumns.joined(separator: ",")
                                         + ", eine Zeile je Fall und Zeitpunkt. Jede Zeile wird über das Beobachtungsformular und die Regeln von "
                                         + "`observe` geprüft; eine fehlerhafte Zeile lehnt die ganze Datei ab, mit jeder fehlerhaften Zeile benannt.",
                                     en: "CSV with the header " + Office.observationImportColumns.joined(separator: ",")
                                         + ", one row per case and time point. Every row is validated through the observation form and "
                                         + "the rules of `observe`; one bad row refuses the whole file, with every bad row named."),
                    group: .evaluation, permission: .importObservations, needsLogin: true,
                    run: { shell, inv in
                        guard let file = inv.option("file") else {
                            throw ShellError.missingArgument(Placeholder.words("--file F.csv"), usage: inv.command.usage)
                        }
                        let actor = try shell.currentActor
                        let language = try shell.language(inv)
                        let count = try shell.office.importObservations(by: actor, file: file, read: {
                            guard let data = FileManager.default.contents(atPath: file) else {
                                throw ShellError.cannotRead(file: file, reason: FileManager.default.fileExists(atPath: file)
                                    ? Wording(de: "nicht lesbar", en: "not readable") : Wording(de: "keine solche Datei", en: "no such file"))
                            }
                            guard let text = String(data: data, encoding: .utf8) else {
                                throw ShellError.cannotRead(file: file, reason: Wording(de: "kein UTF-8-Text", en: "not UTF-8 text"))
                            }
                            return text
                        }, language: language)
                        shell.say(.observationsImported(count: count, file: file))
                    }),
        ]
    }

    func requiredSite(_ inv: Invocation) throws -> String {
        guard let site = inv.option("site") else { throw ShellError.missingArgument(Placeholder.words("--site SITE"), usage: inv.command.usage) }
        return site
    }

    func randomise(_ inv: Invocation) throws {
        let site = try requiredSite(inv)
        if inv.option("seed") != nil {
            throw ShellError.refusedOption("seed", reason: Wording(
                de: "der Seed wird bei `randomise setup` aus dem CSPRNG des Betriebssystems gezogen und durch seine Festlegung "
                    + "versiegelt; niemand wählt ihn (nichts wurde geändert)",
                en: "the seed is drawn from the operating system's CSPRNG at "
                    + "`randomise setup` and sealed by its commitment; nobody chooses it (nothing was changed)"))
        }
        let result = try office.randomise(by: try currentActor, site: site)
        say(.randomised(count: result.draws.count, site: site, run: result.runID, algorithm: Randomiser.algorithm,
                        participants: result.participants, comparison: result.comparison))
    }

    func setUpRandomisation(_ inv: Invocation) throws {
        let site = try requiredSite(inv)
        var parameters = RandomisationParameters()
        if let text = inv.option("ratio") {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else { throw ShellError.badValue(option: "ratio", value: text, expected: Wording(de: "A:B wie 1:1 oder 2:1", en: "A:B like 1:1 or 2:1")) }
            parameters.ratio = (parts[0], parts[1])
        }
        if let text = inv.option("strata") {
            parameters.strata = text == "none" ? []
                : text.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
        }
        if let text = inv.option("block") {
            let sizes = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else {
                throw ShellError.badValue(option: "block", value: text, expected: Wording(de: "Größen wie 4 oder 4,6", en: "sizes like 4 or 4,6"))
            }
            parameters.blocks = sizes.compactMap { $0 }
        }
        parameters.legalBasis = inv.option("legal-basis")
        let commitment = try office.setUpRandomisation(by: try currentActor, site: site, parameters: parameters)
        say(.sealed(site: site, algorithm: Randomiser.algorithm,
                    ratio: "\(parameters.ratio.participants):\(parameters.ratio.comparison)",
                    blocks: parameters.blocks.map(String.init).joined(separator: ","), commitment: commitment))
    }

    func showBalance(_ inv: Invocation) throws {
        let actor = try currentActor
        let strata = try office.strata(by: actor, site: inv.option("site"))
        let balance = try BalanceReport.build(office, by: actor, site: inv.option("site"))
        let strataListing = Listing(columns: ["stratum", "participants", "comparison", "total"], rows: strata.map {
            [.text($0.stratum), .int($0.participants), .int($0.comparison), .int($0.participants + $0.comparison)]
        })
        let variables = Listing(columns: ["site", "variable", "level", "participants", "share_p", "comparison", "share_c", "std_diff"],
                                rows: balance.map { row in
            let continuous = row.level.isEmpty
            func value(_ v: Double?) -> String? {
                v.map { continuous ? String(format: "%.2f", $0) : String(format: "%.1f%%", 100 * $0) }
            }
            return [.text(row.site), .text(row.variable), .text(continuous ? "mean" : row.level), .int(row.participants),
                    .text(value(row.participantsValue)), .int(row.comparison), .text(value(row.comparisonValue)),
                    .text(row.standardisedDifference.map { $0.isFinite ? String(format: "%+.3f", $0) : ($0 > 0 ? "+inf" : "-inf") })]
        })
        let format = try inv.format()
        if format == .table {
            console.out(Wording(de: "Schichten:\n", en: "Strata:\n").text(words) + strataListing.render(.table, language: words)
                        + Wording(de: "\nAusgleich nach Variable, je Standort (randomisiert wird je Standort):\n",
                                  en: "\nBalance by variable, per site (randomisation is per site):\n").text(words)
                        + variables.render(.table, language: words))
        } else {
            console.out(strataListing.render(format, language: words) + variables.render(format, language: words))
        }
    }

    static func percent(_ part: Int, _ total: Int) -> String? {
        total == 0 ? nil : String(format: "%.1f%%", 100 * Double(part) / Double(total))
    }
}
