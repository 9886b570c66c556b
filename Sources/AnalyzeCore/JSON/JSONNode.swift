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
    let element: csj_element

    init(document: JSONDocument, element: csj_element) {
        self.document = document
        self.element = element
    }

    /// The kind of the value. Unsigned integers above `Int64.max` never reach
    /// here: `JSONDocument.parse` rejects them.
    public var kind: JSONKind {
        switch csj_element_type(element) {
        case CSJ_ARRAY: return .array
        case CSJ_OBJECT: return .object
        case CSJ_INT64, CSJ_UINT64: return .integer
        case CSJ_DOUBLE: return .double
        case CSJ_STRING: return .string
        case CSJ_BOOL: return .bool
        default: return .null
        }
    }

    /// The string, or nil when the value is not a string.
    public var string: String? {
        guard csj_element_type(element) == CSJ_STRING else { return nil }
        return withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the raw UTF-8 bytes of a string value (empty for other kinds).
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var length = 0
        guard let pointer = csj_get_string(element, &length) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let raw = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
        return try body(UnsafeBufferPointer(start: raw, count: length))
    }

    /// The integer, or nil when the value is not an integer.
    public var int64: Int64? {
        switch csj_element_type(element) {
        case CSJ_INT64: return csj_get_int64(element)
        case CSJ_UINT64:
            let value = csj_get_uint64(element)
            return value <= UInt64(Int64.max) ? Int64(value) : nil
        default: return nil
        }
    }

    /// The number as a double (integers converted), or nil when the value is not a number.
    public var double: Double? {
        switch csj_element_type(element) {
        case CSJ_DOUBLE: return csj_get_double(element)
        case CSJ_INT64: return Double(csj_get_int64(element))
        case CSJ_UINT64: return Double(csj_get_uint64(element))
        default: return nil
        }
    }

    /// The boolean, or nil when the value is not a boolean.
    public var bool: Bool? {
        csj_element_type(element) == CSJ_BOOL ? csj_get_bool(element) : nil
    }

    /// True for `null`.
    public var isNull: Bool { csj_element_type(element) == CSJ_NULL }

    /// The member named `key` of an object (the first, duplicates being rejected
    /// at parse time), or nil when absent or when the value is not an object.
    public subscript(key: String) -> JSONNode? {
        guard csj_element_type(element) == CSJ_OBJECT else { return nil }
        var key = key
        return key.withUTF8 { wanted -> JSONNode? in
            for (candidate, value) in rawMembers where candidate.elementsEqual(wanted) {
                return value
            }
            return nil
        }
    }

    /// The members of an object in document order (empty for other kinds).
    public var members: [(key: String, value: JSONNode)] {
        rawMembers.map { (String(decoding: $0.0, as: UTF8.self), $0.1) }
    }

    /// The elements of an array in order (empty for other kinds).
    public var elements: JSONElements { JSONElements(node: self) }

    /// Number of elements of an array or members of an object (0 for other kinds).
    public var count: Int {
        switch csj_element_type(element) {
        case CSJ_ARRAY: return elements.reduce(0) { count, _ in count + 1 }
        case CSJ_OBJECT: return rawMembers.reduce(0) { count, _ in count + 1 }
        default: return 0
        }
    }

    var rawMembers: JSONRawMembers { JSONRawMembers(node: self) }
}

/// The elements of a JSON array, in order.
public struct JSONElements: Sequence {
    let node: JSONNode

    /// Iterates the elements.
    public func makeIterator() -> Iterator {
        guard csj_element_type(node.element) == CSJ_ARRAY else {
            let empty = csj_iterator()
            return Iterator(document: node.document, position: empty, end: empty)
        }
        return Iterator(document: node.document, position: csj_begin(node.element), end: csj_end(node.element))
    }

    /// The iterator over a JSON array.
    public struct Iterator: IteratorProtocol {
        let document: JSONDocument
        var position: csj_iterator
        let end: csj_iterator

        /// The next element, or nil at the end.
        public mutating func next() -> JSONNode? {
            if csj_iterator_equal(position, end) { return nil }
            let value = csj_array_value(position)
            position = csj_array_next(position)
            return JSONNode(document: document, element: value)
        }
    }
}

/// The members of a JSON object as raw key bytes and values, in document order.
struct JSONRawMembers: Sequence {
    let node: JSONNode

    func makeIterator() -> Iterator {
        guard csj_element_type(node.element) == CSJ_OBJECT else {
            let empty = csj_iterator()
            return Iterator(document: node.document, position: empty, end: empty)
        }
        return Iterator(document: node.document, position: csj_begin(node.element), end: csj_end(node.element))
    }

    struct Iterator: IteratorProtocol {
        let document: JSONDocument
        var position: csj_iterator
        let end: csj_iterator

        mutating func next() -> (UnsafeBufferPointer<UInt8>, JSONNode)? {
            if csj_iterator_equal(position, end) { return nil }
            var length = 0
            let key = csj_object_key(position, &length)
            let start = key.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }
            let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : length)
            let value = JSONNode(document: document, element: csj_object_value(position))
            position = csj_object_next(position)
            return (bytes, value)
        }
    }
}

extension JSONNode {
    /// Rejects what simdjson accepts but the library does not: duplicate keys
    /// and integers above `Int64.max`. Recursion is bounded by the parse depth limit.
    func checkInputRules(path: String) throws(AnalyzeError) {
        switch csj_element_type(element) {
        case CSJ_UINT64:
            if int64 == nil {
                throw AnalyzeError(.malformedJSON, "integer \(csj_get_uint64(element)) is out of range: integers must fit in a signed 64-bit integer", path: path)
            }
        case CSJ_ARRAY:
            var index = 0
            for child in elements {
                try child.checkInputRules(path: JSONPath.element(path, index))
                index += 1
            }
        case CSJ_OBJECT:
            var seen = JSONKeySet()
            for (key, child) in rawMembers {
                if !seen.insert(key) {
                    let name = String(decoding: key, as: UTF8.self)
                    throw AnalyzeError(.malformedJSON, "duplicate key \"\(name)\" in object", path: JSONPath.member(path, name))
                }
                try child.checkInputRules(path: JSONPath.member(path, String(decoding: key, as: UTF8.self)))
            }
        default:
            break
        }
    }
}

/// A set of object keys seen so far: a linear scan while small, hashing beyond.
struct JSONKeySet {
    private var small: [UnsafeBufferPointer<UInt8>] = []
    private var large: Set<[UInt8]>? = nil

    /// Inserts `key`; false when it was already there.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if var hashed = large {
            large = nil
            let inserted = hashed.insert(Array(key)).inserted
            large = hashed
            return inserted
        }
        for existing in small where existing.elementsEqual(key) {
            return false
        }
        small.append(key)
        if small.count > 16 {
            large = Set(small.map { Array($0) })
            small = []
        }
        return true
    }
}
