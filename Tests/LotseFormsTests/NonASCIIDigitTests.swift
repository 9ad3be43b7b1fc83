import Testing
import LotseForms

/// Values with other Unicode digits are type errors, never a trap (issue 9: `²²:00` trapped in
/// `DataType`, `Int(...)!`).
@Suite struct NonASCIIDigitTests {
    @Test func otherDigitsAreNotValuesOfAnyTimeOrDateType() {
        for text in ["²²:00", "١٠:٣٠", "１０:３０", "10:³⁰"] { #expect(DataType.time.normalise(text) == nil, "\(text)") }
        for text in ["2026-11-25T²²:00", "٢٠٢٦-١١-٢٥T10:30", "2026-11-25T١٠:٣٠:٠٠Z"] {
            #expect(DataType.dateTime.normalise(text) == nil, "\(text)")
        }
        for text in ["٢٠٢٦-١١-٢٥", "²⁰²⁶-11-25"] { #expect(DataType.date.normalise(text) == nil, "\(text)") }
        // The lexical forms ODK writes stay valid.
        #expect(DataType.time.normalise("10:15:00.000Z") == "10:15:00.000Z")
        #expect(DataType.time.normalise("10:15") == "10:15")
        #expect(DataType.dateTime.normalise("2026-11-25T10:15:00.000+01:00") == "2026-11-25T10:15:00.000+01:00")
        #expect(DataType.date.normalise("2026-11-25") == "2026-11-25")
    }
}
