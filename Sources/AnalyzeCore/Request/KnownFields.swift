/// The member names one kind of object may have, with their UTF-8 laid out
/// once so that the keys of a document are compared as bytes on the tape,
/// without making a `String` per key. Built once per kind of object (the
/// decoder's and the revisions' tables are static).
struct KnownFields: Sendable {
    /// The names, in the order messages list them.
    let names: [String]
    /// The UTF-8 of every name, one after another.
    private let bytes: [UInt8]
    /// Where each name's bytes end in `bytes`.
    private let ends: [Int]

    /// The table of `names`.
    init(_ names: [String]) {
        self.names = names
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for name in names {
            bytes.append(contentsOf: name.utf8)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// True when `key` (raw UTF-8) is one of the names; lengths compared first.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                if end - start == key.count && RawNode.bytesEqual(UnsafeBufferPointer(rebasing: all[start..<end]), key) {
                    return true
                }
                start = end
            }
            return false
        }
    }
}
