import Foundation

/// All forms of a definitions folder (`Forms/*.xml`), loaded and checked.
public struct FormLibrary: Sendable {
    /// The forms that loaded without errors, by id.
    public private(set) var forms: [String: FormDefinition] = [:]
    /// Every diagnostic of every file, in file order.
    public private(set) var diagnostics: [FormDiagnostic] = []

    /// An empty library.
    public init() {}

    /// Loads every `*.xml` in `directory` (not its subfolders), naming files relative to
    /// `displayPrefix` in messages (e.g. `Forms/capacity.xml`).
    public init(directory: String, displayPrefix: String? = nil) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted()
        for name in names {
            let display = (displayPrefix ?? directory) + "/" + name
            add(FormReader.read(fileAt: directory + "/" + name, name: display))
        }
    }

    /// Adds a read result; a second form with the same id is a diagnostic.
    public mutating func add(_ result: FormReader.Result) {
        diagnostics += result.diagnostics
        guard let form = result.definition else { return }
        if let existing = forms[form.id] {
            diagnostics.append(FormDiagnostic(file: form.file, line: 1, code: .duplicate,
                                              message: "form id \(form.id) is also defined in \(existing.file)"))
            return
        }
        forms[form.id] = form
    }

    /// Adds a form read elsewhere (a stored version) when no form with its id is loaded.
    /// - Returns: whether it was added.
    @discardableResult
    public mutating func addIfMissing(_ form: FormDefinition) -> Bool {
        guard forms[form.id] == nil else { return false }
        forms[form.id] = form
        return true
    }

    /// The forms ordered by id.
    public var sorted: [FormDefinition] { forms.values.sorted { $0.id < $1.id } }

    /// The form with this id.
    public subscript(id: String) -> FormDefinition? { forms[id] }
}
