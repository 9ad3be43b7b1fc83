public import LotseForms
public import LotseStore
public import LotseWorkflow
public import LotseXML
public import LotseXPath

/// Builds the case data document (DESIGN §5) that workflow guards and `instance('case')`
/// in forms read: the case's attributes, the client's codes (never names), one element per
/// current submission of an ordinary form with its fields, and for each repeatable form its
/// number of entries and the date of the latest. Fields marked medical are left out, so no
/// guard can read them and no audit detail can show them.
public struct CaseDocument: Sendable {
    /// The forms by id.
    public let forms: [String: FormDefinition]
    /// The ids of repeatable forms (each submission a new entry).
    public let repeatable: Set<String>

    /// For each form, the paths below its root that the document carries (not medical).
    let openPaths: [String: Set<[String]>]

    public init(forms: [String: FormDefinition], repeatable: Set<String>) {
        self.forms = forms
        self.repeatable = repeatable
        openPaths = forms.mapValues { Set(Self.openPaths($0)) }
    }

    /// The shape of every case document, for checking workflow guards at load time.
    public var shape: CaseDocumentShape {
        var fields: [String: Set<[String]>] = [:]
        for (id, paths) in openPaths where !repeatable.contains(id) {
            fields[id] = paths
        }
        return CaseDocumentShape(fields: fields, repeatable: repeatable.intersection(forms.keys))
    }

    /// Paths below the instance root of every field that is not medical (groups included).
    static func openPaths(_ form: FormDefinition) -> [[String]] {
        form.fields.filter { !$0.isMedical }.map { Array($0.path.dropFirst()) }
    }

    /// The document of one case.
    /// - Parameter parse: reads a submission's instance (callers may cache; it never changes).
    public func build(case record: CaseRecord, client: ClientRecord, submissions: [SubmissionRecord],
                      year: Int, parse: (SubmissionRecord) -> LotseXML.XMLElement? = CaseDocument.parse) -> XPathTreeNode {
        let root = XPathTreeNode("case", attributes: [
            "id": String(record.id), "state": record.state, "group": record.group?.rawValue ?? "", "site": record.site,
        ])
        root.append(XPathTreeNode("client", attributes: [
            "sex": client.sex, "age_class": ClientCodes.ageClass(birthYear: client.birthYear, in: year),
            "applicant_type": client.applicantType,
        ]))
        var entries: [String: [SubmissionRecord]] = [:]
        for submission in submissions where submission.isCurrent {
            if repeatable.contains(submission.form) {
                entries[submission.form, default: []].append(submission)
                continue
            }
            guard let open = openPaths[submission.form], let instance = parse(submission) else { continue }
            let element = XPathTreeNode(submission.form)
            Self.copy(instance, into: element, path: [], open: open)
            root.append(element)
        }
        for form in repeatable.sorted() {
            let list = entries[form] ?? []
            let last = list.compactMap { Self.date(of: $0) }.max() ?? ""
            root.append(XPathTreeNode(form, attributes: ["count": String(list.count), "last": last]))
        }
        return root
    }

    /// Parses a submission's instance.
    public static func parse(_ submission: SubmissionRecord) -> LotseXML.XMLElement? {
        try? XMLDocument.parse(string: submission.instance, name: "submission \(submission.id)").root
    }

    private static func copy(_ element: LotseXML.XMLElement, into node: XPathTreeNode, path: [String], open: Set<[String]>) {
        for child in element.elements {
            let childPath = path + [child.name]
            guard open.contains(childPath) else { continue }
            let clone = XPathTreeNode(child.name, text: child.elements.isEmpty ? child.text : "")
            Self.copy(child, into: clone, path: childPath, open: open)
            node.append(clone)
        }
    }

    /// An entry's date: its `date` field, else the day it was submitted.
    static func date(of submission: SubmissionRecord) -> String? {
        if let start = submission.instance.range(of: "<date>"),
           let end = submission.instance.range(of: "</date>", range: start.upperBound..<submission.instance.endIndex) {
            return String(submission.instance[start.upperBound..<end.lowerBound])
        }
        return String(submission.at.prefix(10))
    }
}
