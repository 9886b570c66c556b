import Testing
@testable import AnalyzeCore

/// Whether `pattern` finds a match in `text`; nil when not checked.
func regexMatches(_ pattern: String, _ text: String) -> Bool? {
    guard let regex = try? SafeRegex(pattern) else { return nil }
    return regex.matches(text)
}

/// Why `pattern` is refused, or nil when it compiles.
func regexRefusal(_ pattern: String) -> String? {
    do {
        _ = try SafeRegex(pattern)
        return nil
    } catch {
        return error.reason
    }
}

@Suite("Response: bounded regular expressions for pattern")
struct ResponseRegexTests {
    @Test func searchesUnanchoredAndHonorsAnchors() {
        #expect(regexMatches("b", "abc") == true)
        #expect(regexMatches("^b", "abc") == false)
        #expect(regexMatches("c$", "abc") == true)
        #expect(regexMatches("^abc$", "abcd") == false)
        #expect(regexMatches("", "") == true)
        #expect(regexMatches("^$", "") == true)
        #expect(regexMatches("^$", "a") == false)
    }

    @Test func classesEscapesAndDot() {
        #expect(regexMatches(#"^\d{3}-\w+\s?$"#, "123-ab_9 ") == true)
        #expect(regexMatches(#"^\d{3}$"#, "12a") == false)
        #expect(regexMatches("^[^a-c]+$", "xyz") == true)
        #expect(regexMatches("^[^a-c]+$", "xaz") == false)
        #expect(regexMatches(#"^[\d.-]+$"#, "1.2-3") == true)
        #expect(regexMatches(#"^[a\-z]$"#, "-") == true)
        #expect(regexMatches(#"^[\D]$"#, "5") == false)
        #expect(regexMatches("^.$", "é") == true)
        #expect(regexMatches("^.$", "\n") == false)
        #expect(regexMatches(#"^\u00e9\x41\t$"#, "éA\t") == true)
        #expect(regexMatches(#"^\u{1F600}$"#, "😀") == true)
        #expect(regexMatches(#"^\uD83D\uDE00$"#, "😀") == true)
        #expect(regexMatches(#"^a\.b\/c$"#, "a.b/c") == true)
        #expect(regexMatches("^[]$", "a") == false)
        #expect(regexMatches("^[^]$", "a") == true)
        #expect(regexMatches("a{,2}", "a{,2}") == true)
    }

    @Test func groupsAlternationAndQuantifiers() {
        #expect(regexMatches("^(ab|cd)+$", "abcdab") == true)
        #expect(regexMatches("^(?:ab|cd)+$", "abc") == false)
        #expect(regexMatches("^(?<year>[0-9]{4})-(0[1-9]|1[0-2])$", "2024-12") == true)
        #expect(regexMatches("^a{2,3}$", "aaaa") == false)
        #expect(regexMatches("^a{2,}$", "aaaa") == true)
        #expect(regexMatches("^a{2}?$", "aa") == true)
        #expect(regexMatches("^a*?b+?c??$", "aaabb") == true)
        #expect(regexMatches(#"\bcat\b"#, "a cat!") == true)
        #expect(regexMatches(#"\bcat\b"#, "concat") == false)
        #expect(regexMatches(#"\Bcat"#, "concat") == true)
        #expect(regexMatches("^(a|)+$", "aaa") == true)
        #expect(regexMatches("^(a*)*$", "aaa") == true)
    }

    @Test func noCatastrophicBacktracking() {
        let text = String(repeating: "a", count: 5000) + "!"
        #expect(regexMatches("^(a+)+$", text) == false)
        #expect(regexMatches("^(a|aa)*$", text) == false)
        #expect(regexMatches("(x+x+)+y", String(repeating: "x", count: 3000)) == false)
    }

    @Test func workIsBounded() {
        #expect(regexRefusal("(a{1000}){1000}") == "pattern too large to check (over 20000 instructions)")
        #expect(regexRefusal("a{1001}") == "repetition bounds above 1000")
        let long = String(repeating: "a", count: 2_000_000)
        #expect(regexMatches("a{1,20}b", long) == nil)
        #expect(regexMatches("a", long) == true)
    }

    @Test func unsupportedAndInvalidPatternsAreRefused() {
        #expect(regexRefusal("(?=a)") == "lookahead assertions are not supported")
        #expect(regexRefusal("(?<!a)b") == "lookbehind assertions are not supported")
        #expect(regexRefusal(#"(a)\1"#) == "backreferences are not supported")
        #expect(regexRefusal(#"\p{L}"#) == #"\p escapes are not supported"#)
        #expect(regexRefusal("(a") == "invalid pattern: missing ) to close a group")
        #expect(regexRefusal("a)") == "invalid pattern: unmatched ) at offset 1")
        #expect(regexRefusal("*a") == "invalid pattern: nothing to repeat before * at offset 0")
        #expect(regexRefusal("a**") == "invalid pattern: nothing to repeat before * at offset 2")
        #expect(regexRefusal("^*") == "invalid pattern: nothing to repeat before * at offset 1")
        #expect(regexRefusal("[b-a]") == "invalid pattern: range out of order in character class at offset 0")
        #expect(regexRefusal("[a") == "invalid pattern: missing ] to close the character class at offset 0")
        #expect(regexRefusal("a{3,2}") == "invalid pattern: numbers out of order in {3,2} quantifier at offset 1")
        #expect(regexRefusal("\\") == "invalid pattern: \\ at the end of the pattern")
        #expect(regexRefusal(String(repeating: "(", count: 70) + String(repeating: ")", count: 70)) == "groups nested deeper than 64 levels")
        #expect(regexRefusal(String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)) == nil)
        #expect(regexRefusal(#"\0"#) == nil)
        #expect(regexRefusal(#"\01"#) == "octal escapes are not supported")
        #expect(regexRefusal(#"[\1]"#) == "octal escapes are not supported")
        #expect(regexRefusal(#"\uD800"#) == "lone surrogate escapes are not supported")
        #expect(regexRefusal(#"(?<n>a)\k<n>"#) == "backreferences are not supported")
        #expect(regexRefusal(#"(?=a)*b"#) == "lookahead assertions are not supported")
    }

    /// The request validator's syntax check and this matcher read one parser's
    /// tree, so they agree on every pattern. These two disagreed when each side
    /// had a parser of its own: the checker matched "(?<>x)" that validation
    /// rejects, and validation passed "\u{110000}" that the checker rejected.
    @Test func theSyntaxCheckAndTheMatcherAgree() {
        #expect(RegexParser.problem("(?<>x)") == "invalid group name at offset 0")
        #expect(regexRefusal("(?<>x)") == "invalid pattern: invalid group name at offset 0")
        #expect(RegexParser.problem(#"\u{110000}"#) == #"invalid \u{...} escape at offset 0"#)
        #expect(regexRefusal(#"\u{110000}"#) == #"invalid pattern: invalid \u{...} escape at offset 0"#)
        #expect(regexMatches(#"^\u{10FFFF}$"#, "\u{10FFFF}") == true)
        // Quantifier digits are ASCII in ECMA-262: a{٣} is four literal characters.
        #expect(RegexParser.problem("a{\u{663}}") == nil)
        #expect(regexMatches("^a{\u{663}}$", "a{\u{663}}") == true)
        #expect(regexMatches("^a{\u{663}}$", "aaa") == false)
        // Every pattern of this list is judged the same way by both: invalid
        // for one exactly when invalid for the other.
        let patterns = ["(?<>x)", #"\u{110000}"#, "(?<1a>x)", "(?<a1>x)", "[\\k]", #"\k"#, #"\c"#, #"\cA"#, "[z-a]", "[\\d-a]",
                        "a{2}{3}", "(?", "(?x)", "x{", "x{,}", "]", "}", #"\p{L}"#, #"\p"#, "(?<=a)", #"\x4"#, #"[\x41-\x40]"#]
        for pattern in patterns {
            let invalid = RegexParser.problem(pattern) != nil
            let refusedAsInvalid = regexRefusal(pattern)?.hasPrefix("invalid pattern: ") == true
            #expect(invalid == refusedAsInvalid, "\(pattern)")
        }
        #expect(RegexParser.problem(#"[\x41-\x40]"#) == "range out of order in character class at offset 0")
        #expect(regexMatches(#"^\cA[\cB]$"#, "\u{1}\u{2}") == true)
        #expect(regexMatches("^[\\k]$", "k") == true)
    }
}
