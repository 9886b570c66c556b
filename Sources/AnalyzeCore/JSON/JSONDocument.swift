import CSimdJSON

/// A parsed JSON document: simdjson's DOM, checked against the library's input
/// rules (UTF-8, depth, no duplicate keys, integers within Int64).
///
/// The document owns the parsed tape; every `JSONNode` taken from it keeps it
/// alive. Documents are immutable once parsed.
public final class JSONDocument: @unchecked Sendable {
    /// Deepest nesting accepted (`ANALYZE_JSON_MAX_DEPTH`).
    public static let maxDepth = 128
    /// Largest input accepted, in bytes (`ANALYZE_INPUT_MAX_BYTES`).
    public static let maxInputBytes = 512 * 1024 * 1024

    private let handle: OpaquePointer
    /// The document's tape and strings (owned by `handle`).
    let tape: JSONTape
    /// The size of the string buffer's allocation (see `csj_tape`).
    private let stringsCapacity: Int
    /// Nesting depth of the root value (a scalar is 0, `[]` is 1), measured
    /// while the input rules are checked.
    private(set) var nesting = 0
    /// True when the `CSJ_PADDING` bytes after the used part of the string
    /// buffer are allocated and set (to spaces): then simdjson can parse any
    /// string of this document in place.
    private var stringsPadded = false

    private init(handle: OpaquePointer, tape: JSONTape, stringsCapacity: Int) {
        self.handle = handle
        self.tape = tape
        self.stringsCapacity = stringsCapacity
    }

    deinit {
        csj_document_free(handle)
    }

    /// The root value (it starts at tape word 1).
    public var root: JSONNode { JSONNode(document: self, raw: rawRoot) }
    /// The root value, not retaining the document.
    var rawRoot: RawNode { RawNode(tape: tape, index: 1) }

    /// Parses and checks `bytes`. Throws an `AnalyzeError` with status
    /// `.malformedJSON` (with position, line and column for syntax errors, or
    /// the path for duplicate keys and out-of-range integers), `.invalidArgument`
    /// when the input exceeds `maxInputBytes`, or `.outOfMemory`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(AnalyzeError) -> JSONDocument {
        try parse(bytes, padded: false)
    }

    /// Parses and checks `bytes` as `parse(_:)` does, from a copy of them made
    /// in `scratch` with simdjson's padding after it, instead of the padded
    /// copy simdjson would allocate: a caller about to write output lends the
    /// output's own room, so the input's one copy and the output share pages
    /// (in a process that has parsed before, the peak memory of a task parse is
    /// about one body smaller: docs/benchmarks.md). `scratch` is
    /// free again on return: the document keeps nothing of its input. Without
    /// room for the copy and the padding, it parses as `parse(_:)`; the size
    /// limit is checked by the parse either way.
    static func parse(_ bytes: UnsafeRawBufferPointer, copyingInto scratch: UnsafeMutableRawBufferPointer) throws(AnalyzeError) -> JSONDocument {
        guard let source = bytes.baseAddress, let copy = scratch.baseAddress,
              scratch.count - CSJ_PADDING >= bytes.count else { return try parse(bytes) }
        copy.copyMemory(from: source, byteCount: bytes.count)
        (copy + bytes.count).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: " "), count: CSJ_PADDING)
        return try parse(UnsafeRawBufferPointer(start: copy, count: bytes.count), padded: true)
    }

    /// Parses and checks the bytes of a string value of this document (such
    /// as a result's `data`): simdjson reads them in place, without a copy,
    /// when the string buffer is padded (see `stringsPadded`). Throws as
    /// `parse(_:)`.
    func parse(stringOf node: JSONNode) throws(AnalyzeError) -> JSONDocument {
        let padded = stringsPadded && node.document === self && node.raw.isString
        return try withExtendedLifetime(self) { () throws(AnalyzeError) -> JSONDocument in
            try Self.parse(UnsafeRawBufferPointer(node.raw.utf8), padded: padded)
        }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, padded: Bool) throws(AnalyzeError) -> JSONDocument {
        guard bytes.count <= maxInputBytes else {
            throw AnalyzeError(.invalidArgument, "input of \(bytes.count) bytes exceeds the limit of \(maxInputBytes) bytes")
        }
        var handle: OpaquePointer?
        var tape = csj_tape()
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let code: Int32
        if let base {
            code = csj_parse(base, bytes.count, maxDepth, padded ? 1 : 0, &handle, &tape)
        } else {
            code = csj_parse("", 0, maxDepth, 0, &handle, &tape)
        }
        if code == CSJ_ALLOCATION_FAILED {
            throw AnalyzeError(.outOfMemory, "out of memory while parsing JSON")
        }
        guard code == 0, let handle else {
            throw JSONSyntaxLocator.locate(bytes, fallback: String(cString: csj_error_message(code)))
        }
        // The frame of simdjson 3's tape: 'r' words first and last, the root between.
        guard let words = tape.words, let strings = tape.strings, tape.count >= 3,
              UInt8(truncatingIfNeeded: words[0] >> 56) == JSONTape.Word.root,
              UInt8(truncatingIfNeeded: words[tape.count - 1] >> 56) == JSONTape.Word.root,
              RawNode(tape: JSONTape(words: words, strings: strings), index: 1).after == tape.count - 1 else {
            csj_document_free(handle)
            throw AnalyzeError(.malformedJSON, "simdjson produced a tape of an unknown format")
        }
        let document = JSONDocument(handle: handle, tape: JSONTape(words: words, strings: strings),
                                    stringsCapacity: tape.strings_capacity)
        let (nesting, stringsEnd) = try document.rawRoot.checkInputRules()
        document.nesting = nesting
        // simdjson allocates 5 * capacity / 3 + CSJ_PADDING bytes for strings
        // that use at most 5 * capacity / 3 (csimdjson.h): room for padding
        // after the last string, set here so that no byte read is undefined.
        if stringsEnd + CSJ_PADDING <= document.stringsCapacity {
            UnsafeMutablePointer(mutating: strings + stringsEnd).update(repeating: UInt8(ascii: " "), count: CSJ_PADDING)
            document.stringsPadded = true
        }
        return document
    }

    /// Parses and checks the bytes of `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(AnalyzeError) -> JSONDocument {
        try withBytes(of: bytes) { raw throws(AnalyzeError) in try parse(raw) }
    }

    /// Parses and checks the UTF-8 of `text`.
    public static func parse(_ text: String) throws(AnalyzeError) -> JSONDocument {
        try parse(Array(text.utf8))
    }
}
