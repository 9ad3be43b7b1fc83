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
                        OptionSpec("date-precision", value: "day|month", "precision of dates (default day)"),
                        OptionSpec("labels", value: "de|en", "a labelled export: codes and flags as their labels")],
                    summary: "export one pseudonymised row per case for the evaluation",
                    details: "A keyed pseudonym (HMAC-SHA256 with the project's secret key, which no role can read) "
                        + "instead of any name; age class instead of birth year; no medical-only field, no free text. "
                        + "`export codebook` describes every column. The export is audited with the file's SHA-256.",
                    group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in try shell.exportCases(inv) }),
            Command(path: ["export", "repeats"], arguments: [], options: [
                        OptionSpec("form", value: "FORM", "the form whose repeats to export (required)"),
                        .outFile, .force,
                        .exportFormat,
                        .site,
                        .asOf],
                    summary: "export the instances of a form's repeats as a long table, pseudonymised",
                    details: "One row per value inside a repeat of each case's current submission: pseudonym, site, entry, "
                        + "repeat, instance (member[2]), field, value. As `export cases`: no name, no medical-only field, "
                        + "no free text; `export cases` has each repeat's number of instances, `export codebook` the fields.",
                    group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in
                        guard let form = inv.option("form") else {
                            throw ShellError.missingArgument("--form FORM", usage: inv.command.usage)
                        }
                        let summary = try shell.office.exportRepeats(by: try shell.currentActor, form: form,
                                                                     to: try shell.outFile(inv), json: try shell.exportJSON(inv),
                                                                     site: inv.option("site"), asOf: inv.option("as-of"))
                        shell.reportExport(summary, .values)
                    }),
            Command(path: ["export", "codebook"], arguments: [], options: [
                        .outFile, .force,
                        OptionSpec("format", value: "csv|json", "CSV (default) or JSON lines")],
                    summary: "export the codebook: every variable with labels, type, codes and source",
                    details: "", group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in
                        let summary = try shell.office.exportCodebook(by: try shell.currentActor, to: try shell.outFile(inv),
                                                                      json: try shell.exportJSON(inv))
                        shell.reportExport(summary, .codebook)
                    }),
            Command(path: ["export", "syntax"], arguments: [], options: [
                        OptionSpec("for", value: "spss|stata|r|python", "the statistical package (required)"),
                        .outFile, .force,
                        OptionSpec("data", value: "FILE", "the CSV of `export cases` the syntax reads (default cases.csv)"),
                        OptionSpec("date-precision", value: "day|month", "the precision the export was written with (default day)"),
                        .lang],
                    summary: "export the syntax that reads `export cases --format csv` into SPSS, Stata, R or pandas",
                    details: "Variable labels, value labels, types and missing values from the codebook: codes such as "
                        + "KldB 2010 are read as text (leading zeros kept), flags as 0/1 with labels, dates as dates, "
                        + "an empty field as missing. Audited like every export.",
                    group: .evaluation, permission: .exportCases, needsLogin: true,
                    run: { shell, inv in
                        guard let name = inv.option("for") else {
                            throw ShellError.missingArgument("--for spss|stata|r|python", usage: inv.command.usage)
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
                        OptionSpec("format", value: "csv|json", "CSV (default) or JSON lines"),
                        OptionSpec("case", value: "N", "only rows about case N"), OptionSpec("user", value: "NAME", "only this user"),
                        OptionSpec("action", value: "ACTION", "only this action and its refinements"),
                        OptionSpec("since", value: "DATE", "from this date on"), OptionSpec("until", value: "DATE", "up to this date")],
                    summary: "export the audit log (with its hashes) to a file",
                    details: "", group: .evaluation, permission: .exportAudit, needsLogin: true,
                    run: { shell, inv in
                        let summary = try shell.office.exportAudit(by: try shell.currentActor, to: try shell.outFile(inv),
                                                                   json: try shell.exportJSON(inv), filter: try shell.auditFilter(inv),
                                                                   progress: shell.progress(every: 10_000, Wording(de: "Export", en: "exporting"),
                                                                                            Wording(de: "Audit-Zeilen", en: "audit rows")))
                        shell.reportExport(summary, .auditRows)
                    }),
            Command(path: ["report", "evaluation"], arguments: [], options: [
                        .site,
                        OptionSpec("as-of", value: "DATE", "the reference date (default today)"),
                        OptionSpec("svg", value: "FILE", "also draw the 12-month indicators as a bar chart"),
                        OptionSpec("km-svg", value: "FILE", "also draw the Kaplan–Meier curves of the time to integration"),
                        .force, .lang, .format],
                    summary: "participants vs comparison: every indicator with risk difference, risk ratio and Fisher's p",
                    details: "Risk difference with Newcombe's hybrid score interval, risk ratio with the log method, both "
                        + "95 %; Fisher's exact test, two-sided. Counts below 5 are shown as <5, without effect figures. "
                        + "The numbers come from the same rows as `export cases`.",
                    group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        let report = try EvaluationReport.build(shell.office, by: try shell.currentActor, site: inv.option("site"),
                                                                asOf: inv.option("as-of"), language: try shell.language(inv))
                        try shell.show(report.tables, inv)
                        if inv.option("svg") != nil { try shell.writeOrPrint(report.chart.svg(), to: inv, option: "svg") }
                        if inv.option("km-svg") != nil { try shell.writeOrPrint(report.curves, to: inv, option: "km-svg") }
                    }),
            Command(path: ["evaluation", "plan"], arguments: [], options: [
                        OptionSpec("primary", value: "INDICATOR", "the primary outcome, an indicator of the export (required)"),
                        OptionSpec("alpha", value: "A", "the two-sided significance level (default 0.05)"),
                        OptionSpec("min-site-size", value: "N", "cases per group a site needs for reports of its own (default 10)")],
                    summary: "declare the evaluation plan once, before the analysis: primary outcome and alpha (evaluator)",
                    details: "The plan goes to the audit log and is never changed: a second declaration is refused and "
                        + "shows the first. `report evaluation` then marks the primary outcome, gives Holm-adjusted "
                        + "p-values for every secondary one and a sensitivity analysis of the primary outcome. "
                        + "The minimum site size is part of the plan: a site with fewer cases per group gets no "
                        + "report of its own and is protected inside the pooled one. "
                        + "Indicators: " + EvaluationPlan.indicatorNames.joined(separator: ", ") + ".",
                    group: .evaluation, permission: .declarePlan, needsLogin: true,
                    run: { shell, inv in
                        guard let primary = inv.option("primary") else {
                            throw ShellError.missingArgument("--primary INDICATOR", usage: inv.command.usage)
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
                        OptionSpec("as-of", value: "DATE", "the reference date (default today)"),
                        OptionSpec("svg", value: "FILE", "also draw the flow diagram"), .lang, .format],
                    summary: "participant flow (CONSORT): pool, randomised, per group started, terminal boxes, observed, analysed",
                    details: "Every randomised case is in exactly one terminal box (consent refused, withdrew, transferred, "
                        + "moved away, closed, still in the programme); intention to treat: everyone randomised is "
                        + "analysed in their group. The counts come from the same rows as `export cases`.",
                    group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        let flow = try FlowReport.build(shell.office, by: try shell.currentActor, site: inv.option("site"),
                                                        asOf: inv.option("as-of"), language: try shell.language(inv))
                        try shell.show([flow.table], inv)
                        if inv.option("svg") != nil { try shell.writeOrPrint(flow.svg, to: inv, option: "svg") }
                    }),
            Command(path: ["report", "sites"], arguments: [], options: [
                        OptionSpec("as-of", value: "DATE", "the reference date (default today)"), .lang, .format],
                    summary: "the indicators per site side by side, caseload per caseworker, contacts, time in states",
                    details: "", group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        try shell.show(SiteReport.build(shell.office, by: try shell.currentActor, asOf: inv.option("as-of"),
                                                        language: try shell.language(inv)), inv)
                    }),
            Command(path: ["report", "placements"], arguments: [], options: [
                        OptionSpec("by", value: "kldb|wz", "occupation (KldB 2010) or sector (WZ 2008) (required)"),
                        OptionSpec("level", value: "N", "KldB: 1–5 digits; WZ: 1 section … 5 subclass (default 1)"),
                        .site,
                        OptionSpec("as-of", value: "DATE", "the reference date (default today)"), .lang, .format],
                    summary: "placements by occupation or sector code (labour-market monitoring)",
                    details: "", group: .evaluation, permission: .reports, needsLogin: true,
                    run: { shell, inv in
                        guard let by = inv.option("by") else {
                            throw ShellError.missingArgument("--by kldb|wz", usage: inv.command.usage)
                        }
                        guard by == "kldb" || by == "wz" else {
                            throw ShellError.badValue(option: "by", value: by, expected: Wording(de: "kldb (Beruf) oder wz (Wirtschaftszweig)", en: "kldb (occupation) or wz (sector)"))
                        }
                        let level = try inv.option("level").map {
                            guard let n = Int($0) else { throw ShellError.badValue(option: "level", value: $0, expected: Wording(de: "1 bis 5", en: "1 to 5")) }
                            return n
                        } ?? 1
                        try shell.show([PlacementReport.build(shell.office, by: try shell.currentActor, byWZ: by == "wz",
                                                              level: level, site: inv.option("site"), asOf: inv.option("as-of"),
                                                              language: try shell.language(inv))], inv)
                    }),
        ]
    }

    func outFile(_ inv: Invocation) throws -> OutputTarget {
        guard let target = outputTarget(inv) else { throw ShellError.missingArgument("--out FILE", usage: inv.command.usage) }
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
            console.out(Listing(columns: ["table", "row", "column", "value", "status"], rows: rows).render(format))
            return
        }
        for (index, table) in tables.enumerated() {
            let listing = Listing(columns: table.columns, rows: table.rows.map { $0.map { .text($0) } })
            if format == .table {
                console.out((index > 0 ? "\n" : "") + table.title + "\n" + listing.render(.table)
                            + table.notes.map { $0 + "\n" }.joined())
            } else {
                console.out(listing.render(format))
            }
        }
    }
}
