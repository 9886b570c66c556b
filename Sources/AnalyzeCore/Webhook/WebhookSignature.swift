/// Verifying and producing webhook signatures (`TL-Signature` headers).
///
/// The signed payload is the header's timestamp digits, a `.`, then the raw
/// request body; the signature is the lowercase hex HMAC-SHA256 of it keyed
/// with the webhook secret.
///
/// `verify` checks, in this order, and stops at the first failure:
/// 1. arguments (a negative tolerance) — `.invalidArgument`;
/// 2. the secret is not empty — `.webhookSecret` (a configuration error of the
///    receiver, reported before anything about the request);
/// 3. the header parses — `.webhookHeader`;
/// 4. some `v1` matches, every one compared in constant time — `.webhookSignature`;
/// 5. `|now - t| <= tolerance` — `.webhookTimestamp`.
///
/// The signature is checked before the timestamp so that an unauthenticated
/// sender learns nothing about the receiver's clock or tolerance: a forged
/// request always gets "signature", and "timestamp" means a genuine message
/// that is stale, replayed, or from a skewed clock. No message ever contains
/// the secret or the expected signature.
public enum WebhookSignature {
    /// The default tolerance between the signature's timestamp and now, in seconds.
    public static let defaultTolerance: Int64 = 300

    /// Accepts the webhook or throws why not (see the type's documentation for the order).
    /// - Parameters:
    ///   - secret: the webhook secret (bytes as configured, not decoded).
    ///   - header: the `TL-Signature` header value; empty means missing.
    ///   - body: the raw request body, exactly as received.
    ///   - now: the receiver's current time, Unix seconds.
    ///   - tolerance: the largest accepted `|now - t|`, seconds, not negative.
    public static func verify(secret: UnsafeRawBufferPointer, header: UnsafeRawBufferPointer,
                              body: UnsafeRawBufferPointer, now: Int64,
                              tolerance: Int64 = defaultTolerance) throws(AnalyzeError) {
        guard tolerance >= 0 else {
            throw AnalyzeError(.invalidArgument, "tolerance must not be negative (got \(tolerance) seconds)")
        }
        guard secret.count > 0 else {
            throw AnalyzeError(.webhookSecret, "the webhook secret is empty")
        }
        let parsed = try WebhookSignatureHeader.parse(header)
        let expected = try digest(secret: secret, timestampText: parsed.timestampText, body: body)
        var matched = false
        for candidate in parsed.signatures {
            // Every candidate is compared, so the time taken does not say which one matched.
            let equal = HMACSHA256.constantTimeEqual(candidate, expected)
            matched = matched || equal
        }
        guard matched else {
            let count = parsed.signatures.count
            throw AnalyzeError(.webhookSignature, count == 1
                ? "the v1 signature does not match the body and the secret"
                : "none of the \(count) v1 signatures matches the body and the secret")
        }
        try checkTimestamp(parsed.timestamp, now: now, tolerance: tolerance)
    }

    /// The header `t=<timestamp>,v1=<lowercase hex>` signing `body` at `timestamp`,
    /// for tests and simulators. Throws `.invalidArgument` for a negative
    /// timestamp (no receiver would accept it) and `.webhookSecret` for an empty secret.
    public static func sign(secret: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer,
                            timestamp: Int64) throws(AnalyzeError) -> String {
        guard timestamp >= 0 else {
            throw AnalyzeError(.invalidArgument, "timestamp must not be negative (got \(timestamp))")
        }
        guard secret.count > 0 else {
            throw AnalyzeError(.webhookSecret, "the webhook secret is empty")
        }
        let text = Array(String(timestamp).utf8)
        let signature = try digest(secret: secret, timestampText: text, body: body)
        return "t=\(timestamp),v1=\(Hex.encode(signature))"
    }

    private static func digest(secret: UnsafeRawBufferPointer, timestampText: [UInt8],
                               body: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
        var payloadStart = timestampText
        payloadStart.append(UInt8(ascii: "."))
        return try withBytes(of: payloadStart) { prefix throws(AnalyzeError) in
            try HMACSHA256.authenticate(key: secret, parts: [prefix, body])
        }
    }

    /// Throws `.webhookTimestamp` when `|now - timestamp| > tolerance`. The
    /// distance is computed in UInt64, where it always fits.
    private static func checkTimestamp(_ timestamp: Int64, now: Int64, tolerance: Int64) throws(AnalyzeError) {
        let past = now >= timestamp
        let distance = past
            ? UInt64(bitPattern: now) &- UInt64(bitPattern: timestamp)
            : UInt64(bitPattern: timestamp) &- UInt64(bitPattern: now)
        guard distance <= UInt64(tolerance) else {
            let direction = past ? "in the past" : "in the future"
            throw AnalyzeError(.webhookTimestamp,
                               "the signature timestamp is \(distance) seconds \(direction), beyond the tolerance of \(tolerance) seconds")
        }
    }
}
