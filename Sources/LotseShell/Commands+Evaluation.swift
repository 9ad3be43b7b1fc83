import LotseCases
import LotseEvaluation
import LotseStore

extension Shell {
    static func evaluationCommands() -> [Command] {
        [
            Command(path: ["export", "cases"], arguments: [], options: [
                        .outFile, .force,
                        .exportFormat,
                        .site,
                        .asOf,
                        OptionSpec("date-precision", value: "day|month", Wording(de: "Genauigkeit der Datumsangaben "
                                                                                     + "(Standard day)",
                                                                                 en: "precision of dates (default day)")),
                        OptionSpec("labels", value: "de|en", Wording(de: "ein beschrifteter Export: Codes und Merkmale "
                                                                         + "als ihre Beschriftungen",
                                                                     en: "a labelled export: codes and flags as their labels"))],
                    summary: Wording(de: "eine pseudonymisierte Zeile je Fall für die Evaluation exportieren",
                                     en: "export one pseudonymised row per case for the evaluation"),
                    details: Wording(de: "Ein verschlüsseltes Pseudonym (HMAC-SHA256 mit dem geheimen Schlüssel des "
                                         + "Projekts, den keine Rolle lesen kann) statt eines Namens; Altersklasse statt "
                                         + "Geburtsjahr; kein nur ärztliches Feld, kein Freitext. `export codebook` "
                                         + "beschreibt jede Spalte. Der Export wird mit dem SHA-256 der Datei "
                                         + "protokolliert.",
                                     en: "A keyed pseudonym (HMAC-SHA256 with the project's secret key, which no role can read) "
                                         + "instead of any name; age class instead of birth year; no medical-only field, no free text. "
                                         + "`export codebook` describes every column. The export is audited with the file's SHA-256."),
                    group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in try shell.exportCases(inv) }),
            Command(path: ["export", "repeats"], arguments: [], options: [
                        OptionSpec("form", value: "FORM", Wording(de: "das Formular, dessen Wiederholungen exportiert "
                                                                      + "werden (Pflicht)",
                                                                  en: "the form whose repeats to export (required)")),
                        .outFile, .force,
                        .exportFormat,
                        .site,
                        .asOf],
                    summary: Wording(de: "die Instanzen der Wiederholungen eines Formulars als lange Tabelle "
                                         + "exportieren, pseudonymisiert",
                                     en: "export the instances of a form's repeats as a long table, pseudonymised"),
                    details: Wording(de: "Eine Zeile je Wert in einer Wiederholung der aktuellen Erfassung jedes "
                                         + "Falls: Pseudonym, Standort, Eintrag, Wiederholung, Instanz (member[2]), "
                                         + "Feld, Wert. Wie bei `export cases`: kein Name, kein nur ärztliches Feld, "
                                         + "kein Freitext; `export cases` enthält die Zahl der Instanzen jeder "
                                         + "Wiederholung, `export codebook` die Felder.",
                                     en: "One row per value inside a repeat of each case's current submission: pseudonym, site, entry, "
                                         + "repeat, instance (member[2]), field, value. As `export cases`: no name, no medical-only field, "
                                         + "no free text; `export cases` has each repeat's number of instances, `export codebook` the fields."),
                    group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in
                        guard let form = inv.option("form") else {
                            throw ShellError.missingArgument(Placeholder.words("--form FORM"), usage: inv.command.usage)
                        }
                        let summary = try shell.office.exportRepeats(by: try shell.currentActor, form: form,
                                                                     to: try shell.outFile(inv), json: try shell.exportJSON(inv),
                                                                     site: inv.option("site"), asOf: inv.option("as-of"))
                        shell.reportExport(summary, .values)
                    }),
            Command(path: ["export", "codebook"], arguments: [], options: [
                        .outFile, .force,
                        OptionSpec("format", value: "csv|json", Wording(de: "CSV (Standard) oder JSON-Zeilen",
                                                                        en: "CSV (default) or JSON lines"))],
                    summary: Wording(de: "das Codebuch exportieren: jede Variable mit Beschriftungen, Typ, Codes und "
                                         + "Quelle",
                                     en: "export the codebook: every variable with labels, type, codes and source"),
                    details: .empty, group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in
                        let summary = try shell.office.exportCodebook(by: try shell.currentActor, to: try shell.outFile(inv),
                                                                      json: try shell.exportJSON(inv))
                        shell.reportExport(summary, .codebook)
                    }),
            Command(path: ["export", "syntax"], arguments: [], options: [
                        OptionSpec("for", value: "spss|stata|r|python", Wording(de: "das Statistikpaket (Pflicht)",
                                                                                en: "the statistical package (required)")),
                        .outFile, .force,
                        OptionSpec("data", value: "FILE", Wording(de: "die CSV-Datei von `export cases`, die die "
                                                                      + "Syntax liest (Standard cases.csv)",
                                                                  en: "the CSV of `export cases` the syntax reads (default cases.csv)")),
                        OptionSpec("date-precision", value: "day|month", Wording(de: "die Genauigkeit, mit der der "
                                                                                     + "Export geschrieben wurde "
                                                                                     + "(Standard day)",
                                                                                 en: "the precision the export was written with (default day)")),
                        .lang],
                    summary: Wording(de: "die Syntax exportieren, die `export cases --format csv` in SPSS, Stata, R "
                                         + "oder pandas einliest",
                                     en: "export the syntax that reads `export cases --format csv` into SPSS, Stata, R or pandas"),
                    details: Wording(de: "Variablen- und Wertebeschriftungen, Typen und fehlende Werte aus dem "
                                         + "Codebuch: Codes wie KldB 2010 werden als Text gelesen (führende Nullen "
                                         + "bleiben), Merkmale als 0/1 mit Beschriftungen, Daten als Datum, ein leeres "
                                         + "Feld als fehlend. Protokolliert wie jeder Export.",
                                     en: "Variable labels, value labels, types and missing values from the codebook: codes such as "
                                         + "KldB 2010 are read as text (leading zeros kept), flags as 0/1 with labels, dates as dates, "
                                         + "an empty field as missing. Audited like every export."),
                    group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in
                        guard let name = inv.option("for") else {
                            throw ShellError.missingArgument(Placeholder.words("--for spss|stata|r|python"), usage: inv.command.usage)
                        }
                        guard let package = StatisticalPackage(rawValue: name) else {
                            throw ShellError.badValue(option: "for", value: name,
                                                      expected: Wording(de: "spss, stata, r oder python", en: "spss, stata, r or python"))
                        }
                        let data = inv.option("data") ?? "cases.csv"
                        guard !data.isEmpty, !data.contains(where: { $0.isNewline || $0 == "\"" || $0 == "'" || $0 == "\\" }) else {
                            throw ShellError.badValue(option: "data", value: data,
                                                      expected: Wording(de: "ein Dateiname ohne Anführungszeichen, Backslashes oder Zeilenumbrüche",
                                                                        en: "a file name without quotes, backslashes or line breaks"))
                        }
                        let summary = try shell.office.exportSyntax(by: try shell.currentActor, for: package, to: try shell.outFile(inv),
                                                                    dataFile: data, english: try shell.language(inv) == "en",
                                                                    precision: try shell.datePrecision(inv))
                        shell.reportExport(summary, .codebook)
                    }),
            Command(path: ["export", "audit"], arguments: [], options: [
                        .outFile, .force,
                        OptionSpec("format", value: "csv|json", Wording(de: "CSV (Standard) oder JSON-Zeilen",
                                                                        en: "CSV (default) or JSON lines")),
                        OptionSpec("case", value: "N", Wording(de: "nur Zeilen zu Fall N",
                                                               en: "only rows about case N")), OptionSpec("user", value: "NAME", Wording(de: "nur "
                                                                                                                                + "dieser "
                                                                                                                                + "Benutzer",
                                                                                                                            en: "only this user")),
                        OptionSpec("action", value: "ACTION", Wording(de: "nur diese Aktion und ihre Verfeinerungen",
                                                                      en: "only this action and its refinements")),
                        OptionSpec("since", value: "DATE", Wording(de: "ab diesem Datum", en: "from this date on")), OptionSpec("until", value: "DATE", Wording(de: "bis "
                                                                                                                                + "zu "
                                                                                                                                + "diesem "
                                                                                                                                + "Datum",
                                                                                                                            en: "up to this date"))],
                    summary: Wording(de: "das Audit-Protokoll (mit seinen Hashes) in eine Datei exportieren",
                                     en: "export the audit log (with its hashes) to a file"),
                    details: .empty, group: .evaluation, permission: .exportAudit, needsLogin: true,
                    run: { shell, inv in
                        let summary = try shell.office.exportAudit(by: try shell.currentActor, to: try shell.outFile(inv),
                                                                   json: try shell.exportJSON(inv), filter: try shell.auditFilter(inv),
                                                                   progress: shell.progress(every: 10_000, Wording(de: "Export", en: "exporting"),
                                                                                            Wording(de: "Audit-Zeilen", en: "audit rows")))
                        shell.reportExport(summary, .auditRows)
                    }),
            Command(path: ["report", "evaluation"], arguments: [], options: [
                        .site,
                        OptionSpec.reportReferenceDate,
                        OptionSpec("svg", value: "FILE", Wording(de: "die 12-Monats-Indikatoren auch als "
                                                                     + "Balkendiagramm zeichnen",
                                                                 en: "also draw the 12-month indicators as a bar chart")),
                        OptionSpec("km-svg", value: "FILE", Wording(de: "auch die Kaplan-Meier-Kurven der Zeit bis zur "
                                                                        + "Integration zeichnen",
                                                                    en: "also draw the Kaplan–Meier curves of the time to integration")),
                        .force, .lang, .format],
                    summary: Wording(de: "Teilnehmende gegen Vergleichsgruppe: jeder Indikator mit Risikodifferenz, "
                                         + "relativem Risiko und Fishers p",
                                     en: "participants vs comparison: every indicator with risk difference, risk ratio and Fisher's p"),
                    details: Wording(de: "Risikodifferenz mit Newcombes hybridem Score-Intervall, relatives Risiko "
                                         + "nach der Log-Methode, beide 95 %; Fishers exakter Test, zweiseitig. Zahlen "
                                         + "unter 5 erscheinen als <5, ohne Effektmaße. Die Zahlen stammen aus denselben "
                                         + "Zeilen wie `export cases`.",
                                     en: "Risk difference with Newcombe's hybrid score interval, risk ratio with the log method, both "
                                         + "95 %; Fisher's exact test, two-sided. Counts below 5 are shown as <5, without effect figures. "
                                         + "The numbers come from the same rows as `export cases`."),
                    group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor, language = try shell.language(inv)
                        let report = try EvaluationReport.build(shell.office, by: actor, site: inv.option("site"), asOf: inv.option("as-of"))
                        try shell.show(report.tables(language: language), inv)
                        if inv.option("svg") != nil { try shell.writeOrPrint(report.chart(language: language).svg(), to: inv, option: "svg") }
                        if inv.option("km-svg") != nil { try shell.writeOrPrint(report.curves(language: language), to: inv, option: "km-svg") }
                    }),
            Command(path: ["evaluation", "plan"], arguments: [], options: [
                        OptionSpec("primary", value: "INDICATOR", Wording(de: "der primäre Endpunkt, ein Indikator des "
                                                                              + "Exports (Pflicht)",
                                                                          en: "the primary outcome, an indicator of the export (required)")),
                        OptionSpec("alpha", value: "A", Wording(de: "das zweiseitige Signifikanzniveau (Standard 0.05)",
                                                                en: "the two-sided significance level (default 0.05)")),
                        OptionSpec("min-site-size", value: "N", Wording(de: "Fälle je Gruppe, die ein Standort für "
                                                                            + "eigene Berichte braucht (Standard 10)",
                                                                        en: "cases per group a site needs for reports of its own (default 10)"))],
                    summary: Wording(de: "den Evaluationsplan einmal vor der Analyse festlegen: primärer Endpunkt und "
                                         + "alpha (Evaluation)",
                                     en: "declare the evaluation plan once, before the analysis: primary outcome and alpha (evaluator)"),
                    details: Wording(de: "Der Plan geht ins Audit-Protokoll und wird nie geändert: eine zweite Festlegung wird abgelehnt und "
                                         + "zeigt die erste. `report evaluation` markiert dann den primären Endpunkt, gibt Holm-adjustierte "
                                         + "p-Werte für jeden sekundären und eine Sensitivitätsanalyse des primären Endpunkts. "
                                         + "Die Mindestgröße eines Standorts gehört zum Plan: ein Standort mit weniger Fällen je Gruppe bekommt keinen "
                                         + "eigenen Bericht und ist im gepoolten geschützt. "
                                         + "Indikatoren: " + EvaluationPlan.indicatorNames.joined(separator: ", ") + ".",
                                     en: "The plan goes to the audit log and is never changed: a second declaration is refused and "
                                         + "shows the first. `report evaluation` then marks the primary outcome, gives Holm-adjusted "
                                         + "p-values for every secondary one and a sensitivity analysis of the primary outcome. "
                                         + "The minimum site size is part of the plan: a site with fewer cases per group gets no "
                                         + "report of its own and is protected inside the pooled one. "
                                         + "Indicators: " + EvaluationPlan.indicatorNames.joined(separator: ", ") + "."),
                    group: .evaluation, permission: .declarePlan, needsLogin: true,
                    run: { shell, inv in
                        guard let primary = inv.option("primary") else {
                            throw ShellError.missingArgument(Placeholder.words("--primary INDICATOR"), usage: inv.command.usage)
                        }
                        let alpha = try inv.option("alpha").map {
                            guard let a = Double($0), a > 0, a <= 0.5 else {
                                throw ShellError.badValue(option: "alpha", value: $0, expected: Wording(de: "eine Zahl über 0 und höchstens 0,5", en: "a number above 0 and at most 0.5"))
                            }
                            return a
                        } ?? 0.05
                        let minimum = try inv.option("min-site-size").map {
                            guard let n = Int($0), EvaluationPlan.minimumSiteSizes.contains(n) else {
                                let range = "\(EvaluationPlan.minimumSiteSizes.lowerBound)"
                                let upper = "\(EvaluationPlan.minimumSiteSizes.upperBound)"
                                throw ShellError.badValue(option: "min-site-size", value: $0,
                                                          expected: Wording(de: "eine ganze Zahl von \(range) bis \(upper)",
                                                                            en: "a whole number from \(range) to \(upper)"))
                            }
                            return n
                        } ?? EvaluationPlan.defaultMinimumSiteSize
                        let plan = try shell.office.declareEvaluationPlan(by: try shell.currentActor, primary: primary, alpha: alpha,
                                                                          minimumSiteSize: minimum)
                        shell.say(.planDeclared(seq: plan.auditSeq, primary: plan.primary, alpha: "\(plan.alpha)",
                                                minimumSiteSize: plan.minimumSiteSize))
                    }),
            Command(path: ["report", "flow"], arguments: [], options: [
                        .site,
                        OptionSpec.reportReferenceDate,
                        OptionSpec("svg", value: "FILE", Wording(de: "auch das Flussdiagramm zeichnen",
                                                                 en: "also draw the flow diagram")), .lang, .format],
                    summary: Wording(de: "Teilnehmerfluss (CONSORT): Pool, randomisiert, je Gruppe begonnen, "
                                         + "Endpunkte, beobachtet, ausgewertet",
                                     en: "participant flow (CONSORT): pool, randomised, per group started, terminal boxes, observed, analysed"),
                    details: Wording(de: "Jeder randomisierte Fall steht in genau einem Endkästchen (Einwilligung "
                                         + "verweigert, zurückgezogen, übergeben, verzogen, abgeschlossen, noch im "
                                         + "Programm); Intention-to-treat: jede randomisierte Person wird in ihrer "
                                         + "Gruppe ausgewertet. Die Zahlen stammen aus denselben Zeilen wie `export "
                                         + "cases`.",
                                     en: "Every randomised case is in exactly one terminal box (consent refused, withdrew, transferred, "
                                         + "moved away, closed, still in the programme); intention to treat: everyone randomised is "
                                         + "analysed in their group. The counts come from the same rows as `export cases`."),
                    group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor, language = try shell.language(inv)
                        let flow = try FlowReport.build(shell.office, by: actor, site: inv.option("site"), asOf: inv.option("as-of"))
                        try shell.show([flow.table(language: language)], inv)
                        if inv.option("svg") != nil { try shell.writeOrPrint(flow.svg(language: language), to: inv, option: "svg") }
                    }),
            Command(path: ["report", "sites"], arguments: [], options: [
                        OptionSpec.reportReferenceDate, .lang, .format],
                    summary: Wording(de: "die Indikatoren je Standort nebeneinander, Fälle je Fallmanager·in, "
                                         + "Kontakte, Zeit in Zuständen",
                                     en: "the indicators per site side by side, caseload per caseworker, contacts, time in states"),
                    details: .empty, group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        let actor = try shell.currentActor, language = try shell.language(inv)
                        try shell.show(SiteReport.build(shell.office, by: actor, asOf: inv.option("as-of")).tables(language: language), inv)
                    }),
            Command(path: ["report", "placements"], arguments: [], options: [
                        OptionSpec("by", value: "kldb|wz", Wording(de: "Beruf (KldB 2010) oder Wirtschaftszweig (WZ "
                                                                       + "2008) (Pflicht)",
                                                                   en: "occupation (KldB 2010) or sector (WZ 2008) (required)")),
                        OptionSpec("level", value: "N", Wording(de: "KldB: 1–5 Stellen; WZ: 1 Abschnitt … 5 "
                                                                    + "Unterklasse (Standard 1)",
                                                                en: "KldB: 1–5 digits; WZ: 1 section … 5 subclass (default 1)")),
                        .site,
                        OptionSpec.reportReferenceDate, .lang, .format],
                    summary: Wording(de: "Vermittlungen nach Berufs- oder Wirtschaftszweigcode "
                                         + "(Arbeitsmarktbeobachtung)",
                                     en: "placements by occupation or sector code (labour-market monitoring)"),
                    details: .empty, group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        guard let by = inv.option("by") else {
                            throw ShellError.missingArgument(Placeholder.words("--by kldb|wz"), usage: inv.command.usage)
                        }
                        guard by == "kldb" || by == "wz" else {
                            throw ShellError.badValue(option: "by", value: by, expected: Wording(de: "kldb (Beruf) oder wz (Wirtschaftszweig)", en: "kldb (occupation) or wz (sector)"))
                        }
                        let level = try inv.option("level").map {
                            guard let n = Int($0) else { throw ShellError.badValue(option: "level", value: $0, expected: Wording(de: "1 bis 5", en: "1 to 5")) }
                            return n
                        } ?? 1
                        let actor = try shell.currentActor, language = try shell.language(inv)
                        try shell.show([PlacementReport.build(shell.office, by: actor, byWZ: by == "wz", level: level,
                                                              site: inv.option("site"), asOf: inv.option("as-of"))
                                            .table(language: language)], inv)
                    }),
        ]
    }

    func outFile(_ inv: Invocation) throws -> OutputTarget {
        guard let target = outputTarget(inv) else { throw ShellError.missingArgument(Placeholder.words("--out FILE"), usage: inv.command.usage) }
        return target
    }

    func exportJSON(_ inv: Invocation) throws -> Bool {
        switch inv.option("format") ?? "csv" {
        case "csv": return false
        case "json": return true
        case let other: throw ShellError.badValue(option: "format", value: other, expected: Wording(de: "csv oder json", en: "csv or json"))
        }
    }

    func datePrecision(_ inv: Invocation) throws -> ExportContext.Precision {
        try inv.option("date-precision").map {
            guard let p = ExportContext.Precision(rawValue: $0) else {
                throw ShellError.badValue(option: "date-precision", value: $0, expected: Wording(de: "day oder month", en: "day or month"))
            }
            return p
        } ?? .day
    }

    func exportCases(_ inv: Invocation) throws {
        let precision = try datePrecision(inv)
        let summary = try office.exportCases(by: try currentActor, to: try outFile(inv), json: try exportJSON(inv),
                                             site: inv.option("site"), asOf: inv.option("as-of"), precision: precision,
                                             labels: try inv.option("labels").map { lang in
                                                 guard lang == "de" || lang == "en" else {
                                                     throw ShellError.badValue(option: "labels", value: lang,
                                                                               expected: Wording(de: "de oder en", en: "de or en"))
                                                 }
                                                 return lang
                                             },
                                             progress: progress(every: 5_000, Wording(de: "Export", en: "exporting"),
                                                                Wording(de: "Fälle", en: "cases")))
        reportExport(summary, .cases)
    }

    func reportExport(_ summary: ExportSummary, _ what: Message.ExportKind) {
        // With --out - the export itself is on standard output: the summary goes to standard error.
        let message = Message.wroteExport(rows: summary.rows, what: what, path: summary.path, bytes: summary.bytes,
                                          sha256: summary.sha256, head: summary.head, manifest: summary.manifest)
        if summary.path == "-" { warn(message) } else { say(message) }
    }

    /// Report tables as listings: titled tables for people, plain records for machines.
    func show(_ tables: [ReportTable], _ inv: Invocation) throws {
        let format = try inv.format()
        // Reports whose tables carry data: one stream of numbers with machine keys, no display text.
        if format != .table, !tables.isEmpty, tables.allSatisfy({ !$0.key.isEmpty }) {
            let rows = tables.flatMap { table in
                table.data.map { d -> [Listing.Cell] in
                    let value: Listing.Cell = d.value.map { v in
                        v == v.rounded() && abs(v) < 1e15 ? .int(Int(v)) : .number(v)
                    } ?? .null
                    return [.text(table.key), .text(d.row), .text(d.column), value, .text(d.status.rawValue)]
                }
            }
            console.out(Listing(columns: ["table", "row", "column", "value", "status"], rows: rows).render(format, language: words))
            return
        }
        for (index, table) in tables.enumerated() {
            let listing = Listing(columns: table.columns, rows: table.rows.map { $0.map { .text($0) } })
            if format == .table {
                console.out((index > 0 ? "\n" : "") + table.title + "\n" + listing.render(.table, language: nil)
                            + table.notes.map { $0 + "\n" }.joined())
            } else {
                console.out(listing.render(format, language: nil))
            }
        }
    }
}

extension OptionSpec {
    /// `--as-of` of the count reports: published only as of completed month ends (`ReferenceDate`).
    static let reportReferenceDate = OptionSpec(
        "as-of", value: "DATE",
        Wording(de: "der Stichtag: das letzte abgeschlossene Monatsende bis zu diesem Datum (Standard: vor heute)",
                en: "the reference date: the last completed month end up to this date (default: before today)"))
}
