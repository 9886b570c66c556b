import Testing
@testable import AnalyzeCore

/// Inputs sized so that a quadratic walk would take minutes in a debug build,
/// while the linear one takes well under a second: each test fails (by not
/// finishing) when the work grows with the product of two input sizes again.
@Suite("Response: large inputs stay linear")
struct ResponseScalingTests {
    /// Repeated header names are found through an index of lowercased names, not
    /// by scanning the names seen so far (100,000 headers: 5·10⁹ comparisons before).
    @Test func manyHeadersStayLinear() throws {
        let count = 100_000
        let names = (0..<count).map { #""X-H\#($0)":"v""# }.joined(separator: ",")
        let parsed = Self.headers("{" + names + #","Retry-After":"7"}"#)
        #expect(parsed.value?.value("retry-after") == "7")
        #expect(parsed.value?.value("x-h99999") == "v")
        let repeated = Self.headers("{" + names + #","x-h5":"w"}"#)
        #expect(repeated.value?.value("X-H5") == "v, w")
        let pairs = (0..<count).map { #"["Link","<\#($0)>"]"# }.joined(separator: ",")
        let combined = Self.headers("[" + pairs + "]").value?.value("link")
        #expect(combined?.utf8.count == (0..<count).reduce(0) { $0 + String($1).utf8.count + 2 } + 2 * (count - 1))
        #expect(combined?.hasSuffix("<99998>, <99999>") == true)
    }

    /// The headers `ResponseHeaders.parse` reads from `text`, or its error.
    static func headers(_ text: String) -> (value: ResponseHeaders?, error: AnalyzeError?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            do throws(AnalyzeError) {
                return (try ResponseHeaders.parse(raw), nil)
            } catch {
                return (nil, error)
            }
        }
    }

    /// A time_based_metadata task with these definitions and data.
    static func task(definitions: String, data: String) -> String {
        #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions","segment_definitions":[\#(definitions)]}},"result":{"generation_id":"g","data":\#(quotedJSON(data)),"finish_reason":"stop","usage":{"output_tokens":9}}}"#
    }

    /// Definitions are found by id, and fields by name, through an index
    /// (50,000 of each: 1.25·10⁹ comparisons each before); the first of two
    /// definitions with one id still wins.
    @Test func manyDefinitionsAndFieldsStayLinear() throws {
        let count = 50_000
        let definitions = (0..<count).map { #"{"id":"d\#($0)","fields":[{"name":"n","type":"integer"}]}"# }.joined(separator: ",")
            + #",{"id":"d7","fields":[{"name":"n","type":"string"}]}"#
        let data = "{" + (0..<count).map { $0 == 7 ? #""d7":[{"start_time":0,"end_time":1,"metadata":{"n":"x"}}]"# : #""d\#($0)":[]"# }.joined(separator: ",") + #","dz":[]}"#
        let byID = try taskDocument(Self.task(definitions: definitions, data: data))
        #expect(issueList(byID) == ["field_type result.segments.d7[0].metadata.n", "definition_unknown result.segments.dz"])
        let fields = (0..<count).map { #"{"name":"f\#($0)","type":"integer"}"# }.joined(separator: ",")
            + #",{"name":"f7","type":"string"}"#
        let metadata = (0..<count).map { #""f\#($0)":1"# }.joined(separator: ",") + #","g":1"#
        let byName = try taskDocument(Self.task(definitions: #"{"id":"s","fields":[\#(fields)]}"#,
                                                data: #"{"s":[{"start_time":0,"end_time":1,"metadata":{\#(metadata)}}]}"#))
        #expect(issueList(byName) == ["field_unknown result.segments.s[0].metadata.g"])
    }

    /// `enum` values of a field are a set, and the allowed list in the
    /// message is built once per field (20,000 values and 20,000 bad items:
    /// 4·10⁸ comparisons plus 20,000 serializations of the list before).
    @Test func longFieldEnumsStayLinear() throws {
        let count = 20_000
        let values = (0..<count).map { #""v\#($0)""# }.joined(separator: ",")
        let items = (0..<count).map { _ in #""zz""# }.joined(separator: ",")
        let task = try taskDocument(Self.task(definitions: #"{"id":"s","fields":[{"name":"tags","type":"array","items":{"type":"string"},"enum":[\#(values)]}]}"#,
                                              data: #"{"s":[{"start_time":0,"end_time":1,"metadata":{"tags":[\#(items),"v19999"]}}]}"#))
        let issues = task["result"]?["issues"].map { Array($0.elements) } ?? []
        #expect(issues.count == count)
        #expect(issues.last?["path"]?.string == "result.segments.s[0].metadata.tags[19999]")
        #expect(issues.first?["message"]?.string == #"value "zz" of field "tags" is not one of the allowed values ["v0","v1","v2","v3","v4","v5","v6","v7","v8","v9","v10","v1..."#)
    }

    /// `enum` values are indexed once per schema node (20,000 values against
    /// 20,000 items: 4·10⁸ comparisons before).
    @Test func longSchemaEnumsStayLinear() throws {
        let count = 20_000
        let schema = #"{"type":"array","items":{"enum":["# + (0..<count).map(String.init).joined(separator: ",") + "]}}"
        let data = "[" + (0..<count).map { _ in #""x""# }.joined(separator: ",") + ",19999,1.0,-0.0]"
        let issues = try schemaIssues(schema, data)
        #expect(issues.count == count)
        #expect(issues.last == "schema_enum result.json[19999]")
        #expect(try schemaMessages(schema, #"["x"]"#) == [#"value "x" is not one of [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,..."#])
    }

    /// Each comparison with an `enum` value is a step of the budget: values
    /// that share a hash (integers near 2⁶² that round to one double) cannot
    /// make the work unbounded. 500 such values against 2,000 items stop after
    /// 40 items at 20,000 steps.
    @Test func enumComparisonsCountAgainstTheBudget() throws {
        let values = (0..<500).map { String(4_611_686_018_427_387_904 + $0) }.joined(separator: ",")
        let schema = try JSONDocument.parse(#"{"type":"array","items":{"enum":["# + values + "]}}")
        let data = try JSONDocument.parse("[" + Array(repeating: "4611686018427388404", count: 2000).joined(separator: ",") + "]")
        var checker = ResultSchemaChecker(schema: schema.root, budget: CheckBudget(schemaSteps: 20_000))
        checker.check(data.root, path: FieldPath.root.key("result").key("json"))
        let issues = checker.issues.map { "\($0.code) \($0.path)" }
        #expect(issues.count == 41)
        #expect(Array(issues.suffix(2)) == ["schema_enum result.json[39]", "schema_not_checked result.json[40]"])
    }

    /// Properties and required names are looked up through an index per
    /// schema node, and objects compared through an index of one side
    /// (50,000 members: 1.25·10⁹ comparisons each before).
    @Test func largeObjectsAgainstLargeSchemasStayLinear() throws {
        let count = 50_000
        let names = (0..<count).map { #""p\#($0)""# }
        let properties = names.map { $0 + #":{"type":"integer"}"# }.joined(separator: ",")
        let object = "{" + names.map { $0 + ":1" }.joined(separator: ",") + "}"
        let schema = #"{"type":"object","properties":{"# + properties + #"},"required":["# + names.joined(separator: ",") + #","nope"]}"#
        #expect(try schemaIssues(schema, object) == ["schema_required result.json.nope"])
        let reversed = "{" + names.reversed().map { $0 + ":1.0" }.joined(separator: ",") + "}"
        #expect(try schemaIssues(#"{"const":"# + object + "}", reversed) == [])
        #expect(try schemaIssues(#"{"enum":[1,"# + object + "]}", reversed) == [])
    }

    /// A character class is sorted and merged at compile time and searched
    /// by halves: 4,000 single characters against 1 MB of text took 4·10⁹
    /// range comparisons before (the work cap counts program size × text
    /// length, not class size).
    @Test func largeCharacterClassesStayCheap() throws {
        var members = String.UnicodeScalarView()
        members.append(contentsOf: (0..<4000).compactMap { Unicode.Scalar(UInt32(0x4E00 + $0 * 2)) })
        let regex = try SafeRegex("[" + String(members) + "]$")
        #expect(members.count == 4000)
        let filler = String(repeating: "a", count: 1_000_000)
        #expect(regex.matches(filler) == false)
        #expect(regex.matches(filler + "\u{4E00}") == true)
        #expect(regex.matches(filler + "\u{4E01}") == false)
        #expect(regex.matches(filler + "\u{6CBE}") == true)
        let merged = ScalarRanges(ranges: [(5, 9), (1, 3), (4, 4), (20, 30), (25, 26), (32, 32)])
        #expect(merged.ranges.map { "\($0.0)-\($0.1)" } == ["1-9", "20-30", "32-32"])
        #expect([0, 1, 9, 10, 19, 20, 30, 31, 32, 33].map { merged.contains(Unicode.Scalar(UInt8($0))) }
                == [false, true, true, false, false, true, true, false, true, false])
    }

    /// Issues keep at most `ReportByteBound.maxBytes` of paths and messages,
    /// then one issue at the root counts the rest: a 10 kB key over 2,000
    /// empty segments (4,000 issues) made 40 MB of output from an 18 kB body.
    @Test func issuesUnderLongKeysAreBounded() throws {
        let key = String(repeating: "k", count: 10_240)
        let data = #"{"\#(key)":["# + Array(repeating: "{}", count: 2000).joined(separator: ",") + "]}"
        let text = try normalizedTask(segmentTask(data: data))
        let task = try JSONDocument.parse(text).root
        let issues = task["result"]?["issues"].map { Array($0.elements) } ?? []
        let kept = issues.dropLast().reduce(0) { $0 + ($1["path"]?.string?.utf8.count ?? 0) + ($1["message"]?.string?.utf8.count ?? 0) }
        #expect(text.utf8.count < 20_000_000)
        #expect(issues.count == 1631)
        #expect(kept >= ReportByteBound.maxBytes)
        #expect(issues.last?["code"]?.string == "issues_not_listed")
        #expect(issues.last?["path"]?.string == "")
        #expect(issues.last?["message"]?.string == "2,371 more issue(s) were found but are not listed: a report keeps at most 16,777,216 bytes of paths and messages")
        // json_schema results are bounded the same way (2,000 schema_type issues under the key).
        let schema = try JSONDocument.parse(#"{"properties":{"\#(key)":{"items":{"type":"string"}}}}"#)
        let value = try JSONDocument.parse(#"{"\#(key)":["# + Array(repeating: "1", count: 2000).joined(separator: ",") + "]}")
        var checker = ResultSchemaChecker(schema: schema.root, budget: CheckBudget())
        checker.check(value.root, path: FieldPath.root.key("result").key("json"))
        #expect(checker.issues.count == 1631)
        #expect(checker.droppedIssues == 369)
    }
}
