/// Which fields of a segment definition one segment's metadata (or one
/// time_array event) holds, a mark per field: the first 64 as the bits of a
/// word, further ones in an array made only for definitions that long. A
/// segment costs a few instructions to mark, clear and test for completeness,
/// with no array write (and its uniqueness check) per member.
struct FieldMarks {
    /// How many fields there are.
    let count: Int
    /// Bit `i` set when field `i` (below 64) is marked.
    private var low: UInt64 = 0
    /// The marks of fields 64 and on (empty up to 64 fields).
    private var high: [Bool]
    /// `low` when every field below 64 is marked.
    private let full: UInt64

    /// No field of `count` marked.
    init(count: Int) {
        self.count = max(count, 0)
        high = count > 64 ? Array(repeating: false, count: count - 64) : []
        full = count >= 64 ? ~0 : (1 &<< UInt64(self.count)) &- 1
    }

    /// Marks field `index` (an index outside the fields is ignored).
    @inline(__always)
    mutating func mark(_ index: Int) {
        if index >= 0, index < 64 {
            low |= 1 &<< UInt64(index)
        } else if index >= 64, index < count {
            high[index - 64] = true
        }
    }

    /// Whether field `index` is marked (false outside the fields).
    @inline(__always)
    func contains(_ index: Int) -> Bool {
        if index >= 0, index < 64 { return low & (1 &<< UInt64(index)) != 0 }
        return index >= 64 && index < count && high[index - 64]
    }

    /// True when every field is marked.
    @inline(__always)
    var isComplete: Bool { low == full && (high.isEmpty || !high.contains(false)) }

    /// Unmarks every field.
    @inline(__always)
    mutating func clear() {
        low = 0
        if !high.isEmpty { high.withUnsafeMutableBufferPointer { $0.update(repeating: false) } }
    }
}
