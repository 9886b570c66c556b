/// The response headers the host received, given as a JSON object of name to
/// value (a string). Names are compared case-insensitively (ASCII); two names
/// that differ only in case are rejected, as duplicate keys are elsewhere.
struct ResponseHeaders {
    private var entries: [(name: String, value: String)] = []

    /// No headers.
    init() {}

    /// Reads `headers_json`; empty input or `null` means no headers. Problems
    /// are `.invalidArgument` errors naming the header.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(AnalyzeError) -> ResponseHeaders {
        var headers = ResponseHeaders()
        guard bytes.count > 0 else { return headers }
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            throw AnalyzeError(.invalidArgument, "headers_json: " + error.message, path: error.path,
                               position: error.position, line: error.line, column: error.column)
        }
        let root = document.root
        if root.isNull { return headers }
        guard root.kind == .object else {
            throw AnalyzeError(.invalidArgument, "headers_json must be a JSON object of header name to value, got \(root.kind.name)")
        }
        var seen: Set<String> = []
        for (name, value) in root.members {
            guard let text = value.string else {
                throw AnalyzeError(.invalidArgument, "header \(ResultValue.quoted(name)) must have a string value, got \(value.kind.name)", path: JSONPath.member("", name))
            }
            let folded = lowercased(name)
            // A set, not a scan of the names so far: tens of thousands of headers stay linear.
            if !seen.insert(folded).inserted {
                throw AnalyzeError(.invalidArgument, "header \(ResultValue.quoted(name)) is given twice (names are case-insensitive)", path: JSONPath.member("", name))
            }
            headers.entries.append((folded, text))
        }
        return headers
    }

    /// The value of header `name` (any case), or nil.
    func value(_ name: String) -> String? {
        let folded = ResponseHeaders.lowercased(name)
        return entries.first { $0.name == folded }?.value
    }

    private static func lowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The delay a `Retry-After` value asks for, in milliseconds: delay-seconds
    /// (digits only) times 1000, or an HTTP date minus `nowMilliseconds` (at
    /// least 0; nil without a `now`). Nil when the value is neither, or when the
    /// delay does not fit in a signed 64-bit count of milliseconds.
    static func retryAfterMilliseconds(_ value: String, nowMilliseconds: Int64?) -> Int64? {
        let text = trimmed(value)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var seconds: Int64 = 0
            for byte in text.utf8 {
                let (times10, overflow1) = seconds.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - 0x30))
                if overflow1 || overflow2 { return nil }
                seconds = sum
            }
            let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            return overflow ? nil : milliseconds
        }
        guard let now = nowMilliseconds,
              let date = HTTPDate.unixSeconds(text, nowSeconds: now / 1000) else { return nil }
        return max(0, date * 1000 - now)
    }

    /// `text` without leading and trailing spaces and tabs (HTTP's OWS).
    private static func trimmed(_ text: String) -> String {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
