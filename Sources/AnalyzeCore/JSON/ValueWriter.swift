/// What writes a JSON-shaped value for `SegmentsNormalizer`: `JSONWriter`
/// (compact JSON text) or `PickleWriter` (the same value as a Python pickle,
/// for the Python binding, whose pickle decoder builds it faster than its
/// JSON decoder). Calls come in document order: a key, then its value.
protocol ValueWriter: ~Copyable {
    /// Starts an object.
    mutating func beginObject()
    /// Ends an object.
    mutating func endObject()
    /// Starts an array.
    mutating func beginArray()
    /// Ends an array.
    mutating func endArray()
    /// Writes an object key from raw UTF-8 bytes (valid UTF-8).
    mutating func key(utf8 key: UnsafeBufferPointer<UInt8>)
    /// Writes a key that needs no escape (a literal of the library's own).
    mutating func key(plain key: StaticString)
    /// Writes a key written many times (a declared field name).
    mutating func key(_ key: WriterKey)
    /// Writes `null`.
    mutating func null()
    /// Writes a boolean.
    mutating func bool(_ value: Bool)
    /// Writes an integer.
    mutating func int(_ value: Int64)
    /// Writes a double (`null` when not finite).
    mutating func double(_ value: Double)
    /// Writes a string from raw UTF-8 bytes (valid UTF-8).
    mutating func string(utf8 value: UnsafeBufferPointer<UInt8>)
}

extension ValueWriter where Self: ~Copyable {
    /// Writes a value of a document the caller keeps alive (no reference
    /// counting; see `RawNode`), object keys in document order; unsigned
    /// integers above `Int64.max` (which the input rules refuse) clamped.
    /// Recursion is bounded by the parse depth limit.
    mutating func write(raw node: RawNode) {
        switch node.type {
        case JSONTape.Word.null: null()
        case JSONTape.Word.true: bool(true)
        case JSONTape.Word.false: bool(false)
        case JSONTape.Word.int64: int(node.int64Value)
        case JSONTape.Word.uint64: int(Int64(clamping: node.uint64Value))
        case JSONTape.Word.double: double(node.doubleValue)
        case JSONTape.Word.string: string(utf8: node.utf8)
        case JSONTape.Word.array:
            beginArray()
            for item in node.elements { write(raw: item) }
            endArray()
        case JSONTape.Word.object:
            beginObject()
            for (rawKey, value) in node.members {
                key(utf8: rawKey)
                write(raw: value)
            }
            endObject()
        default:
            null()
        }
    }
}

/// A member name written many times: kept quoted and escaped for
/// `JSONWriter` and as UTF-8 for `PickleWriter`, which writes it once per
/// output and refers back to it (by this object's identity). A declared
/// segment field is one (`ResultSegmentField`), so that writing its name
/// takes no reference to another object.
class WriterKey {
    /// The name quoted and escaped as a JSON string.
    let quoted: [UInt8]
    /// The name's UTF-8 when it is not the bytes between `quoted`'s quotes
    /// (a name with a byte to escape, so never empty); empty, with no
    /// allocation, otherwise.
    private let escapedNameUTF8: [UInt8]

    /// The key `name`.
    init(_ name: String) {
        var name = name
        // A name without a byte to escape (most) is its bytes between quotes:
        // one array holds both forms.
        let plain = name.withUTF8 { utf8 in
            utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xE2 }
        }
        if plain {
            var quoted: [UInt8] = []
            quoted.reserveCapacity(name.utf8.count + 2)
            quoted.append(UInt8(ascii: "\""))
            name.withUTF8 { quoted.append(contentsOf: $0) }
            quoted.append(UInt8(ascii: "\""))
            self.quoted = quoted
            escapedNameUTF8 = []
        } else {
            quoted = JSONWriter.quoted(name)
            escapedNameUTF8 = Array(name.utf8)
        }
    }

    /// Calls `body` with the name's UTF-8.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard escapedNameUTF8.isEmpty else { return escapedNameUTF8.withUnsafeBufferPointer(body) }
        return quoted.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[1..<($0.count - 1)])) }
    }
}
