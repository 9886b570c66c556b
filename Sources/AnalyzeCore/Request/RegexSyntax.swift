/// A syntax check of ECMA-262 regular expressions (the dialect of JSON Schema's
/// `pattern`), without compiling or running them.
///
/// It refuses what every ECMA-262 engine refuses: unbalanced parentheses,
/// unterminated character classes, a quantifier with nothing to repeat,
/// `{n,m}` with n > m, out-of-order class ranges, a trailing backslash,
/// malformed group prefixes, and bad `\x`, `\u`, `\p`, `\k` escapes. Like
/// browsers (Annex B), a `{` that does not start a quantifier is a literal.
enum RegexSyntax {
    /// Why `pattern` is not a valid regular expression, or nil when it is.
    static func problem(_ pattern: String) -> String? {
        var parser = Parser(Array(pattern.unicodeScalars))
        return parser.run()
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var depth = 0
        /// Whether the last item can take a quantifier.
        var canRepeat = false

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        mutating func run() -> String? {
            while i < s.count {
                let c = s[i]
                switch c {
                case "\\":
                    if let problem = escape(inClass: false) { return problem }
                case "(":
                    if let problem = openGroup() { return problem }
                case ")":
                    if depth == 0 { return "unmatched ) at offset \(i)" }
                    depth -= 1
                    i += 1
                    canRepeat = true
                case "[":
                    if let problem = characterClass() { return problem }
                    canRepeat = true
                case "*", "+", "?":
                    if !canRepeat { return "nothing to repeat before \(c) at offset \(i)" }
                    i += 1
                    lazySuffix()
                case "{":
                    if let bounds = braceQuantifier(at: i) {
                        if !canRepeat { return "nothing to repeat before { at offset \(i)" }
                        if let maximum = bounds.max, bounds.min > maximum {
                            return "numbers out of order in {\(bounds.min),\(maximum)} quantifier at offset \(i)"
                        }
                        i = bounds.end
                        lazySuffix()
                    } else {
                        i += 1
                        canRepeat = true
                    }
                case "|":
                    i += 1
                    canRepeat = false
                case "^", "$":
                    i += 1
                    canRepeat = false
                default:
                    i += 1
                    canRepeat = true
                }
            }
            if depth > 0 { return "missing ) to close a group" }
            return nil
        }

        /// After a quantifier: an optional lazy `?`; the result cannot be repeated again.
        private mutating func lazySuffix() {
            if i < s.count && s[i] == "?" { i += 1 }
            canRepeat = false
        }

        private mutating func openGroup() -> String? {
            let start = i
            i += 1
            if i < s.count && s[i] == "?" {
                i += 1
                guard i < s.count else { return "incomplete group prefix at offset \(start)" }
                switch s[i] {
                case ":":
                    i += 1
                case "=", "!":
                    i += 1
                case "<":
                    i += 1
                    if i < s.count && (s[i] == "=" || s[i] == "!") {
                        i += 1
                    } else {
                        guard let close = groupName(from: i) else { return "invalid group name at offset \(start)" }
                        i = close + 1
                    }
                default:
                    return "invalid group prefix (?\(MessageText.inline(String(s[i]))) at offset \(start)"
                }
            }
            depth += 1
            canRepeat = false
            return nil
        }

        /// The index of the `>` ending a group name that starts at `from`, or nil when invalid.
        private func groupName(from: Int) -> Int? {
            var j = from
            while j < s.count && s[j] != ">" {
                let c = s[j]
                let ok = c == "_" || c == "$" || c.properties.isAlphabetic || (j > from && c.properties.numericType != nil)
                if !ok { return nil }
                j += 1
            }
            return j < s.count && j > from ? j : nil
        }

        /// A `{n}`, `{n,}` or `{n,m}` quantifier starting at `at`: bounds and the index after it.
        private func braceQuantifier(at: Int) -> (min: Int, max: Int?, end: Int)? {
            var j = at + 1
            func number() -> Int? {
                var value = 0
                let begin = j
                while j < s.count, let digit = s[j].properties.numericType == .decimal ? Int(String(s[j])) : nil {
                    value = value > 100_000_000 ? value : value &* 10 &+ digit
                    j += 1
                }
                return j > begin ? value : nil
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if j < s.count && s[j] == "," {
                j += 1
                maximum = number()
            }
            guard j < s.count && s[j] == "}" else { return nil }
            return (minimum, maximum, j + 1)
        }

        /// A character class `[...]` (in ECMA-262 `[]` is an empty class and `]` always closes).
        private mutating func characterClass() -> String? {
            let start = i
            i += 1
            if i < s.count && s[i] == "^" { i += 1 }
            while i < s.count {
                if s[i] == "]" {
                    i += 1
                    return nil
                }
                let low: Unicode.Scalar?
                switch classAtom() {
                case .failure(let problem): return problem.text
                case .success(let value): low = value
                }
                if i + 1 < s.count && s[i] == "-" && s[i + 1] != "]" {
                    i += 1
                    switch classAtom() {
                    case .failure(let problem): return problem.text
                    case .success(let high):
                        if let low, let high, low.value > high.value {
                            return "range out of order in character class at offset \(start)"
                        }
                    }
                }
            }
            return "missing ] to close the character class at offset \(start)"
        }

        private struct Problem: Error { let text: String }

        /// One character of a class: its value, or nil for a class escape such as `\d`.
        private mutating func classAtom() -> Result<Unicode.Scalar?, Problem> {
            let c = s[i]
            guard c == "\\" else {
                i += 1
                return .success(c)
            }
            let escapeStart = i
            if let problem = escape(inClass: true) { return .failure(Problem(text: problem)) }
            return .success(i - escapeStart == 2 ? Self.classEscapeValue(s[escapeStart + 1]) : nil)
        }

        /// The character a two-character class escape stands for, or nil for a class like `\d`.
        private static func classEscapeValue(_ c: Unicode.Scalar) -> Unicode.Scalar? {
            switch c {
            case "d", "D", "w", "W", "s", "S", "p", "P": return nil
            case "n": return "\n"
            case "t": return "\t"
            case "r": return "\r"
            case "f": return "\u{0C}"
            case "v": return "\u{0B}"
            case "b": return "\u{08}"
            case "0": return "\u{00}"
            default: return c
            }
        }

        /// Consumes one escape sequence starting at the backslash.
        private mutating func escape(inClass: Bool) -> String? {
            let start = i
            i += 1
            guard i < s.count else { return "\\ at the end of the pattern" }
            let c = s[i]
            i += 1
            canRepeat = !(c == "b" || c == "B") || inClass
            switch c {
            case "x":
                guard hexDigits(2) else { return "\\x needs two hexadecimal digits at offset \(start)" }
            case "u":
                if i < s.count && s[i] == "{" {
                    var j = i + 1
                    while j < s.count && s[j].properties.isASCIIHexDigit { j += 1 }
                    guard j > i + 1, j < s.count, s[j] == "}" else { return "invalid \\u{...} escape at offset \(start)" }
                    i = j + 1
                } else if !hexDigits(4) {
                    return "\\u needs four hexadecimal digits at offset \(start)"
                }
            case "c":
                guard i < s.count, s[i].isASCII, s[i].properties.isAlphabetic else { return "\\c needs a letter at offset \(start)" }
                i += 1
            case "p", "P":
                guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}"), close > i + 1 else {
                    return "\\\(c) needs a property name in braces at offset \(start)"
                }
                i = close + 1
            case "k" where !inClass:
                guard i < s.count, s[i] == "<", let close = groupName(from: i + 1) else {
                    return "\\k needs a group name in angle brackets at offset \(start)"
                }
                i = close + 1
            default:
                break
            }
            return nil
        }

        private mutating func hexDigits(_ count: Int) -> Bool {
            guard i + count <= s.count, s[i..<(i + count)].allSatisfy({ $0.properties.isASCIIHexDigit }) else { return false }
            i += count
            return true
        }
    }
}
