/// The formats in which the API writes times: a number of seconds, or a
/// `hh:mm:ss` / `hh:mm:ss.fff` string.
public enum TimecodeFormat: String, Sendable, CaseIterable {
    /// A JSON number of seconds (`12.5`).
    case seconds = "seconds"
    /// A string rounded to the second (`"00:00:13"`).
    case clock = "hh:mm:ss"
    /// A string with milliseconds (`"00:00:12.500"`).
    case clockMilliseconds = "hh:mm:ss.fff"
}

/// `hh:mm:ss[.f]` time codes: parsing to seconds, and writing WebVTT timestamps.
public enum Timecode {
    /// A parsed time code: its value in seconds and how many fraction digits it had.
    public struct Parsed: Sendable, Equatable {
        /// The time in seconds.
        public var seconds: Double
        /// Digits after the decimal point (0 for `hh:mm:ss`).
        public var fractionDigits: Int

        /// True when the text parsed was written exactly in `format` (a string format).
        public func isWritten(in format: TimecodeFormat) -> Bool {
            switch format {
            case .seconds: return false
            case .clock: return fractionDigits == 0
            case .clockMilliseconds: return fractionDigits == 3
            }
        }
    }

    /// Parses `hh:mm:ss` or `hh:mm:ss.f...`: two to nine hour digits, minutes and
    /// seconds 00–59, one to nine fraction digits. Nil for anything else.
    public static func parse(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// `parse` over raw UTF-8 bytes (no string is made).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        parseCommon(bytes) ?? parseAny(bytes)
    }

    /// `parse` of any text, digit by digit.
    static func parseAny(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var index = 0
        let count = bytes.count
        /// Reads one to `maximum` digits; nil when there are none or more.
        func digitRun(maximum: Int) -> (value: Int64, count: Int)? {
            var value: Int64 = 0
            var digits = 0
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                guard digits < maximum else { return nil }
                value = value * 10 + Int64(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : (value, digits)
        }
        /// Reads exactly two digits.
        func twoDigits() -> Int64? {
            guard index + 1 < count, bytes[index] >= 0x30, bytes[index] <= 0x39,
                  bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 else { return nil }
            index += 2
            return Int64(bytes[index - 2] - 0x30) * 10 + Int64(bytes[index - 1] - 0x30)
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard case let (hours, hourDigits)? = digitRun(maximum: 9), hourDigits >= 2,
              take(UInt8(ascii: ":")), let minutes = twoDigits(),
              take(UInt8(ascii: ":")), let seconds = twoDigits(),
              minutes <= 59, seconds <= 59 else { return nil }
        let whole = (hours * 60 + minutes) * 60 + seconds
        guard take(UInt8(ascii: ".")) else {
            return index == count ? Parsed(seconds: Double(whole), fractionDigits: 0) : nil
        }
        guard case let (fraction, digits)? = digitRun(maximum: 9), index == count else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        if digits <= 3 {
            // Rounded once, so "00:00:12.500" is exactly 12.5 and ".1" is the double nearest 0.1.
            let millis = whole * 1000 + fraction * (1000 / scale)
            return Parsed(seconds: Double(millis) / 1000, fractionDigits: digits)
        }
        return Parsed(seconds: Double(whole) + Double(fraction) / Double(scale), fractionDigits: digits)
    }

    /// `parse` of the two shapes results use (`hh:mm:ss`, `hh:mm:ss.fff`, two
    /// hour digits) read at their fixed positions, the same value as the
    /// general reading; nil for any other text (which that reading then takes).
    @inline(__always)
    static func parseCommon(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        guard bytes.count == 8 || bytes.count == 12, let text = bytes.baseAddress,
              text[2] == UInt8(ascii: ":"), text[5] == UInt8(ascii: ":") else { return nil }
        /// The digit at `offset`, or 10 or more when the byte is not one.
        func digit(_ offset: Int) -> Int64 { Int64(text[offset] &- 0x30) }
        let hours = (digit(0), digit(1)), minutes = (digit(3), digit(4)), seconds = (digit(6), digit(7))
        guard hours.0 < 10, hours.1 < 10, minutes.0 < 6, minutes.1 < 10, seconds.0 < 6, seconds.1 < 10 else { return nil }
        // Digits checked above: the sums cannot overflow, so they wrap unchecked.
        let whole = ((hours.0 &* 10 &+ hours.1) &* 60 &+ minutes.0 &* 10 &+ minutes.1) &* 60 &+ seconds.0 &* 10 &+ seconds.1
        if bytes.count == 8 { return Parsed(seconds: Double(whole), fractionDigits: 0) }
        let fraction = (digit(9), digit(10), digit(11))
        guard text[8] == UInt8(ascii: "."), fraction.0 < 10, fraction.1 < 10, fraction.2 < 10 else { return nil }
        let millis = whole &* 1000 &+ fraction.0 &* 100 &+ fraction.1 &* 10 &+ fraction.2
        return Parsed(seconds: Double(millis) / 1000, fractionDigits: 3)
    }

    /// True when `text` is written exactly in `format` (a string format).
    public static func matches(_ text: String, _ format: TimecodeFormat) -> Bool {
        guard let parsed = parse(text) else { return false }
        return parsed.isWritten(in: format)
    }

    /// WebVTT timestamp `hh:mm:ss.ttt` of a non-negative number of seconds,
    /// rounded to the millisecond; nil when negative, not finite or absurdly large.
    public static func webVTT(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 3_600_000_000 else { return nil }
        let millis = Int64((seconds * 1000).rounded())
        let hours = millis / 3_600_000
        let minutes = (millis / 60_000) % 60
        let secs = (millis / 1000) % 60
        return pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(secs, 2) + "." + pad(millis % 1000, 3)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
