/// simdjson's tape of a parsed document and the string buffer its string words
/// point into, read in Swift without a call into C per value.
///
/// The format is simdjson 3's DOM tape (described in `csimdjson.h`, where the
/// shim hands the two base pointers over; `JSONDocument.parse` checks the
/// frame once per parse): 64-bit words with a type character in the top 8
/// bits and a payload in the low 56.
struct JSONTape {
    /// The tape words.
    let words: UnsafePointer<UInt64>
    /// The string buffer: at each string's offset a 4-byte little-endian
    /// length, the bytes and a NUL.
    let strings: UnsafePointer<UInt8>

    /// The type characters of tape words.
    enum Word {
        static let root = UInt8(ascii: "r")
        static let array = UInt8(ascii: "[")
        static let arrayEnd = UInt8(ascii: "]")
        static let object = UInt8(ascii: "{")
        static let objectEnd = UInt8(ascii: "}")
        static let string = UInt8(ascii: "\"")
        static let int64 = UInt8(ascii: "l")
        static let uint64 = UInt8(ascii: "u")
        static let double = UInt8(ascii: "d")
        static let `true` = UInt8(ascii: "t")
        static let `false` = UInt8(ascii: "f")
        static let null = UInt8(ascii: "n")
        /// The payload bits of a word.
        static let payloadMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
        /// The saturated count of a container word (bits 32..55).
        static let countSaturated = 0xFF_FFFF
    }
}

/// A non-owning view of one value on a tape: the library's own walks use it
/// over a document they keep alive (no reference counting per value).
struct RawNode {
    /// The tape the value is on.
    let tape: JSONTape
    /// The index of the value's (first) word.
    let index: Int

    /// The value's first word.
    @inline(__always) var word: UInt64 { tape.words[index] }
    /// The type character of the value (`JSONTape.Word`).
    @inline(__always) var type: UInt8 { UInt8(truncatingIfNeeded: word >> 56) }

    var isArray: Bool { type == JSONTape.Word.array }
    var isObject: Bool { type == JSONTape.Word.object }
    var isString: Bool { type == JSONTape.Word.string }
    var isNull: Bool { type == JSONTape.Word.null }
    /// True for either boolean.
    var isBool: Bool { type == JSONTape.Word.true || type == JSONTape.Word.false }
    /// True for any number (integer or double).
    var isNumber: Bool {
        let type = self.type
        return type == JSONTape.Word.int64 || type == JSONTape.Word.uint64 || type == JSONTape.Word.double
    }
    /// True for an integer (signed or unsigned).
    var isInteger: Bool { type == JSONTape.Word.int64 || type == JSONTape.Word.uint64 }

    /// The bits of the word after this one: the value of a number.
    @inline(__always) private var valueBits: UInt64 { tape.words[index + 1] }
    /// The value of an `l` (int64) word.
    var int64Value: Int64 { Int64(bitPattern: valueBits) }
    /// The value of a `u` (uint64) word.
    var uint64Value: UInt64 { valueBits }
    /// The value of a `d` (double) word.
    var doubleValue: Double { Double(bitPattern: valueBits) }
    /// The number as a double (0 for other kinds).
    var number: Double {
        switch type {
        case JSONTape.Word.double: return doubleValue
        case JSONTape.Word.int64: return Double(int64Value)
        case JSONTape.Word.uint64: return Double(uint64Value)
        default: return 0
        }
    }

    /// The kind of the value.
    var kind: JSONKind {
        switch type {
        case JSONTape.Word.array: return .array
        case JSONTape.Word.object: return .object
        case JSONTape.Word.int64, JSONTape.Word.uint64: return .integer
        case JSONTape.Word.double: return .double
        case JSONTape.Word.string: return .string
        case JSONTape.Word.true, JSONTape.Word.false: return .bool
        default: return .null
        }
    }

    /// The raw UTF-8 of a string value (empty for other kinds).
    @inline(__always) var utf8: UnsafeBufferPointer<UInt8> {
        guard isString else { return UnsafeBufferPointer(start: nil, count: 0) }
        let offset = Int(word & JSONTape.Word.payloadMask)
        let length = UInt32(littleEndian: UnsafeRawPointer(tape.strings + offset).loadUnaligned(as: UInt32.self))
        return UnsafeBufferPointer(start: tape.strings + offset + 4, count: Int(length))
    }

    /// The index one past the value's words (past the closing word of a container).
    @inline(__always) var after: Int {
        switch type {
        case JSONTape.Word.array, JSONTape.Word.object: return Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: word))
        case JSONTape.Word.int64, JSONTape.Word.uint64, JSONTape.Word.double: return index + 2
        default: return index + 1
        }
    }

    /// The element or member count of a container as the tape stores it
    /// (saturated at `JSONTape.Word.countSaturated`).
    var storedCount: Int { Int(truncatingIfNeeded: (word >> 32) & 0xFF_FFFF) }

    /// The words between a container's opening and closing words when the
    /// value has type `type`; an empty range otherwise.
    func contents(ifType type: UInt8) -> (start: Int, end: Int) {
        self.type == type ? (index + 1, after - 1) : (0, 0)
    }

    /// The elements of an array (none for other kinds).
    var elements: RawElements { RawElements(self) }
    /// The members of an object (none for other kinds).
    var members: RawMembers { RawMembers(self) }
}

/// A position between a container's opening and closing words: each step
/// yields the value there and moves past it, bounded by the closing word
/// whatever the words in between say.
struct TapeCursor {
    private let tape: JSONTape
    private var position: Int
    private let end: Int

    /// The contents of `container` when it has type `type` (none otherwise).
    init(_ container: RawNode, ifType type: UInt8) {
        tape = container.tape
        (position, end) = container.contents(ifType: type)
    }

    /// The value at the position, and the position past it; nil at the end.
    @inline(__always)
    mutating func step() -> RawNode? {
        guard position < end else { return nil }
        let value = RawNode(tape: tape, index: position)
        let after = value.after
        position = after > position ? after : end
        return value
    }
}

/// The elements of an array on a tape, in order.
struct RawElements: Sequence, IteratorProtocol {
    private var cursor: TapeCursor

    /// The elements of `container` (none when it is not an array).
    init(_ container: RawNode) { cursor = TapeCursor(container, ifType: JSONTape.Word.array) }

    @inline(__always) mutating func next() -> RawNode? { cursor.step() }
}

/// The members of an object on a tape, as raw key bytes and values, in
/// document order.
struct RawMembers: Sequence, IteratorProtocol {
    private var cursor: TapeCursor

    /// The members of `container` (none when it is not an object).
    init(_ container: RawNode) { cursor = TapeCursor(container, ifType: JSONTape.Word.object) }

    @inline(__always) mutating func next() -> (key: UnsafeBufferPointer<UInt8>, value: RawNode)? {
        guard let key = cursor.step(), let value = cursor.step() else { return nil }
        return (key.utf8, value)
    }
}
