/// Small helpers on JSON values shared by the result checks.
enum ResultValue {
    /// True for an integer, or a number with no fraction (JSON Schema counts `3.0` as an integer).
    static func isInteger(_ node: JSONNode) -> Bool {
        if node.kind == .integer { return true }
        guard node.kind == .double, let value = node.double else { return false }
        return value.isFinite && value.rounded(.towardZero) == value
    }

    /// Order of two JSON numbers (-1, 0, 1): exact for two integers; nil when either is not a number.
    static func compareNumbers(_ left: JSONNode, _ right: JSONNode) -> Int? {
        if let a = left.int64, let b = right.int64 { return a < b ? -1 : (a == b ? 0 : 1) }
        guard let a = left.double, let b = right.double else { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// JSON equality: numbers by value (1 equals 1.0), objects regardless of key order.
    static func jsonEqual(_ left: JSONNode, _ right: JSONNode) -> Bool {
        switch (left.kind, right.kind) {
        case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
            return compareNumbers(left, right) == 0
        case (.null, .null): return true
        case (.bool, .bool): return left.bool == right.bool
        case (.string, .string):
            return left.withUTF8 { a in right.withUTF8 { b in a.elementsEqual(b) } }
        case (.array, .array):
            var rightElements = right.elements.makeIterator()
            for element in left.elements {
                guard let other = rightElements.next(), jsonEqual(element, other) else { return false }
            }
            return rightElements.next() == nil
        case (.object, .object):
            let rightMembers = right.members
            guard left.count == rightMembers.count else { return false }
            // Keys are unique (the parser rejects duplicates): an index, not a scan per key.
            var byKey: [MemberKey: JSONNode] = [:]
            for (key, value) in rightMembers { byKey[MemberKey(key)] = value }
            for (key, value) in left.members {
                guard let other = byKey[MemberKey(key)], jsonEqual(value, other) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// True for a UUID in the 8-4-4-4-12 hexadecimal form (either case).
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)) {
                return false
            }
        }
        return true
    }

    /// Compact JSON bytes of `value`.
    static func bytes(of value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }
}

/// An object member name compared and hashed by its UTF-8 bytes, as
/// `JSONNode`'s subscript compares keys (not by Swift's canonical equivalence).
struct MemberKey: Hashable {
    /// The name.
    let text: String

    /// The key for `text`.
    init(_ text: String) { self.text = text }

    static func == (left: MemberKey, right: MemberKey) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
        hasher.combine(text.utf8.count)
    }

    /// A seeded hash of a scalar JSON value (null, boolean, number, string)
    /// under which `ResultValue.jsonEqual` values agree: numbers hash by their
    /// double value (so 1 and 1.0 agree), strings by their bytes.
    static func scalarHash(_ node: JSONNode) -> Int {
        var hasher = Hasher()
        switch node.kind {
        case .null: hasher.combine(0)
        case .bool: hasher.combine(1); hasher.combine(node.bool ?? false)
        case .integer, .double: hasher.combine(2); hasher.combine(node.double ?? 0)
        case .string: hasher.combine(3); node.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        case .array, .object: hasher.combine(4)
        }
        return hasher.finalize()
    }
}
