import Testing
@testable import AnalyzeCore

/// "A value as message text" and "a string quoted as JSON" live in
/// `MessageText`; the request side and the result side each had their own. The
/// twins that remain differ on purpose in one way, pinned here: `quoted` cuts by
/// characters inside the quotes, `value` cuts the JSON text by bytes.
@Suite("Support: message text")
struct MessageTextTests {
    @Test func shortStringsReadTheSameEveryWay() throws {
        let text = "a\"b\n\u{2028}é"
        let json = #""a\"b\n\u2028é""#
        #expect(MessageText.quoted(text) == json)
        #expect(MessageText.quotedInFull(text) == json)
        #expect(MessageText.value(.string(text)) == json)
        let document = try JSONDocument.parse(json)
        #expect(MessageText.value(document.root) == json)
        #expect(MessageText.kindAndValue(document.root) == "string " + json)
    }

    @Test func longStringsAreCutDifferently() {
        let long = String(repeating: "a", count: 70)
        #expect(MessageText.quoted(long) == "\"" + String(repeating: "a", count: 57) + "...\"")
        #expect(MessageText.quotedInFull(long) == "\"" + long + "\"")
        #expect(MessageText.value(.string(long)) == "\"" + String(repeating: "a", count: 59) + "...")
        // 30 two-byte characters: within quoted's 60 characters, beyond value's 60 bytes.
        let accented = String(repeating: "é", count: 30)
        #expect(MessageText.quoted(accented) == "\"" + accented + "\"")
        #expect(MessageText.value(.string(accented)) == "\"" + String(repeating: "é", count: 29) + "...")
        // value may cut inside an escape; quoted counts characters before escaping.
        let newlines = String(repeating: "\n", count: 40)
        #expect(MessageText.quoted(newlines) == "\"" + String(repeating: #"\n"#, count: 40) + "\"")
        #expect(MessageText.value(.string(newlines)) == "\"" + String(repeating: #"\n"#, count: 29) + #"\..."#)
    }

    @Test func kindsHaveOneName() throws {
        let values: [(String, String)] = [("null", "null"), ("true", "a boolean"), ("1", "an integer"), ("1.5", "a number"),
                                          (#""x""#, "a string"), ("[]", "an array"), ("{}", "an object")]
        for (json, name) in values {
            let document = try JSONDocument.parse(json)
            #expect(MessageText.kind(document.root.kind) == name)
            #expect(MessageText.kind(of: JSONValue(document.root)) == name)
        }
    }
}
