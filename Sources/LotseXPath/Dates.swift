public import Foundation
import LotseCalendar

/// A date or dateTime value, ODK's addition to XPath's types.
///
/// Dates and dateTimes convert to numbers as days since 1970-01-01: a date to whole calendar
/// days (independent of time zones), a dateTime to fractional days since the epoch instant.
/// Where a date meets a dateTime (`now() > /data/visit`), the date stands for local midnight
/// in the context's time zone.
public enum XPathDate: Sendable, Hashable, CustomStringConvertible {
    /// A calendar date: whole days since 1970-01-01.
    case date(days: Int)
    /// An instant (seconds since 1970-01-01T00:00:00Z) with the UTC offset (seconds east)
    /// it is shown in.
    case dateTime(seconds: Double, offset: Int)

    /// `YYYY-MM-DD` for dates, `YYYY-MM-DDThh:mm:ss.sss+hh:mm` for dateTimes.
    public var description: String {
        switch self {
        case .date(let days):
            let (y, m, d) = Civil.date(fromDays: days)
            return Civil.dateString(y, m, d)
        case .dateTime(let seconds, let offset):
            let parts = Civil.Parts(seconds: seconds + Double(offset))
            var text = Civil.dateString(parts.year, parts.month, parts.day) + "T"
            text += Civil.pad(parts.hour, 2) + ":" + Civil.pad(parts.minute, 2) + ":" + Civil.pad(parts.second, 2)
            text += "." + Civil.pad(parts.millisecond, 3)
            if offset == 0 { return text + "Z" }
            let sign = offset < 0 ? "-" : "+"
            let minutes = Swift.abs(offset) / 60
            return text + sign + Civil.pad(minutes / 60, 2) + ":" + Civil.pad(minutes % 60, 2)
        }
    }

    /// The local date (`YYYY-MM-DD`), a dateTime's in its own offset.
    public var localDateString: String {
        switch self {
        case .date: return description
        case .dateTime(let seconds, let offset):
            let (y, m, d) = Civil.date(fromDays: Int(((seconds + Double(offset)) / 86_400).rounded(.down)))
            return Civil.dateString(y, m, d)
        }
    }

    /// Seconds since the epoch instant; a date counts from its local midnight in `timeZone`.
    public func instantSeconds(in timeZone: TimeZone) -> Double {
        switch self {
        case .date(let days): return Civil.utcSeconds(localSeconds: Double(days) * 86_400, in: timeZone)
        case .dateTime(let seconds, _): return seconds
        }
    }

    /// Days since 1970-01-01: whole days for a date, fractional for a dateTime.
    public var days: Double {
        switch self {
        case .date(let days): return Double(days)
        case .dateTime(let seconds, _): return seconds / 86_400
        }
    }

    /// Days since the epoch instant; a date counts from its local midnight in `timeZone`.
    /// - Parameter timeZone: the zone whose midnight a date stands for.
    public func instantDays(in timeZone: TimeZone) -> Double {
        switch self {
        case .date(let days):
            return Civil.utcSeconds(localSeconds: Double(days) * 86_400, in: timeZone) / 86_400
        case .dateTime(let seconds, _):
            return seconds / 86_400
        }
    }

    /// The calendar date, in `timeZone` for a dateTime.
    /// - Parameter timeZone: the zone in which a dateTime's day is taken.
    public func calendarDays(in timeZone: TimeZone) -> Int {
        switch self {
        case .date(let days): return days
        case .dateTime(let seconds, _):
            let local = seconds + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
            return Int((local / 86_400).rounded(.down))
        }
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss[.sss]][Z|±hh[:mm]]` (surrounding
    /// whitespace allowed). A dateTime without an offset is local time in `timeZone`.
    /// - Parameters:
    ///   - text: the text to parse.
    ///   - timeZone: the zone of dateTimes without an offset.
    /// - Returns: the value, or `nil` if the text is not a valid date or dateTime.
    public static func parse(_ text: String, timeZone: TimeZone) -> XPathDate? {
        var scanner = DateScanner(text)
        return scanner.parse(timeZone: timeZone)
    }

    /// Today's date in `timeZone` at `instant`.
    static func today(_ instant: Date, in timeZone: TimeZone) -> XPathDate {
        .date(days: XPathDate.now(instant, in: timeZone).calendarDays(in: timeZone))
    }

    /// The instant, shown with `timeZone`'s offset at that instant.
    static func now(_ instant: Date, in timeZone: TimeZone) -> XPathDate {
        .dateTime(seconds: instant.timeIntervalSince1970, offset: timeZone.secondsFromGMT(for: instant))
    }
}

/// Calendar helpers of XPath dates: the arithmetic is `CivilDate`'s; time zones come from Foundation.
enum Civil {
    /// Days since 1970-01-01 (the arithmetic is `CivilDate`'s); a day beyond the month's end
    /// counts on into the next month.
    static func days(year: Int, month: Int, day: Int) -> Int {
        CivilDate(year: year, month: 1, day: 1)!.adding(months: month - 1).dayNumber + day - 1
    }

    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let date = CivilDate(dayNumber: days)
        return (date.year, date.month, date.day)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int { CivilDate.daysIn(month: month, year: year) }

    /// 0 = Sunday … 6 = Saturday.
    static func weekday(days: Int) -> Int { CivilDate(dayNumber: days).weekday }

    /// Converts local wall-clock seconds to UTC seconds in `timeZone`.
    static func utcSeconds(localSeconds: Double, in timeZone: TimeZone) -> Double {
        let guess = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds)))
        let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds - guess)))
        return localSeconds - offset
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(Swift.abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }

    static func dateString(_ y: Int, _ m: Int, _ d: Int) -> String {
        pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// Broken-down wall-clock time of seconds since the epoch (already shifted to local time).
    struct Parts {
        var year, month, day, hour, minute, second, millisecond: Int

        init(seconds: Double) {
            let totalMillis = Int((seconds * 1000).rounded(.down))
            let dayMillis = 86_400_000
            let days = totalMillis >= 0 ? totalMillis / dayMillis : (totalMillis - dayMillis + 1) / dayMillis
            let rest = totalMillis - days * dayMillis
            (year, month, day) = Civil.date(fromDays: days)
            hour = rest / 3_600_000
            minute = rest / 60_000 % 60
            second = rest / 1000 % 60
            millisecond = rest % 1000
        }
    }
}

/// Scans ISO 8601 dates and dateTimes the way ODK writes them.
private struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) {
        var utf8 = Array(text.utf8)
        while let last = utf8.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { utf8.removeLast() }
        var start = 0
        while start < utf8.count, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[start]) { start += 1 }
        bytes = Array(utf8[start...])
    }

    mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, count < maxDigits, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            count += 1
        }
        return count >= minDigits ? value : nil
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func parse(timeZone: TimeZone) -> XPathDate? {
        guard bytes.count >= 8, let year = number(minDigits: 4, maxDigits: 4), take(0x2D),
              let month = number(minDigits: 1, maxDigits: 2), take(0x2D),
              let day = number(minDigits: 1, maxDigits: 2),
              (1...12).contains(month), day >= 1, day <= Civil.daysInMonth(year, month) else { return nil }
        let days = Civil.days(year: year, month: month, day: day)
        if index == bytes.count { return .date(days: days) }
        guard take(UInt8(ascii: "T")), let hour = number(minDigits: 2, maxDigits: 2), take(0x3A),
              let minute = number(minDigits: 2, maxDigits: 2), hour <= 24, minute <= 59 else { return nil }
        var seconds = 0.0
        if take(0x3A) {
            guard let whole = number(minDigits: 2, maxDigits: 2), whole <= 60 else { return nil }
            seconds = Double(whole)
            if take(UInt8(ascii: ".")) {
                var scale = 0.1
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    seconds += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        let local = Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + seconds
        if index == bytes.count {
            let utc = Civil.utcSeconds(localSeconds: local, in: timeZone)
            return .dateTime(seconds: utc, offset: Int(local - utc))
        }
        var offset = 0
        if take(UInt8(ascii: "Z")) {
            offset = 0
        } else {
            let negative: Bool
            if take(UInt8(ascii: "+")) { negative = false } else if take(0x2D) { negative = true } else { return nil }
            guard let hours = number(minDigits: 2, maxDigits: 2) else { return nil }
            var minutes = 0
            if take(0x3A) {
                guard let m = number(minDigits: 2, maxDigits: 2) else { return nil }
                minutes = m
            } else if let m = number(minDigits: 2, maxDigits: 2) {
                minutes = m
            }
            offset = (hours * 3600 + minutes * 60) * (negative ? -1 : 1)
        }
        guard index == bytes.count else { return nil }
        return .dateTime(seconds: local - Double(offset), offset: offset)
    }
}
