/// The API error object made from a non-2xx HTTP response:
///
/// `{"http_status", "code", "message", "details", "retryable", "retry_after_ms", "raw"}`
///
/// `code`, `message` and `details` come from the body `{"error": {code, message,
/// details}}` (also accepted: a flat `{code, message}`, as the list endpoint's
/// 400 has, and `{"error": "text"}`). `raw` is the body text, cut to at most
/// 2048 bytes on a UTF-8 boundary (invalid UTF-8 replaced by U+FFFD), only when
/// the body is not such an error object, and null when it is empty. `retryable`
/// is true exactly for 429, 500, 502, 503 and 504. `retry_after_ms` comes from
/// the `Retry-After` header (see `ResponseHeaders.retryAfterMilliseconds`).
enum APIErrorObject {
    /// The statuses worth retrying.
    static let retryableStatuses: [Int32] = [429, 500, 502, 503, 504]
    /// Longest `raw` text kept, in bytes.
    static let rawLimit = 2048

    /// The error object and the matching `.apiError` for the caller's error detail.
    static func build(kind: ResponseKind, status: Int32, headers: ResponseHeaders, body: UnsafeRawBufferPointer,
                      nowMilliseconds: Int64?) -> (object: JSONValue, error: AnalyzeError) {
        var code: String?
        var message: String?
        var details = JSONValue.null
        var recognized = false
        if let document = try? JSONDocument.parse(body), document.root.kind == .object {
            let root = document.root
            if let error = root["error"], error.kind == .object {
                recognized = true
                code = error["code"]?.string
                message = error["message"]?.string
                if let value = error["details"], value.kind == .object { details = JSONValue(value) }
            } else if let text = root["error"]?.string {
                recognized = true
                message = text
            } else if root["code"]?.string != nil || root["message"]?.string != nil {
                recognized = true
                code = root["code"]?.string
                message = root["message"]?.string
                if let value = root["details"], value.kind == .object { details = JSONValue(value) }
            }
        }
        if kind == .delete && status == 409 && message == nil {
            message = "the task is still processing and cannot be deleted yet"
        }
        let retryAfter = headers.value("Retry-After").flatMap {
            ResponseHeaders.retryAfterMilliseconds($0, nowMilliseconds: nowMilliseconds)
        }
        let raw: JSONValue = recognized || body.count == 0 ? .null : .string(rawText(body))
        let object = jsonObject(
            ("http_status", .int(Int64(status))),
            ("code", code.map(JSONValue.string) ?? .null),
            ("message", message.map(JSONValue.string) ?? .null),
            ("details", details),
            ("retryable", .bool(retryableStatuses.contains(status))),
            ("retry_after_ms", retryAfter.map(JSONValue.int) ?? .null),
            ("raw", raw))
        var summary = "HTTP \(status)"
        if let code { summary += " " + code }
        if let message { summary += ": " + message } else if !recognized { summary += ": the body is not a JSON error object" }
        return (object, AnalyzeError(.apiError, summary))
    }

    /// The body as text, invalid UTF-8 replaced, cut to `rawLimit` bytes without splitting a character.
    static func rawText(_ body: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: body.prefix(rawLimit * 2), as: UTF8.self)
        var utf8 = Array(text.utf8)
        if utf8.count > rawLimit {
            var end = rawLimit
            while end > 0 && (utf8[end] & 0xC0) == 0x80 { end -= 1 }
            utf8.removeSubrange(end...)
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
