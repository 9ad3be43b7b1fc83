import Foundation
@_spi(Office) public import LotseCases
public import LotseStore
import LotseForms

/// What an export wrote.
public struct ExportSummary: Sendable {
    public var path: String
    public var rows: Int
    public var bytes: Int
    public var sha256: String
    /// The audit row that records the export, `SEQ:HASH`: also in the manifest beside the file,
    /// so whoever holds the file can later prove the log still holds it (`audit verify --head`).
    public var head: String
    /// The manifest written beside the file (`FILE.manifest.json`); nil for standard output.
    public var manifest: String?
}

/// The evaluator's exports: pseudonymised cases, the codebook; the supervisor's audit export.
/// Every export is audited with the file's SHA-256.
extension Office {
    /// Streams one row per case to `path` (evaluator): a keyed pseudonym instead of any name,
    /// age class instead of birth year, no medical-only field and no free text.
    /// - Parameters:
    ///   - asOf: only what was recorded up to this date (inclusive); default today.
    ///   - labels: `de` or `en` for a labelled export: codes and flags as their labels in that
    ///     language (for reading by eye or in a spreadsheet); nil for the codes.
    ///   - progress: told the number of cases written so far, after each case; what it throws
    ///     (Ctrl-C: `ShellError.interrupted`) stops the export: no file, no audit row.
    public func exportCases(by actor: Actor, to target: OutputTarget, json: Bool = false, site: String? = nil,
                            asOf: String? = nil, precision: ExportContext.Precision = .day, labels: String? = nil,
                            progress: WorkProgress? = nil) throws -> ExportSummary {
        try authorize(.exportCases, actor)
        let bound = try Self.endOfDay(asOf) ?? timestamp()
        let key = try pseudonymKey(by: actor)
        let approved = try store.randomisation.sitesWithApproval()
        let pseudonyms = PseudonymKey(key)
        let context = ExportContext(precision: precision, asOf: String(bound.prefix(10)), approvedSites: approved) { client in
            pseudonyms.pseudonym(client)
        }
        let variables = EvaluationVariables.all(definitions)
        let names = variables.map(\.name)
        let labelled = variables.map { labels != nil && ($0.kind == .code || $0.kind == .flag) && !$0.codes.isEmpty }
        let kinds = variables.indices.map { labelled[$0] ? .text : variables[$0].kind }
        let valueLabels: [[String: String]] = variables.map { v in
            Dictionary(v.codes.map { ($0.code, labels == "en" ? $0.en : $0.de) }, uniquingKeysWith: { a, _ in a })
        }
        return try writeExport(actor, "export.cases", to: target, extra: [
            ("site", .string(site)), ("as_of", .string(bound)), ("precision", .string(precision.rawValue)),
            ("format", .string(json ? "json" : "csv")), ("labels", .string(labels)),
        ]) { file in
            var rows = 0
            var line: [UInt8] = []
            if !json { try file.write(RecordFormat.csv(names)) }
            let columns = ExportColumns(variables, context)
            try facts(site: site, asOf: bound) { facts in
                var values = columns.values(facts)
                if labels != nil {
                    // A multiple choice keeps its codes' order; a code without a label stays a code.
                    for i in values.indices where labelled[i] && !values[i].isEmpty {
                        values[i] = values[i].split(separator: " ").map { valueLabels[i][String($0)] ?? String($0) }.joined(separator: "; ")
                    }
                }
                if json {
                    try file.write(RecordFormat.json(names, values, kinds: kinds))
                } else {
                    line.removeAll(keepingCapacity: true)
                    RecordFormat.appendCSV(values, to: &line)
                    try file.write(bytes: line)
                }
                rows += 1
                try progress?(rows)
            }
            return rows
        }
    }

    /// The context of the reports: no pseudonyms, the legal bases as of `bound`.
    func reportContext(bound: String) throws -> ExportContext {
        ExportContext(precision: .day, asOf: String(bound.prefix(10)),
                      approvedSites: try store.randomisation.sitesWithApproval()) { _ in "" }
    }

    /// The keyed pseudonym of a client: the first 20 hex digits of HMAC-SHA256("client:ID").
    static func pseudonym(_ client: Int, key: [UInt8]) -> String {
        PseudonymKey(key).pseudonym(client)
    }

    /// The used slots of a site's sealed sequence, by stratum and slot, each with its case's
    /// pseudonym (evaluator): what `Tools/check-randomisation.py` reproduces from the revealed seed.
    public func assignmentList(by actor: Actor, site: String) throws
        -> [(pseudonym: String, stratum: String, slot: Int?, block: Int, position: Int, group: CaseGroup)] {
        try authorize(.listAssignments, actor)
        guard try store.directory.site(code: site) != nil else { throw CasesError.unknownSite(site) }
        let key = try pseudonymKey(by: actor)
        let rows = try store.randomisation.assignments(site: site).map(\.assignment)
            .sorted { ($0.stratum, $0.slot ?? 0) < ($1.stratum, $1.slot ?? 0) }
        try store.transaction {
            try store.audit.record(draft(actor, "randomise.assignments", detail: .object([
                ("site", .string(site)), ("rows", .int(rows.count)),
            ])))
        }
        return rows.map { (Self.pseudonym($0.clientID, key: key), $0.stratum, $0.slot, $0.block, $0.position, $0.group) }
    }

    /// Every variable of `export cases`: name, labels, type, codes with labels, source (evaluator).
    public func exportCodebook(by actor: Actor, to target: OutputTarget, json: Bool = false) throws -> ExportSummary {
        try authorize(.exportCases, actor)
        let names = ["variable", "label_de", "label_en", "type", "codes", "source"]
        return try writeExport(actor, "export.codebook", to: target, extra: []) { file in
            var rows = 0
            if !json { try file.write(RecordFormat.csv(names)) }
            for variable in EvaluationVariables.all(definitions) {
                let codes = variable.codes.map { "\($0.code)=\($0.de) / \($0.en)" }.joined(separator: "; ")
                let values = [variable.name, variable.labelDE, variable.labelEN, variable.kind.rawValue, codes, variable.source]
                try file.write(json ? RecordFormat.json(names, values) : RecordFormat.csv(values))
                rows += 1
            }
            // The fields of `export repeats` (column `field`, each value one row), by form.
            for form in definitions.forms.sorted where form.access != .medical && !form.repeats.isEmpty {
                for field in Self.repeatExportFields(form) {
                    let de = form.choices(of: field, language: "de"), en = form.choices(of: field, language: "en")
                    let codes = zip(de, en).map { "\($0.value)=\($0.label) / \($1.label)" }.joined(separator: "; ")
                    let repeatPath = field.path.prefix(form.repeatDepths(field.path).last ?? 0).dropFirst().joined(separator: "/")
                    let values = ["\(form.id):\(field.relativePath)", form.text(field.label, language: "de") ?? field.name,
                                  form.text(field.label, language: "en") ?? field.name, Self.codebookKind(field.type),
                                  codes, "export repeats --form \(form.id): repeat \(repeatPath), field \(field.relativePath)"]
                    try file.write(json ? RecordFormat.json(names, values) : RecordFormat.csv(values))
                    rows += 1
                }
            }
            return rows
        }
    }

    /// A form field's type in the codebook's words.
    static func codebookKind(_ type: DataType) -> String {
        switch type {
        case .int: return "integer"
        case .decimal: return "decimal"
        case .date, .dateTime: return "date"
        case .select1, .select: return "code"
        default: return "text"
        }
    }

    /// Writes the syntax file that reads `export cases` into a statistical package with its
    /// variable and value labels, types (codes such as KldB as strings) and missing values
    /// (evaluator; audited like every export).
    /// - Parameters:
    ///   - package: SPSS (and PSPP), Stata, R or Python with pandas.
    ///   - dataFile: the CSV file the syntax reads, as the user will name it.
    ///   - english: English labels, else German.
    ///   - precision: the date precision the export was written with.
    public func exportSyntax(by actor: Actor, for package: StatisticalPackage, to target: OutputTarget, dataFile: String,
                             english: Bool, precision: ExportContext.Precision = .day) throws -> ExportSummary {
        try authorize(.exportCases, actor)
        let variables = EvaluationVariables.all(definitions)
        let text = StatisticalSyntax.render(variables, for: package, dataFile: dataFile, english: english,
                                            dayPrecision: precision == .day)
        return try writeExport(actor, "export.syntax", to: target, extra: [
            ("package", .string(package.rawValue)), ("data", .string(dataFile)), ("precision", .string(precision.rawValue)),
            ("language", .string(english ? "en" : "de")),
        ]) { file in
            try file.write(text)
            return variables.count
        }
    }

    /// The audit log, filtered, to a file (supervisor).
    /// - Parameter progress: told the number of rows written so far, after each row; what it throws stops the
    ///   export: no file, no audit row.
    public func exportAudit(by actor: Actor, to target: OutputTarget, json: Bool = false, filter: AuditFilter,
                            progress: WorkProgress? = nil) throws -> ExportSummary {
        try authorize(.exportAudit, actor)
        let filter = try scoped(filter, for: actor, .exportAudit)
        let names = ["seq", "at", "actor", "role", "action", "case", "event", "from", "to", "detail", "prev_hash", "hash",
                     "records"]
        return try writeExport(actor, "export.audit", to: target, extra: []) { file in
            var rows = 0
            if !json { try file.write(RecordFormat.csv(names)) }
            try store.audit.query(filter) { entry in
                let d = entry.draft
                let values = [String(entry.seq), d.at, d.actor, d.role ?? "", d.action, d.caseID.map(String.init) ?? "",
                              d.event ?? "", d.fromState ?? "", d.toState ?? "", d.detail ?? "", entry.prevHash, entry.hash,
                              d.records ?? ""]
                try file.write(json ? RecordFormat.json(names, values) : RecordFormat.csv(values))
                rows += 1
                try progress?(rows)
            }
            return rows
        }
    }

    /// Streams the facts of every case (optionally of one site) as of a stored timestamp,
    /// unchecked: for office operations that checked their actor (`reportFacts`, exports).
    @_spi(Office) public func facts(site: String?, asOf: String, _ body: (CaseFacts) throws -> Void) throws {
        let stream = CaseFactStream(queries: store.evaluation, forms: evaluationForms)
        try stream.forEach(site: site, asOf: asOf, body)
    }

    /// The forms the evaluation reads: those its variables name, never a medical one.
    private var evaluationForms: [String] {
        let open = Set(definitions.forms.forms.values.filter { $0.access == .open }.map(\.id))
        return EvaluationVariables.sourceForms.union(EvaluationVariables.repeatColumns(definitions).map(\.form))
            .filter(open.contains).sorted()
    }

    /// Streams the timeline of every case (optionally of one site) up to a stored timestamp,
    /// unchecked: for the reports, which check their actor (`reportScope`).
    func timelines(site: String?, asOf: String, _ body: (CaseTimeline) throws -> Void) throws {
        let stream = CaseFactStream(queries: store.evaluation, forms: evaluationForms)
        try stream.forEachTimeline(site: site, asOf: asOf, body)
    }

    /// Writes an export safely: `body` fills a staged output file and returns its row count;
    /// the audit row (file, rows, SHA-256 and the audit head the export was taken at) commits,
    /// and only then do the file and, for a file, its manifest (`FILE.manifest.json`: the
    /// file's hash and the head *after* the export, its own audit row) take their places, so
    /// each holder of an export holds a copy of the head (`audit verify --head`). A failure
    /// anywhere before the commit leaves no file behind and no audit row.
    func writeExport(_ actor: Actor, _ action: String, to target: OutputTarget, extra: [(String, JSONValue)],
                     _ body: (OutputFile) throws -> Int) throws -> ExportSummary {
        let file = try output(target)
        var manifest: OutputFile?
        let rows: Int
        let sha: String
        let head: String
        do {
            rows = try body(file)
            sha = try file.finish()
            if case let .file(path, force) = target {
                manifest = try output(.file(path + ".manifest.json", force: force))
            }
            head = try store.transaction {
                let before = try store.audit.head()
                let entry = try store.audit.append(draft(actor, action, detail: .object([
                    ("file", .string(file.name)), ("rows", .int(rows)), ("sha256", .string(sha)),
                    ("head", .string(before.map { "\($0.seq):\($0.hash)" })),
                ] + extra)))
                let head = "\(entry.seq):\(entry.hash)"
                if case let .file(path, force) = target, manifest?.bytes != 0 {
                    // A transaction run again (PostgreSQL, after a conflict) writes a fresh manifest:
                    // the head may have moved on.
                    manifest?.discard()
                    manifest = try output(.file(path + ".manifest.json", force: force))
                }
                if let manifest {
                    try manifest.write(JSONValue.object([
                        ("file", .string((file.name as NSString).lastPathComponent)), ("export", .string(action)),
                        ("rows", .int(rows)), ("bytes", .int(file.bytes)), ("sha256", .string(sha)),
                        ("exported_at", .string(entry.draft.at)), ("by", .string(actor.name)),
                        ("audit_head", .string(head)),
                        ("check", .string("audit verify --head \(head)")),
                    ]).text + "\n")
                    _ = try manifest.finish()
                }
                return head
            }
        } catch {
            file.discard()
            manifest?.discard()
            throw error
        }
        try file.publish()
        try manifest?.publish()
        return ExportSummary(path: file.name, rows: rows, bytes: file.bytes, sha256: sha, head: head,
                             manifest: manifest.map { _ in file.name + ".manifest.json" })
    }

    /// `YYYY-MM-DD` → the stored form of that day's last millisecond.
    static func endOfDay(_ date: String?) throws -> String? {
        guard let date else { return nil }
        guard date.count == 10, Timestamp.normalise(date) != nil else { throw EvaluationError.badDate(date) }
        return date + "T23:59:59.999Z"
    }
}
