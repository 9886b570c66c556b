/// Byte strings laid out one after the other in one array, with where each
/// starts: compared with a key without an array or a reference per string
/// (a definition's field names, a field's enum values).
struct PackedStrings {
    /// The strings' UTF-8, one after the other.
    private let bytes: [UInt8]
    /// Where each string starts, and where the last one ends (`count + 1` offsets).
    private let starts: [Int]

    /// The UTF-8 of `strings`, in order.
    init<Strings: Sequence>(_ strings: Strings) where Strings.Element == String {
        var bytes: [UInt8] = []
        var starts = [0]
        for string in strings {
            bytes += string.utf8
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// How many strings there are.
    var count: Int { starts.count - 1 }

    /// True when every byte of every string is ASCII.
    var isASCII: Bool { bytes.allSatisfy { $0 < 0x80 } }

    /// Calls `body` with the bytes of string `index`.
    func withString<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[index]..<starts[index + 1]])) }
    }

    /// Whether string `index` has exactly the bytes of `key` (lengths first).
    @inline(__always)
    func equals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            let start = starts[index]
            guard starts[index + 1] - start == key.count else { return false }
            return bytes.withUnsafeBufferPointer { RawNode.bytesEqual(UnsafeBufferPointer(rebasing: $0[start..<starts[index + 1]]), key) }
        }
    }

    /// Whether any string has exactly the bytes of `key`.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        (0..<count).contains { equals($0, key) }
    }

    /// True when no two strings have the same bytes (compared pairwise: for few strings).
    var allDiffer: Bool {
        for first in 0..<count {
            for second in (first + 1)..<count where withString(second, { equals(first, $0) }) {
                return false
            }
        }
        return true
    }
}
