/// The parsed form of a `pattern` regular expression (an ECMAScript subset).
indirect enum SafeRegexNode {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarRanges)
    case lineStart
    case lineEnd
    case wordBoundary(Bool)
    case concat([SafeRegexNode])
    case alternate([SafeRegexNode])
    case repetition(SafeRegexNode, min: Int, max: Int?)
}

/// Why a pattern could not be used: outside the supported subset, or invalid.
struct SafeRegexUnsupported: Error {
    /// The reason, in English.
    let reason: String
}

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
}

/// Parses the supported subset of ECMAScript regular expressions: literals,
/// `.`, classes `[...]` (ranges, negation, `\d \w \s` and their negations),
/// escapes `\t \n \r \f \v \0 \xHH \uHHHH \u{H...}` and escaped punctuation,
/// groups `(...)`, `(?:...)`, `(?<name>...)`, alternation, the quantifiers
/// `* + ? {n} {n,} {n,m}` (greedy or lazy, bounds up to 1000) and the
/// assertions `^ $ \b \B`. Backreferences, lookaround, `\p{...}` and `\c`
/// are refused as unsupported.
struct SafeRegexParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// Largest bound accepted in `{n,m}`.
    static let maxBound = 1000

    private init(_ source: String) { scalars = Array(source.unicodeScalars) }

    /// Parses `source`.
    static func parse(_ source: String) throws(SafeRegexUnsupported) -> SafeRegexNode {
        var parser = SafeRegexParser(source)
        let node = try parser.alternation(depth: 0)
        if parser.index < parser.scalars.count {
            throw SafeRegexUnsupported(reason: "invalid pattern: unmatched ')'")
        }
        return node
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek == character else { return false }
        index += 1
        return true
    }

    private mutating func next() throws(SafeRegexUnsupported) -> Unicode.Scalar {
        guard let scalar = peek else { throw SafeRegexUnsupported(reason: "invalid pattern: unexpected end") }
        index += 1
        return scalar
    }

    private mutating func alternation(depth: Int) throws(SafeRegexUnsupported) -> SafeRegexNode {
        guard depth < 64 else { throw SafeRegexUnsupported(reason: "groups nested deeper than 64 levels") }
        var branches = [try concatenation(depth: depth)]
        while take("|") { branches.append(try concatenation(depth: depth)) }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func concatenation(depth: Int) throws(SafeRegexUnsupported) -> SafeRegexNode {
        var items: [SafeRegexNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            items.append(try quantified(depth: depth))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    private mutating func quantified(depth: Int) throws(SafeRegexUnsupported) -> SafeRegexNode {
        let atom = try self.atom(depth: depth)
        guard let bounds = try quantifier() else { return atom }
        switch atom {
        case .lineStart, .lineEnd, .wordBoundary:
            throw SafeRegexUnsupported(reason: "invalid pattern: nothing to repeat")
        default:
            break
        }
        _ = take("?")
        if let scalar = peek, scalar == "*" || scalar == "+" || scalar == "?" {
            throw SafeRegexUnsupported(reason: "invalid pattern: nothing to repeat")
        }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    /// Reads a quantifier when one is next; a `{` that does not start a valid
    /// `{n}`, `{n,}` or `{n,m}` is left to be read as a literal.
    private mutating func quantifier() throws(SafeRegexUnsupported) -> (min: Int, max: Int?)? {
        if take("*") { return (0, nil) }
        if take("+") { return (1, nil) }
        if take("?") { return (0, 1) }
        guard peek == "{" else { return nil }
        let start = index
        index += 1
        guard let low = number() else { index = start; return nil }
        var high: Int? = low
        if take(",") { high = number() }
        guard take("}") else { index = start; return nil }
        if let high, high < low { throw SafeRegexUnsupported(reason: "invalid pattern: numbers out of order in {} quantifier") }
        if low > SafeRegexParser.maxBound || (high ?? 0) > SafeRegexParser.maxBound {
            throw SafeRegexUnsupported(reason: "repetition bounds above \(SafeRegexParser.maxBound)")
        }
        return (low, high)
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = peek, scalar.value >= 0x30, scalar.value <= 0x39 {
            value = min(value * 10 + Int(scalar.value - 0x30), 1_000_000)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    private mutating func atom(depth: Int) throws(SafeRegexUnsupported) -> SafeRegexNode {
        let scalar = try next()
        switch scalar {
        case "(":
            if take("?") {
                if take(":") {
                    // non-capturing group
                } else if take("<") {
                    if peek == "=" || peek == "!" { throw SafeRegexUnsupported(reason: "lookbehind assertions are not supported") }
                    while let name = peek, name != ">" { index += 1 }
                    guard take(">") else { throw SafeRegexUnsupported(reason: "invalid pattern: unterminated group name") }
                } else if peek == "=" || peek == "!" {
                    throw SafeRegexUnsupported(reason: "lookahead assertions are not supported")
                } else {
                    throw SafeRegexUnsupported(reason: "invalid pattern: invalid group")
                }
            }
            let inner = try alternation(depth: depth + 1)
            guard take(")") else { throw SafeRegexUnsupported(reason: "invalid pattern: unterminated group") }
            return inner
        case "[": return .set(try characterClass())
        case ".": return .set(ScalarRanges.lineTerminators.complement)
        case "^": return .lineStart
        case "$": return .lineEnd
        case "\\": return try escape()
        case "*", "+", "?": throw SafeRegexUnsupported(reason: "invalid pattern: nothing to repeat")
        case "{":
            index -= 1
            if try quantifier() != nil { throw SafeRegexUnsupported(reason: "invalid pattern: nothing to repeat") }
            index += 1
            return .scalar(scalar)
        default: return .scalar(scalar)
        }
    }

    private mutating func escape() throws(SafeRegexUnsupported) -> SafeRegexNode {
        let scalar = try next()
        switch scalar {
        case "d": return .set(.digit)
        case "D": return .set(ScalarRanges.digit.complement)
        case "w": return .set(.word)
        case "W": return .set(ScalarRanges.word.complement)
        case "s": return .set(.space)
        case "S": return .set(ScalarRanges.space.complement)
        case "b": return .wordBoundary(true)
        case "B": return .wordBoundary(false)
        case "1", "2", "3", "4", "5", "6", "7", "8", "9", "k":
            throw SafeRegexUnsupported(reason: "backreferences are not supported")
        default: return .scalar(try literalEscape(scalar))
        }
    }

    /// The scalar of a character escape (after the backslash).
    private mutating func literalEscape(_ scalar: Unicode.Scalar) throws(SafeRegexUnsupported) -> Unicode.Scalar {
        switch scalar {
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "0":
            if let digit = peek, digit.value >= 0x30, digit.value <= 0x39 {
                throw SafeRegexUnsupported(reason: "octal escapes are not supported")
            }
            return "\u{0}"
        case "x": return try hexScalar(count: 2)
        case "u":
            if take("{") {
                var value: UInt32 = 0
                var digits = 0
                while let digit = peek, let nibble = hexValue(digit) {
                    value = min(value * 16 + nibble, 0x110000)
                    digits += 1
                    index += 1
                }
                guard digits > 0, take("}"), let result = Unicode.Scalar(value) else {
                    throw SafeRegexUnsupported(reason: "invalid pattern: invalid \\u{...} escape")
                }
                return result
            }
            let high = try hexValue(count: 4)
            if (0xD800...0xDBFF).contains(high), peek == "\\" {
                let save = index
                index += 1
                if take("u"), let low = try? hexValue(count: 4), (0xDC00...0xDFFF).contains(low),
                   let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return combined
                }
                index = save
            }
            guard let result = Unicode.Scalar(high) else {
                throw SafeRegexUnsupported(reason: "lone surrogate escapes are not supported")
            }
            return result
        case "c", "p", "P":
            throw SafeRegexUnsupported(reason: "\\\(scalar) escapes are not supported")
        default:
            return scalar
        }
    }

    private mutating func hexScalar(count: Int) throws(SafeRegexUnsupported) -> Unicode.Scalar {
        guard let scalar = Unicode.Scalar(try hexValue(count: count)) else {
            throw SafeRegexUnsupported(reason: "invalid pattern: invalid escape")
        }
        return scalar
    }

    private mutating func hexValue(count: Int) throws(SafeRegexUnsupported) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let digit = peek, let nibble = hexValue(digit) else {
                throw SafeRegexUnsupported(reason: "invalid pattern: invalid hexadecimal escape")
            }
            value = value * 16 + nibble
            index += 1
        }
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// Reads a class after its `[`.
    private mutating func characterClass() throws(SafeRegexUnsupported) -> ScalarRanges {
        let negated = take("^")
        var ranges: [(UInt32, UInt32)] = []
        while true {
            guard let scalar = peek else { throw SafeRegexUnsupported(reason: "invalid pattern: unterminated character class") }
            if scalar == "]" {
                index += 1
                break
            }
            let first = try classAtom()
            guard case .single(let low) = first else {
                if case .set(let set) = first { ranges += set.ranges }
                continue
            }
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                let second = try classAtom()
                switch second {
                case .single(let high):
                    guard low.value <= high.value else {
                        throw SafeRegexUnsupported(reason: "invalid pattern: range out of order in character class")
                    }
                    ranges.append((low.value, high.value))
                case .set(let set):
                    ranges.append((low.value, low.value))
                    ranges.append((0x2D, 0x2D))
                    ranges += set.ranges
                }
            } else {
                ranges.append((low.value, low.value))
            }
        }
        let set = ScalarRanges(ranges: ranges)
        return negated ? set.complement : set
    }

    private enum ClassAtom {
        case single(Unicode.Scalar)
        case set(ScalarRanges)
    }

    private mutating func classAtom() throws(SafeRegexUnsupported) -> ClassAtom {
        let scalar = try next()
        guard scalar == "\\" else { return .single(scalar) }
        let escaped = try next()
        switch escaped {
        case "d": return .set(.digit)
        case "D": return .set(ScalarRanges.digit.complement)
        case "w": return .set(.word)
        case "W": return .set(ScalarRanges.word.complement)
        case "s": return .set(.space)
        case "S": return .set(ScalarRanges.space.complement)
        case "b": return .single("\u{08}")
        case "1", "2", "3", "4", "5", "6", "7", "8", "9", "k":
            throw SafeRegexUnsupported(reason: "backreferences are not supported")
        default: return .single(try literalEscape(escaped))
        }
    }
}
