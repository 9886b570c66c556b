extension JSONDocument {
    /// The document of an options-like argument of a C entry point (an options
    /// object, `headers_json`): nil when `bytes` is empty, which means
    /// defaults. A parse failure is relabelled with `status` (nil: it keeps its
    /// own) and `prefix` before its message, so that the caller sees which
    /// argument was malformed. What the root must be is the caller's rule.
    static func parseOptions(_ bytes: UnsafeRawBufferPointer, status: AnalyzeStatus? = nil,
                             prefix: String = "") throws(AnalyzeError) -> JSONDocument? {
        guard bytes.count > 0 else { return nil }
        do {
            return try JSONDocument.parse(bytes)
        } catch {
            throw error.relabelled(status ?? error.status, prefix: prefix)
        }
    }
}
