import CSimdJSON

/// Writes compact JSON (RFC 8259) into a byte buffer.
///
/// Strings get the minimal escapes (`"`, `\`, control characters) plus `\u2028`
/// and `\u2029`; integers are written exactly; doubles as Swift's shortest text
/// that reads back as the same value (`0.1`, `1e+20`, `12.0`), non-finite ones as
/// `null`. Callers emit keys in the order they want, which keeps output stable.
public struct JSONWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []
    private var afterKey = false

    /// Creates an empty writer.
    public init() {}

    /// Creates a writer with room for `capacity` bytes (no reallocation below it).
    public init(capacity: Int) {
        bytes.reserveCapacity(max(0, capacity))
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts an object.
    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    /// Ends an object.
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); _ = needsComma.popLast() }
    /// Starts an array.
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    /// Ends an array.
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); _ = needsComma.popLast() }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ key: String) {
        separate()
        JSONWriter.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes an object key given as raw UTF-8 bytes (assumed valid); the next
    /// value written is its value.
    public mutating func key(utf8 key: UnsafeBufferPointer<UInt8>) {
        separate()
        JSONWriter.appendQuoted(utf8: key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a string value.
    public mutating func string(_ value: String) { separate(); JSONWriter.appendQuoted(value, to: &bytes) }
    /// Writes a string value from raw UTF-8 bytes (assumed valid).
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) { separate(); JSONWriter.appendQuoted(utf8: value, to: &bytes) }
    /// Writes an integer.
    public mutating func int(_ value: Int64) { separate(); bytes.append(contentsOf: String(value).utf8) }
    /// Writes a double (`null` when not finite).
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            bytes.append(contentsOf: value.description.utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }
    /// Writes a boolean.
    public mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    /// Writes `null`.
    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

    /// Writes an owned value.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { write(item) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                write(member.value)
            }
            endObject()
        }
    }

    /// Writes the value a node views, without copying it first (object keys in
    /// document order). Recursion is bounded by the parse depth limit.
    public mutating func write(_ node: JSONNode) {
        write(element: node.element)
    }

    /// Writes a bare element of a document the caller keeps alive (no
    /// reference counting; see `RawElements`).
    mutating func write(element: csj_element) {
        switch csj_element_type(element) {
        case CSJ_NULL: null()
        case CSJ_BOOL: bool(csj_get_bool(element))
        case CSJ_INT64: int(csj_get_int64(element))
        case CSJ_UINT64: int(Int64(clamping: csj_get_uint64(element)))
        case CSJ_DOUBLE: double(csj_get_double(element))
        case CSJ_STRING:
            separate()
            var length = 0
            if let pointer = csj_get_string(element, &length) {
                let start = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
                JSONWriter.appendQuoted(utf8: UnsafeBufferPointer(start: start, count: length), to: &bytes)
            } else {
                bytes.append(contentsOf: "\"\"".utf8)
            }
        case CSJ_ARRAY:
            beginArray()
            for item in RawElements(element) { write(element: item) }
            endArray()
        case CSJ_OBJECT:
            beginObject()
            for (rawKey, value) in RawMembers(element) {
                separate()
                JSONWriter.appendQuoted(utf8: rawKey, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                afterKey = true
                write(element: value)
            }
            endObject()
        default:
            null()
        }
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
        }
    }

    /// Appends `value` as a quoted, escaped JSON string.
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    /// Appends raw UTF-8 as a quoted, escaped JSON string. Runs of bytes that
    /// need no escape are copied at once.
    public static func appendQuoted(utf8 value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let count = value.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = value[index]
            // Most bytes are plain: one comparison chain, no look-ahead.
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 && !(index + 2 < count && value[index + 1] == 0x80
                                 && (value[index + 2] == 0xA8 || value[index + 2] == 0xA9)) {
                index += 1
                continue
            }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<index]))
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0xE2:
                appendUnicodeEscape(value[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
                index += 2
            default:
                appendUnicodeEscape(UInt16(byte), to: &bytes)
            }
            index += 1
            runStart = index
        }
        if runStart < count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to bytes: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"),
                                  hex[Int(unit >> 12) & 0xF], hex[Int(unit >> 8) & 0xF],
                                  hex[Int(unit >> 4) & 0xF], hex[Int(unit) & 0xF]])
    }
}
