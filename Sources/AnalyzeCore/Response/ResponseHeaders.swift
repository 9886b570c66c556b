/// The response headers the host received. `headers_json` is either a JSON
/// object of name to value (a string, or an array of strings for a field
/// received more than once) or a JSON array of `[name, value]` pairs in the
/// order received — the shape HTTP clients hand over (urllib's `HTTPMessage`,
/// httpx's `multi_items()`). Names are compared case-insensitively (ASCII).
/// A field received more than once is combined as RFC 9110 section 5.3 says:
/// its values joined with ", " in the order received; `Set-Cookie`, which
/// cannot be combined, keeps its values apart (RFC 6265).
struct ResponseHeaders {
    private var entries: [(name: String, value: String)] = []
    /// Index in `entries` of each combinable name, so repeats stay linear.
    private var index: [String: Int] = [:]

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
            throw error.relabelled(.invalidArgument, prefix: "headers_json: ")
        }
        let root = document.root
        switch root.kind {
        case .null:
            return headers
        case .object:
            for (name, value) in root.members {
                let path = JSONPath.member("", name)
                if let text = value.string {
                    headers.add(name, text)
                } else if value.kind == .array {
                    for (position, item) in value.elements.enumerated() {
                        guard let text = item.string else {
                            throw AnalyzeError(.invalidArgument, "header \(MessageText.quotedInFull(name)) must have string values, got \(item.kind.name)", path: JSONPath.element(path, position))
                        }
                        headers.add(name, text)
                    }
                } else {
                    throw AnalyzeError(.invalidArgument, "header \(MessageText.quotedInFull(name)) must have a string value (or an array of strings), got \(value.kind.name)", path: path)
                }
            }
        case .array:
            for (position, pair) in root.elements.enumerated() {
                let path = JSONPath.element("", position)
                let parts = Array(pair.elements.prefix(3))
                guard pair.kind == .array, parts.count == 2, let name = parts[0].string, let text = parts[1].string else {
                    throw AnalyzeError(.invalidArgument, "headers_json pairs must be [name, value] arrays of two strings", path: path)
                }
                headers.add(name, text)
            }
        default:
            throw AnalyzeError(.invalidArgument, "headers_json must be a JSON object of header name to value or an array of [name, value] pairs, got \(root.kind.name)")
        }
        return headers
    }

    /// Adds one received field, combining it with an earlier one of the same name.
    private mutating func add(_ name: String, _ value: String) {
        let folded = ResponseHeaders.lowercased(name)
        if folded != "set-cookie", let existing = index[folded] {
            entries[existing].value += ", " + value
        } else {
            index[folded] = index[folded] ?? entries.count
            entries.append((folded, value))
        }
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
