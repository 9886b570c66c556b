/// Formatting helpers for validation messages, so every message writes numbers
/// and values the same way.
enum MessageText {
    /// A number as short text: integral values without a fraction (`4`, `-2`),
    /// others as Swift's shortest round-trip text (`0.5`, `1e+20`).
    static func number(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    /// An integer with thousands separators: `98,304`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A string value quoted as JSON, cut to 60 characters (57 and `...`,
    /// inside the quotes) so that messages stay short.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.count > 60 else { return quotedInFull(text) }
        return quotedInFull(String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "...")
    }

    /// A string quoted as JSON, whole: for names the message must show as they
    /// are (a field, a header, an option).
    static func quotedInFull(_ text: String) -> String {
        String(decoding: JSONWriter.quoted(text), as: UTF8.self)
    }

    /// A value as message text: its compact JSON, cut after 60 bytes (at a
    /// character boundary, then `...`; a long string loses its closing quote).
    static func value(_ node: JSONNode) -> String {
        var writer = JSONWriter()
        writer.write(node)
        return shortJSON(writer.bytes)
    }

    /// An owned value as message text, as `value(_:)` writes a node.
    static func value(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return shortJSON(writer.bytes)
    }

    private static func shortJSON(_ bytes: [UInt8]) -> String {
        let limit = 60
        if bytes.count <= limit { return String(decoding: bytes, as: UTF8.self) }
        var end = limit
        while end > 0 && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self) + "..."
    }

    /// The JSON Schema kind and the value (`integer 9`, `string "x"`), or just
    /// `null`.
    static func kindAndValue(_ node: JSONNode) -> String {
        node.isNull ? "null" : node.kind.name + " " + value(node)
    }

    /// A value's kind with its article, for "must be …, not …" messages:
    /// `a string`, `an integer`, `a number` (a double), `null`.
    static func kind(_ kind: JSONKind) -> String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The kind of an owned value with its article, as `kind(_:)` names it.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return kind(.null)
        case .bool: return kind(.bool)
        case .int: return kind(.integer)
        case .double: return kind(.double)
        case .string: return kind(.string)
        case .array: return kind(.array)
        case .object: return kind(.object)
        }
    }

    /// Text from the input shown inside a message without quotes (a name in
    /// `<@name>`): escaped and cut as `quoted` does, so a message never holds a
    /// control character or an unbounded copy of the input.
    static func inline(_ text: String) -> String {
        String(quoted(text).dropFirst().dropLast())
    }

    /// The candidate within edit distance 2 of `key` (the first closest), if any.
    /// A candidate whose length differs by more than 2 is skipped without
    /// computing the distance, which is at least that difference. No heap
    /// allocation: the distance rows live in a stack buffer.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let typed = key.unicodeScalars
        let typedCount = typed.count
        guard typedCount <= 64 else { return nil }
        var best: (String, Int)? = nil
        for candidate in candidates {
            let other = candidate.unicodeScalars
            let otherCount = other.count
            guard abs(otherCount - typedCount) <= 2 else { continue }
            let distance = boundedEditDistance(typed, other, count: otherCount, limit: 2)
            if distance <= 2 && distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The Levenshtein distance of `a` and `b` (`count` scalars) when it is at
    /// most `limit`; otherwise some value above `limit` (it stops as soon as a
    /// whole row exceeds the limit, since later rows never get smaller).
    private static func boundedEditDistance(_ a: String.UnicodeScalarView, _ b: String.UnicodeScalarView,
                                            count: Int, limit: Int) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (count + 1)) { rows in
            var previous = 0, current = count + 1
            for j in 0...count { rows[previous + j] = j }
            var i = 0
            for scalarA in a {
                i += 1
                rows[current] = i
                var rowMinimum = i
                var j = 0
                for scalarB in b {
                    j += 1
                    let cost = scalarA == scalarB ? 0 : 1
                    let value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return rows[previous + count]
        }
    }
}
