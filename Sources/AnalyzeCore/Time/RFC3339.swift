/// RFC 3339 dates and times, checked and converted by hand.
///
/// `date-time` is `YYYY-MM-DD` `T` `HH:MM:SS` [`.` fraction] (`Z` | `+HH:MM` | `-HH:MM`);
/// `T` and `Z` may be lower case. Months, days (leap years included), hours,
/// minutes and offsets are range-checked; a leap second (`:60`) is accepted and
/// counts as the next second. Fractions beyond milliseconds are truncated.
public enum RFC3339 {
    /// Unix time in milliseconds of an RFC 3339 `date-time`, or nil when `text` is not one.
    public static func unixMilliseconds(_ text: String) -> Int64? {
        var scanner = DateScanner(text)
        guard let days = date(&scanner), scanner.takeAny([UInt8(ascii: "T"), UInt8(ascii: "t")]) != nil,
              let millis = fullTime(&scanner), scanner.atEnd else { return nil }
        return days * 86_400_000 + millis
    }

    /// True when `text` is an RFC 3339 `full-date` (`YYYY-MM-DD`).
    public static func isDate(_ text: String) -> Bool {
        var scanner = DateScanner(text)
        return date(&scanner) != nil && scanner.atEnd
    }

    /// True when `text` is an RFC 3339 `full-time` (`HH:MM:SS[.f]` and an offset).
    public static func isTime(_ text: String) -> Bool {
        var scanner = DateScanner(text)
        return fullTime(&scanner) != nil && scanner.atEnd
    }

    /// Reads `YYYY-MM-DD`; returns days since 1970-01-01.
    static func date(_ scanner: inout DateScanner) -> Int64? {
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2),
              (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year, month) else { return nil }
        return CivilTime.daysFromCivil(year, month, day)
    }

    /// Reads `HH:MM:SS[.f]` and an offset; returns milliseconds since midnight UTC
    /// (negative or beyond a day when the offset moves it across midnight).
    static func fullTime(_ scanner: inout DateScanner) -> Int64? {
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var millis = ((hour * 60 + minute) * 60 + second) * 1000
        if scanner.take(UInt8(ascii: ".")) {
            var count = 0
            var fraction: Int64 = 0
            while let byte = scanner.peek, byte >= 0x30, byte <= 0x39 {
                if count < 3 { fraction = fraction * 10 + Int64(byte - 0x30) }
                count += 1
                scanner.index += 1
            }
            guard count > 0 else { return nil }
            for _ in min(count, 3)..<3 { fraction *= 10 }
            millis += fraction
        }
        if scanner.takeAny([UInt8(ascii: "Z"), UInt8(ascii: "z")]) != nil { return millis }
        guard let sign = scanner.takeAny([UInt8(ascii: "+"), UInt8(ascii: "-")]),
              let offsetHour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let offsetMinute = scanner.digits(2), offsetHour <= 23, offsetMinute <= 59 else { return nil }
        let offset = (offsetHour * 60 + offsetMinute) * 60_000
        return sign == UInt8(ascii: "+") ? millis - offset : millis + offset
    }
}
