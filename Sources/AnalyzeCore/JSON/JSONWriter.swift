import CSimdJSON

/// Writes compact JSON (RFC 8259) into a byte buffer.
///
/// Strings get the minimal escapes (`"`, `\`, control characters) plus `\u2028`
/// and `\u2029`; integers are written exactly; doubles as Swift's shortest text
/// that reads back as the same value (`0.1`, `1e+20`, `12.0`), non-finite ones as
/// `null`. Callers emit keys in the order they want, which keeps output stable.
public struct JSONWriter: ~Copyable, ValueWriter {
    /// The output (the writer's alone: a writer cannot be copied).
    private var output: OutputBuffer
    /// What follows the JSON text in `bytes` and `handOff`, when anything
    /// was attached (see `attach`).
    private var trailer: OutputBuffer?
    /// Whether a comma is due before the next value, for each enclosing
    /// container but the innermost one (whose state is `commaDue`).
    /// The first 64 of them are bits of `enclosingCommaBits` (bit `d - 1`
    /// for the container at depth `d`), deeper ones in `deeperCommaDue`: most
    /// output never nests past 64, and a bit costs no array traffic.
    private var enclosingCommaBits: UInt64 = 0
    /// Whether a comma is due in each enclosing container deeper than 64.
    private var deeperCommaDue: [Bool] = []
    /// Whether a comma is due before the next value of the innermost container.
    private var commaDue = false
    /// How many containers are open.
    private var depth = 0
    private var afterKey = false

    /// Creates an empty writer.
    public init() { output = OutputBuffer(capacity: 256) }

    /// Creates a writer with room for `capacity` bytes (no reallocation below it).
    public init(capacity: Int) { output = OutputBuffer(capacity: capacity) }

    /// The bytes written so far, and the trailer after them when one is attached.
    public var bytes: [UInt8] {
        switch trailer {
        case .some(let tail):
            return Array(written) + [0] + withUnsafeBytes(of: UInt64(tail.count).littleEndian, Array.init) + Array(tail.written)
        case .none:
            return Array(written)
        }
    }

    /// The JSON text written so far (without the trailer).
    public var text: String { String(decoding: written, as: UTF8.self) }

    /// The bytes written, NUL-terminated, in memory from `malloc` that now
    /// belongs to the caller (who frees it with `free`): the output handed to
    /// C without a copy. An attached trailer follows the NUL as `bytes` has it.
    public consuming func handOff() -> UnsafeMutablePointer<CChar> {
        if let tail = trailer?.written {
            output.append(0)
            output.append(word: UInt64(tail.count).littleEndian, keeping: 8)
            output.append(bytes: tail)
        }
        return UnsafeMutableRawPointer(output.handOff()).assumingMemoryBound(to: CChar.self)
    }

    /// Gives the output a trailer (binary data carried after the JSON text,
    /// for `segments_encoding: "pickle"`), empty until something is attached:
    /// the output is then the text, its NUL, the trailer's byte count (8
    /// bytes, little-endian) and the trailer.
    mutating func startTrailer() {
        if trailer == nil { trailer = OutputBuffer(capacity: 0) }
    }

    /// Appends the bytes of `buffer` to the trailer (started if need be),
    /// taking the buffer itself as the trailer when it would be the first
    /// bytes in it (no copy).
    mutating func attach(taking buffer: consuming OutputBuffer) {
        if trailer?.count ?? 0 == 0 {
            trailer = consume buffer
        } else {
            trailer?.append(bytes: buffer.written)
        }
    }

    /// Lends `body` at least `minimum` bytes of the output's unwritten room as
    /// scratch memory (see `OutputBuffer.withSpareCapacity`): nothing it leaves
    /// there is output, and what is written next overwrites it.
    mutating func withSpareCapacity<Result: ~Copyable, Failure: Error>(
        atLeast minimum: Int, _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try output.withSpareCapacity(atLeast: minimum, body)
    }

    /// A view of the bytes written (valid while nothing is written).
    private var written: UnsafeBufferPointer<UInt8> { output.written }

    // Inlined: a segment opens and closes three containers, and the calls
    // cost more than the work (docs/benchmarks.md, stop 21).
    /// Starts an object.
    @inline(__always)
    public mutating func beginObject() { separate(); append(UInt8(ascii: "{")); open() }
    /// Ends an object.
    @inline(__always)
    public mutating func endObject() { append(UInt8(ascii: "}")); close() }
    /// Starts an array.
    @inline(__always)
    public mutating func beginArray() { separate(); append(UInt8(ascii: "[")); open() }
    /// Ends an array.
    @inline(__always)
    public mutating func endArray() { append(UInt8(ascii: "]")); close() }

    @inline(__always)
    private mutating func open() {
        if depth > 64 {
            deeperCommaDue.append(commaDue)
        } else if depth > 0 {
            let bit = UInt64(1) << UInt64(depth - 1)
            enclosingCommaBits = commaDue ? enclosingCommaBits | bit : enclosingCommaBits & ~bit
        }
        commaDue = false
        depth += 1
    }

    @inline(__always)
    private mutating func close() {
        guard depth > 0 else { return }
        depth -= 1
        if depth > 64 {
            commaDue = deeperCommaDue.popLast() ?? false
        } else {
            commaDue = depth > 0 && enclosingCommaBits & (UInt64(1) << UInt64(depth - 1)) != 0
        }
    }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ key: String) {
        var key = key
        key.withUTF8 { self.key(utf8: $0) }
    }

    /// Writes an object key given as raw UTF-8 bytes (assumed valid); the next
    /// value written is its value.
    public mutating func key(utf8 key: UnsafeBufferPointer<UInt8>) {
        separate()
        quote(key)
        append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a key written many times, already quoted and escaped.
    mutating func key(_ key: WriterKey) {
        separate()
        key.quoted.withUnsafeBufferPointer { appendKeyText($0, quoting: false) }
    }

    /// Writes a key whose bytes need no escape (a literal of the library's
    /// own, such as `start_time`): copied between quotes as it is.
    mutating func key(plain key: StaticString) {
        separate()
        appendKeyText(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount), quoting: true)
    }

    /// Appends `text` (between quotes when `quoting`) and the colon after a
    /// key, in one step.
    @inline(__always)
    private mutating func appendKeyText(_ text: UnsafeBufferPointer<UInt8>, quoting: Bool) {
        let size = text.count + (quoting ? 3 : 1)
        append(atMost: size) { out in
            var next = out
            if quoting {
                next[0] = UInt8(ascii: "\"")
                next += 1
            }
            if let base = text.baseAddress { copyBytes(from: base, to: next, count: text.count) }
            next += text.count
            if quoting {
                next[0] = UInt8(ascii: "\"")
                next += 1
            }
            next[0] = UInt8(ascii: ":")
            return size
        }
        afterKey = true
    }

    /// `value` as a quoted, escaped JSON string.
    static func quoted(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return bytes
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string(utf8: $0) }
    }
    /// Writes a string value from raw UTF-8 bytes (assumed valid).
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) { separate(); quote(value) }
    /// Writes a string value given as the text this writer writes for it
    /// between its quotes (see `writtenStringEnd`): copied as it is.
    mutating func string(written text: UnsafeBufferPointer<UInt8>) {
        separate()
        append(UInt8(ascii: "\""))
        append(bytes: text)
        append(UInt8(ascii: "\""))
    }
    /// Writes an integer.
    public mutating func int(_ value: Int64) {
        separate()
        JSONWriter.appendDecimal(integer: value.magnitude, fraction: 0, fractionDigits: -1, negative: value < 0, to: &self)
    }
    /// Writes a double (`null` when not finite). A number of thousandths
    /// (most times and scores) is written inline, without a call.
    @inline(__always)
    public mutating func double(_ value: Double) {
        separate()
        if JSONWriter.appendThousandths(value, to: &self) { return }
        otherDouble(value)
    }

    /// `double` of a value that is not a number of thousandths.
    private mutating func otherDouble(_ value: Double) {
        if value.isFinite {
            if !JSONWriter.appendScaledDecimal(value, to: &self) {
                var text = value.description
                text.withUTF8 { append(bytes: $0) }
            }
        } else {
            appendLiteral("null")
        }
    }

    /// Appends the bytes of a literal of the library's own.
    @inline(__always)
    private mutating func appendLiteral(_ literal: StaticString) {
        append(bytes: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
    /// Appends `value` in plain decimal notation when it is the double nearest
    /// to a decimal of at most 15 significant digits with 1e-3 <= |value| < 1e15
    /// (confidences, seconds, scores: most doubles an API sends), exactly as
    /// `description` writes it: the fewest fraction digits that read back as
    /// `value`, at least one (`12.0`, `0.25`, `-3.125`). Below 1e15 two such
    /// decimals with the same number of fraction digits cannot both round to
    /// `value`, so the first that does is the shortest. Returns false, having
    /// written nothing, for any other value.
    ///
    /// Below 1e9 a value that is the double nearest to a number of thousandths
    /// (times, confidences, scores) is found first with one division: its
    /// shortest decimal is that one, fraction zeros dropped, because any other
    /// decimal of at most three fraction digits lies at least 1e-3 away, and
    /// there doubles are less than 2e-7 apart.
    static func appendShortDecimal<Output: JSONOutput & ~Copyable>(_ value: Double, to bytes: inout Output) -> Bool {
        appendThousandths(value, to: &bytes) || appendScaledDecimal(value, to: &bytes)
    }

    /// `appendShortDecimal` without the thousandths test first: the fewest
    /// fraction digits found by scaling by ten until the value reads back.
    private static func appendScaledDecimal<Output: JSONOutput & ~Copyable>(_ value: Double, to bytes: inout Output) -> Bool {
        let magnitude = value.magnitude
        guard magnitude >= 1e-3, magnitude < 1e15 else { return false }
        var scale = 1.0
        for fractionDigits in 0...18 {
            // Below 1e16 the product is exact to well within one half, so
            // truncating it plus one half rounds it as `rounded()` would
            // wherever the result can read back as `magnitude`.
            let product = magnitude * scale
            guard product < 1e16 else { return false }
            let scaled = Double(UInt64(product + 0.5))
            guard scaled < 1e15 else { return false }
            if scaled / scale == magnitude {
                let digits = UInt64(scaled), power = UInt64(scale)
                appendDecimal(integer: digits / power, fraction: digits % power, fractionDigits: fractionDigits, negative: value < 0, to: &bytes)
                return true
            }
            scale *= 10
        }
        return false
    }

    /// Appends `value` as `appendShortDecimal` does when it is the double
    /// nearest to a number of thousandths with 1e-3 <= |value| < 1e9 (see
    /// there); returns false, having written nothing, for any other value.
    @inline(__always)
    private static func appendThousandths<Output: JSONOutput & ~Copyable>(_ value: Double, to bytes: inout Output) -> Bool {
        let magnitude = value.magnitude
        guard magnitude >= 1e-3, magnitude < 1e9 else { return false }
        // Below 1e12 the signed conversion is exact and needs no range branch.
        let millis = Int64(magnitude * 1000 + 0.5)
        guard Double(millis) / 1000 == magnitude else { return false }
        appendThousandths(UInt64(millis), negative: value < 0, to: &bytes)
        return true
    }

    /// Appends `[-]i.fff` for `millis` thousandths below 1e12, fraction zeros
    /// dropped but one (`2.125`, `51.0`, `0.2`): the four bytes `.fff` are
    /// stored at once and the output advances past the digits kept.
    @inline(__always)
    private static func appendThousandths<Output: JSONOutput & ~Copyable>(_ millis: UInt64, negative: Bool, to bytes: inout Output) {
        let integer = millis / 1000, fraction = UInt32(truncatingIfNeeded: millis % 1000)
        let hundreds = fraction / 100, tens = fraction / 10 % 10, units = fraction % 10
        let fractionSize = units != 0 ? 4 : tens != 0 ? 3 : 2
        let fractionText = UInt32(UInt8(ascii: ".")) | (0x30 + hundreds) << 8 | (0x30 + tens) << 16 | (0x30 + units) << 24
        var integerDigits = 1
        var limit: UInt64 = 10
        while integer >= limit, integerDigits < 12 {
            integerDigits += 1
            limit &*= 10
        }
        let sign = negative ? 1 : 0
        bytes.append(atMost: sign + integerDigits + 4) { out in
            out[0] = UInt8(ascii: "-")
            let digitsEnd = out + sign + integerDigits
            writeDigits(integer, count: integerDigits, endingAt: digitsEnd)
            UnsafeMutableRawPointer(digitsEnd).storeBytes(of: fractionText.littleEndian, as: UInt32.self)
            return sign + integerDigits + fractionSize
        }
    }

    /// Appends `[-]integer.fraction`, the fraction as `fractionDigits` digits
    /// (`.0` when there are none; a plain integer when `fractionDigits` is -1),
    /// straight into the output, two digits at a time.
    private static func appendDecimal<Output: JSONOutput & ~Copyable>(integer: UInt64, fraction: UInt64, fractionDigits: Int,
                                                                      negative: Bool, to bytes: inout Output) {
        var integerDigits = 1
        var rest = integer
        while rest >= 100 {
            rest /= 100
            integerDigits += 2
        }
        if rest >= 10 { integerDigits += 1 }
        let size = (negative ? 1 : 0) + integerDigits + (fractionDigits < 0 ? 0 : 1 + max(fractionDigits, 1))
        bytes.append(atMost: size) { out in
            var next = out
            if negative {
                next[0] = UInt8(ascii: "-")
                next += 1
            }
            writeDigits(integer, count: integerDigits, endingAt: next + integerDigits)
            next += integerDigits
            if fractionDigits >= 0 {
                next[0] = UInt8(ascii: ".")
                if fractionDigits == 0 {
                    next[1] = UInt8(ascii: "0")
                } else {
                    writeDigits(fraction, count: fractionDigits, endingAt: next + 1 + fractionDigits)
                }
            }
            return size
        }
    }

    /// "00" to "99": the two digits of each number below 100.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Writes the last `count` decimal digits of `value` (zeros in front when
    /// it has fewer) in the `count` bytes before `end`.
    @inline(__always)
    private static func writeDigits(_ value: UInt64, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var rest = value
        var next = end
        var left = count
        while left >= 2 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            next -= 2
            next[0] = pairs[pair]
            next[1] = pairs[pair + 1]
            left -= 2
        }
        if left == 1 {
            next[-1] = UInt8(ascii: "0") + UInt8(rest % 10)
        }
    }

    /// Writes a boolean.
    public mutating func bool(_ value: Bool) { separate(); appendLiteral(value ? "true" : "false") }
    /// Writes `null`.
    public mutating func null() { separate(); appendLiteral("null") }

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
        withExtendedLifetime(node.document) { write(raw: node.raw) }
    }

    /// Writes the comma due before a value or key (none after a key).
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 {
            if commaDue { append(UInt8(ascii: ",")) }
            commaDue = true
        }
    }

    /// Appends `value` quoted and escaped.
    @inline(__always)
    private mutating func quote(_ value: UnsafeBufferPointer<UInt8>) {
        JSONWriter.appendQuoted(utf8: value, into: &self)
    }

    /// Appends `value` as a quoted, escaped JSON string.
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    /// Appends raw UTF-8 as a quoted, escaped JSON string. Bytes are tested
    /// eight at a time (`candidates`): a string that needs no escape is copied
    /// at once; otherwise, from its first escape on, each word is stored whole
    /// into room made ahead (the rest's length plus an eighth) and the output
    /// advances to the next byte to escape, with more room made when escapes
    /// use it up. Work and memory stay linear in the output's length.
    public static func appendQuoted(utf8 value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        appendQuoted(utf8: value, into: &bytes)
    }

    /// `appendQuoted(utf8:to:)` into any output: a string without a byte to
    /// escape (most) is written, quotes and all, in one step.
    @inline(__always)
    static func appendQuoted<Output: JSONOutput & ~Copyable>(utf8 value: UnsafeBufferPointer<UInt8>, into bytes: inout Output) {
        let count = value.count
        guard let source = value.baseAddress else {
            bytes.append(atMost: 2) { out in
                out[0] = UInt8(ascii: "\"")
                out[1] = UInt8(ascii: "\"")
                return 2
            }
            return
        }
        let index = firstToEscape(source, count)
        if index == count {
            bytes.append(atMost: count + 2) { out in
                out[0] = UInt8(ascii: "\"")
                copyBytes(from: source, to: out + 1, count: count)
                out[count + 1] = UInt8(ascii: "\"")
                return count + 2
            }
            return
        }
        appendQuoted(utf8: value, escapingFrom: index, into: &bytes)
    }

    /// `appendQuoted(utf8:into:)` of a string with a byte to escape at `start`
    /// (out of line: most strings have none).
    private static func appendQuoted<Output: JSONOutput & ~Copyable>(utf8 value: UnsafeBufferPointer<UInt8>, escapingFrom start: Int,
                                                                     into bytes: inout Output) {
        guard let source = value.baseAddress else { return }
        let count = value.count
        var index = start
        bytes.append(UInt8(ascii: "\""))
        bytes.append(bytes: UnsafeBufferPointer(start: source, count: index))
        while index < count {
            appendEscaped(value, from: &index, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The index of the first of the `count` bytes at `source` that may need
    /// an escape (see `candidates`), or `count`: eight bytes at a time, the
    /// last word read overlapping the one before, byte by byte below eight.
    @inline(__always)
    private static func firstToEscape(_ source: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var index = 0
        while index + 8 <= count {
            let mask = candidates(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
            if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
            index += 8
        }
        if count >= 8 {
            // The bytes before `index` in this word were read already and need none.
            let mask = candidates(UnsafeRawPointer(source + count - 8).loadUnaligned(as: UInt64.self))
            return mask == 0 ? count : count - 8 + mask.trailingZeroBitCount >> 3
        }
        if count >= 4 {
            // Four to seven bytes as two words overlapping each other, all of
            // them the string's: none to escape is the usual answer, at once.
            let raw = UnsafeRawPointer(source)
            let word = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
            if candidates(word) == 0 { return count }
        }
        while index < count && escapeEntry(source[index]) == 0 { index += 1 }
        return index
    }

    /// Appends the escaped text of `value` from `index` on into room made for
    /// the rest plus an eighth (at least 16 bytes), advancing `index` as far as
    /// that room allows. Every step writes at most 14 bytes past `written`: an
    /// eight-byte word, or up to seven bytes copied then a six-byte escape.
    private static func appendEscaped<Output: JSONOutput & ~Copyable>(_ value: UnsafeBufferPointer<UInt8>, from index: inout Int,
                                                          to bytes: inout Output) {
        guard let source = value.baseAddress else { return }
        let count = value.count
        let room = (count - index) + (count - index) / 8 + 16
        bytes.append(atMost: room) { out -> Int in
            var written = 0
            while index < count && written + 14 <= room {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                    let mask = candidates(word)
                    if mask == 0 {
                        index += 8
                        written += 8
                        continue
                    }
                    let skip = mask.trailingZeroBitCount >> 3
                    index += skip
                    written += skip
                }
                let byte = value[index]
                let entry = escapeEntry(byte)
                if entry == 0 || (entry == escapeMaybeSeparator && !isSeparator(value, index)) {
                    out[written] = byte
                    index += 1
                    written += 1
                    continue
                }
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
            }
            return written
        }
    }

    /// Reads the text of a JSON string in `text` from `start` (just after its
    /// opening quote) to its closing quote, and returns that quote's index and
    /// the number of bytes of the string's value, when the text is exactly
    /// what `appendQuoted` writes for that value: the short escapes, `\u00xx`
    /// (lowercase hex) for the other control characters, `\u2028` and
    /// `\u2029`, every other byte as it is. Nil when it is written any other
    /// way (`\/`, `\u0041`, `\u001F`, a raw U+2028) or does not end in
    /// `text`. The text is assumed to be valid JSON (UTF-8 included): such a
    /// string can then be copied instead of unescaped and escaped again. The
    /// shim's 64-byte scan (`csj_skip_plain_string_text`) reads all but the
    /// `\u` escapes.
    static func writtenStringEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, valueCount: Int)? {
        guard let base = text.baseAddress, start >= 0, start <= text.count else { return nil }
        let count = text.count
        var index = start
        // The two-byte escapes the scan passed (each one byte longer than its value).
        var shortEscapes = 0
        // The bytes of the `\u` escapes beyond their value's: five for `\u00xx`, three for `\u2028`.
        var extra = 0
        while true {
            var position = size_t(index), escapes = size_t(0)
            csj_skip_plain_string_text(base, count, &position, &escapes)
            index = Int(position)
            shortEscapes += Int(escapes)
            guard index < count else { return nil }
            switch base[index] {
            case UInt8(ascii: "\""):
                return (index, index - start - shortEscapes - extra)
            case UInt8(ascii: "\\"):
                guard index + 6 <= count, base[index + 1] == UInt8(ascii: "u"), let unit = lowercaseHex(base + index + 2) else { return nil }
                if unit < 0x20, escapeEntry(UInt8(unit)) == 6 {
                    extra += 5
                } else if unit == 0x2028 || unit == 0x2029 {
                    extra += 3
                } else {
                    return nil
                }
                index += 6
            default:
                // A control character or U+2028/U+2029 as it is: `appendQuoted` escapes them.
                return nil
            }
        }
    }

    /// The value of the four lowercase hex digits at `digits`, or nil.
    private static func lowercaseHex(_ digits: UnsafePointer<UInt8>) -> UInt16? {
        var unit: UInt16 = 0
        for offset in 0..<4 {
            let digit = digits[offset]
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): unit = unit << 4 | UInt16(digit - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): unit = unit << 4 | UInt16(digit - 0x57)
            default: return nil
            }
        }
        return unit
    }

    /// The high bit of each byte of `word` (little-endian) set exactly when that
    /// byte may need an escape: `"`, `\`, a control character or 0xE2 (the
    /// bytes whose `escapeEntry` is not 0). No carry crosses a byte: the
    /// low seven bits plus at most 0x7F stay below 0x100.
    @inline(__always)
    private static func candidates(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        // High bit clear exactly when the byte equals the pattern's.
        @inline(__always) func differs(_ pattern: UInt64) -> UInt64 {
            let x = word ^ pattern
            return ((x & low7) &+ low7) | x
        }
        // High bit set when the byte is >= 0x20: its low seven bits + 0x60 reach 0x80, or it is >= 0x80.
        let notControl = ((word & low7) &+ ones &* 0x60) | word
        let plain = notControl & differs(ones &* 0x22) & differs(ones &* 0x5C) & differs(ones &* 0xE2)
        return ~plain & (ones &* 0x80)
    }

    /// Marks 0xE2, the first byte of U+2028 and U+2029 (E2 80 A8/A9).
    private static let escapeMaybeSeparator: UInt8 = 1

    /// For each byte: 0 when copied as is, 2 for a short escape (`\"`, `\\`,
    /// `\n`, `\r`, `\t`, `\b`, `\f`), 6 for `\u00XX`, `escapeMaybeSeparator` for 0xE2.
    @inline(__always)
    private static func escapeEntry(_ byte: UInt8) -> UInt8 {
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

extension JSONWriter: JSONOutput {
    @inline(__always)
    mutating func append(_ byte: UInt8) { output.append(byte) }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) { output.append(bytes: bytes) }

    @inline(__always)
    mutating func append(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        output.append(atMost: maximum, body)
    }
}
