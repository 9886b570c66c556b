import Testing
@testable import AnalyzeCore

/// The issues (code and path) of checking `value` against `schema`, both JSON text.
func schemaIssues(_ schema: String, _ value: String) throws -> [String] {
    let schemaDocument = try JSONDocument.parse(schema)
    let valueDocument = try JSONDocument.parse(value)
    var checker = ResultSchemaChecker(schema: schemaDocument.root, budget: CheckBudget())
    checker.check(valueDocument.root, path: FieldPath.root.key("result").key("json"))
    return checker.issues.map { "\($0.code) \($0.path)" }
}

/// The messages of checking `value` against `schema`.
func schemaMessages(_ schema: String, _ value: String) throws -> [String] {
    let schemaDocument = try JSONDocument.parse(schema)
    let valueDocument = try JSONDocument.parse(value)
    var checker = ResultSchemaChecker(schema: schemaDocument.root, budget: CheckBudget())
    checker.check(valueDocument.root, path: FieldPath.root.key("result").key("json"))
    return checker.issues.map(\.message)
}

@Suite("Response: json_schema results")
struct ResponseSchemaTests {
    @Test func typesKeepIntegerApartFromNumber() throws {
        #expect(try schemaIssues(#"{"type":"integer"}"#, "3") == [])
        #expect(try schemaIssues(#"{"type":"integer"}"#, "3.0") == [])
        #expect(try schemaIssues(#"{"type":"integer"}"#, "3.5") == ["schema_type result.json"])
        #expect(try schemaMessages(#"{"type":"integer"}"#, "3.5") == ["expected integer, got number 3.5"])
        #expect(try schemaIssues(#"{"type":"number"}"#, "3") == [])
        #expect(try schemaIssues(#"{"type":["string","null"]}"#, "null") == [])
        #expect(try schemaMessages(#"{"type":["string","null"]}"#, "true") == ["expected string or null, got boolean true"])
        #expect(try schemaIssues(#"{"type":"boolean"}"#, "0") == ["schema_type result.json"])
        #expect(try schemaIssues(#"{"type":"array"}"#, "{}") == ["schema_type result.json"])
        #expect(try schemaIssues(#"{"type":"object"}"#, "[]") == ["schema_type result.json"])
    }

    @Test func propertiesRequiredAndNesting() throws {
        let schema = #"{"type":"object","properties":{"title":{"type":"string"},"tags":{"type":"array","items":{"type":"string"},"minItems":1}},"required":["title","tags"]}"#
        #expect(try schemaIssues(schema, #"{"title":"x","tags":["a"],"extra":1}"#) == [])
        #expect(try schemaIssues(schema, #"{"tags":[]}"#) == ["schema_minItems result.json.tags", "schema_required result.json.title"])
        #expect(try schemaMessages(schema, #"{"title":"x","tags":[1,"b",false]}"#) == ["expected string, got integer 1", "expected string, got boolean false"])
        #expect(try schemaIssues(schema, #"{"title":"x","tags":[1,"b",false]}"#) == ["schema_type result.json.tags[0]", "schema_type result.json.tags[2]"])
        #expect(try schemaMessages(schema, #"{"tags":["a"]}"#) == [#"required property "title" is missing"#])
    }

    @Test func enumConstAndNumericBounds() throws {
        #expect(try schemaIssues(#"{"enum":["a",1,null]}"#, "1.0") == [])
        #expect(try schemaMessages(#"{"enum":["a",1,null]}"#, #""b""#) == [#"value "b" is not one of ["a",1,null]"#])
        #expect(try schemaMessages(#"{"const":{"a":[1,2]}}"#, #"{"a":[1,3]}"#) == [#"value {"a":[1,3]} is not the constant {"a":[1,2]}"#])
        #expect(try schemaIssues(#"{"const":{"a":[1,2],"b":true}}"#, #"{"b":true,"a":[1,2.0]}"#) == [])
        let bounds = #"{"type":"integer","minimum":1,"maximum":10,"exclusiveMinimum":0,"exclusiveMaximum":11}"#
        #expect(try schemaIssues(bounds, "1") == [])
        #expect(try schemaIssues(bounds, "10") == [])
        #expect(try schemaMessages(bounds, "0") == ["value 0 is less than the minimum 1", "value 0 is not greater than the exclusive minimum 0"])
        #expect(try schemaMessages(bounds, "11") == ["value 11 is greater than the maximum 10", "value 11 is not less than the exclusive maximum 11"])
        #expect(try schemaIssues(#"{"maximum":9223372036854775806}"#, "9223372036854775807") == ["schema_maximum result.json"])
    }

    @Test func anyOfAndReferences() throws {
        let schema = ##"{"$defs":{"id":{"type":"string","format":"uuid"},"n":{"anyOf":[{"type":"integer"},{"type":"null"}]}},"type":"object","properties":{"id":{"$ref":"#/$defs/id"},"n":{"$ref":"#/$defs/n"},"self":{"$ref":"#"}}}"##
        #expect(try schemaIssues(schema, ##"{"id":"123e4567-E89B-12d3-a456-426614174000","n":null,"self":{"n":4}}"##) == [])
        #expect(try schemaIssues(schema, ##"{"id":"123e4567","n":"x","self":{"n":1.5}}"##) == ["schema_format result.json.id", "schema_anyOf result.json.n", "schema_anyOf result.json.self.n"])
        #expect(try schemaMessages(schema, ##"{"n":"x"}"##) == [##"value "x" matches none of the 2 alternatives of anyOf"##])
        #expect(try schemaMessages(##"{"$ref":"https://example.com/s.json"}"##, "1") == [##"$ref "https://example.com/s.json" cannot be resolved (only #, #/$defs/... and other pointers inside the schema are supported); not checked"##])
        #expect(try schemaIssues(##"{"$defs":{"a/b":{"type":"string"}},"$ref":"#/$defs/a~1b"}"##, "1") == ["schema_type result.json"])
        #expect(try schemaIssues(##"{"$defs":{"a":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##, "1") == ["schema_not_checked result.json"])
    }

    @Test func stringFormats() throws {
        let schema = #"{"type":"object","properties":{"u":{"type":"string","format":"uuid"},"dt":{"type":"string","format":"date-time"},"d":{"type":"string","format":"date"},"t":{"type":"string","format":"time"},"e":{"type":"string","format":"email"}}}"#
        #expect(try schemaIssues(schema, #"{"u":"00000000-0000-0000-0000-000000000000","dt":"2024-02-29T23:59:60.5-08:00","d":"2000-02-29","t":"10:20:30Z","e":"not checked"}"#) == [])
        #expect(try schemaIssues(schema, #"{"u":"0000000000000-0000-0000-000000000000","dt":"2023-02-29T00:00:00Z","d":"1900-02-29","t":"10:20:30"}"#) ==
                ["schema_format result.json.u", "schema_format result.json.dt", "schema_format result.json.d", "schema_format result.json.t"])
        #expect(try schemaMessages(schema, #"{"d":"2024-13-01"}"#) == [#"value "2024-13-01" is not a valid date"#])
    }

    @Test func timestampType() throws {
        let schema = #"{"type":"object","properties":{"s":{"type":"timestamp","format":"seconds"},"c":{"type":"timestamp","format":"hh:mm:ss"},"m":{"type":"timestamp","format":"hh:mm:ss.fff"}}}"#
        #expect(try schemaIssues(schema, #"{"s":10.5,"c":"00:01:23","m":"00:01:23.500"}"#) == [])
        #expect(try schemaIssues(schema, #"{"s":"00:00:10","c":"00:01:23.5","m":83.5}"#) == ["schema_format result.json.s", "schema_format result.json.c", "schema_format result.json.m"])
        #expect(try schemaIssues(schema, #"{"c":"later"}"#) == ["schema_type result.json.c"])
    }

    @Test func patterns() throws {
        let schema = #"{"type":"string","pattern":"^[A-Z]{2}-\\d{3}$"}"#
        #expect(try schemaIssues(schema, #""AB-123""#) == [])
        #expect(try schemaMessages(schema, #""AB-12""#) == [#"value "AB-12" does not match the pattern "^[A-Z]{2}-\\d{3}$""#])
        #expect(try schemaIssues(#"{"pattern":"(?=x)"}"#, #""x""#) == ["pattern_not_checked result.json"])
        #expect(try schemaMessages(#"{"pattern":"(a)\\1"}"#, #""aa""#) == [#"pattern "(a)\\1" not checked: backreferences are not supported"#])
        #expect(try schemaIssues(#"{"pattern":"x"}"#, "5") == [])
    }

    @Test func booleanSchemasAndUnknownKeywords() throws {
        #expect(try schemaIssues("true", "[1]") == [])
        #expect(try schemaIssues(#"{"properties":{"a":false}}"#, #"{"a":1}"#) == ["schema_false result.json.a"])
        #expect(try schemaIssues(#"{"oneOf":[{"type":"string"}],"maxLength":1}"#, "[1]") == [])
    }

    @Test func anyOfExplosionIsBounded() throws {
        // 30 levels of two-way anyOf over $refs (61 levels deep, within the
        // depth limit): 2^30 paths, stopped by the step budget.
        var definitions = ##""a0":{"type":"integer"}"##
        for level in 1...30 {
            definitions += ##","a\##(level)":{"anyOf":[{"$ref":"#/$defs/a\##(level - 1)"},{"$ref":"#/$defs/a\##(level - 1)"}]}"##
        }
        let schema = ##"{"$defs":{\##(definitions)},"$ref":"#/$defs/a30"}"##
        let schemaDocument = try JSONDocument.parse(schema)
        for (value, expected) in [("1.5", ["schema_not_checked result.json"]), ("1", [])] {
            var checker = ResultSchemaChecker(schema: schemaDocument.root, budget: CheckBudget(schemaSteps: 20_000))
            checker.check(try JSONDocument.parse(value).root, path: FieldPath.root.key("result").key("json"))
            #expect(checker.issues.map { "\($0.code) \($0.path)" } == expected)
            #expect(checker.issues.first?.message ?? "" == (expected.isEmpty ? "" : "checking stopped: this call's budget of 20,000 schema steps (shared by all the results it reads) is spent; the rest of the value was not checked"))
        }
    }

    @Test func jsonResultsInATask() throws {
        let schema = #"{"type":"object","properties":{"title":{"type":"string"},"rating":{"type":"integer","minimum":1,"maximum":5}},"required":["title","rating"]}"#
        let data = #"{"title":"Match","rating":7}"#
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"response_format":{"type":"json_schema","json_schema":\#(schema)}},"result":{"generation_id":"g","data":\#(quotedJSON(data)),"finish_reason":"stop","usage":{"output_tokens":9}}}"#
        let text = try normalizedTask(body)
        #expect(text.hasSuffix(#""truncated":false,"json":{"title":"Match","rating":7},"issues":[{"severity":"warning","code":"schema_maximum","path":"result.json.rating","message":"value 7 is greater than the maximum 5"}]}}"#))
        // The caller's schema wins over the echoed one.
        let own = try taskDocument(body, options: #"{"json_schema":{"type":"object","required":["summary"]}}"#)
        #expect(issueList(own) == ["schema_required result.json.summary"])
        // Without any schema: parsed, not checked, and said so.
        let bare = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"response_format":{"type":"json_schema"}},"result":{"generation_id":"g","data":"[1]","finish_reason":"stop","usage":{"output_tokens":9}}}"#
        #expect(issueList(try taskDocument(bare)) == ["schema_unavailable result.json"])
        // A legitimately null result is still the key json with null.
        let nullData = bare.replacingOccurrences("\"data\":\"[1]\"", "\"data\":\"null\"")
        #expect(try normalizedTask(nullData).contains(#""json":null,"issues":[{"severity":"warning","code":"schema_unavailable""#))
    }

    @Test func truncatedJSONResult() throws {
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","error":{"message":"output truncated: the generation reached the configured max_tokens."},"request_params":{"response_format":{"type":"json_schema","json_schema":{"type":"object"}}},"result":{"generation_id":"g","data":"{\"title\": \"Mat","finish_reason":"length","usage":{"output_tokens":9}}}"#
        let text = try normalizedTask(body)
        #expect(text.hasSuffix(#""truncated":true,"truncation_message":"output truncated: the generation reached the configured max_tokens.","json":null,"issues":[{"severity":"warning","code":"output_truncated","path":"result.data","message":"output truncated at max_tokens: data is not complete JSON (finish_reason is length; truncation_message says whether max_tokens or the context window was reached), not a server bug"}]}}"#))
    }

    @Test func deepDataIsKeptOnlyAsText() throws {
        let data = String(repeating: "[", count: 121) + String(repeating: "]", count: 121)
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"response_format":{"type":"json_schema","json_schema":{}}},"result":{"generation_id":"g","data":"\#(data)","finish_reason":"stop","usage":{"output_tokens":9}}}"#
        #expect(issueList(try taskDocument(body)) == ["data_too_deep result.data"])
        let shallower = body.replacingOccurrences(data, String(repeating: "[", count: 120) + String(repeating: "]", count: 120))
        #expect(issueList(try taskDocument(shallower)) == [])
    }
}

extension String {
    /// `self` with every `target` replaced (a small helper: the tests do not use Foundation).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

@Suite("Response: json_schema depth")
struct ResponseSchemaDepthTests {
    /// A schema that refers to itself through anyOf stops at 64 levels (it
    /// overflowed a 128 KiB thread stack at the former 256).
    @Test func recursiveAnyOfStopsAt64Levels() throws {
        #expect(ResultSchemaChecker.maxDepth == 64)
        #expect(try schemaIssues(##"{"anyOf":[{"$ref":"#"}]}"##, "1") == ["schema_not_checked result.json"])
        #expect(try schemaMessages(##"{"anyOf":[{"$ref":"#"}]}"##, "1")
                == ["schema nesting or $ref chain deeper than 64; the rest of the value was not checked"])
        // Arrays under items+$ref cost two levels each: 33 nested arrays are checked, 34 are not.
        let recursive = ##"{"type":"array","items":{"$ref":"#"}}"##
        #expect(try schemaIssues(recursive, String(repeating: "[", count: 33) + String(repeating: "]", count: 33)) == [])
        let deep = try schemaIssues(recursive, String(repeating: "[", count: 34) + String(repeating: "]", count: 34))
        #expect(deep == ["schema_not_checked result.json" + String(repeating: "[0]", count: 33)])
    }
}
