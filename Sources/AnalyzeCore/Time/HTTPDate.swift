/// HTTP dates (RFC 9110 section 5.6.7), the three forms a recipient must accept:
/// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete RFC 850 form
/// `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`.
/// The day name must be a valid one but is not checked against the date.
public enum HTTPDate {
    private static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Unix seconds of an HTTP date, or nil when `text` is not one. `nowSeconds`
    /// resolves the two-digit year of the RFC 850 form: a year that would lie more
    /// than 50 years in the future is taken from the previous century.
    public static func unixSeconds(_ text: String, nowSeconds: Int64) -> Int64? {
        imfFixdate(text) ?? rfc850(text, nowSeconds: nowSeconds) ?? asctime(text)
    }

    private static func imfFixdate(_ text: String) -> Int64? {
        var scanner = DateScanner(text)
        guard dayName(&scanner, shortDays), scanner.take(word: ", "),
              let day = scanner.digits(2), scanner.take(UInt8(ascii: " ")),
              let month = monthNumber(&scanner), scanner.take(UInt8(ascii: " ")),
              let year = scanner.digits(4), scanner.take(UInt8(ascii: " ")),
              let seconds = timeOfDay(&scanner), scanner.take(word: " GMT"), scanner.atEnd else { return nil }
        return combine(year, month, day, seconds)
    }

    private static func rfc850(_ text: String, nowSeconds: Int64) -> Int64? {
        var scanner = DateScanner(text)
        guard dayName(&scanner, longDays), scanner.take(word: ", "),
              let day = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let month = monthNumber(&scanner), scanner.take(UInt8(ascii: "-")),
              let shortYear = scanner.digits(2), scanner.take(UInt8(ascii: " ")),
              let seconds = timeOfDay(&scanner), scanner.take(word: " GMT"), scanner.atEnd else { return nil }
        let nowYear = 1970 + max(0, min(nowSeconds, 253_402_300_799)) / 31_556_952
        var year = (nowYear / 100) * 100 + shortYear
        if year > nowYear + 50 { year -= 100 }
        return combine(year, month, day, seconds)
    }

    private static func asctime(_ text: String) -> Int64? {
        var scanner = DateScanner(text)
        guard dayName(&scanner, shortDays), scanner.take(UInt8(ascii: " ")),
              let month = monthNumber(&scanner), scanner.take(UInt8(ascii: " ")) else { return nil }
        let day: Int64
        if scanner.take(UInt8(ascii: " ")) {
            guard let digit = scanner.digits(1) else { return nil }
            day = digit
        } else {
            guard let digits = scanner.digits(2) else { return nil }
            day = digits
        }
        guard scanner.take(UInt8(ascii: " ")), let seconds = timeOfDay(&scanner),
              scanner.take(UInt8(ascii: " ")), let year = scanner.digits(4), scanner.atEnd else { return nil }
        return combine(year, month, day, seconds)
    }

    private static func dayName(_ scanner: inout DateScanner, _ names: [String]) -> Bool {
        for name in names where scanner.take(word: name) { return true }
        return false
    }

    private static func monthNumber(_ scanner: inout DateScanner) -> Int64? {
        for (index, name) in months.enumerated() where scanner.take(word: name) { return Int64(index + 1) }
        return nil
    }

    private static func timeOfDay(_ scanner: inout DateScanner) -> Int64? {
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2), hour <= 23, minute <= 59, second <= 60 else { return nil }
        return (hour * 60 + minute) * 60 + second
    }

    private static func combine(_ year: Int64, _ month: Int64, _ day: Int64, _ seconds: Int64) -> Int64? {
        guard year >= 0, year <= 9999, day >= 1, day <= CivilTime.daysInMonth(year, month) else { return nil }
        return CivilTime.daysFromCivil(year, month, day) * 86_400 + seconds
    }
}
