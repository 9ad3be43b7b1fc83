/// Reads the leaf values of a stored submission (the instance XML Lotse itself wrote) into a
/// map from the path below the root (`qualification/school`) to the value, without building a
/// document: the export reads hundreds of thousands of submissions. `#PATH` holds how often the
/// element at PATH occurs (a repeat's number of instances; a repeat's fields hold the last one's).
///
/// It understands what Lotse's writer produces: elements, attributes (skipped), text with the
/// five predefined entities and numeric character references, self-closing empty elements. It
/// is checked against libxml2's reading of every form in the tests.
public enum InstanceValues {
    public static func parse(_ xml: String) -> [String: String] {
        var result: [String: String] = [:]
        var utf8 = Array(xml.utf8)
        utf8.append(0)
        var stack: [String] = []
        // The path below the root of the innermost open element, kept as the stack changes.
        var paths: [String] = []
        var text: [UInt8] = []
        var sawChild: [Bool] = []
        var i = 0
        let count = utf8.count - 1
        while i < count {
            let byte = utf8[i]
            guard byte == UInt8(ascii: "<") else {
                text.append(byte)
                i += 1
                continue
            }
            let next = utf8[i + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Declaration or comment: skip to '>'.
                while i < count && utf8[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
                continue
            }
            if next == UInt8(ascii: "/") {
                // End tag: a leaf's text is its value.
                var j = i + 2
                while j < count && utf8[j] != UInt8(ascii: ">") { j += 1 }
                if let hadChild = sawChild.popLast(), !hadChild, stack.count > 1 {
                    result[paths[paths.count - 1]] = decode(text)
                }
                stack.removeLast()
                paths.removeLast()
                text.removeAll(keepingCapacity: true)
                i = j + 1
                continue
            }
            // Start tag.
            var j = i + 1
            while j < count, utf8[j] != UInt8(ascii: ">"), utf8[j] != UInt8(ascii: "/"), utf8[j] != UInt8(ascii: " ") {
                j += 1
            }
            let name = String(decoding: utf8[(i + 1)..<j], as: UTF8.self)
            var k = j
            var quote: UInt8 = 0
            while k < count {
                let c = utf8[k]
                if quote != 0 { if c == quote { quote = 0 } } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") { break }
                k += 1
            }
            let selfClosing = k > 0 && utf8[k - 1] == UInt8(ascii: "/")
            if !sawChild.isEmpty { sawChild[sawChild.count - 1] = true }
            let path = stack.count <= 1 ? name : paths[paths.count - 1] + "/" + name
            // How often each element occurs (`#member`: a repeat's number of instances).
            if !stack.isEmpty { result["#" + path] = String((result["#" + path].flatMap { Int($0) } ?? 0) + 1) }
            if selfClosing {
                if !stack.isEmpty { result[path] = "" }
            } else {
                stack.append(name)
                paths.append(path)
                sawChild.append(false)
            }
            text.removeAll(keepingCapacity: true)
            i = k + 1
        }
        return result
    }

    /// Text with entities replaced, in one pass (so `&amp;lt;` stays `&lt;`).
    static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let text = String(decoding: bytes, as: UTF8.self)
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            guard let semi = tail.firstIndex(of: ";") else { break }
            let name = tail[tail.index(after: amp)..<semi]
            var replacement: String?
            switch name {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    replacement = value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let replacement {
                out += replacement
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        out += rest
        return out
    }
}
