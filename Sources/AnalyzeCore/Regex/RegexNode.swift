/// The syntax tree of a JSON Schema `pattern` (an ECMA-262 regular
/// expression), built by `RegexParser` and run by `SafeRegex`. Both the
/// request validator's syntax check and the result checker's matcher read
/// this one tree, so the two can never disagree about what a pattern means.
indirect enum RegexNode {
    /// Matches the empty string.
    case empty
    /// One literal character.
    case scalar(Unicode.Scalar)
    /// One character of a set: a class `[...]`, `.`, `\d`, `\w`, `\s` and their negations.
    case set(ScalarRanges)
    /// `^`.
    case lineStart
    /// `$`.
    case lineEnd
    /// `\b` (true) or `\B` (false).
    case wordBoundary(Bool)
    /// Items in sequence.
    case concat([RegexNode])
    /// Alternatives `a|b|...`.
    case alternate([RegexNode])
    /// A quantified item: `*` `+` `?` `{n}` `{n,}` `{n,m}` (greedy and lazy alike:
    /// the matcher only answers whether there is a match).
    case repetition(RegexNode, min: Int, max: Int?)
    /// Valid syntax that the bounded matcher cannot run (lookaround,
    /// backreferences, `\p{…}`, octal escapes, lone surrogates, groups nested
    /// deeper than `RegexParser.maxTreeDepth`); the reason says which.
    case unsupported(String)
}
