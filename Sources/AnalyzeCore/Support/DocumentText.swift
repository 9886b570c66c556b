extension String {
    /// The string of the UTF-8 `bytes` of a parsed document's string (valid
    /// UTF-8: simdjson validated the document), the same value
    /// `String(decoding:as:)` makes. Up to 15 bytes, the standard library
    /// builds it in place and checks it for ASCII with one mask, instead of
    /// validating it byte by byte as `String(decoding:as:)` does (most names,
    /// types and enum values of a request are short ASCII).
    @inline(__always)
    init(documentUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count <= 15, let source = bytes.baseAddress else {
            self = String(decoding: bytes, as: UTF8.self)
            return
        }
        self = String(unsafeUninitializedCapacity: count) { buffer in
            guard let target = buffer.baseAddress, buffer.count >= count else { return 0 }
            target.update(from: source, count: count)
            return count
        }
    }
}
