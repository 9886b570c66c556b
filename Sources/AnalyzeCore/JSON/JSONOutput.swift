#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `JSONWriter`'s routines put bytes: the writer's own buffer, or a
/// byte array (for the static helpers other code calls).
protocol JSONOutput: ~Copyable {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends the bytes of `bytes`.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
    /// Lets `body` write at most `maximum` bytes at the end, and keeps the
    /// number of bytes it returns.
    mutating func append(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int)
}

extension Array: JSONOutput where Element == UInt8 {
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }

    mutating func append(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let start = count
        append(contentsOf: repeatElement(0, count: maximum))
        let written = withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { body($0 + start) } ?? 0 }
        removeLast(maximum - written)
    }
}

/// Copies `count` bytes from `source` to `target` (not overlapping): up to 16
/// with two word moves (overlapping each other when the count is not a
/// word's), beyond that with `memcpy`. Most strings and keys of an output are
/// short, and a call to `memcpy` costs more than the copy.
@inline(__always)
func copyBytes(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
    switch count {
    case 8...16:
        let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        to.storeBytes(of: head, as: UInt64.self)
        to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
        let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        to.storeBytes(of: head, as: UInt32.self)
        to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
    case 1..<4:
        target[0] = source[0]
        target[count / 2] = source[count / 2]
        target[count - 1] = source[count - 1]
    case 0:
        break
    default:
        target.update(from: source, count: count)
    }
}

/// A growing byte buffer in `malloc`'d memory, which `JSONWriter` and
/// `PickleWriter` write into and can hand to C as it is. The buffer is the
/// allocation's only owner (it cannot be copied): it grows it with `realloc`,
/// which may extend it in place, keeps one byte past `capacity` for the NUL a
/// C string ends with, and frees it unless it was handed off (`handOff`).
/// Writing touches only the pointer and the counts, no reference.
struct OutputBuffer: ~Copyable, JSONOutput {
    /// The allocation (`capacity + 1` bytes).
    private var base: UnsafeMutablePointer<UInt8>
    /// The bytes that may be written (the allocation has one more).
    private var capacity: Int
    /// The bytes written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes. Exhausted memory stops
    /// the process, as it does for Swift's own allocations.
    init(capacity: Int) {
        let size = max(64, min(capacity, Int.max - 1))
        guard let memory = malloc(size + 1) else { fatalError("out of memory allocating \(size + 1) bytes") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        self.capacity = size
    }

    deinit { free(base) }

    /// A view of the bytes written (valid while nothing is written and the
    /// buffer lives).
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes written, NUL-terminated, in memory that now belongs to the
    /// caller (who frees it with `free`).
    consuming func handOff() -> UnsafeMutablePointer<UInt8> {
        let memory = base
        memory[count] = 0
        discard self
        return memory
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(needed: extra > Int.max - count ? Int.max : count + extra) }
    }

    /// Grows the allocation to room for `needed` bytes, at least twice the size.
    private mutating func grow(needed: Int) {
        let size = min(max(needed, capacity > Int.max / 2 ? needed : capacity * 2), Int.max - 1)
        guard let memory = realloc(base, size + 1) else { fatalError("out of memory allocating \(size + 1) bytes") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        capacity = size
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        copyBytes(from: source, to: base + count, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += body(base + count)
    }

    /// Lends `body` the room after the bytes written, at least `minimum` bytes,
    /// as scratch memory: what it leaves there is not output (the count stays),
    /// and the next bytes written overwrite it.
    mutating func withSpareCapacity<Result: ~Copyable, Failure: Error>(
        atLeast minimum: Int, _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        reserve(minimum)
        return try body(UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count))
    }

    /// Writes `value`'s 8 bytes as they lie in memory over the 8 written at
    /// `offset` (a length known only once what follows it is written).
    mutating func overwrite(word value: UInt64, at offset: Int) {
        guard offset >= 0, offset <= count - 8 else { return }
        UnsafeMutableRawPointer(base + offset).storeBytes(of: value, as: UInt64.self)
    }

    /// Appends `value`'s 8 bytes as they lie in memory (`littleEndian` or
    /// `bigEndian` chooses the order), keeping the low `keeping` of them.
    @inline(__always)
    mutating func append(word value: UInt64, keeping: Int) {
        reserve(8)
        UnsafeMutableRawPointer(base + count).storeBytes(of: value, as: UInt64.self)
        count += keeping
    }
}
