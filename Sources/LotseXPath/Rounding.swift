/// `round(x)` and `round(x, digits)`.
///
/// Ties go toward positive infinity, as XPath 1.0 says for `round(x)` and as javarosa does for
/// `round(x, digits)` (`HALF_UP` for positive numbers, `HALF_DOWN` for negative ones):
/// `round(2.5) = 3`, `round(-2.5) = -2`, `round(-1.475, 2) = -1.47`. Rounding works on the
/// shortest decimal form of the number, so `round(2.15, 1) = 2.2` although 2.15 is stored
/// as 2.1499999….
enum XPathRounding {
    static func round(_ x: Double, digits: Double) -> Double {
        if x.isNaN || x.isInfinite || x == 0 { return x }
        let places = digits.isNaN ? 0 : digits.rounded(.towardZero)
        if Swift.abs(places) > 30 { return .nan }
        let n = Int(places)
        if n == 0 {
            let r = x.rounded(.toNearestOrAwayFromZero)
            return (x < 0 && r - x == -0.5) ? r + 1 : r
        }
        let negative = x < 0
        let text = XPathNumber.format(Swift.abs(x))
        var digitsOfX: [UInt8] = []
        var pointPosition = 0
        var sawPoint = false
        for b in text.utf8 {
            if b == UInt8(ascii: ".") { sawPoint = true; continue }
            digitsOfX.append(b - 0x30)
            if !sawPoint { pointPosition += 1 }
        }
        let cut = pointPosition + n
        if cut < 0 { return 0 }
        if cut >= digitsOfX.count { return x }
        var kept = Array(digitsOfX[..<cut])
        let next = digitsOfX[cut]
        let restNonZero = digitsOfX[(cut + 1)...].contains { $0 != 0 }
        let roundUp = next > 5 || (next == 5 && (restNonZero || !negative))
        if roundUp {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0); pointPosition += 1 }
        }
        var literal = ""
        if n > 0 {
            for (i, d) in kept.enumerated() {
                if i == pointPosition { literal += "." }
                literal.append(Character(Unicode.Scalar(d + 0x30)))
            }
        } else {
            for d in kept { literal.append(Character(Unicode.Scalar(d + 0x30))) }
            if literal.isEmpty { return 0 }
            literal += String(repeating: "0", count: -n)
        }
        let magnitude = Double(literal) ?? .nan
        return negative ? -magnitude : magnitude
    }
}
