public import LotseXML

/// One field in one repeat instance: the field and, for each repeat around it (or that it
/// is), the instance's number (1-based, outermost first). Outside repeats `indices` is empty.
public struct FieldAddress: Sendable, Hashable, CustomStringConvertible {
    public var field: Field
    public var indices: [Int]
    /// `member[2]/age`: the path below the root with the instance numbers.
    public var text: String

    public var description: String { text }
}

extension FormDefinition {
    /// The repeat at a path, if that node is one.
    public func repeatDefinition(at path: [String]) -> RepeatDefinition? { repeats.first { $0.path == path } }

    /// The lengths of the path's prefixes that are repeats (the path itself included).
    public func repeatDepths(_ path: [String]) -> [Int] {
        guard !repeats.isEmpty else { return [] }
        return (2...max(2, path.count)).filter { $0 <= path.count && repeatDefinition(at: Array(path.prefix($0))) != nil }
    }

    /// The address of a field in the given instances (text `member[2]/age`).
    public func address(_ field: Field, indices: [Int]) -> FieldAddress {
        let depths = repeatDepths(field.path)
        var steps: [String] = []
        for (k, name) in field.path.enumerated().dropFirst() {
            if let r = depths.firstIndex(of: k + 1), r < indices.count { steps.append("\(name)[\(indices[r])]") } else {
                steps.append(name)
            }
        }
        return FieldAddress(field: field, indices: indices, text: steps.joined(separator: "/"))
    }

    /// The field in the first instance of every repeat around it.
    public func firstAddress(_ field: Field) -> FieldAddress {
        address(field, indices: Array(repeating: 1, count: repeatDepths(field.path).count))
    }

    /// Finds what a `key=value` key names: a field's name or its path below the root, with
    /// instance numbers for repeats (`member[2]/age`; a step without a number is instance 1).
    /// - Throws: `FormError.unknownField`, `.ambiguousField`, or `.repeatInstance` for a
    ///   number on what is no repeat or a number below 1.
    public func resolveAddress(_ key: String) throws(FormError) -> FieldAddress {
        guard key.utf8.contains(UInt8(ascii: "[")) else {
            return firstAddress(try resolveField(key))
        }
        var plain: [String] = []
        var given: [Int?] = []
        for step in key.split(separator: "/", omittingEmptySubsequences: false) {
            guard let open = step.firstIndex(of: "[") else {
                plain.append(String(step))
                given.append(nil)
                continue
            }
            let inner = step[step.index(after: open)...]
            guard inner.hasSuffix("]"), let n = Int(inner.dropLast()), n >= 1, n <= Self.maximumRepeatInstances else {
                throw .repeatInstance(key, .instanceNumberSyntax(maximum: Self.maximumRepeatInstances))
            }
            plain.append(String(step[..<open]))
            given.append(n)
        }
        let field = try resolveField(plain.joined(separator: "/"))
        // The steps given are the last steps of the field's path.
        let offset = field.path.count - plain.count
        guard offset >= 1 else { throw .unknownField(key, form: id) }
        let depths = repeatDepths(field.path)
        var indices = Array(repeating: 1, count: depths.count)
        for (k, number) in given.enumerated() {
            guard let number else { continue }
            let length = offset + k + 1
            guard let r = depths.firstIndex(of: length) else {
                throw .repeatInstance(key, .notARepeat(plain[k]))
            }
            indices[r] = number
        }
        return address(field, indices: indices)
    }

    /// The most instances one repeat may have (a `jr:count` above it is cut to this).
    public static let maximumRepeatInstances = 1000
}

extension FormDefinition {
    /// Every value a submission document (an instance of this form) holds, in document
    /// order, each with its address (`member[2]/age`): leaves that are fields of the form.
    public func answers(in root: LotseXML.XMLElement) -> [(address: FieldAddress, value: String)] {
        var out: [(address: FieldAddress, value: String)] = []
        func walk(_ element: LotseXML.XMLElement, path: [String], indices: [Int]) {
            var seen: [String: Int] = [:]
            for child in element.elements {
                let childPath = path + [child.name]
                var childIndices = indices
                if repeatDefinition(at: childPath) != nil {
                    let number = seen[child.name, default: 0] + 1
                    seen[child.name] = number
                    childIndices.append(number)
                }
                if child.elements.isEmpty {
                    if let field = field(at: childPath), field.kind != .group {
                        out.append((address(field, indices: childIndices), child.text))
                    }
                } else {
                    walk(child, path: childPath, indices: childIndices)
                }
            }
        }
        guard root.name == template.name else { return [] }
        walk(root, path: [root.name], indices: [])
        return out
    }
}
