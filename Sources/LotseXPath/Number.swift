public import Foundation

/// XPath's number ↔ string conversions.
public enum XPathNumber {
    /// Formats a number the XPath way: `NaN`, `Infinity`, `-Infinity`, integers without a
    /// decimal point, others in plain decimal notation (never an exponent), `-0` as `0`.
    /// - Parameter value: the number.
    /// - Returns: its string value.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if value == value.rounded(.towardZero), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = "\(value)"
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        // Expand d.ddde±x into plain notation.
        var mantissa = shortest[..<e]
        let exponent = Int(shortest[shortest.index(after: e)...]) ?? 0
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var point = integer.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point >= digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        let splitIndex = digits.index(digits.startIndex, offsetBy: point)
        var result = String(digits[..<splitIndex])
        var tail = Substring(digits[splitIndex...])
        while tail.last == "0" { tail = tail.dropLast() }
        if !tail.isEmpty { result += "." + tail }
        return (negative ? "-" : "") + result
    }

    /// Converts a string to a number: optional whitespace, an optional `-`, digits with an
    /// optional `.`; otherwise a date or dateTime as days since 1970-01-01 (ODK); otherwise NaN.
    /// - Parameters:
    ///   - text: the text.
    ///   - timeZone: the zone of dateTimes without an offset.
    /// - Returns: the number, or NaN.
    public static func parse(_ text: String, timeZone: TimeZone) -> Double {
        if let number = parseDecimal(text) { return number }
        if let date = XPathDate.parse(text, timeZone: timeZone) { return date.days }
        return .nan
    }

    /// XPath 1.0's `Number` grammar with surrounding whitespace, or `nil`.
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
