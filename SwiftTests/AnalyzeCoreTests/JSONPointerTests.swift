import Testing
@testable import AnalyzeCore

/// `$ref` tokens are decoded once (`JSONPointer`); the request rules and the
/// result check used to decode them each in their own way, and `~~1` meant `~/`
/// to the first and `~~1` to the second.
@Suite("Schema: JSON Pointer tokens of $ref")
struct JSONPointerTests {
    /// Each `$defs` key and a `$ref` naming it.
    static let cases: [(name: String, reference: String)] = [
        ("a/b", "#/$defs/a~1b"),
        ("a~b", "#/$defs/a~0b"),
        ("~1", "#/$defs/~01"),
        ("/0", "#/$defs/~10"),
        ("~/", "#/$defs/~~1"),
        ("~2", "#/$defs/~2"),
        ("x~", "#/$defs/x~"),
        ("a%2Fb", "#/$defs/a%2Fb"),
        ("a%25b", "#/$defs/a%25b"),
        ("é~", "#/$defs/é~0"),
    ]

    @Test func tokensDecodeOnceLeftToRight() {
        #expect(JSONPointer.unescape("") == "")
        #expect(JSONPointer.unescape("plain") == "plain")
        #expect(JSONPointer.unescape("~0~1") == "~/")
        #expect(JSONPointer.unescape("~01") == "~1")
        #expect(JSONPointer.unescape("~~1") == "~/")
        #expect(JSONPointer.unescape("~") == "~")
        #expect(JSONPointer.unescape("%7E1") == "%7E1")
    }

    @Test func validatorAndCheckerAgree() throws {
        for (name, reference) in Self.cases {
            #expect(JSONSchemaSubset.definitionName(reference) == name, "validator: \(reference)")
            let schema = #"{"$defs":{"\#(name)":{"type":"string"}},"$ref":"\#(reference)"}"#
            #expect(try schemaIssues(schema, "1") == ["schema_type result.json"], "checker: \(reference)")
            #expect(try schemaIssues(schema, #""s""#) == [], "checker: \(reference)")
        }
    }
}
