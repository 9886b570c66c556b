/// A set of Unicode scalars as inclusive ranges of code points, kept sorted
/// and merged (no two ranges overlap or touch) so that a scalar is found by
/// binary search: a class of thousands of single characters costs a few
/// comparisons per character of text, not thousands.
struct ScalarRanges {
    /// The ranges, sorted by their lower end, none overlapping or adjacent.
    let ranges: [(UInt32, UInt32)]

    /// The set of the scalars in any of `ranges` (in any order, possibly overlapping).
    init(ranges: [(UInt32, UInt32)]) {
        var merged: [(UInt32, UInt32)] = []
        for (low, high) in ranges.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, low <= last.1 || low - last.1 == 1 {
                merged[merged.count - 1].1 = max(last.1, high)
            } else {
                merged.append((low, high))
            }
        }
        self.ranges = merged
    }

    /// True when `scalar` is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var low = 0
        var high = ranges.count
        // The first range whose upper end is at least `value`.
        while low < high {
            let middle = low + (high - low) / 2
            if ranges[middle].1 < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].0 <= value
    }

    /// Every scalar not in the set.
    var complement: ScalarRanges {
        var result: [(UInt32, UInt32)] = []
        var next: UInt32 = 0
        for (low, high) in ranges.sorted(by: { $0.0 < $1.0 }) {
            if low > next { result.append((next, low - 1)) }
            if high >= next { next = high == 0x10FFFF ? 0x110000 : high + 1 }
        }
        if next <= 0x10FFFF { result.append((next, 0x10FFFF)) }
        return ScalarRanges(ranges: result)
    }

    static let digit = ScalarRanges(ranges: [(0x30, 0x39)])
    static let word = ScalarRanges(ranges: [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)])
    static let space = ScalarRanges(ranges: [(0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680),
                                          (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F),
                                          (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF)])
    static let lineTerminators = ScalarRanges(ranges: [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)])
    /// What `.` matches: everything but a line terminator.
    static let dot = lineTerminators.complement
}
