import Testing
@testable import AnalyzeCore

@Suite("Response: dates and time codes")
struct ResponseTimeTests {
    @Test func rfc3339DateTimes() {
        #expect(RFC3339.unixMilliseconds("1970-01-01T00:00:00Z") == 0)
        #expect(RFC3339.unixMilliseconds("2026-11-30T10:02:31.250Z") == 1_796_032_951_250)
        #expect(RFC3339.unixMilliseconds("2026-11-30T12:02:31.2509+02:00") == 1_796_032_951_250)
        #expect(RFC3339.unixMilliseconds("1969-12-31T23:59:59.999Z") == -1)
        #expect(RFC3339.unixMilliseconds("0000-01-01T00:00:00Z") == -62_167_219_200_000)
        #expect(RFC3339.unixMilliseconds("9999-12-31T23:59:59-23:59") == 253_402_387_139_000)
        #expect(RFC3339.unixMilliseconds("2024-02-29T00:00:00Z") == 1_709_164_800_000)
        #expect(RFC3339.unixMilliseconds("2016-12-31T23:59:60Z") == 1_483_228_800_000)
        for bad in ["2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
                    "2026-01-01 00:00:00Z", "2026-01-01T00:00:00", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00+2:00",
                    "26-01-01T00:00:00Z", "2026-01-01T00:00:00Z ", "", "2026-01-01T00:00:00+24:00", "2026-1-01T00:00:00Z"] {
            #expect(RFC3339.unixMilliseconds(bad) == nil, "\(bad)")
        }
        #expect(RFC3339.isDate("2000-02-29"))
        #expect(!RFC3339.isDate("2100-02-29"))
        #expect(RFC3339.isTime("23:59:59.5+05:30"))
        #expect(!RFC3339.isTime("23:59:59"))
    }

    @Test func httpDatesInAllThreeForms() {
        let now: Int64 = 784_111_777
        #expect(HTTPDate.unixSeconds("Sun, 06 Nov 1994 08:49:37 GMT", nowSeconds: now) == 784_111_777)
        #expect(HTTPDate.unixSeconds("Sunday, 06-Nov-94 08:49:37 GMT", nowSeconds: now) == 784_111_777)
        #expect(HTTPDate.unixSeconds("Sun Nov  6 08:49:37 1994", nowSeconds: now) == 784_111_777)
        #expect(HTTPDate.unixSeconds("Sun Nov 16 08:49:37 1994", nowSeconds: now) == 784_975_777)
        // Two-digit years more than 50 years ahead belong to the previous century.
        #expect(HTTPDate.unixSeconds("Tuesday, 01-Jan-80 00:00:00 GMT", nowSeconds: 1_796_032_951) == 315_532_800)
        #expect(HTTPDate.unixSeconds("Thursday, 01-Jan-70 00:00:00 GMT", nowSeconds: 1_796_032_951) == 3_155_760_000)
        #expect(HTTPDate.unixSeconds("Monday, 01-Jan-46 00:00:00 GMT", nowSeconds: 1_796_032_951) == 2_398_377_600)
        for bad in ["Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
                    "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "120", ""] {
            #expect(HTTPDate.unixSeconds(bad, nowSeconds: now) == nil, "\(bad)")
        }
    }

    @Test func retryAfterValues() {
        #expect(ResponseHeaders.retryAfterMilliseconds("2", nowMilliseconds: nil) == 2000)
        #expect(ResponseHeaders.retryAfterMilliseconds(" 120\t", nowMilliseconds: nil) == 120_000)
        #expect(ResponseHeaders.retryAfterMilliseconds("0", nowMilliseconds: nil) == 0)
        #expect(ResponseHeaders.retryAfterMilliseconds("9223372036854775", nowMilliseconds: nil) == 9_223_372_036_854_775_000)
        #expect(ResponseHeaders.retryAfterMilliseconds("9223372036854776", nowMilliseconds: nil) == nil)
        #expect(ResponseHeaders.retryAfterMilliseconds("99999999999999999999999", nowMilliseconds: nil) == nil)
        #expect(ResponseHeaders.retryAfterMilliseconds("-1", nowMilliseconds: nil) == nil)
        #expect(ResponseHeaders.retryAfterMilliseconds("1.5", nowMilliseconds: nil) == nil)
        #expect(ResponseHeaders.retryAfterMilliseconds("Sun, 06 Nov 1994 08:49:37 GMT", nowMilliseconds: nil) == nil)
        #expect(ResponseHeaders.retryAfterMilliseconds("Sun, 06 Nov 1994 08:49:37 GMT", nowMilliseconds: 784_111_770_500) == 6500)
        #expect(ResponseHeaders.retryAfterMilliseconds("Sun, 06 Nov 1994 08:49:37 GMT", nowMilliseconds: 784_111_800_000) == 0)
    }

    @Test func theFixedShapesReadAsDigitByDigit() {
        // parseCommon reads hh:mm:ss and hh:mm:ss.fff at fixed positions; it
        // must agree with the general reading wherever it answers, and leave
        // every other text to it.
        var answered = 0
        for hours in ["00", "09", "23", "99", "0a", "/0", ":0", "0:"] {
            for minutes in ["00", "05", "59", "60", "5/", "5:", "a0"] {
                for seconds in ["00", "59", "60", "0/"] {
                    for tail in ["", ".000", ".5", ".999", ".001", ".12a", ",123", ".1234", ":000", ".0/0"] {
                        for separators in [(":", ":"), (":", "."), ("-", ":")] {
                            let text = Array((hours + separators.0 + minutes + separators.1 + seconds + tail).utf8)
                            text.withUnsafeBufferPointer { bytes in
                                let any = Timecode.parseAny(bytes)
                                if let common = Timecode.parseCommon(bytes) {
                                    answered += 1
                                    #expect(common == any)
                                } else {
                                    #expect(Timecode.parse(utf8: bytes) == any)
                                    #expect(any == nil || bytes.count != 8 && bytes.count != 12)
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(answered == 4 * 3 * 2 * 4)
    }

    @Test func timecodes() {
        #expect(Timecode.parse("00:12:03.500") == Timecode.Parsed(seconds: 723.5, fractionDigits: 3))
        #expect(Timecode.parse("01:02:03") == Timecode.Parsed(seconds: 3723, fractionDigits: 0))
        #expect(Timecode.parse("100:00:00")?.seconds == 360_000)
        #expect(Timecode.parse("00:00:00.1")?.seconds == 0.1)
        #expect(Timecode.parse("00:00:01.123456789")?.seconds == 1.123456789)
        #expect(Timecode.parse("999999999:59:59.999999999") != nil)
        for bad in ["0:00:01", "00:60:00", "00:00:60", "00:00", "00:00:01.", "00:00:01.1234567890", "1000000000:00:00", "00:00:01Z", "-00:00:01", ""] {
            #expect(Timecode.parse(bad) == nil, "\(bad)")
        }
        #expect(Timecode.matches("00:00:01", .clock))
        #expect(!Timecode.matches("00:00:01.000", .clock))
        #expect(Timecode.matches("00:00:01.000", .clockMilliseconds))
        #expect(!Timecode.matches("00:00:01.5", .clockMilliseconds))
        #expect(Timecode.webVTT(723.5) == "00:12:03.500")
        #expect(Timecode.webVTT(0.0004) == "00:00:00.000")
        #expect(Timecode.webVTT(359_999.9996) == "100:00:00.000")
        #expect(Timecode.webVTT(-1) == nil)
        #expect(Timecode.webVTT(.infinity) == nil)
        #expect(Timecode.webVTT(1e300) == nil)
    }
}
