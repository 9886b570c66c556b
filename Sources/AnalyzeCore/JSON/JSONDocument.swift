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
    private let rootElement: csj_element
    /// Nesting depth of the root value (a scalar is 0, `[]` is 1), measured
    /// while the input rules are checked.
    private(set) var nesting = 0

    private init(handle: OpaquePointer, root: csj_element) {
        self.handle = handle
        self.rootElement = root
    }

    deinit {
        csj_document_free(handle)
    }

    /// The root value.
    public var root: JSONNode { JSONNode(document: self, element: rootElement) }

    /// Parses and checks `bytes`. Throws an `AnalyzeError` with status
    /// `.malformedJSON` (with position, line and column for syntax errors, or
    /// the path for duplicate keys and out-of-range integers), `.invalidArgument`
    /// when the input exceeds `maxInputBytes`, or `.outOfMemory`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(AnalyzeError) -> JSONDocument {
        guard bytes.count <= maxInputBytes else {
            throw AnalyzeError(.invalidArgument, "input of \(bytes.count) bytes exceeds the limit of \(maxInputBytes) bytes")
        }
        var handle: OpaquePointer?
        var root = csj_element()
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let code: Int32
        if let base {
            code = csj_parse(base, bytes.count, maxDepth, &handle, &root)
        } else {
            code = csj_parse("", 0, maxDepth, &handle, &root)
        }
        if code == CSJ_ALLOCATION_FAILED {
            throw AnalyzeError(.outOfMemory, "out of memory while parsing JSON")
        }
        guard code == 0, let handle else {
            throw JSONSyntaxLocator.locate(bytes, fallback: String(cString: csj_error_message(code)))
        }
        let document = JSONDocument(handle: handle, root: root)
        document.nesting = try document.root.checkInputRules()
        return document
    }

    /// Parses and checks the bytes of `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(AnalyzeError) -> JSONDocument {
        do {
            return try bytes.withUnsafeBytes { raw in try parse(raw) }
        } catch let error as AnalyzeError {
            throw error
        } catch {
            throw AnalyzeError(.malformedJSON, "unexpected parse failure")
        }
    }

    /// Parses and checks the UTF-8 of `text`.
    public static func parse(_ text: String) throws(AnalyzeError) -> JSONDocument {
        try parse(Array(text.utf8))
    }
}
