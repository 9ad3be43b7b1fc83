public import LotseForms
public import LotseStore
import LotseWorkflow
public import LotseXML

/// A form being filled for a case: the instance (prefilled from the case and, for a
/// correction, from the submission it replaces) and where it will be stored.
public struct PreparedSubmission {
    public let caseID: Int
    public let form: FormDefinition
    public let instance: FormInstance
    /// The entry it will be (repeatable forms: a new number, or the corrected one).
    public internal(set) var entry: Int
    /// The submission it corrects, if any.
    public let supersedes: Int?
    var caseVersion: Int
    /// When the case started (its opening timestamp).
    let caseStart: String
    /// The current outcome observations of the case (only for the observation form).
    let observations: [(id: Int, at: String, entry: Int)]
    /// Whether this is an outcome observation (`l:observations`).
    let isObservation: Bool
}

/// One stored submission as a viewer may see it.
public struct SubmissionView: Sendable {
    public var record: SubmissionRecord
    public var form: FormDefinition
    /// Each field with its value; `withheld` when the viewer may not read it (`[medical]`).
    /// `key` is the field's address below the root (`member[2]/age` in a repeat).
    public var values: [(field: Field, value: String, withheld: Bool, key: String)]
}

/// Recording and reading form submissions on cases.
extension Office {
    /// Prepares a submission of `formID` on a case: checks who may record it and whether the
    /// case takes it now. For a repeatable form a new entry, or the correction of `entry`.
    public func prepareSubmission(by actor: Actor, caseID: Int, formID: String, entry: Int? = nil) throws
        -> PreparedSubmission {
        let form = try form(formID)
        let snapshot = try snapshot(caseID)
        // Outcome observations (l:observations) may be recorded in any state, also after closure.
        let isObservation = snapshot.interpreter.definition.observations.contains(formID)
        try authorize(isObservation ? .observe : .submitForm, actor)
        try authorize(site: snapshot.record.site, actor, isObservation ? .observe : .submitForm, what: "case \(caseID)",
                      caseID: caseID)
        if form.access != .open && actor.role != .medical {
            throw CasesError.formNotAllowed(form: formID, reason: .healthFormNeedsMedical)
        }
        if form.access != .open { try requireHealthConsent(snapshot, form: formID, reading: false) }
        if snapshot.record.closed && !isObservation { throw CasesError.caseClosed(caseID) }
        let repeatable = definitions.caseDocument.repeatable.contains(formID)
        var number = 1
        var supersedes: Int?
        if repeatable {
            let allowed = snapshot.interpreter.records(in: snapshot.configuration)
            guard allowed.contains(formID) || isObservation || entry != nil else {
                throw CasesError.formNotAllowed(form: formID, reason: .entriesInOtherStates(form: formID, here: allowed))
            }
            if let entry {
                guard let current = snapshot.submissions.first(where: { $0.form == formID && $0.entry == entry }) else {
                    throw CasesError.formNotAllowed(form: formID, reason: .noEntry(caseID: caseID, entry: entry))
                }
                number = entry
                supersedes = current.id
            } else {
                number = try storeWork { try store.cases.lastEntry(caseID: caseID, form: formID) } + 1
            }
        } else {
            guard entry == nil || entry == 1 else {
                throw CasesError.formNotAllowed(form: formID, reason: .notRepeatable)
            }
            supersedes = snapshot.submissions.first { $0.form == formID }?.id
        }
        // The case data document only for forms that read it (`instance('case')`).
        let environment = FormEnvironment(clock: xpathClock, makeUUID: makeUUID,
                                          externalInstances: form.externalInstances["case"] != nil
                                              ? ["case": snapshot.document] : [:])
        let instance = FormInstance(definition: form, environment: environment)
        if let supersedes, let previous = snapshot.submissions.first(where: { $0.id == supersedes }),
           let document = parsed(previous) {
            // A correction starts from the values it corrects.
            do { try instance.load(document) } catch { throw CasesError.form(error) }
        }
        var observations: [(id: Int, at: String, entry: Int)] = []
        if isObservation {
            for record in snapshot.submissions where record.form == formID {
                let at = parsed(record).flatMap { Self.value(at: [$0.name, "at"], in: $0) } ?? ""
                observations.append((record.id, at, record.entry))
            }
        }
        return PreparedSubmission(caseID: caseID, form: form, instance: instance, entry: number, supersedes: supersedes,
                                  caseVersion: snapshot.record.version, caseStart: snapshot.record.openedAt,
                                  observations: observations, isObservation: isObservation)
    }

    /// Validates and stores a prepared submission with its audit row (no field values in it).
    /// - Throws: `CasesError.invalidSubmission` naming every bad field; nothing is stored then.
    @discardableResult
    public func store(_ prepared: PreparedSubmission, by actor: Actor, language: String = "de") throws -> SubmissionRecord {
        let problems = prepared.instance.validate(language: language)
        guard problems.isEmpty else { throw CasesError.invalidSubmission(form: prepared.form.id, problems) }
        if prepared.isObservation { try checkObservation(prepared) }
        let xml = prepared.instance.xml()
        beforeWrite?()
        return try storeWork {
            try store.transaction {
                try ensureDueDates(actor)
                guard try store.cases.touchCase(id: prepared.caseID, expectedVersion: prepared.caseVersion) else {
                    throw CasesError.concurrentChange(caseID: prepared.caseID)
                }
                let definition = try storedForm(prepared.form)
                let at = timestamp()
                let id = try store.cases.insertSubmission(
                    caseID: prepared.caseID, form: prepared.form.id, definitionID: definition.id, entry: prepared.entry,
                    supersedes: prepared.supersedes, instance: xml, userID: actor.userID, at: at)
                if prepared.form.access == .open {
                    try store.cases.insertSubmissionValues(
                        submissionID: id, caseID: prepared.caseID, form: prepared.form.id, entry: prepared.entry, at: at,
                        values: SubmissionValues.values(form: prepared.form.id, instance: xml))
                }
                try store.audit.record(draft(actor, "submission", caseID: prepared.caseID, detail: .object([
                    ("form", .string(prepared.form.id)), ("version", .string(prepared.form.version)),
                    ("entry", .int(prepared.entry)), ("submission", .int(id)), ("supersedes", .int(prepared.supersedes)),
                    ("sha256", .string(definition.sha256)),
                ])))
                try refreshDue(prepared.caseID)
                return SubmissionRecord(id: id, caseID: prepared.caseID, form: prepared.form.id,
                                        definitionID: definition.id, entry: prepared.entry, supersedes: prepared.supersedes,
                                        instance: xml, userID: actor.userID, user: actor.name, at: at, isCurrent: true)
            }
        }
    }

    /// Records a form from `key=value` pairs and/or an instance document in one step.
    @discardableResult
    public func submit(by actor: Actor, caseID: Int, formID: String, values: [(key: String, value: String)],
                       document: LotseXML.XMLElement? = nil, entry: Int? = nil, language: String = "de") throws
        -> SubmissionRecord {
        let prepared = try prepareSubmission(by: actor, caseID: caseID, formID: formID, entry: entry)
        do {
            if let document { try prepared.instance.load(document) }
            try prepared.instance.set(values, language: language)
        } catch {
            throw CasesError.form(error)
        }
        return try store(prepared, by: actor, language: language)
    }

    /// The submissions of a form on a case (the current ones, or every version), as the viewer
    /// may see them: medical fields withheld from every role but `medical`. Every view is
    /// audited (`form.view`, or `form.view.medical` when health data were shown).
    public func viewSubmissions(by actor: Actor, caseID: Int, formID: String, allVersions: Bool) throws
        -> [SubmissionView] {
        try authorize(.viewForm, actor)
        _ = try form(formID)
        guard let found = try storeWork({ try store.cases.case(id: caseID) }) else { throw CasesError.unknownCase(caseID) }
        try authorize(site: found.site, actor, .viewForm, what: "case \(caseID)", caseID: caseID)
        let records = try storeWork {
            try store.cases.submissions(caseID: caseID, form: formID)
        }.filter { allVersions || $0.isCurrent }
        let mayReadMedical = actor.role == .medical
        if mayReadMedical, try form(formID).access != .open {
            try requireHealthConsent(try snapshot(caseID), form: formID, reading: true)
        }
        var views: [SubmissionView] = []
        var medicalShown = false, medicalWithheld = false
        for record in records {
            let form = try form(forDefinition: record.definitionID)
            let document = try? XMLDocument.parse(string: record.instance, name: "submission \(record.id)")
            var values: [(Field, String, Bool, String)] = []
            // A field in a repeat: one value per instance the submission has.
            let answers = form.repeats.isEmpty ? [] : (document.map { form.answers(in: $0.root) } ?? [])
            for field in form.fields where field.kind != .group && !field.isNote {
                let withheld = field.isMedical && !mayReadMedical
                let found: [(String, String)] = form.repeatDepths(field.path).isEmpty
                    ? [(field.relativePath, document.flatMap { Self.value(at: field.path, in: $0.root) } ?? "")]
                    : answers.filter { $0.address.field.path == field.path }.map { ($0.address.text, $0.value) }
                for (key, value) in found {
                    if field.isMedical && !value.isEmpty { if withheld { medicalWithheld = true } else { medicalShown = true } }
                    values.append((field, withheld ? "" : value, withheld, key))
                }
            }
            views.append(SubmissionView(record: record, form: form, values: values))
        }
        try storeWork {
            try store.transaction {
                try store.audit.record(draft(actor, medicalShown ? "form.view.medical" : "form.view", caseID: caseID,
                                             detail: .object([
                    ("form", .string(formID)), ("submissions", .array(records.map { .int($0.id) })),
                    ("medical", .string(medicalShown ? "shown" : medicalWithheld ? "withheld" : "none")),
                ])))
            }
        }
        return views
    }

    static func value(at path: [String], in root: LotseXML.XMLElement) -> String? {
        guard path.first == root.name else { return nil }
        var node = root
        for step in path.dropFirst() {
            guard let next = node.elements.first(where: { $0.name == step }) else { return nil }
            node = next
        }
        return node.text
    }
}
