/// A wall-clock time of day as ISO 8601 and ODK write it, `hh:mm[:ss[.fff…]]`, with an
/// optional UTC offset (`Z`, `±hh:mm`). Reading accepts ASCII digits only: `²²:00` and
/// `١٠:٣٠` are not times, never a trap.
public struct CivilTime: Hashable, Sendable {
    /// 0…23.
    public let hour: Int
    /// 0…59.
    public let minute: Int
    /// 0…59.
    public let second: Int
    /// The fraction of the second as written (`500` for `.500`), and its number of digits.
    public let fraction: Int, fractionDigits: Int
    /// The offset east of UTC in minutes, nil when the text names none.
    public let offsetMinutes: Int?

    /// Reads `hh:mm`, `hh:mm:ss` or `hh:mm:ss.f…`, then optionally `Z` or `±hh:mm`.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        var offset: Int?
        if bytes.last == UInt8(ascii: "Z") {
            bytes = bytes.dropLast()
            offset = 0
        } else if bytes.count >= 6, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[bytes.endIndex - 6]) {
            let zone = bytes.suffix(6)
            let start = zone.startIndex
            guard zone[start + 3] == 0x3A, let h = ASCIIDigits.value(zone[(start + 1)..<(start + 3)]),
                  let m = ASCIIDigits.value(zone[(start + 4)...]), h <= 14, m <= 59 else { return nil }
            offset = (h * 60 + m) * (zone[start] == UInt8(ascii: "-") ? -1 : 1)
            bytes = bytes.dropLast(6)
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let fields = parts[0].split(separator: 0x3A, omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 }),
              let h = ASCIIDigits.value(fields[0]), let m = ASCIIDigits.value(fields[1]), h <= 23, m <= 59 else { return nil }
        var s = 0
        if fields.count == 3 {
            guard let value = ASCIIDigits.value(fields[2]), value <= 59 else { return nil }
            s = value
        }
        var fraction = 0, digits = 0
        if parts.count == 2 {
            guard fields.count == 3, let value = ASCIIDigits.value(parts[1]) else { return nil }
            fraction = value
            digits = parts[1].count
        }
        hour = h
        minute = m
        second = s
        self.fraction = fraction
        fractionDigits = digits
        offsetMinutes = offset
    }

    /// Seconds since midnight, with the fraction.
    public var secondsOfDay: Double {
        var fractional = Double(fraction)
        for _ in 0..<fractionDigits { fractional /= 10 }
        return Double(hour * 3600 + minute * 60 + second) + fractional
    }
}
