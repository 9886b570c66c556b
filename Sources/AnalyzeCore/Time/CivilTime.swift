/// Calendar arithmetic for the proleptic Gregorian calendar, by hand (no Foundation).
enum CivilTime {
    /// True for a leap year.
    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` (1...12) of `year`.
    static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a valid date (H. Hinnant's days_from_civil).
    /// Callers keep `year` within 0...9999, so nothing can overflow.
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}

/// A cursor over ASCII bytes for the small hand-written date and time grammars.
struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// True when every byte has been read.
    var atEnd: Bool { index >= bytes.count }

    /// The next byte, or nil at the end.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Reads exactly `count` decimal digits.
    mutating func digits(_ count: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<count {
            guard let byte = peek, byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            index += 1
        }
        return value
    }

    /// Reads one to `maximum` decimal digits; returns the value and the count.
    mutating func digitRun(maximum: Int) -> (value: Int64, count: Int)? {
        var value: Int64 = 0
        var count = 0
        while let byte = peek, byte >= 0x30, byte <= 0x39 {
            guard count < maximum else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// Consumes `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Consumes one of `choices` when it is next.
    mutating func takeAny(_ choices: [UInt8]) -> UInt8? {
        guard let byte = peek, choices.contains(byte) else { return nil }
        index += 1
        return byte
    }

    /// Consumes the ASCII text `word` when it is next.
    mutating func take(word: String) -> Bool {
        let wanted = Array(word.utf8)
        guard index + wanted.count <= bytes.count else { return false }
        for (offset, byte) in wanted.enumerated() where bytes[index + offset] != byte { return false }
        index += wanted.count
        return true
    }
}
