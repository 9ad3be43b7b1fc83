import Foundation
import LotseWorkflow
import LotseXML
import LotseXPath

/// Where the package's files are, found from this source file.
enum Paths {
    /// The package root (two levels above `Tests/LotseWorkflowTests`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func workflow(_ name: String) -> String { root.appendingPathComponent("Workflows/\(name)").path }
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
}

/// The case document's shape made from the real forms in `Forms/`: each form's
/// primary instance (`<instance>`'s first child `<data>`) gives `/case/FORM/...`.
/// (Lotse's forms engine will offer this; the helper keeps the tests independent.)
enum RealForms {
    /// The repeatable forms (Forms/README.md).
    static let repeatable: Set<String> = ["contact", "step", "follow_up", "observation"]

    static let shape: CaseDocumentShape = {
        let xforms = "http://www.w3.org/2002/xforms"
        let directory = Paths.root.appendingPathComponent("Forms")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var fields: [String: Set<[String]>] = [:]
        for file in files.sorted() where file.hasSuffix(".xml") {
            guard let document = try? XMLDocument.parse(fileAt: directory.appendingPathComponent(file).path),
                  let head = document.root.elements.first(where: { $0.name == "head" }),
                  let model = head.firstElement(named: "model", namespace: xforms),
                  let instance = model.firstElement(named: "instance", namespace: xforms),
                  let data = instance.elements.first,
                  let id = data.attribute("id")
            else { continue }
            if repeatable.contains(id) { continue }
            var paths: Set<[String]> = []
            func walk(_ element: XMLElement, _ prefix: [String]) {
                for child in element.elements {
                    let path = prefix + [child.name]
                    paths.insert(path)
                    walk(child, path)
                }
            }
            walk(data, [])
            fields[id] = paths
        }
        return CaseDocumentShape(fields: fields, repeatable: repeatable.intersection(
            files.map { String($0.dropLast(4)) }))
    }()

    static var reader: WorkflowReader { WorkflowReader(shape: shape) }
}

/// A small case document built by hand.
enum CaseDocuments {
    /// `<case id="1" state=… group="participant" site="test">` with `client` and
    /// one element per form: `["capacity": ["erwerbsfaehig": "no"]]`.
    static func make(state: String = "", forms: [String: [String: String]] = [:],
                     repeatable: [String: (count: Int, last: String)] = [:]) -> XPathTreeNode {
        let root = XPathTreeNode("case", attributes: ["id": "1", "state": state, "group": "participant", "site": "test"])
        root.append(XPathTreeNode("client", attributes: ["sex": "w", "age_class": "50plus", "applicant_type": "SP"]))
        for (form, values) in forms.sorted(by: { $0.key < $1.key }) {
            let element = XPathTreeNode(form)
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                element.append(XPathTreeNode(name, text: value))
            }
            root.append(element)
        }
        for (form, entry) in repeatable.sorted(by: { $0.key < $1.key }) {
            root.append(XPathTreeNode(form, attributes: ["count": String(entry.count), "last": entry.last]))
        }
        return root
    }
}

/// A reader for hand-written test workflows: forms a–e and the repeatable r1, r2;
/// the case document has `/case/f/x`, `/case/f/y`, `/case/g/z` and r1/@count.
enum TestShapes {
    static let shape = CaseDocumentShape(
        fields: ["f": [["x"], ["y"]], "g": [["z"]], "a": [], "b": [], "c": [], "d": [], "e": []],
        repeatable: ["r1", "r2"])
    static var reader: WorkflowReader { WorkflowReader(shape: shape) }

    /// Reads a test workflow or fails with all diagnostics.
    static func load(_ text: String, name: String = "test.scxml") throws -> WorkflowDefinition {
        try reader.read(string: text, name: name)
    }

    /// Wraps states in an `scxml` element.
    static func scxml(_ body: String, initial: String? = nil) -> String {
        """
        <scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:l="urn:lotse:workflow:1" version="1.0" \
        name="test"\(initial.map { " initial=\"\($0)\"" } ?? "")>
        \(body)
        </scxml>
        """
    }
}
