@_spi(Office) public import LotseCases
public import LotseStore
public import LotseForms
import LotseXML

/// `export repeats --form F`: the instances of a form's repeats as a long table.
extension Office {
    /// The columns of `export repeats`.
    public static let repeatExportColumns = ["pseudonym", "site", "entry", "repeat", "instance", "field", "value"]

    /// Streams one row per value inside a repeat of the current submissions of `formID`
    /// (evaluator), as `export cases` does: a keyed pseudonym instead of any name, no field
    /// marked medical, no free text (text questions), audited with the file's SHA-256.
    /// - Throws: `CasesError.unknownForm`; `.exportRefused` for a form without repeats or
    ///   one only the medical service may read.
    public func exportRepeats(by actor: Actor, form formID: String, to target: OutputTarget, json: Bool = false,
                              site: String? = nil, asOf: String? = nil) throws -> ExportSummary {
        try authorize(.exportCases, actor)
        guard let form = definitions.forms[formID] else {
            throw CasesError.unknownForm(formID, known: definitions.forms.sorted.map(\.id))
        }
        guard !form.repeats.isEmpty else {
            throw CasesError.exportRefused(.noRepeats(form: formID))
        }
        guard form.access != .medical else {
            throw CasesError.exportRefused(.medicalForm(form: formID))
        }
        if let site, try store.directory.site(code: site) == nil { throw CasesError.unknownSite(site) }
        let bound = try Self.endOfDay(asOf) ?? timestamp()
        // The key schedule once for the export, as `export cases` does (`PseudonymKey`).
        let pseudonyms = PseudonymKey(try pseudonymKey(by: actor))
        let names = Self.repeatExportColumns
        let exported = Set(Self.repeatExportFields(form).map(\.path))
        return try writeExport(actor, "export.repeats", to: target, extra: [
            ("form", .string(formID)), ("site", .string(site)), ("as_of", .string(bound)),
            ("format", .string(json ? "json" : "csv")),
        ]) { file in
            var rows = 0
            if !json { try file.write(RecordFormat.csv(names)) }
            let queries = store.evaluation
            let cases = try queries.cases(site: site, asOf: bound)
            let submissions = try queries.currentSubmissions(asOf: bound, forms: [formID])
            var next = try submissions.next()
            while let row = try cases.next() {
                let id = row.caseID
                while let s = next, s.caseID <= id {
                    next = try submissions.next()
                    guard s.caseID == id, let document = try? XMLDocument.parse(string: s.instance, name: "submission")
                    else { continue }
                    let pseudonym = pseudonyms.pseudonym(row.clientID)
                    for (address, value) in form.answers(in: document.root) where exported.contains(address.field.path) {
                        let depths = form.repeatDepths(address.field.path)
                        let repeatPath = address.field.path.prefix(depths.last ?? 0).dropFirst().joined(separator: "/")
                        let instance = address.text.split(separator: "/").prefix((depths.last ?? 1) - 1).joined(separator: "/")
                        let values = [pseudonym, row.site, String(s.entry), repeatPath, instance,
                                      address.field.relativePath, value]
                        try file.write(json ? RecordFormat.json(names, values) : RecordFormat.csv(values))
                        rows += 1
                    }
                }
            }
            return rows
        }
    }

    /// The fields `export repeats` carries: inside a repeat, not medical, not a text question.
    public static func repeatExportFields(_ form: FormDefinition) -> [Field] {
        form.fields.filter { field in
            !form.repeatDepths(field.path).isEmpty && field.kind != .group && !field.isNote && !field.isMedical
                && !(field.kind == .input && field.type == .string)
        }
    }
}
