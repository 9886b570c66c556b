/// Where `JSONWriter`'s routines put bytes: the writer's own buffer, or a
/// byte array (for the static helpers other code calls).
protocol JSONOutput {
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

/// The memory a `JSONWriter` writes into: allocated once per size (a writer
/// that outgrows it moves to a larger one), freed with its last owner.
/// Immutable, so reading it needs no exclusivity bookkeeping; the writer
/// keeps the count and writes through the pointer.
final class JSONOutputStorage {
    /// The allocation.
    let base: UnsafeMutablePointer<UInt8>
    /// Its size in bytes.
    let capacity: Int

    /// An allocation of at least `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// A larger allocation (room for `needed` bytes, at least twice this one)
    /// holding the first `count` bytes of this one.
    func moved(count: Int, needed: Int) -> JSONOutputStorage {
        let larger = JSONOutputStorage(capacity: max(needed, capacity > Int.max / 2 ? needed : capacity * 2))
        larger.base.update(from: base, count: count)
        return larger
    }
}
