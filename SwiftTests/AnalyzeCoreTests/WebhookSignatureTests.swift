import Testing
@testable import AnalyzeCore

/// Vectors computed independently with Python's `hmac` module:
/// `hmac.new(secret, t + b"." + body, hashlib.sha256).hexdigest()`.
private enum Vector {
    static let secret = "whsec_test"
    static let body = #"{"id":"evt_1","created_at":"2025-01-01T00:00:00Z","type":"analyze.task.ready","data":{"id":"task_1","status":"ready","custom_id":null}}"#
    static let t: Int64 = 1_700_000_000
    static let v1 = "826fc0f3ca47b261d29cc89ab428e0c7d8f6d7a49da3cfc96259e25bb9e2aef1"
    /// The same body with one trailing space.
    static let v1Tampered = "481ca3cc2c44da984e5a83eb724461f252c3c910370d49b48977479552b44540"
    /// The body signed with the secret "other".
    static let v1OtherSecret = "c332c9e035ef2db50f279baad0c2666aecee130f5bc47f4163aaff1aedb35f3c"
    /// The empty body.
    static let v1EmptyBody = "5967f3c560522fa40cf2876ebc3c3a08551dd6959aaade3b413460591895bdcc"
    /// The body signed with the timestamp text "01700000000" (leading zero).
    static let v1LeadingZero = "74cb27827199daf405f12fbb2f584e4ea0fd11771b4bf6957ad72e18c3e3361f"
    static let header = "t=1700000000,v1=" + v1
}

private func verify(secret: String = Vector.secret, header: String = Vector.header, body: String = Vector.body,
                    now: Int64 = Vector.t, tolerance: Int64 = 300) -> AnalyzeError? {
    let s = Array(secret.utf8), h = Array(header.utf8), b = Array(body.utf8)
    return s.withUnsafeBytes { sb in
        h.withUnsafeBytes { hb in
            b.withUnsafeBytes { bb -> AnalyzeError? in
                do throws(AnalyzeError) {
                    try WebhookSignature.verify(secret: sb, header: hb, body: bb, now: now, tolerance: tolerance)
                    return nil
                } catch {
                    return error
                }
            }
        }
    }
}

private func sign(secret: String = Vector.secret, body: String = Vector.body, timestamp: Int64 = Vector.t) -> Result<String, AnalyzeError> {
    let s = Array(secret.utf8), b = Array(body.utf8)
    return s.withUnsafeBytes { sb in
        b.withUnsafeBytes { bb in
            do throws(AnalyzeError) {
                return .success(try WebhookSignature.sign(secret: sb, body: bb, timestamp: timestamp))
            } catch {
                return .failure(error)
            }
        }
    }
}

@Suite("Webhook signatures: HMAC primitive")
struct WebhookHMACTests {
    private func mac(_ key: [UInt8], _ parts: [[UInt8]]) throws -> String {
        try key.withUnsafeBytes { k in
            let joined = parts.flatMap { $0 }
            return try joined.withUnsafeBytes { whole in
                Hex.encode(try HMACSHA256.authenticate(key: k, parts: [whole]))
            }
        }
    }

    @Test func rfc4231Case2() throws {
        #expect(try mac(Array("Jefe".utf8), [Array("what do ya want for nothing?".utf8)])
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func rfc4231Case6KeyLongerThanTheBlock() throws {
        #expect(try mac([UInt8](repeating: 0xAA, count: 131), [Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)])
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func piecesGiveTheSameDigestAsTheWhole() throws {
        let key = Array("k".utf8)
        let a = Array("abc".utf8), b: [UInt8] = [], c = Array("def".utf8)
        let pieces = try key.withUnsafeBytes { k in
            try a.withUnsafeBytes { pa in
                try b.withUnsafeBytes { pb in
                    try c.withUnsafeBytes { pc in try HMACSHA256.authenticate(key: k, parts: [pa, pb, pc]) }
                }
            }
        }
        #expect(Hex.encode(pieces) == (try mac(key, [Array("abcdef".utf8)])))
    }

    @Test func constantTimeEqualComparesLengthsAndBytes() {
        #expect(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(HMACSHA256.constantTimeEqual([], []))
    }

    @Test func hexRoundTripsAndRejectsJunk() {
        #expect(Hex.encode([0x00, 0x9F, 0xFF]) == "009fff")
        #expect(Hex.decode(Array("009FfF".utf8)[...]) == [0x00, 0x9F, 0xFF])
        #expect(Hex.decode(Array("0g".utf8)[...]) == nil)
        #expect(Hex.decode(Array("abc".utf8)[...]) == nil)
    }
}

@Suite("Webhook signatures: verify and sign")
struct WebhookSignatureTests {
    @Test func acceptsTheIndependentVector() {
        #expect(verify() == nil)
    }

    @Test func signProducesTheIndependentVector() {
        #expect(sign() == .success(Vector.header))
        #expect(sign(body: "") == .success("t=1700000000,v1=" + Vector.v1EmptyBody))
        #expect(sign(timestamp: 0).map { $0.hasPrefix("t=0,v1=") } == .success(true))
    }

    @Test func signRejectsEmptySecretAndNegativeTimestamp() {
        #expect(sign(secret: "") == .failure(AnalyzeError(.webhookSecret, "the webhook secret is empty")))
        #expect(sign(timestamp: -1) == .failure(AnalyzeError(.invalidArgument, "timestamp must not be negative (got -1)")))
    }

    @Test func rejectsATamperedBody() {
        #expect(verify(body: Vector.body + " ") == AnalyzeError(.webhookSignature, "the v1 signature does not match the body and the secret"))
        #expect(verify(header: "t=1700000000,v1=" + Vector.v1Tampered, body: Vector.body + " ") == nil)
    }

    @Test func rejectsAWrongSecret() {
        #expect(verify(secret: "other")?.status == .webhookSignature)
        #expect(verify(secret: "other", header: "t=1700000000,v1=" + Vector.v1OtherSecret) == nil)
    }

    @Test func signsTheTimestampAsWritten() {
        // The payload starts with the header's digits, so "01700000000" signs differently.
        #expect(verify(header: "t=01700000000,v1=" + Vector.v1)?.status == .webhookSignature)
        #expect(verify(header: "t=01700000000,v1=" + Vector.v1LeadingZero) == nil)
    }

    @Test func changedTimestampBreaksTheSignature() {
        #expect(verify(header: "t=1700000001,v1=" + Vector.v1, now: 1_700_000_001)?.status == .webhookSignature)
    }

    @Test func toleranceIsInclusiveBothWays() {
        #expect(verify(now: Vector.t + 300) == nil)
        #expect(verify(now: Vector.t - 300) == nil)
        #expect(verify(now: Vector.t + 301)
                == AnalyzeError(.webhookTimestamp, "the signature timestamp is 301 seconds in the past, beyond the tolerance of 300 seconds"))
        #expect(verify(now: Vector.t - 301)
                == AnalyzeError(.webhookTimestamp, "the signature timestamp is 301 seconds in the future, beyond the tolerance of 300 seconds"))
        #expect(verify(now: Vector.t, tolerance: 0) == nil)
        #expect(verify(now: Vector.t + 1, tolerance: 0)?.status == .webhookTimestamp)
        #expect(verify(now: Vector.t + 3600, tolerance: 3600) == nil)
    }

    @Test func extremeClocksDoNotOverflow() {
        #expect(verify(now: Int64.min)
                == AnalyzeError(.webhookTimestamp, "the signature timestamp is 9223372038554775808 seconds in the future, beyond the tolerance of 300 seconds"))
        #expect(verify(now: Int64.max)?.status == .webhookTimestamp)
        #expect(verify(now: Int64.min, tolerance: Int64.max)?.status == .webhookTimestamp)
        #expect(verify(now: Int64.max, tolerance: Int64.max) == nil)
    }

    @Test func largestDistanceIsReportedExactly() {
        guard case .success(let header) = sign(timestamp: Int64.max) else {
            Issue.record("could not sign at Int64.max")
            return
        }
        #expect(verify(header: header, now: Int64.min)
                == AnalyzeError(.webhookTimestamp, "the signature timestamp is 18446744073709551615 seconds in the future, beyond the tolerance of 300 seconds"))
        #expect(verify(header: header, now: Int64.max, tolerance: 0) == nil)
    }

    @Test func negativeToleranceIsAnArgumentError() {
        #expect(verify(tolerance: -1) == AnalyzeError(.invalidArgument, "tolerance must not be negative (got -1 seconds)"))
    }

    @Test func emptySecretComesFirst() {
        #expect(verify(secret: "", header: "") == AnalyzeError(.webhookSecret, "the webhook secret is empty"))
    }

    @Test func acceptsOneMatchAmongSeveral() {
        let header = "t=1700000000,v1=\(Vector.v1OtherSecret),v1=\(Vector.v1),v1=\(Vector.v1Tampered)"
        #expect(verify(header: header) == nil)
        let none = "t=1700000000,v1=\(Vector.v1OtherSecret),v1=\(Vector.v1Tampered)"
        #expect(verify(header: none) == AnalyzeError(.webhookSignature, "none of the 2 v1 signatures matches the body and the secret"))
    }

    @Test func ignoresUnknownSchemesAndOrder() {
        #expect(verify(header: "v0=abc,v1=\(Vector.v1),t=1700000000,v2=zz") == nil)
    }

    @Test func toleratesSpacesAndTabs() {
        #expect(verify(header: " \tt = 1700000000 ,\tv1=\(Vector.v1)\t ") == nil)
    }

    @Test func acceptsUppercaseHex() {
        #expect(verify(header: "t=1700000000,v1=" + Vector.v1.uppercased()) == nil)
    }

    @Test func signatureIsCheckedBeforeTheTimestamp() {
        // A forged header with a stale timestamp learns nothing about the clock.
        #expect(verify(header: "t=1,v1=" + Vector.v1)?.status == .webhookSignature)
    }

    @Test(arguments: [
        ("", "the signature header is missing or empty"),
        ("  \t ", "the signature header is missing or empty"),
        ("v1=\(Vector.v1)", "the signature header has no timestamp t="),
        ("t=1700000000", "the signature header has no v1= signature"),
        ("t=1700000000,v0=\(Vector.v1)", "the signature header has no v1= signature (only other schemes, which are ignored)"),
        ("t=1700000000,,v1=\(Vector.v1)", "item 2 of the signature header is empty"),
        ("t=1700000000,v1=\(Vector.v1),", "item 3 of the signature header is empty"),
        ("t=1700000000,\(Vector.v1)", "item 2 of the signature header is not a key=value pair"),
        ("=1,t=1700000000,v1=\(Vector.v1)", "item 1 of the signature header has an empty key"),
        ("t=,v1=\(Vector.v1)", "the timestamp t is not a non-negative decimal integer"),
        ("t=abc,v1=\(Vector.v1)", "the timestamp t is not a non-negative decimal integer"),
        ("t=-1700000000,v1=\(Vector.v1)", "the timestamp t is not a non-negative decimal integer"),
        ("t=+1700000000,v1=\(Vector.v1)", "the timestamp t is not a non-negative decimal integer"),
        ("t=1.5,v1=\(Vector.v1)", "the timestamp t is not a non-negative decimal integer"),
        ("t=9223372036854775808,v1=\(Vector.v1)", "the timestamp t is out of range (above 9223372036854775807)"),
        ("t=99999999999999999999999,v1=\(Vector.v1)", "the timestamp t is out of range (above 9223372036854775807)"),
        ("t=1,t=1700000000,v1=\(Vector.v1)", "the signature header has more than one timestamp t"),
        ("t=1700000000,v1=\(Vector.v1.dropLast())", "signature v1 number 1 has 63 characters, not 64 hex digits"),
        ("t=1700000000,v1=\(Vector.v1)00", "signature v1 number 1 has 66 characters, not 64 hex digits"),
        ("t=1700000000,v1=", "signature v1 number 1 has 0 characters, not 64 hex digits"),
        ("t=1700000000,v1=\(Vector.v1),v1=\(Vector.v1.dropLast())g", "signature v1 number 2 is not hexadecimal"),
        ("T=1700000000,V1=\(Vector.v1)", "the signature header has no timestamp t="),
    ])
    func rejectsMalformedHeaders(header: String, message: String) {
        #expect(verify(header: header) == AnalyzeError(.webhookHeader, message))
    }

    @Test func hugeButValidTimestampIsJustOutsideTheTolerance() {
        let header = "t=9223372036854775807,v1=" + Vector.v1
        #expect(verify(header: header)?.status == .webhookSignature)
    }

    @Test func messagesNeverContainTheSecretOrTheExpectedSignature() {
        let secret = "s3cr3t-VALUE"
        let expected = sign(secret: secret)
        let cases: [AnalyzeError?] = [
            verify(secret: secret),
            verify(secret: secret, header: "t=1700000000,v1=" + Vector.v1Tampered),
            verify(secret: secret, header: "t=x,v1=1"),
            verify(secret: secret, now: 0),
            verify(secret: secret, tolerance: -5),
        ]
        for case let error? in cases {
            #expect(!error.message.contains(secret))
            if case .success(let header) = expected {
                #expect(!error.message.contains(String(header.dropFirst("t=1700000000,v1=".count))))
            }
        }
    }
}
