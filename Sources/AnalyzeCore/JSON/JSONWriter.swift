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
    /// Whether a comma is due before the next value, for each enclosing
    /// container but the innermost one (whose state is `commaDue`).
    private var enclosingCommaDue: [Bool] = []
    /// Whether a comma is due before the next value of the innermost container.
    private var commaDue = false
    /// How many containers are open.
    private var depth = 0
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
    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); open() }
    /// Ends an object.
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); close() }
    /// Starts an array.
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); open() }
    /// Ends an array.
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); close() }

    private mutating func open() {
        if depth > 0 { enclosingCommaDue.append(commaDue) }
        commaDue = false
        depth += 1
    }

    private mutating func close() {
        guard depth > 0 else { return }
        depth -= 1
        commaDue = depth > 0 ? (enclosingCommaDue.popLast() ?? false) : false
    }

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

    /// Writes an object key already quoted and escaped (see `quoted(_:)`): for
    /// keys written many times.
    mutating func key(quoted key: [UInt8]) {
        separate()
        bytes.append(contentsOf: key)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// `value` as a quoted, escaped JSON string.
    static func quoted(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return bytes
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
        if depth > 0 {
            if commaDue { bytes.append(UInt8(ascii: ",")) }
            commaDue = true
        }
    }

    /// Appends `value` as a quoted, escaped JSON string.
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    /// Appends raw UTF-8 as a quoted, escaped JSON string. A string that needs
    /// no escape is copied at once; otherwise the escaped length is counted
    /// first, room for exactly that many bytes is made, and the runs between
    /// escapes are copied at once.
    public static func appendQuoted(utf8 value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        escapeTable.withUnsafeBufferPointer { table in
            let count = value.count
            // Pass 1: how many bytes the escapes add.
            var extra = 0
            var index = 0
            while index < count {
                let entry = table[Int(value[index])]
                if entry == escapeMaybeSeparator {
                    if isSeparator(value, index) { extra += 3 }
                } else if entry != 0 {
                    extra += Int(entry) - 1
                }
                index += 1
            }
            guard extra > 0, let source = value.baseAddress else {
                bytes.append(contentsOf: value)
                return
            }
            // Pass 2: copy runs, write escapes.
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: count + extra))
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let out = base + start
                var written = 0
                var runStart = 0
                index = 0
                while index < count {
                    let entry = table[Int(value[index])]
                    if entry == 0 || (entry == escapeMaybeSeparator && !isSeparator(value, index)) {
                        index += 1
                        continue
                    }
                    let run = index - runStart
                    if run > 0 {
                        (out + written).update(from: source + runStart, count: run)
                        written += run
                    }
                    let byte = value[index]
                    out[written] = UInt8(ascii: "\\")
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[written + 1] = byte
                    case 0x0A: out[written + 1] = UInt8(ascii: "n")
                    case 0x0D: out[written + 1] = UInt8(ascii: "r")
                    case 0x09: out[written + 1] = UInt8(ascii: "t")
                    case 0x08: out[written + 1] = UInt8(ascii: "b")
                    case 0x0C: out[written + 1] = UInt8(ascii: "f")
                    case 0xE2: writeUnicodeEscape(value[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: out + written)
                    default: writeUnicodeEscape(UInt16(byte), to: out + written)
                    }
                    written += byte == 0xE2 || entry == 6 ? 6 : 2
                    index += byte == 0xE2 ? 3 : 1
                    runStart = index
                }
                if runStart < count {
                    (out + written).update(from: source + runStart, count: count - runStart)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Marks 0xE2, the first byte of U+2028 and U+2029 (E2 80 A8/A9).
    private static let escapeMaybeSeparator: UInt8 = 1

    /// For each byte: 0 when copied as is, 2 for a short escape (`\"`, `\\`,
    /// `\n`, `\r`, `\t`, `\b`, `\f`), 6 for `\u00XX`, `escapeMaybeSeparator` for 0xE2.
    private static let escapeTable: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x08, 0x0C: return 2
        case 0..<0x20: return 6
        case 0xE2: return escapeMaybeSeparator
        default: return 0
        }
    }

    /// True when E2 80 A8 or E2 80 A9 starts at `index`.
    @inline(__always)
    private static func isSeparator(_ value: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 2 < value.count && value[index] == 0xE2 && value[index + 1] == 0x80
            && (value[index + 2] == 0xA8 || value[index + 2] == 0xA9)
    }

    /// Writes `\uXXXX` (lowercase hex) at `out`.
    private static func writeUnicodeEscape(_ unit: UInt16, to out: UnsafeMutablePointer<UInt8>) {
        out[0] = UInt8(ascii: "\\")
        out[1] = UInt8(ascii: "u")
        for digit in 0..<4 {
            let nibble = UInt8(truncatingIfNeeded: unit >> (12 - 4 * digit)) & 0xF
            out[2 + digit] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
        }
    }
}
