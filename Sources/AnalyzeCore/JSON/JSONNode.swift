import CSimdJSON

/// The kinds of JSON values, with integers kept apart from other numbers.
public enum JSONKind: Sendable, Equatable {
    case null, bool, integer, double, string, array, object

    /// The JSON Schema name of the kind, as used in messages (`integer` and `number`).
    public var name: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// A read-only view of one value inside a `JSONDocument`, without copying it.
public struct JSONNode: @unchecked Sendable {
    /// The document the value lives in (kept alive by this view).
    public let document: JSONDocument
    /// The value on the document's tape.
    let raw: RawNode

    init(document: JSONDocument, raw: RawNode) {
        self.document = document
        self.raw = raw
    }

    /// The kind of the value. Unsigned integers above `Int64.max` never reach
    /// here: `JSONDocument.parse` rejects them.
    public var kind: JSONKind { raw.kind }

    /// The string, or nil when the value is not a string.
    public var string: String? {
        guard raw.isString else { return nil }
        return String(documentUTF8: raw.utf8)
    }

    /// Calls `body` with the raw UTF-8 bytes of a string value (empty for other kinds).
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(document) { try body(raw.utf8) }
    }

    /// The integer, or nil when the value is not an integer.
    public var int64: Int64? { raw.int64 }

    /// The number as a double (integers converted), or nil when the value is not a number.
    public var double: Double? { raw.isNumber ? raw.number : nil }

    /// The boolean, or nil when the value is not a boolean.
    public var bool: Bool? { raw.isBool ? raw.type == JSONTape.Word.true : nil }

    /// True for `null`.
    public var isNull: Bool { raw.isNull }

    /// The member named `key` of an object (the first, duplicates being rejected
    /// at parse time), or nil when absent or when the value is not an object.
    public subscript(key: String) -> JSONNode? {
        var key = key
        return key.withUTF8 { raw.member($0) }.map { JSONNode(document: document, raw: $0) }
    }

    /// The members of an object in document order (empty for other kinds).
    public var members: [(key: String, value: JSONNode)] {
        guard raw.isObject else { return [] }
        var members: [(key: String, value: JSONNode)] = []
        // The tape stores the count (saturated for huge objects): one allocation, not 1, 2, 4, 8…
        members.reserveCapacity(raw.storedCount)
        for (key, value) in raw.members {
            members.append((String(decoding: key, as: UTF8.self), JSONNode(document: document, raw: value)))
        }
        return members
    }

    /// The elements of an array in order (empty for other kinds).
    public var elements: JSONElements { JSONElements(node: self) }

    /// Number of elements of an array or members of an object (0 for other kinds).
    public var count: Int {
        switch raw.type {
        case JSONTape.Word.array:
            let stored = raw.storedCount
            return stored < JSONTape.Word.countSaturated ? stored : raw.elements.reduce(0) { count, _ in count + 1 }
        case JSONTape.Word.object:
            let stored = raw.storedCount
            return stored < JSONTape.Word.countSaturated ? stored : raw.members.reduce(0) { count, _ in count + 1 }
        default: return 0
        }
    }

    /// Identity of the value: its document's tape and its place on it.
    var identity: (tape: UInt64, index: UInt64) {
        (UInt64(UInt(bitPattern: raw.tape.words)), UInt64(raw.index))
    }
}

/// The elements of a JSON array, in order.
public struct JSONElements: Sequence {
    let node: JSONNode

    /// Iterates the elements.
    public func makeIterator() -> Iterator {
        Iterator(document: node.document, raw: node.raw.elements)
    }

    /// The iterator over a JSON array.
    public struct Iterator: IteratorProtocol {
        let document: JSONDocument
        var raw: RawElements

        /// The next element, or nil at the end.
        public mutating func next() -> JSONNode? {
            raw.next().map { JSONNode(document: document, raw: $0) }
        }
    }
}

extension RawNode {
    /// The integer, or nil when the value is not an integer within `Int64`.
    var int64: Int64? {
        switch type {
        case JSONTape.Word.int64: return int64Value
        case JSONTape.Word.uint64:
            let value = uint64Value
            return value <= UInt64(Int64.max) ? Int64(value) : nil
        default: return nil
        }
    }

    /// The member of an object whose key is the UTF-8 `key` (the first,
    /// duplicates being rejected at parse time), or nil when absent or when
    /// the value is not an object.
    func member(_ key: UnsafeBufferPointer<UInt8>) -> RawNode? {
        for (candidate, value) in members where Self.bytesEqual(candidate, key) { return value }
        return nil
    }

    /// Rejects what simdjson accepts but the library does not: duplicate keys
    /// and integers above `Int64.max`, in one pass over the value's tape words
    /// in the shim (`csj_check_input_rules`: an object's keys are compared
    /// when the pass reaches it, before its values). The path of a problem is
    /// built only when one is found. Returns the nesting depth of the value (a
    /// scalar is 0, `[]` is 1) and the offset one past the last string byte
    /// (its NUL) in the string buffer, found on the same pass.
    func checkInputRules() throws(AnalyzeError) -> (nesting: Int, stringsEnd: Int) {
        var rules = csj_rules()
        switch csj_check_input_rules(tape.words, tape.strings, index, after, &rules) {
        case CSJ_RULES_OK:
            return (Int(rules.nesting), Int(rules.strings_end))
        case CSJ_RULES_DUPLICATE_KEY:
            let key = RawNode(tape: tape, index: Int(rules.position))
            let name = String(decoding: key.utf8, as: UTF8.self)
            throw AnalyzeError(.malformedJSON, "duplicate key \(MessageText.quotedInFull(name)) in object",
                               path: path(to: key.index))
        case CSJ_RULES_INTEGER_RANGE:
            let position = Int(rules.position)
            throw AnalyzeError(.malformedJSON, "integer \(tape.words[position + 1]) is out of range: integers must fit in a signed 64-bit integer",
                               path: path(to: position))
        default:
            throw AnalyzeError(.outOfMemory, "out of memory while checking JSON object keys")
        }
    }

    /// The path, from this value, of the value whose word is at `target` (or of
    /// the member whose key word is there).
    private func path(to target: Int) -> String {
        var path = ""
        var node = self
        while node.index != target {
            var inner: RawNode?
            if node.isArray {
                var position = 0
                for element in node.elements {
                    if element.index <= target && target < element.after {
                        path = JSONPath.element(path, position)
                        inner = element
                        break
                    }
                    position += 1
                }
            } else if node.isObject {
                for (key, value) in node.members where value.index - 1 <= target && target < value.after {
                    path = JSONPath.member(path, String(decoding: key, as: UTF8.self))
                    inner = value.index - 1 == target ? nil : value
                    break
                }
            }
            guard let inner else { break }
            node = inner
        }
        return path
    }

    /// Whether `key` has the bytes of `name` (a literal of the library's own).
    @inline(__always)
    static func bytesEqual(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        bytesEqual(key, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// Byte equality of two buffers, length first; then whole words: 8 bytes
    /// at a time and the last 8 (overlapping), or for shorter keys the first
    /// and last 4 or 2, never reading outside either buffer (a byte loop cost
    /// ~4 instructions a byte, most of the duplicate-key check).
    @inline(__always)
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard count > 1, let x = a.baseAddress.map(UnsafeRawPointer.init), let y = b.baseAddress.map(UnsafeRawPointer.init) else {
            return count == 0 || a[0] == b[0]
        }
        @inline(__always) func same<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Bool {
            x.loadUnaligned(fromByteOffset: offset, as: Word.self) == y.loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                if !same(offset, UInt64.self) { return false }
                offset += 8
            }
            return same(count - 8, UInt64.self)
        }
        if count >= 4 { return same(0, UInt32.self) && same(count - 4, UInt32.self) }
        return same(0, UInt16.self) && same(count - 2, UInt16.self)
    }
}
