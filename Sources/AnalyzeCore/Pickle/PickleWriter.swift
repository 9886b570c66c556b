/// Writes a JSON-shaped value as a Python pickle (protocol 4, one frame): the
/// form in which `analyze_task_parse` hands `result.segments` to the Python
/// binding on request (`segments_encoding: "pickle"`), because CPython's
/// pickle decoder builds the dicts, lists, strings and floats in C about twice
/// as fast as its JSON decoder reads the same value from text.
///
/// The value read back (`pickle.loads`) equals what `json.loads` makes of the
/// `JSONWriter` text of the same calls, type for type: objects are dicts
/// (keys in order), arrays lists, strings str (the bytes are valid UTF-8: the
/// parser checked them), integers int (unsigned ones clamped to the signed
/// 64-bit range as the JSON text writes them), doubles float (`None` when not
/// finite, like JSON's `null`). Only data opcodes are written (no global, no
/// call), so a reader that refuses every `find_class` reads it.
///
/// Keys written many times (`key(plain:)`, `key(_: WriterKey)`) are written
/// once and then referred back to through the pickle memo, so every segment's
/// dicts share one `str` per key, as `json.loads` makes them share.
struct PickleWriter: ~Copyable, ValueWriter {
    /// The output (the writer's alone).
    private var output: OutputBuffer
    /// The memo index of each key written so far, by the address of its text.
    private var memo = AddressTable()
    /// The next memo index.
    private var memoCount: UInt32 = 0

    /// Opcodes (CPython `Lib/pickletools.py`).
    private enum Op {
        static let proto: UInt8 = 0x80, frame: UInt8 = 0x95, stop: UInt8 = 0x2E, mark: UInt8 = 0x28
        static let emptyDict: UInt8 = 0x7D, setItems: UInt8 = 0x75
        static let emptyList: UInt8 = 0x5D, appends: UInt8 = 0x65
        static let none: UInt8 = 0x4E, newTrue: UInt8 = 0x88, newFalse: UInt8 = 0x89
        static let binInt1: UInt8 = 0x4B, binInt2: UInt8 = 0x4D, binInt: UInt8 = 0x4A, long1: UInt8 = 0x8A
        static let binFloat: UInt8 = 0x47
        static let shortBinUnicode: UInt8 = 0x8C, binUnicode: UInt8 = 0x58, binUnicode8: UInt8 = 0x8D
        static let memoize: UInt8 = 0x94, binGet: UInt8 = 0x68, longBinGet: UInt8 = 0x6A
    }

    /// Where the frame's content starts, after its opcode and 8-byte length.
    private static let frameStart = 11

    /// A pickle with room for `capacity` bytes, started: protocol 4, and one
    /// frame around everything after it, its length set by `finished`. (A
    /// reader of a file-like object reads a frame at once; without frames,
    /// CPython's reads each opcode through a call of the file's `read`.)
    init(capacity: Int) {
        output = OutputBuffer(capacity: capacity)
        append(Op.proto)
        append(4)
        append(Op.frame)
        appendLittleEndian(0, bytes: 8)
    }

    /// The pickle so far (valid while nothing is written).
    var written: UnsafeBufferPointer<UInt8> { output.written }

    /// Ends the pickle (after its one top-level value) and its frame; returns
    /// its bytes.
    consuming func finished() -> OutputBuffer {
        append(Op.stop)
        output.overwrite(word: UInt64(output.count - Self.frameStart).littleEndian, at: Self.frameStart - 8)
        return output
    }

    @inline(__always)
    mutating func beginObject() { append(Op.emptyDict); append(Op.mark) }
    @inline(__always)
    mutating func endObject() { append(Op.setItems) }
    @inline(__always)
    mutating func beginArray() { append(Op.emptyList); append(Op.mark) }
    @inline(__always)
    mutating func endArray() { append(Op.appends) }

    @inline(__always)
    mutating func key(utf8 key: UnsafeBufferPointer<UInt8>) { string(utf8: key) }

    @inline(__always)
    mutating func key(plain key: StaticString) {
        let address = UInt(bitPattern: key.utf8Start)
        if referred(to: address) { return }
        string(utf8: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        memoize(address)
    }

    @inline(__always)
    mutating func key(_ key: WriterKey) {
        let address = UInt(bitPattern: Unmanaged.passUnretained(key).toOpaque())
        if referred(to: address) { return }
        key.withUTF8 { string(utf8: $0) }
        memoize(address)
    }

    /// Writes a reference to the memo entry of the key at `address`, when
    /// there is one (a key is written once, then referred to).
    @inline(__always)
    private mutating func referred(to address: UInt) -> Bool {
        guard let index = memo.index(of: address) else { return false }
        if index < 256 {
            append(Op.binGet); append(UInt8(index))
        } else {
            append(Op.longBinGet); appendLittleEndian(UInt64(index), bytes: 4)
        }
        return true
    }

    /// Keeps the string just written as the memo entry of the key at `address`.
    private mutating func memoize(_ address: UInt) {
        append(Op.memoize)
        memo.set(memoCount, for: address)
        memoCount += 1
    }

    @inline(__always)
    mutating func null() { append(Op.none) }

    /// Writes a boolean.
    mutating func bool(_ value: Bool) { append(value ? Op.newTrue : Op.newFalse) }

    /// Writes an integer in the shortest of the opcodes for its range.
    mutating func int(_ value: Int64) {
        if value >= 0 && value < 0x100 {
            append(Op.binInt1); append(UInt8(value))
        } else if value >= 0 && value < 0x1_0000 {
            append(Op.binInt2); appendLittleEndian(UInt64(value), bytes: 2)
        } else if value >= Int64(Int32.min) && value <= Int64(Int32.max) {
            append(Op.binInt); appendLittleEndian(UInt64(bitPattern: value), bytes: 4)
        } else {
            append(Op.long1); append(8); appendLittleEndian(UInt64(bitPattern: value), bytes: 8)
        }
    }

    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        append(Op.binFloat)
        output.append(word: value.bitPattern.bigEndian, keeping: 8)
    }

    /// Writes a string from its UTF-8 (valid UTF-8).
    mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        if value.count < 0x100 {
            append(Op.shortBinUnicode); append(UInt8(value.count))
        } else if value.count <= Int(UInt32.max) {
            append(Op.binUnicode); appendLittleEndian(UInt64(value.count), bytes: 4)
        } else {
            append(Op.binUnicode8); appendLittleEndian(UInt64(value.count), bytes: 8)
        }
        output.append(bytes: value)
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) { output.append(byte) }

    /// Appends the low `bytes` bytes of `value`, least significant first.
    @inline(__always)
    private mutating func appendLittleEndian(_ value: UInt64, bytes: Int) {
        output.append(word: value.littleEndian, keeping: bytes)
    }
}

/// A small open-addressing table from nonzero addresses to memo indices
/// (a multiplicative hash of the address; grown at half full): a key's memo
/// entry found in a few instructions, without hashing its text. Its memory is
/// its own (it cannot be copied), so a lookup takes no reference.
struct AddressTable: ~Copyable {
    private var keys: UnsafeMutablePointer<UInt>
    private var values: UnsafeMutablePointer<UInt32>
    private var capacity = 32
    private var used = 0

    init() {
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// The slot of `address`: where it is, or the empty slot where it would go.
    @inline(__always)
    private func slot(_ address: UInt) -> Int {
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while keys[index] != 0 && keys[index] != address { index = (index + 1) & mask }
        return index
    }

    /// The memo index kept for `address`, if any.
    @inline(__always)
    func index(of address: UInt) -> UInt32? {
        let index = slot(address)
        return keys[index] == address ? values[index] : nil
    }

    /// Keeps `value` for `address` (nonzero).
    mutating func set(_ value: UInt32, for address: UInt) {
        guard address != 0 else { return }
        if (used + 1) * 2 > capacity { grow() }
        let index = slot(address)
        if keys[index] == 0 { used += 1 }
        keys[index] = address
        values[index] = value
    }

    private mutating func grow() {
        let (oldKeys, oldValues, oldCapacity) = (keys, values, capacity)
        capacity *= 2
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
        used = 0
        for index in 0..<oldCapacity where oldKeys[index] != 0 { set(oldValues[index], for: oldKeys[index]) }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
