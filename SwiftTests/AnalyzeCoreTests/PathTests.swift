import Testing
@testable import AnalyzeCore

@Suite("Paths and the typed member reads")
struct PathTests {
    @Test func fieldPathsLinkToTheirParents() {
        let fields = FieldPath.root.key("response_format").key("segment_definitions").index(2).key("fields")
        let name = fields.index(0).key("name")
        #expect(name.text == "response_format.segment_definitions[2].fields[0].name")
        #expect(name.depth == 6)
        #expect(name.components == [.key("response_format"), .key("segment_definitions"), .index(2), .key("fields"),
                                    .index(0), .key("name")])
        #expect(FieldPath.root.text == "")
        #expect(FieldPath.root.depth == 0)
        #expect(FieldPath.root.key("a.b").index(1).text == "[\"a.b\"][1]")
    }

    @Test func fieldPathsCompareByTheirSteps() {
        let built = FieldPath.root.key("a").index(3).key("b")
        let listed = FieldPath(components: [.key("a"), .index(3), .key("b")])
        #expect(built == listed)
        #expect(built.hashValue == listed.hashValue)
        #expect(built != FieldPath.root.key("a").index(4).key("b"))
        #expect(built != FieldPath.root.key("a").index(3))
        #expect(FieldPath.root.key("a").appending(FieldPath.root.index(3).key("b")) == built)
        #expect(Set([built, listed, FieldPath.root]).count == 2)
    }

    @Test func firstIndexFindsRepeatsPastTheLinearLimit() {
        var seen = FirstIndex()
        for index in 0..<40 {
            #expect(seen.seen("name\(index)", at: index) == nil)
        }
        #expect(seen.seen("name3", at: 40) == 3)
        #expect(seen.seen("name39", at: 41) == 39)
        #expect(seen.seen("name40", at: 42) == nil)
        #expect(seen.seen("name40", at: 43) == 42)
        var few = FirstIndex()
        #expect(few.seen("a", at: 0) == nil)
        #expect(few.seen("a", at: 5) == 0)
    }

    @Test func duplicateFieldNamesBeyondSixteenAreFound() throws {
        let fields = (0..<20).map { "{\"name\":\"f\($0)\",\"type\":\"string\",\"description\":\"d\"}" }
            + ["{\"name\":\"f17\",\"type\":\"string\",\"description\":\"d\"}"]
        let body = "{\"model_name\":\"pegasus1.5\",\"video\":{\"type\":\"url\",\"url\":\"https://example.com/a.mp4\"},"
            + "\"analysis_mode\":\"time_based_metadata\",\"response_format\":{\"type\":\"segment_definitions\","
            + "\"segment_definitions\":[{\"id\":\"x\",\"description\":\"d\",\"fields\":[" + fields.joined(separator: ",") + "]}]}}"
        let report = try Array(body.utf8).withUnsafeBytes { try RequestValidator.validate(json: $0) }
        #expect(report.issues == [ValidationIssue(.error, .parameterInvalid,
                                                  path: "response_format.segment_definitions[0].fields[20].name",
                                                  "duplicate field name \"f17\": response_format.segment_definitions[0].fields[17] has it already; names must be unique within a definition")])
    }

    @Test func memberTypesNameAndCheckKinds() throws {
        let document = try JSONDocument.parse("{\"i\":1,\"d\":1.5,\"s\":\"x\",\"b\":true,\"n\":null,\"o\":{},\"a\":[]}")
        let root = document.root
        func node(_ key: String) throws -> JSONNode { try #require(root[key]) }
        #expect(JSONMemberType.number.admits(try node("i")))
        #expect(JSONMemberType.number.admits(try node("d")))
        #expect(!JSONMemberType.integer.admits(try node("d")))
        #expect(JSONMemberType.boolean.admits(try node("b")))
        #expect(!JSONMemberType.string.admits(try node("n")))
        #expect(JSONMemberType.integer.mismatch(try node("d")) == "a number with a fraction or an exponent")
        #expect(JSONMemberType.string.mismatch(try node("d")) == "a number")
        #expect(JSONMemberType.object.mismatch(try node("a")) == "an array")
        #expect(JSONMemberType.array.mismatch(try node("n")) == "null")
        #expect([JSONMemberType.string, .number, .integer, .boolean, .object, .array].map(\.expected)
                == ["a string", "a number", "an integer", "a boolean", "an object", "an array"])
    }
}
