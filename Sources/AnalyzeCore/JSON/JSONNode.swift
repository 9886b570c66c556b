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
            for (candidate, value) in RawMembers(element) where candidate.elementsEqual(wanted) {
                return JSONNode(document: document, element: value)
            }
            return nil
        }
    }

    /// The members of an object in document order (empty for other kinds).
    public var members: [(key: String, value: JSONNode)] {
        RawMembers(element).map { (String(decoding: $0.key, as: UTF8.self), JSONNode(document: document, element: $0.value)) }
    }

    /// The elements of an array in order (empty for other kinds).
    public var elements: JSONElements { JSONElements(node: self) }

    /// Number of elements of an array or members of an object (0 for other kinds).
    public var count: Int {
        switch csj_element_type(element) {
        case CSJ_ARRAY: return RawElements(element).reduce(0) { count, _ in count + 1 }
        case CSJ_OBJECT: return RawMembers(element).reduce(0) { count, _ in count + 1 }
        default: return 0
        }
    }
}

/// The elements of a JSON array, in order.
public struct JSONElements: Sequence {
    let node: JSONNode

    /// Iterates the elements.
    public func makeIterator() -> Iterator {
        Iterator(document: node.document, raw: RawElements(node.element))
    }

    /// The iterator over a JSON array.
    public struct Iterator: IteratorProtocol {
        let document: JSONDocument
        var raw: RawElements

        /// The next element, or nil at the end.
        public mutating func next() -> JSONNode? {
            raw.next().map { JSONNode(document: document, element: $0) }
        }
    }
}

/// Elements of an array as bare simdjson elements: no reference counting, for
/// the library's own walks over a document it keeps alive.
struct RawElements: Sequence, IteratorProtocol {
    private var position: csj_iterator
    private let end: csj_iterator

    /// The elements of `container` (none when it is not an array).
    init(_ container: csj_element) {
        if csj_element_type(container) == CSJ_ARRAY {
            position = csj_begin(container)
            end = csj_end(container)
        } else {
            position = csj_iterator()
            end = position
        }
    }

    mutating func next() -> csj_element? {
        var value = csj_element()
        return csj_array_step(&position, end, &value) ? value : nil
    }
}

/// Members of an object as raw key bytes and bare elements, in document order.
struct RawMembers: Sequence, IteratorProtocol {
    private var position: csj_iterator
    private let end: csj_iterator

    /// The members of `container` (none when it is not an object).
    init(_ container: csj_element) {
        if csj_element_type(container) == CSJ_OBJECT {
            position = csj_begin(container)
            end = csj_end(container)
        } else {
            position = csj_iterator()
            end = position
        }
    }

    mutating func next() -> (key: UnsafeBufferPointer<UInt8>, value: csj_element)? {
        var key: UnsafePointer<CChar>?
        var length = 0
        var value = csj_element()
        guard csj_object_step(&position, end, &key, &length, &value) else { return nil }
        let start = key.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }
        return (UnsafeBufferPointer(start: start, count: start == nil ? 0 : length), value)
    }
}

extension JSONNode {
    /// Rejects what simdjson accepts but the library does not: duplicate keys
    /// and integers above `Int64.max`. The path of a problem is built only when
    /// one is found, as the recursion unwinds (bounded by the parse depth limit).
    /// Returns the nesting depth of the value (a scalar is 0, `[]` is 1), found
    /// on the same walk.
    func checkInputRules() throws(AnalyzeError) -> Int {
        var reversedPath: [PathStep] = []
        var deepest = 0
        guard let message = JSONNode.firstRuleViolation(element, &reversedPath, level: 0, deepest: &deepest) else { return deepest }
        var path = ""
        for step in reversedPath.reversed() {
            switch step {
            case .key(let key): path = JSONPath.member(path, key)
            case .index(let index): path = JSONPath.element(path, index)
            }
        }
        throw AnalyzeError(.malformedJSON, message, path: path)
    }

    private enum PathStep {
        case key(String)
        case index(Int)
    }

    private static func firstRuleViolation(_ element: csj_element, _ reversedPath: inout [PathStep],
                                           level: Int, deepest: inout Int) -> String? {
        switch csj_element_type(element) {
        case CSJ_UINT64:
            if csj_get_uint64(element) > UInt64(Int64.max) {
                return "integer \(csj_get_uint64(element)) is out of range: integers must fit in a signed 64-bit integer"
            }
        case CSJ_ARRAY:
            deepest = max(deepest, level + 1)
            var index = 0
            for child in RawElements(element) {
                if let message = firstRuleViolation(child, &reversedPath, level: level + 1, deepest: &deepest) {
                    reversedPath.append(.index(index))
                    return message
                }
                index += 1
            }
        case CSJ_OBJECT:
            deepest = max(deepest, level + 1)
            if let duplicate = JSONNode.firstDuplicateKey(element) {
                let name = String(decoding: duplicate, as: UTF8.self)
                reversedPath.append(.key(name))
                var quoted: [UInt8] = []
                JSONWriter.appendQuoted(utf8: duplicate, to: &quoted)
                return "duplicate key \(String(decoding: quoted, as: UTF8.self)) in object"
            }
            for (key, child) in RawMembers(element) {
                if let message = firstRuleViolation(child, &reversedPath, level: level + 1, deepest: &deepest) {
                    reversedPath.append(.key(String(decoding: key, as: UTF8.self)))
                    return message
                }
            }
        default:
            break
        }
        return nil
    }
}

extension JSONNode {
    /// Keys are compared pairwise while an object is small (no allocation), and
    /// through a hash set beyond this many members.
    static let pairwiseKeyLimit = 16

    /// The first key of `object` that repeats an earlier key, or nil.
    static func firstDuplicateKey(_ object: csj_element) -> UnsafeBufferPointer<UInt8>? {
        withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: pairwiseKeyLimit) { seen in
            var count = 0
            var hashed: Set<[UInt8]>? = nil
            for (key, _) in RawMembers(object) {
                if var set = hashed {
                    hashed = nil
                    let inserted = set.insert(Array(key)).inserted
                    hashed = set
                    if !inserted { return key }
                    continue
                }
                for index in 0..<count where JSONNode.bytesEqual(seen[index], key) {
                    return key
                }
                if count < pairwiseKeyLimit {
                    seen[count] = key
                    count += 1
                } else {
                    var set = Set(seen[0..<count].map { Array($0) })
                    set.insert(Array(key))
                    hashed = set
                }
            }
            return nil
        }
    }

    /// Byte equality of two buffers, length first.
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        while index < a.count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }
}
