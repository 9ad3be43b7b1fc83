import LotseForms
import LotseStore
import LotseWorkflow
import LotseXML

/// A workflow version as a case uses it: its interpreter and the SHA-256 it is stored under.
struct StoredWorkflow {
    let interpreter: WorkflowInterpreter
    let sha256: String
}

/// Definitions as a case uses them: stored by content hash when first used, read back by id.
extension Office {
    /// The forms and workflows of the definitions folder, as `actor` may see them (every role
    /// may; the check stays here so that a narrower rule has one place).
    public func definitions(by actor: Actor) throws -> DefinitionSet {
        try authorize(.viewDefinitions, actor)
        return definitions
    }

    /// Names that filters may use, for refusing typos (`case list --state profilng`): names of
    /// things, never personal data beyond account names.
    public enum NameKind: Sendable {
        case states, sites, auditActions, actors
        /// The account names alone (the `users` table, a few rows): what `actors` holds without
        /// the names that only occur in the audit log, which take a pass over its index.
        case accounts
    }

    /// The names of one kind that exist now (see `NameKind`).
    public func knownNames(_ kind: NameKind) throws -> [String] {
        switch kind {
        case .states: return Array(Set(definitions.workflows.values.flatMap { $0.states.map(\.id) }))
        case .sites: return try storeWork { try store.directory.sites().map(\.code) }
        case .auditActions: return try storeWork { try store.audit.actions() }
        case .actors: return try storeWork { try store.directory.users().map(\.name) + store.audit.actors() }
        case .accounts: return try storeWork { try store.directory.users().map(\.name) }
        }
    }

    /// The current workflow with this name.
    func workflow(named name: String) throws -> WorkflowDefinition {
        guard let workflow = definitions.workflows[name] else {
            throw CasesError.unknownWorkflow(name, known: definitions.workflows.keys.sorted())
        }
        return workflow
    }

    /// The current form with this id.
    func form(_ id: String) throws -> FormDefinition {
        guard let form = definitions.forms[id] else {
            throw CasesError.unknownForm(id, known: definitions.forms.sorted.map(\.id))
        }
        return form
    }

    /// The stored row of a definition's exact bytes (inserted on first use). Call inside a transaction.
    func storedDefinition(kind: String, name: String, version: String, bytes: [UInt8]) throws -> DefinitionRecord {
        let digest = DefinitionSet.sha256(bytes)
        try refuseChangedContent(kind: kind, name: name, version: version, sha256: digest)
        return try store.cases.definition(kind: kind, name: name, version: version, sha256: digest,
                                          content: bytes, at: timestamp())
    }

    /// A definition whose content changed must change its version: the stored version of the
    /// same name and version with other bytes refuses the new ones.
    private func refuseChangedContent(kind: String, name: String, version: String, sha256: String) throws {
        if let stored = try store.cases.otherContent(kind: kind, name: name, version: version, than: sha256) {
            throw CasesError.definitionChanged(kind: kind, name: name, version: version, stored: stored, now: sha256)
        }
    }

    /// The interpreter of the workflow version a case was opened with, and that version's hash.
    func interpreter(forDefinition id: Int) throws -> StoredWorkflow {
        if let cached = storedWorkflows[id] { return cached }
        guard let record = try store.cases.definition(id: id) else { throw CasesError.missingDefinition(id) }
        let reader = WorkflowReader(shape: definitions.caseDocument.shape)
        let definition: WorkflowDefinition
        do {
            definition = try reader.read(bytes: record.content, name: "\(record.name) (stored version \(record.sha256.prefix(12)))")
        } catch {
            throw CasesError.storedDefinitionInvalid(record.name, error.description)
        }
        let stored = StoredWorkflow(interpreter: WorkflowInterpreter(definition: definition), sha256: record.sha256)
        storedWorkflows[id] = stored
        return stored
    }

    /// The stored row of a form's current bytes (inserted on first use). Call inside a transaction.
    func storedForm(_ form: FormDefinition) throws -> DefinitionRecord {
        let digest = formDigests[form.id] ?? DefinitionSet.sha256(form.source)
        formDigests[form.id] = digest
        try refuseChangedContent(kind: "form", name: form.id, version: form.version, sha256: digest)
        return try store.cases.definition(kind: "form", name: form.id, version: form.version, sha256: digest,
                                          content: form.source, at: timestamp())
    }

    /// A submission's instance, parsed once.
    func parsed(_ submission: SubmissionRecord) -> LotseXML.XMLElement? {
        if let cached = parsedSubmissions[submission.id] { return cached }
        guard let root = try? XMLDocument.parse(string: submission.instance, name: "submission \(submission.id)").root else {
            return nil
        }
        if parsedSubmissions.count >= 4096 { parsedSubmissions.removeAll(keepingCapacity: true) }
        parsedSubmissions[submission.id] = root
        return root
    }

    /// The form version a submission was made with.
    func form(forDefinition id: Int) throws -> FormDefinition {
        if let cached = storedForms[id] { return cached }
        guard let record = try store.cases.definition(id: id) else { throw CasesError.missingDefinition(id) }
        let result = FormReader.read(bytes: record.content, name: "\(record.name) (stored version \(record.sha256.prefix(12)))")
        guard let form = result.definition else {
            throw CasesError.storedDefinitionInvalid(record.name, result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        storedForms[id] = form
        return form
    }
}

/// One version of a workflow: stored (used by cases) and/or the one on disk now.
public struct WorkflowVersion: Sendable {
    public var name: String
    public var version: String
    public var sha256: String
    /// Cases opened with this version.
    public var cases: Int
    /// Whether this is the version in `Workflows/` now.
    public var current: Bool
    /// When it was first stored (nil: not used by any case yet).
    public var storedAt: String?
}

extension Office {
    /// Every stored version of every workflow, plus the current ones not used yet.
    public func workflowVersions(by actor: Actor) throws -> [WorkflowVersion] {
        try authorize(.viewDefinitions, actor)
        let current = Dictionary(uniqueKeysWithValues: definitions.workflows.values.map {
            (DefinitionSet.sha256($0.source), $0)
        })
        var rows = try storeWork { try store.cases.definitions(kind: "workflow") }.map { record, uses in
            WorkflowVersion(name: record.name, version: record.version, sha256: record.sha256, cases: uses,
                            current: current[record.sha256] != nil, storedAt: record.storedAt)
        }
        for (sha, workflow) in current where !rows.contains(where: { $0.sha256 == sha }) {
            rows.append(WorkflowVersion(name: workflow.name, version: workflow.version ?? "", sha256: sha, cases: 0,
                                        current: true, storedAt: nil))
        }
        return rows.sorted { ($0.name, $0.storedAt ?? "~") < ($1.name, $1.storedAt ?? "~") }
    }
}
