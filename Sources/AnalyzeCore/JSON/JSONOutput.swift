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

/// A growing byte buffer in `malloc`'d memory (`JSONOutputStorage`), which
/// `JSONWriter` and `PickleWriter` write into and can hand to C as it is.
struct OutputBuffer: ~Copyable, JSONOutput {
    /// The memory (the buffer's alone: a buffer cannot be copied).
    private var storage: JSONOutputStorage
    /// The bytes written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) { storage = JSONOutputStorage(capacity: capacity) }

    /// A view of the bytes written (valid while nothing is written).
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage.base, count: count) }

    /// The bytes written, NUL-terminated, in memory that now belongs to the
    /// caller (who frees it with `free`).
    consuming func handOff() -> UnsafeMutablePointer<UInt8> { storage.handOff(count: count) }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if storage.capacity - count < extra {
            storage = storage.enlarged(needed: extra > Int.max - count ? Int.max : count + extra)
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        storage.base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (storage.base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += body(storage.base + count)
    }

    /// Writes `value`'s 8 bytes as they lie in memory over the 8 written at
    /// `offset` (a length known only once what follows it is written).
    mutating func overwrite(word value: UInt64, at offset: Int) {
        guard offset >= 0, offset <= count - 8 else { return }
        UnsafeMutableRawPointer(storage.base + offset).storeBytes(of: value, as: UInt64.self)
    }

    /// Appends `value`'s 8 bytes as they lie in memory (`littleEndian` or
    /// `bigEndian` chooses the order), keeping the low `keeping` of them.
    @inline(__always)
    mutating func append(word value: UInt64, keeping: Int) {
        reserve(8)
        UnsafeMutableRawPointer(storage.base + count).storeBytes(of: value, as: UInt64.self)
        count += keeping
    }
}

/// The memory an `OutputBuffer` writes into: allocated with `malloc` and grown
/// with `realloc`, with one byte past `capacity` for the NUL a C string ends
/// with, and freed with its writer unless it was handed off (`handOff`). Immutable but for that mark, so
/// writing needs no exclusivity bookkeeping; the writer keeps the count and
/// writes through the pointer.
final class JSONOutputStorage {
    /// The allocation (`capacity + 1` bytes).
    let base: UnsafeMutablePointer<UInt8>
    /// The bytes the writer may use (the allocation has one more).
    let capacity: Int
    /// Whether `base` now belongs to someone else (who frees it).
    private var handedOff = false

    /// An allocation of at least `capacity` bytes plus the NUL's. Exhausted
    /// memory stops the process, as it does for Swift's own allocations
    /// (`UnsafeMutablePointer.allocate`, which this replaced).
    convenience init(capacity: Int) {
        let size = max(64, min(capacity, Int.max - 1))
        guard let memory = malloc(size + 1) else { fatalError("out of memory allocating \(size + 1) bytes") }
        self.init(adopting: memory, capacity: size)
    }

    /// Takes over `memory`, an allocation of `capacity + 1` bytes.
    private init(adopting memory: UnsafeMutableRawPointer, capacity: Int) {
        self.capacity = capacity
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        if !handedOff { free(base) }
    }

    /// The size to grow to for room for `needed` bytes: at least twice this one.
    private func grownCapacity(_ needed: Int) -> Int {
        max(needed, capacity > Int.max / 2 ? needed : capacity * 2)
    }

    /// This allocation grown with `realloc` (room for `needed` bytes, at
    /// least twice this one), which may extend it in place instead of
    /// copying; the writer (its only owner) must not use this one again.
    func enlarged(needed: Int) -> JSONOutputStorage {
        let size = min(grownCapacity(needed), Int.max - 1)
        guard let memory = realloc(base, size + 1) else { fatalError("out of memory allocating \(size + 1) bytes") }
        handedOff = true
        return JSONOutputStorage(adopting: memory, capacity: size)
    }

    /// Ends the first `count` bytes with a NUL and gives the allocation away:
    /// the caller frees it with `free`.
    func handOff(count: Int) -> UnsafeMutablePointer<UInt8> {
        base[count] = 0
        handedOff = true
        return base
    }
}
