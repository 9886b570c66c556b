/// Calls `body` with the bytes of `array` and keeps its typed error:
/// `Array.withUnsafeBytes` rethrows `any Error`, so the error travels in a
/// `Result` instead of being caught and cast.
func withBytes<R>(of array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(AnalyzeError) -> R) throws(AnalyzeError) -> R {
    try array.withUnsafeBytes { raw in Result { () throws(AnalyzeError) in try body(raw) } }.get()
}
