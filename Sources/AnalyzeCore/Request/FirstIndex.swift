/// Where each name of a list was first seen, for the "duplicate name …:
/// x[2] has it already" rules (definition ids, field names, image and media
/// source names). A few names are compared one by one without hashing;
/// beyond `linearLimit` they move into a dictionary, so a long list stays
/// linear.
struct FirstIndex {
    /// The most names compared one by one.
    static let linearLimit = 16

    /// The first `linearLimit` names, and where each was seen in `indices`
    /// (not an array of tuples: the runtime destroys tuples element by element
    /// through their generic metadata).
    private var names: [String] = []
    /// The indices as 32-bit words held inline, `linearLimit` of them (no
    /// second allocation): list indices fit, a list having at most one
    /// element per input byte (`JSONDocument.maxInputBytes`).
    private var indices: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var many: [String: Int]? = nil

    /// The index the name at `position` of `names` was seen at.
    private func index(at position: Int) -> Int {
        withUnsafeBytes(of: indices) { Int($0.load(fromByteOffset: position &* 4, as: UInt32.self)) }
    }

    /// The index `name` was first seen at, or nil when it is new (and is
    /// then recorded at `index`).
    mutating func seen(_ name: String, at index: Int) -> Int? {
        if var table = many {
            many = nil
            defer { many = table }
            if let first = table[name] { return first }
            table[name] = index
            return nil
        }
        // Lengths first: most names that differ differ in length, read without comparing bytes.
        let length = name.utf8.count
        for position in names.indices where names[position].utf8.count == length && names[position] == name {
            return self.index(at: position)
        }
        if names.count < Self.linearLimit {
            if names.isEmpty { names.reserveCapacity(Self.linearLimit) }
            let position = names.count
            withUnsafeMutableBytes(of: &indices) {
                $0.storeBytes(of: UInt32(truncatingIfNeeded: index), toByteOffset: position &* 4, as: UInt32.self)
            }
            names.append(name)
        } else {
            var table = Dictionary(zip(names, names.indices.map { self.index(at: $0) }), uniquingKeysWith: { first, _ in first })
            table[name] = index
            many = table
            names = []
        }
        return nil
    }
}
