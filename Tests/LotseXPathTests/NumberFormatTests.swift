import LotseXPath
import Testing

/// Number → string (XPath 1.0 §4.2 `string()`): no exponent, no trailing `.0`.
@Suite("Number formatting")
struct NumberFormatTests {
    static let rows: [(Double, String)] = [
        // javarosa's XPathFuncExpr.toString: ints (32 bits) plain, others Java's Double.toString.
        (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.5, "0.5"), (-0.25, "-0.25"), (1e-7, "1.0E-7"),
        (1.5e-10, "1.5E-10"), (123456789012345678, "1.2345678901234568E17"), (1e21, "1.0E21"),
        (0.1 + 0.2, "0.30000000000000004"), (1.0 / 3.0, "0.3333333333333333"), (.nan, "NaN"),
        (.infinity, "Infinity"), (-.infinity, "-Infinity"), (19797.4375, "19797.4375"), (1e15, "1.0E15"),
        (12345678.5, "1.23456785E7"), (0.001, "0.001"), (0.0001, "1.0E-4"), (9999999.5, "9999999.5"),
        (2147483647, "2147483647"), (2147483648, "2.147483648E9"), (1e-13, "0"),
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

    /// A string literal as javarosa's toNumeric reads it: commas are points, never a date.
    static let javaRosaParses: [(String, Double)] = [
        ("12", 12), (" 12 ", 12), ("-3.5", -3.5), (".5", 0.5), ("5.", 5), ("1,5", 1.5), ("+1", .nan),
        ("1e3", .nan), ("", .nan), ("-", .nan), (".", .nan), ("1970-01-11", .nan), ("1.2.3", .nan), ("--1", .nan),
    ]

    @Test(arguments: javaRosaParses) func parseJavaRosa(_ row: (String, Double)) {
        #expect(numbersMatch(XPathNumber.parseJavaRosa(row.0), row.1))
    }
}
