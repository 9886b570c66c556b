/// Reads JSON text and writes it back compact, keys in input order
/// (the core of `analyze_json_normalize`).
public func normalizeJSON(_ input: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    let document = try JSONDocument.parse(input)
    var writer = JSONWriter(capacity: input.count)
    writer.write(document.root)
    return writer.bytes
}

/// `normalizeJSON` over a byte array.
public func normalizeJSON(_ input: [UInt8]) throws(AnalyzeError) -> [UInt8] {
    try withBytes(of: input) { raw throws(AnalyzeError) in try normalizeJSON(raw) }
}
