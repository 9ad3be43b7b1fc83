import Crypto
import Foundation
public import LotseForms
public import LotseStore
public import LotseWorkflow
import LotseXML

/// The forms and workflows of a definitions folder (`Forms/*.xml`, `Workflows/*.scxml`),
/// loaded and checked together: workflow guards are checked against the case document that
/// the forms make, and every `l:requires` / `l:records` against the loaded forms.
public struct DefinitionSet: Sendable {
    public let forms: FormLibrary
    /// The workflows by name, as they are on disk now.
    public let workflows: [String: WorkflowDefinition]
    /// Every problem of every file, as `FILE:LINE:COL: error: MESSAGE [CODE]` lines.
    public let diagnostics: [String]
    /// The consent form's purposes, which a workflow's `l:consent` may name (nil without a consent form).
    public let consentPurposes: Set<String>?
    /// The case data document's builder and shape.
    public let caseDocument: CaseDocument
    /// Forms no longer in `Forms/` whose last stored version serves the cases that used them.
    public let formsFromStore: Set<String>

    /// Loads `directory/Forms` and `directory/Workflows` together with the workflow and form
    /// versions stored in `store` for its cases (see `init(directory:storedWorkflows:storedForms:)`).
    public init(directory: String, store: any RecordStore) {
        self.init(directory: directory,
                  storedWorkflows: (try? store.cases.definitions(kind: "workflow").map(\.0.content)) ?? [],
                  storedForms: (try? store.cases.definitions(kind: "form").map(\.0.content)) ?? [])
    }

    /// Loads `directory/Forms` and `directory/Workflows`; messages name files as `Forms/x.xml`
    /// when `directory` is `.`.
    /// - Parameter storedWorkflows: the workflow versions stored for cases: the forms they
    ///   record repeatedly stay repeatable in the case document, so that a stored version
    ///   still reads (and serves its cases) when its file is gone.
    /// - Parameter storedForms: the form versions stored for submissions, oldest first: a form
    ///   whose file is gone is served by its last stored version (listed in `formsFromStore`),
    ///   so that its cases' documents, workflows and submissions still read.
    public init(directory: String, storedWorkflows: [[UInt8]] = [], storedForms: [[UInt8]] = []) {
        let prefix = directory == "." ? "" : directory + "/"
        var library = FormLibrary(directory: directory + "/Forms", displayPrefix: prefix + "Forms")
        var latest: [String: FormDefinition] = [:]
        for bytes in storedForms {
            let name = "stored version \(Self.sha256(bytes).prefix(12))"
            if let form = FormReader.read(bytes: bytes, name: name).definition { latest[form.id] = form }
        }
        var fromStore: Set<String> = []
        for (id, form) in latest.sorted(by: { $0.key < $1.key }) where library.addIfMissing(form) {
            fromStore.insert(id)
        }
        forms = library
        formsFromStore = fromStore
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/Workflows")) ?? [])
            .filter { $0.hasSuffix(".scxml") }.sorted()
        var sources: [(name: String, bytes: [UInt8])] = []
        for file in files {
            if let data = FileManager.default.contents(atPath: directory + "/Workflows/" + file) {
                sources.append((prefix + "Workflows/" + file, [UInt8](data)))
            }
        }
        let repeatable = Self.recordedForms(sources.map(\.bytes) + storedWorkflows)
        caseDocument = CaseDocument(forms: forms.forms, repeatable: repeatable)
        consentPurposes = Self.purposes(forms.forms["consent"])
        var reader = WorkflowReader(caseDocument: caseDocument.shape, forms: Set(forms.forms.keys),
                                    repeatableForms: repeatable)
        reader.consentPurposes = consentPurposes
        var workflows: [String: WorkflowDefinition] = [:]
        var diagnostics = forms.diagnostics.map(\.description)
        for source in sources {
            let result = reader.diagnose(bytes: source.bytes, name: source.name)
            diagnostics += result.diagnostics.map(\.description)
            if let definition = result.definition, !result.diagnostics.contains(where: { $0.severity == .error }) {
                workflows[definition.name] = definition
            }
        }
        self.workflows = workflows
        self.diagnostics = diagnostics
    }

    /// The purposes of the consent form (`purposes`'s choices), which `l:consent` may name.
    static func purposes(_ form: FormDefinition?) -> Set<String>? {
        guard let form, let field = try? form.resolveField("purposes") else { return nil }
        return Set(form.choices(of: field, language: "en").map(\.value))
    }

    /// The forms some workflow lets a case record repeatedly (`l:records`), found before the
    /// workflows are read, because the case document's shape depends on them.
    static func recordedForms(_ sources: [[UInt8]]) -> Set<String> {
        var result: Set<String> = []
        for bytes in sources {
            guard let document = try? XMLDocument.parse(bytes: bytes, name: "workflow") else { continue }
            for element in document.root.descendantsAndSelf {
                for name in ["records", "observations"] {
                    if let forms = element.attribute(name, namespace: "urn:lotse:workflow:1") {
                        result.formUnion(forms.split(whereSeparator: \.isWhitespace).map(String.init))
                    }
                }
            }
        }
        return result
    }

    /// SHA-256 of bytes as lowercase hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }
}
