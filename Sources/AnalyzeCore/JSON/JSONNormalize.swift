/// Reads JSON text and writes it back compact, keys in input order
/// (the core of `analyze_json_normalize`).
public func normalizeJSON(_ input: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    try normalizedJSON(input).bytes
}

/// `normalizeJSON`'s output still in its writer, whose memory
/// `analyze_json_normalize` hands to C without a copy (`JSONWriter.handOff`).
public func normalizedJSON(_ input: UnsafeRawBufferPointer) throws(AnalyzeError) -> JSONWriter {
    let document = try JSONDocument.parse(input)
    var writer = JSONWriter(capacity: input.count)
    writer.write(document.root)
    return writer
}

/// `normalizeJSON` over a byte array.
public func normalizeJSON(_ input: [UInt8]) throws(AnalyzeError) -> [UInt8] {
    try withBytes(of: input) { raw throws(AnalyzeError) in try normalizeJSON(raw) }
}
