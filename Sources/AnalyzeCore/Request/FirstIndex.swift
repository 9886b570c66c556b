/// Where each name of a list was first seen, for the "duplicate name …:
/// x[2] has it already" rules (definition ids, field names, image and media
/// source names). A few names are compared one by one without hashing;
/// beyond `linearLimit` they move into a dictionary, so a long list stays
/// linear.
struct FirstIndex {
    /// The most names compared one by one.
    static let linearLimit = 16

    private var few: [(name: String, index: Int)] = []
    private var many: [String: Int]? = nil

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
        for entry in few where entry.name == name { return entry.index }
        if few.count < Self.linearLimit {
            if few.isEmpty { few.reserveCapacity(Self.linearLimit) }
            few.append((name, index))
        } else {
            var table = Dictionary(few.map { ($0.name, $0.index) }, uniquingKeysWith: { first, _ in first })
            table[name] = index
            many = table
            few = []
        }
        return nil
    }
}
