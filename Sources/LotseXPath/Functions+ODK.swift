import Foundation

/// ODK's additions to the function library (ODK XForms spec, "XPath functions").
extension Evaluator {
    func odk(_ function: XPathFunction, _ args: [XPathValue], _ call: XPathCall,
             _ focus: Focus) throws(XPathError) -> XPathValue? {
        switch function {
        case .random:
            // As javarosa: a new value at every evaluation (wrap it in once() to keep it).
            return .number(Double.random(in: 0..<1))
        case .randomize:
            let nodes = try nodeSet(args[0], call)
            guard args.count > 1 else {
                var generator = SystemRandomNumberGenerator()
                return .nodeSet(Self.shuffle(nodes) { Double.random(in: 0..<1, using: &generator) })
            }
            let seed = number(args[1])
            guard seed.isFinite else {
                throw XPathError(.type, "randomize() needs a number as its seed, not \"\(string(args[1]))\"",
                                 at: call.arguments[1].location)
            }
            var generator = ParkMiller(seed: Int64(seed))
            return .nodeSet(Self.shuffle(nodes) { generator.nextDouble() })
        case .booleanFromString:
            let s = string(args[0])
            return .boolean(s == "1" || s.lowercased() == "true")
        case .selected:
            let value = string(args[1]).trimmingXMLWhitespace()
            return .boolean(Self.choices(string(args[0])).contains { $0 == value })
        case .countSelected:
            return .number(Double(Self.choices(string(args[0])).count))
        case .selectedAt:
            let items = Self.choices(string(args[0]))
            let index = number(args[1]).rounded(.towardZero)
            guard index >= 0, index < Double(items.count) else { return .string("") }
            return .string(String(items[Int(index)]))
        case .choiceName:
            guard let resolver = context.choiceName else {
                throw XPathError(.unknownFunction, "function 'jr:choice-name' needs a choice resolver (XPathContext.choiceName)",
                                 at: call.location)
            }
            return .string(resolver(string(args[0]), string(args[1]).trimmingXMLWhitespace()) ?? "")
        case .regex:
            return .boolean(try regex(string(args[0]), string(args[1]), call))
        case .int:
            let n = number(args[0])
            return .number(n.isFinite ? n.rounded(.towardZero) : n)
        case .uuid:
            if args.isEmpty { return .string(context.makeUUID()) }
            let length = max(0, Int(number(args[0]).rounded(.towardZero).clamped(0, 1_000)))
            var text = ""
            while text.count < length { text += context.makeUUID().filter { $0 != "-" } }
            return .string(String(text.prefix(length)))
        case .countNonEmpty:
            return .number(Double(try nodeSet(args[0], call).count { !$0.xpathStringValue.isEmpty }))
        case .min, .max:
            var result = Double.nan
            for value in flatten(args) {
                let n = number(value)
                if n.isNaN { continue }
                if result.isNaN || (function == .min ? n < result : n > result) { result = n }
            }
            return .number(result)
        case .pow:
            return .number(Foundation.pow(number(args[0]), number(args[1])))
        case .abs:
            return .number(Swift.abs(number(args[0])))
        case .join:
            return .string(flatten(Array(args.dropFirst())).map(string).joined(separator: string(args[0])))
        case .substr:
            return .string(substr(string(args[0]), number(args[1]), args.count > 2 ? number(args[2]) : nil))
        case .sqrt: return .number(number(args[0]).squareRoot())
        case .exp: return .number(Foundation.exp(number(args[0])))
        case .exp10: return .number(Foundation.pow(10, number(args[0])))
        case .log: return .number(Foundation.log(number(args[0])))
        case .log10: return .number(Foundation.log10(number(args[0])))
        case .pi: return .number(Double.pi)
        case .sin: return .number(Foundation.sin(number(args[0])))
        case .cos: return .number(Foundation.cos(number(args[0])))
        case .tan: return .number(Foundation.tan(number(args[0])))
        case .asin: return .number(Foundation.asin(number(args[0])))
        case .acos: return .number(Foundation.acos(number(args[0])))
        case .atan: return .number(Foundation.atan(number(args[0])))
        case .atan2: return .number(Foundation.atan2(number(args[0]), number(args[1])))
        default:
            return nil
        }
    }

    /// The codes of a multiple-select answer (space-separated).
    static func choices(_ list: String) -> [Substring] {
        list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }

    /// Each node of a node-set argument as its own string value; other values as they are.
    func flatten(_ args: [XPathValue]) -> [XPathValue] {
        var values: [XPathValue] = []
        for arg in args {
            if case .nodeSet(let nodes) = arg {
                for node in nodes { values.append(.string(node.xpathStringValue)) }
            } else {
                values.append(arg)
            }
        }
        return values
    }

    /// `substr(s, start, end)`: 0-based, end exclusive, negative values count from the end
    /// (javarosa).
    func substr(_ s: String, _ start: Double, _ end: Double?) -> String {
        let characters = Array(s)
        let length = characters.count
        func index(_ value: Double) -> Int {
            if value.isNaN { return 0 }
            var i = value.isInfinite ? (value < 0 ? -length - 1 : length) : Int(value.rounded(.towardZero).clamped(-1e9, 1e9))
            if i < 0 { i += length }
            return min(max(0, i), length)
        }
        let from = index(start)
        let to = end.map(index) ?? length
        return from < to ? String(characters[from..<to]) : ""
    }

    /// `regex(s, pattern)`: true if the whole of `s` matches (javarosa's `Pattern.matches`).
    private func regex(_ s: String, _ pattern: String, _ call: XPathCall) throws(XPathError) -> Bool {
        guard let expression = RegexCache.shared.regex(pattern) else {
            throw XPathError(.type, "invalid regular expression '\(pattern)'", at: call.arguments[1].location)
        }
        return (try? expression.wholeMatch(in: s)) != nil
    }
}

/// Compiled regular expressions by pattern: forms use a handful of patterns thousands of
/// times, and compiling is far slower than matching. Access is serialised by a lock, and a
/// compiled `Regex` is only read, so sharing it across threads is safe.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    /// The compiled pattern, or nil when it does not compile.
    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = compiled[pattern] { return cached }
        guard let expression = try? Regex(pattern) else { return nil }
        if compiled.count > 256 { compiled.removeAll() }
        compiled[pattern] = expression
        return expression
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}

extension String {
    func trimmingXMLWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension Evaluator {
    /// javarosa's Fisher–Yates variant (`FisherYates.shuffle`): element i goes to a position
    /// j = ⌊next · (i + 1)⌋, the element there moves to i; with a seed the order equals Collect's.
    static func shuffle(_ nodes: [any XPathNode], next: () -> Double) -> [any XPathNode] {
        var output: [(any XPathNode)?] = Array(repeating: nil, count: nodes.count)
        for i in nodes.indices {
            let j = Swift.min(i, Int(next() * Double(i + 1)))
            if j != i { output[i] = output[j] }
            output[j] = nodes[i]
        }
        return output.compactMap { $0 }
    }
}

/// The Park–Miller generator javarosa seeds `randomize(nodes, seed)` with (`ParkMiller`).
struct ParkMiller {
    private static let modulus = 2_147_483_647.0
    private var seed: Double

    init(seed: Int64) {
        var value = Double(seed).truncatingRemainder(dividingBy: Self.modulus)
        if value <= 0 { value += Self.modulus - 1 }
        self.seed = value
    }

    mutating func nextDouble() -> Double {
        seed = (seed * 16_807).truncatingRemainder(dividingBy: Self.modulus)
        return (Double(Int32(truncatingIfNeeded: Int64(seed))) - 1) / (Self.modulus - 1)
    }
}
