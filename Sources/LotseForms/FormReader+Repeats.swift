import LotseXML
import LotseXPath

extension FormReader {
    /// Reads a `<repeat nodeset=…>` (pyxform puts it inside a `<group>` of the same ref):
    /// its count or fixed number, then its controls.
    mutating func readRepeat(_ element: XMLElement, medicalAbove: Bool) {
        guard let nodeset = element.attribute("nodeset"),
              let path = absolutePath(nodeset, attribute: "nodeset", on: element) else {
            if element.attribute("nodeset") == nil { report(.structure, "<repeat> without nodeset", at: element) }
            return
        }
        guard FormSchema.node(path, in: template) != nil else {
            report(.path, "<repeat nodeset=\"\(nodeset)\">: the primary instance has no such element", at: element)
            return
        }
        if repeats.contains(where: { $0.path == path }) {
            report(.duplicate, "a second <repeat> for \(nodeset)", at: element)
            return
        }
        var count: XPathExpression?
        if let text = element.attribute("count", namespace: NS.javarosa) {
            count = compile(text, attribute: "jr:count", on: element)
            if let count {
                pendingChecks.append(PendingCheck(expression: count, contextPath: path, attribute: "jr:count",
                                                  element: element))
            }
        }
        let fixedText = element.attribute("noAddRemove", namespace: NS.javarosa)?.trimmed()
        let fixed = fixedText == "true()" || fixedText == "true"
        repeats.append(RepeatDefinition(path: path, count: count, fixed: fixed, line: element.line))
        markRepeat(path)
        var medical = medicalAbove
        let bindIndex = binds.firstIndex { $0.path == path }
        medical = medical || (bindIndex.map { binds[$0].medical } ?? false)
        if !fields.contains(where: { $0.path == path }) {
            // A repeat without pyxform's group around it: the repeat is its own group.
            fields.append(Field(path: path, kind: .group, type: .string, label: label(of: element, "label"),
                                hint: nil, choices: nil, bind: bindIndex, isMedical: medical, isNote: false,
                                line: element.line))
        }
        readBody(element.elements, medicalAbove: medical)
    }

    /// Marks the template node at `path` as a repeat (a form with one instance and no
    /// `jr:template` starts with that instance).
    mutating func markRepeat(_ path: [String]) {
        func mark(_ node: inout TemplateNode, _ rest: ArraySlice<String>) {
            guard let name = rest.first, let i = node.children.firstIndex(where: { $0.name == name }) else { return }
            if rest.count == 1 {
                if !node.children[i].isRepeat {
                    node.children[i].isRepeat = true
                    node.children[i].initial = [node.children[i]]
                }
            } else {
                mark(&node.children[i], rest.dropFirst())
                for k in node.children[i].initial.indices { mark(&node.children[i].initial[k], rest.dropFirst()) }
            }
        }
        guard path.first == template.name else { return }
        mark(&template, path.dropFirst())
    }

    /// Elements that repeat in the instance (several of one name, or `jr:template`) must be
    /// repeats in the body, or Collect refuses the form.
    mutating func checkRepeatElements() {
        let declared = Set(repeats.map(\.path))
        var problems: [([String], Int)] = []
        func walk(_ node: TemplateNode, _ path: [String]) {
            for child in node.children {
                let childPath = path + [child.name]
                if child.isRepeat, !declared.contains(childPath) { problems.append((childPath, child.line)) }
                walk(child, childPath)
            }
        }
        walk(template, [template.name])
        for (path, line) in problems {
            diagnostics.append(FormDiagnostic(file: file, line: line, code: .structure,
                message: "/\(path.joined(separator: "/")) appears more than once (or as jr:template) in the instance "
                    + "but no <repeat nodeset=\"/\(path.joined(separator: "/"))\"> is in the body"))
        }
    }
}
