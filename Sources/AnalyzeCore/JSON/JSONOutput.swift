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

/// The memory a `JSONWriter` writes into: allocated with `malloc` and grown
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
