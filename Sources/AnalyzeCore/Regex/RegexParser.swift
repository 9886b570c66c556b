/// Why a pattern is not a valid ECMA-262 regular expression.
struct RegexSyntaxError: Error, Equatable {
    /// The reason, in English, with the offset (in Unicode scalars) where it applies.
    let message: String
}

/// Parses the ECMA-262 regular expressions of JSON Schema's `pattern` into a
/// `RegexNode` tree, in one pass over the pattern's scalars and without
/// recursion (an explicit stack of open groups), so any length and nesting is
/// checked in linear time and bounded stack.
///
/// It refuses what every ECMA-262 engine refuses: unbalanced parentheses,
/// unterminated character classes, a quantifier with nothing to repeat,
/// `{n,m}` with n > m, out-of-order class ranges, a trailing backslash,
/// malformed group prefixes and names, and bad `\x`, `\u`, `\c`, `\p`, `\k`
/// escapes (`\u{…}` above U+10FFFF included). Like browsers (Annex B), a `{`
/// that does not start a quantifier is a literal, and so are `]` and `}`
/// outside a class; quantifier digits are ASCII. Constructs the bounded
/// matcher cannot run become `.unsupported` nodes, not errors.
struct RegexParser {
    /// Groups nested deeper than this are checked but not kept in the tree.
    static let maxTreeDepth = 64

    private let s: [Unicode.Scalar]
    private var i = 0
    /// Whether the last item can take a quantifier.
    private var canRepeat = false

    private enum GroupKind { case group, lookahead, lookbehind }

    /// One open group (the whole pattern is the outermost one).
    private struct Frame {
        var branches: [RegexNode] = []
        var items: [RegexNode] = []
        let kind: GroupKind
        /// Nested deeper than `maxTreeDepth`: checked, not kept.
        let discarded: Bool

        /// The group's contents as one node.
        var node: RegexNode {
            let last: RegexNode
            switch items.count {
            case 0: last = .empty
            case 1: last = items[0]
            default: last = .concat(items)
            }
            return branches.isEmpty ? last : .alternate(branches + [last])
        }
    }

    private init(_ pattern: String) { s = Array(pattern.unicodeScalars) }

    /// The tree of `pattern`, or why it is not a valid regular expression.
    static func parse(_ pattern: String) -> Result<RegexNode, RegexSyntaxError> {
        var parser = RegexParser(pattern)
        do throws(RegexSyntaxError) {
            return .success(try parser.run())
        } catch {
            return .failure(error)
        }
    }

    /// Why `pattern` is not a valid regular expression, or nil when it is.
    static func problem(_ pattern: String) -> String? {
        if case .failure(let error) = parse(pattern) { return error.message }
        return nil
    }

    private mutating func run() throws(RegexSyntaxError) -> RegexNode {
        var stack = [Frame(kind: .group, discarded: false)]
        while i < s.count {
            let c = s[i]
            switch c {
            case "(":
                let kind = try openGroup()
                stack.append(Frame(kind: kind, discarded: stack[stack.count - 1].discarded || stack.count > Self.maxTreeDepth))
                canRepeat = false
            case ")":
                guard stack.count > 1 else { throw RegexSyntaxError(message: "unmatched ) at offset \(i)") }
                i += 1
                let frame = stack.removeLast()
                let node: RegexNode
                if frame.discarded {
                    node = .unsupported("groups nested deeper than \(Self.maxTreeDepth) levels")
                } else {
                    switch frame.kind {
                    case .group: node = frame.node
                    case .lookahead: node = .unsupported("lookahead assertions are not supported")
                    case .lookbehind: node = .unsupported("lookbehind assertions are not supported")
                    }
                }
                if !stack[stack.count - 1].discarded { stack[stack.count - 1].items.append(node) }
                canRepeat = true
            case "|":
                i += 1
                let top = stack.count - 1
                if !stack[top].discarded {
                    stack[top].branches.append(Frame(branches: [], items: stack[top].items, kind: .group, discarded: false).node)
                    stack[top].items = []
                }
                canRepeat = false
            case "*", "+", "?":
                guard canRepeat else { throw RegexSyntaxError(message: "nothing to repeat before \(c) at offset \(i)") }
                i += 1
                repeatLast(in: &stack[stack.count - 1], min: c == "+" ? 1 : 0, max: c == "?" ? 1 : nil)
            case "{":
                if let bounds = braceQuantifier(at: i) {
                    guard canRepeat else { throw RegexSyntaxError(message: "nothing to repeat before { at offset \(i)") }
                    if let maximum = bounds.max, bounds.min > maximum {
                        throw RegexSyntaxError(message: "numbers out of order in {\(bounds.min),\(maximum)} quantifier at offset \(i)")
                    }
                    i = bounds.end
                    repeatLast(in: &stack[stack.count - 1], min: bounds.min, max: bounds.max)
                } else {
                    i += 1
                    append(.scalar(c), to: &stack[stack.count - 1], repeatable: true)
                }
            case "^", "$":
                i += 1
                append(c == "^" ? .lineStart : .lineEnd, to: &stack[stack.count - 1], repeatable: false)
            case "[":
                let set = try characterClass()
                append(set, to: &stack[stack.count - 1], repeatable: true)
            case ".":
                i += 1
                append(.set(ScalarRanges.dot), to: &stack[stack.count - 1], repeatable: true)
            case "\\":
                let (node, repeatable) = try escape()
                append(node, to: &stack[stack.count - 1], repeatable: repeatable)
            default:
                i += 1
                append(.scalar(c), to: &stack[stack.count - 1], repeatable: true)
            }
        }
        if stack.count > 1 { throw RegexSyntaxError(message: "missing ) to close a group") }
        return stack[0].node
    }

    private mutating func append(_ node: RegexNode, to frame: inout Frame, repeatable: Bool) {
        if !frame.discarded { frame.items.append(node) }
        canRepeat = repeatable
    }

    /// Quantifies the frame's last item, after an optional lazy `?`; the result cannot be repeated again.
    private mutating func repeatLast(in frame: inout Frame, min: Int, max: Int?) {
        if i < s.count && s[i] == "?" { i += 1 }
        canRepeat = false
        guard !frame.discarded, let last = frame.items.popLast() else { return }
        frame.items.append(.repetition(last, min: min, max: max))
    }

    /// Reads `(` and its prefix: `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`.
    private mutating func openGroup() throws(RegexSyntaxError) -> GroupKind {
        let start = i
        i += 1
        guard i < s.count && s[i] == "?" else { return .group }
        i += 1
        guard i < s.count else { throw RegexSyntaxError(message: "incomplete group prefix at offset \(start)") }
        switch s[i] {
        case ":":
            i += 1
            return .group
        case "=", "!":
            i += 1
            return .lookahead
        case "<":
            i += 1
            if i < s.count && (s[i] == "=" || s[i] == "!") {
                i += 1
                return .lookbehind
            }
            guard let close = groupName(from: i) else { throw RegexSyntaxError(message: "invalid group name at offset \(start)") }
            i = close + 1
            return .group
        default:
            throw RegexSyntaxError(message: "invalid group prefix (?\(MessageText.inline(String(s[i]))) at offset \(start)")
        }
    }

    /// The index of the `>` ending a group name that starts at `from`, or nil
    /// when the name is empty, unterminated or holds a character an
    /// identifier cannot (letters, `_`, `$`, and digits after the first).
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

    /// A `{n}`, `{n,}` or `{n,m}` quantifier starting at `at` (ASCII digits;
    /// numbers above 10⁸ are kept at that size): bounds and the index after it.
    private func braceQuantifier(at: Int) -> (min: Int, max: Int?, end: Int)? {
        var j = at + 1
        func number() -> Int? {
            var value = 0
            let begin = j
            while j < s.count, s[j].value >= 0x30, s[j].value <= 0x39 {
                value = Swift.min(value * 10 + Int(s[j].value - 0x30), 100_000_000)
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

    /// One atom of a class, or of the pattern after a backslash.
    private enum Atom {
        case single(Unicode.Scalar)
        case set(ScalarRanges)
        case unsupported(String)
    }

    /// A character class `[...]` (in ECMA-262 `[]` is an empty class and `]` always closes).
    private mutating func characterClass() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        i += 1
        let negated = i < s.count && s[i] == "^"
        if negated { i += 1 }
        var ranges: [(UInt32, UInt32)] = []
        var unsupported: String?
        func add(_ atom: Atom) {
            switch atom {
            case .single(let scalar): ranges.append((scalar.value, scalar.value))
            case .set(let set): ranges += set.ranges
            case .unsupported(let reason): unsupported = unsupported ?? reason
            }
        }
        while i < s.count {
            if s[i] == "]" {
                i += 1
                if let unsupported { return .unsupported(unsupported) }
                let set = ScalarRanges(ranges: ranges)
                return .set(negated ? set.complement : set)
            }
            let low = try classAtom()
            guard i + 1 < s.count && s[i] == "-" && s[i + 1] != "]" else {
                add(low)
                continue
            }
            i += 1
            let high = try classAtom()
            if case .single(let from) = low, case .single(let to) = high {
                guard from.value <= to.value else {
                    throw RegexSyntaxError(message: "range out of order in character class at offset \(start)")
                }
                ranges.append((from.value, to.value))
            } else {
                // Annex B: a range with a class escape at either end is both ends and a literal "-".
                add(low)
                add(.single("-"))
                add(high)
            }
        }
        throw RegexSyntaxError(message: "missing ] to close the character class at offset \(start)")
    }

    private mutating func classAtom() throws(RegexSyntaxError) -> Atom {
        let c = s[i]
        guard c == "\\" else {
            i += 1
            return .single(c)
        }
        return try escapeAtom(inClass: true)
    }

    /// An escape outside a class: its node and whether it can be quantified.
    private mutating func escape() throws(RegexSyntaxError) -> (RegexNode, Bool) {
        if i + 1 < s.count {
            switch s[i + 1] {
            case "b", "B":
                i += 2
                return (.wordBoundary(s[i - 1] == "b"), false)
            default:
                break
            }
        }
        switch try escapeAtom(inClass: false) {
        case .single(let scalar): return (.scalar(scalar), true)
        case .set(let set): return (.set(set), true)
        case .unsupported(let reason): return (.unsupported(reason), true)
        }
    }

    /// Consumes one escape sequence starting at the backslash (`\b` and `\B`
    /// outside a class are handled by `escape`).
    private mutating func escapeAtom(inClass: Bool) throws(RegexSyntaxError) -> Atom {
        let start = i
        i += 1
        guard i < s.count else { throw RegexSyntaxError(message: "\\ at the end of the pattern") }
        let c = s[i]
        i += 1
        switch c {
        case "d": return .set(.digit)
        case "D": return .set(ScalarRanges.digit.complement)
        case "w": return .set(.word)
        case "W": return .set(ScalarRanges.word.complement)
        case "s": return .set(.space)
        case "S": return .set(ScalarRanges.space.complement)
        case "t": return .single("\t")
        case "n": return .single("\n")
        case "r": return .single("\r")
        case "f": return .single("\u{0C}")
        case "v": return .single("\u{0B}")
        case "b": return .single("\u{08}") // in a class, \b is a backspace
        case "0":
            if i < s.count, s[i].value >= 0x30, s[i].value <= 0x39 { return .unsupported("octal escapes are not supported") }
            return .single("\u{0}")
        case "1", "2", "3", "4", "5", "6", "7", "8", "9":
            return .unsupported(inClass ? "octal escapes are not supported" : "backreferences are not supported")
        case "x":
            guard let value = hexValue(count: 2), let scalar = Unicode.Scalar(value) else {
                throw RegexSyntaxError(message: "\\x needs two hexadecimal digits at offset \(start)")
            }
            return .single(scalar)
        case "u":
            return try unicodeEscape(start: start)
        case "c":
            guard i < s.count, s[i].isASCII, s[i].properties.isAlphabetic, let control = Unicode.Scalar(s[i].value % 32) else {
                throw RegexSyntaxError(message: "\\c needs a letter at offset \(start)")
            }
            i += 1
            return .single(control)
        case "p", "P":
            guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}"), close > i + 1 else {
                throw RegexSyntaxError(message: "\\\(c) needs a property name in braces at offset \(start)")
            }
            i = close + 1
            return .unsupported("\\\(c) escapes are not supported")
        case "k" where !inClass:
            guard i < s.count, s[i] == "<", let close = groupName(from: i + 1) else {
                throw RegexSyntaxError(message: "\\k needs a group name in angle brackets at offset \(start)")
            }
            i = close + 1
            return .unsupported("backreferences are not supported")
        default:
            return .single(c) // an identity escape: \. \/ \- and (Annex B) any other character
        }
    }

    /// `\uHHHH` (a surrogate pair written as two of them is one character) or `\u{H...}` up to U+10FFFF.
    private mutating func unicodeEscape(start: Int) throws(RegexSyntaxError) -> Atom {
        if i < s.count && s[i] == "{" {
            var j = i + 1
            var value: UInt32 = 0
            while j < s.count, let nibble = Self.hexDigit(s[j]) {
                value = Swift.min(value * 16 + nibble, 0x110000)
                j += 1
            }
            guard j > i + 1, j < s.count, s[j] == "}", value <= 0x10FFFF else {
                throw RegexSyntaxError(message: "invalid \\u{...} escape at offset \(start)")
            }
            i = j + 1
            guard let scalar = Unicode.Scalar(value) else { return .unsupported("lone surrogate escapes are not supported") }
            return .single(scalar)
        }
        guard let high = hexValue(count: 4) else {
            throw RegexSyntaxError(message: "\\u needs four hexadecimal digits at offset \(start)")
        }
        if (0xD800...0xDBFF).contains(high), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" {
            let save = i
            i += 2
            if let low = hexValue(count: 4), (0xDC00...0xDFFF).contains(low),
               let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return .single(combined)
            }
            i = save
        }
        guard let scalar = Unicode.Scalar(high) else { return .unsupported("lone surrogate escapes are not supported") }
        return .single(scalar)
    }

    /// The value of the next `count` hexadecimal digits (consumed), or nil (nothing consumed).
    private mutating func hexValue(count: Int) -> UInt32? {
        guard i + count <= s.count else { return nil }
        var value: UInt32 = 0
        for scalar in s[i..<(i + count)] {
            guard let nibble = Self.hexDigit(scalar) else { return nil }
            value = value * 16 + nibble
        }
        i += count
        return value
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }
}
