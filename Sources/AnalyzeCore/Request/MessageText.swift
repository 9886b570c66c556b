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

    /// A string value quoted as JSON, cut to 60 characters so that messages stay short.
    static func quoted(_ text: String) -> String {
        var shown = text
        if text.unicodeScalars.count > 60 {
            shown = String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..."
        }
        var bytes: [UInt8] = []
        JSONWriter.appendQuoted(shown, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text from the input shown inside a message without quotes (a name in
    /// `<@name>`): escaped and cut as `quoted` does, so a message never holds a
    /// control character or an unbounded copy of the input.
    static func inline(_ text: String) -> String {
        String(quoted(text).dropFirst().dropLast())
    }

    /// The candidate within edit distance 2 of `key` (the first closest), if any.
    /// A candidate whose length differs by more than 2 is skipped without
    /// computing the distance, which is at least that difference.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let typed = Array(key.unicodeScalars)
        guard typed.count <= 64 else { return nil }
        var best: (String, Int)? = nil
        for candidate in candidates {
            let other = Array(candidate.unicodeScalars)
            guard abs(other.count - typed.count) <= 2 else { continue }
            let distance = editDistance(typed, other)
            if distance <= 2 && distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where a.count > 0 {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where b.count > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
