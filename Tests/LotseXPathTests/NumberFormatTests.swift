import LotseXPath
import Testing

/// Number → string (XPath 1.0 §4.2 `string()`): no exponent, no trailing `.0`.
@Suite("Number formatting")
struct NumberFormatTests {
    static let rows: [(Double, String)] = [
        (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.5, "0.5"), (-0.25, "-0.25"), (1e-7, "0.0000001"),
        (1.5e-10, "0.00000000015"), (123456789012345678, "123456789012345680"), (1e21, "1000000000000000000000"),
        (0.1 + 0.2, "0.30000000000000004"), (1.0 / 3.0, "0.3333333333333333"), (.nan, "NaN"),
        (.infinity, "Infinity"), (-.infinity, "-Infinity"), (19797.4375, "19797.4375"), (1e15, "1000000000000000"),
    ]

    @Test(arguments: rows) func format(_ row: (Double, String)) {
        #expect(XPathNumber.format(row.0) == row.1)
    }

    static let parses: [(String, Double)] = [
        ("12", 12), (" 12 ", 12), ("-3.5", -3.5), (".5", 0.5), ("5.", 5), ("-.5", -0.5), ("1,5", .nan),
        ("+1", .nan), ("0x10", .nan), ("1e3", .nan), ("", .nan), ("-", .nan), (".", .nan), ("1970-01-11", 10),
    ]

    @Test(arguments: parses) func parse(_ row: (String, Double)) {
        #expect(numbersMatch(XPathNumber.parse(row.0, timeZone: utc), row.1))
    }
}
