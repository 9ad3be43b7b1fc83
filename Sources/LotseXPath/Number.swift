public import Foundation

/// XPath's number ↔ string conversions, as ODK Collect (javarosa) does them.
public enum XPathNumber {
    /// A number as a string, as javarosa converts (`XPathFuncExpr.toString`): NaN, `Infinity`,
    /// `-Infinity`; within 1e-12 of an int (32 bits) that int; otherwise Java's `Double.toString`
    /// (`0.5`, `1.0E-4`, `1.0E10`).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if Swift.abs(value) < 1e-12 { return "0" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let int = javaInt(value)
        if Swift.abs(value - Double(int)) < 1e-12 { return String(int) }
        return java(value)
    }

    /// Java's `(int) d`: towards zero, clamped to 32 bits, NaN as 0.
    public static func javaInt(_ value: Double) -> Int32 {
        if value.isNaN { return 0 }
        if value >= Double(Int32.max) { return .max }
        if value <= Double(Int32.min) { return .min }
        return Int32(value.rounded(.towardZero))
    }

    /// Java's `Double.toString`: shortest digits; plain between 10⁻³ and 10⁷ (`12.5`, `3.0`),
    /// otherwise `d.dddE±n` (`1.0E-4`, `1.23456785E7`).
    public static func java(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let sign = value < 0 ? "-" : ""
        // Shortest round-trip digits and the decimal exponent from Swift's description.
        let text = "\(Swift.abs(value))"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var point = integer.count + exponent        // digits[..<point] is the integer part
        while digits.first == "0", digits.count > 1 { digits.removeFirst(); point -= 1 }
        while digits.last == "0", digits.count > 1 { digits.removeLast() }
        let magnitude = Swift.abs(value)
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
            if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
            let split = digits.index(digits.startIndex, offsetBy: point)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let rest = digits.dropFirst()
        return sign + String(digits.first!) + "." + (rest.isEmpty ? "0" : String(rest)) + "E" + String(point - 1)
    }

    public static func parse(_ text: String, timeZone: TimeZone) -> Double {
        if let number = parseDecimal(text) { return number }
        if let date = XPathDate.parse(text, timeZone: timeZone) { return Double(date.calendarDays(in: timeZone)) }
        return .nan
    }

    /// XPath 1.0's `Number` grammar with surrounding whitespace, or `nil`.
    /// A string as javarosa's `toNumeric` reads it: commas count as decimal points, only digits,
    /// `-` and `.` are allowed (no exponent, no `+`, no Infinity), anything else is NaN.
    public static func parseJavaRosa(_ text: String) -> Double {
        let s = text.replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.allSatisfy({ $0 == "-" || $0 == "." || ("0"..."9").contains($0) }) else { return .nan }
        // Java's Double.parseDouble: one optional leading sign, digits with at most one point.
        var body = Substring(s)
        if body.first == "-" { body = body.dropFirst() }
        guard body.contains(where: { $0 != "." }), !body.contains("-"), body.filter({ $0 == "." }).count <= 1 else {
            return .nan
        }
        var literal = String(body)
        if literal.hasPrefix(".") { literal = "0" + literal }
        if literal.hasSuffix(".") { literal.removeLast() }
        guard let value = Double(literal) else { return .nan }
        return s.first == "-" ? -value : value
    }

    static func parseDecimal(_ text: String) -> Double? {
        var utf8 = text.utf8[...]
        while let b = utf8.first, isSpace(b) { utf8 = utf8.dropFirst() }
        while let b = utf8.last, isSpace(b) { utf8 = utf8.dropLast() }
        guard !utf8.isEmpty else { return nil }
        var sawDigit = false
        var sawPoint = false
        for (i, b) in zip(0..., utf8) {
            if b >= 0x30 && b <= 0x39 { sawDigit = true; continue }
            if b == UInt8(ascii: "."), !sawPoint { sawPoint = true; continue }
            if b == UInt8(ascii: "-"), i == 0 { continue }
            return nil
        }
        guard sawDigit else { return nil }
        var literal = String(decoding: utf8, as: UTF8.self)
        if literal.hasSuffix(".") { literal.removeLast() }
        if literal.hasPrefix(".") { literal = "0" + literal } else if literal.hasPrefix("-.") {
            literal = "-0" + literal.dropFirst()
        }
        return Double(literal)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
