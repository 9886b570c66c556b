import Testing
@testable import AnalyzeCore

/// Work per call is bounded whatever the input: hostile documents are answered
/// with issues that say where checking stopped, never by spending time that
/// grows faster than the input (docs/reliability.md, "Bounded work").
@Suite("Bounded work per call")
struct BoundedWorkTests {
    /// 30 levels of two-way `anyOf` over `$ref`s: 2³⁰ paths for a value that
    /// matches none (the exponential schema of issue 13).
    static let exponentialSchema: String = {
        var definitions = ##""a0":{"type":"integer"}"##
        for level in 1...30 {
            definitions += ##","a\##(level)":{"anyOf":[{"$ref":"#/$defs/a\##(level - 1)"},{"$ref":"#/$defs/a\##(level - 1)"}]}"##
        }
        return ##"{"$defs":{\##(definitions)},"$ref":"#/$defs/a30"}"##
    }()

    /// A ready json_schema task whose data (1.5) the exponential schema explores fully.
    static func exponentialTask(_ index: Int) -> String {
        #"{"task_id":"t\#(index)","status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"response_format":{"type":"json_schema","json_schema":\#(exponentialSchema)}},"result":{"generation_id":"g","data":"1.5","finish_reason":"stop","usage":{"output_tokens":1}}}"#
    }

    /// The issues ("code path") of each task of a normalized list.
    static func listIssues(_ output: [UInt8]) throws -> [[String]] {
        let document = try output.withUnsafeBytes { raw throws(AnalyzeError) in try JSONDocument.parse(raw) }
        return (document.root["data"]?.elements.map { task in
            (task["result"]?["issues"]?.elements.map { issue in
                "\(issue["code"]?.string ?? "?") \(issue["path"]?.string ?? "?")"
            }) ?? []
        }) ?? []
    }

    /// A list response of 8 such tasks spends one budget for the whole call:
    /// the first task uses it up (and says so), every later one is reported
    /// not checked at its first step. Before, each task had its own budget, so
    /// 20 tasks cost 20 budgets (17 s) and 100 tasks 100 (52 s).
    @Test func aListResponseSharesOneSchemaBudget() throws {
        let body = #"{"data":["# + (0..<8).map(Self.exponentialTask).joined(separator: ",") + #"],"page_info":{"page":1}}"#
        let outcome = try Array(body.utf8).withUnsafeBytes { raw throws(AnalyzeError) in
            try parseResponse(kind: 3, httpStatus: 200, headers: UnsafeRawBufferPointer(start: nil, count: 0), body: raw,
                              options: UnsafeRawBufferPointer(start: nil, count: 0))
        }
        guard case .success(let output) = outcome else {
            Issue.record("list response failed: \(outcome)")
            return
        }
        let issues = try Self.listIssues(output)
        #expect(issues.count == 8)
        #expect(issues.first?.last?.hasPrefix("schema_not_checked result.json") == true)
        for later in issues.dropFirst() { #expect(later == ["schema_not_checked result.json"]) }
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("checking stopped: this call's budget of 1,000,000 schema steps (shared by all the results it reads) is spent; the rest of the value was not checked"))
    }

    /// Pattern checks spend the call's pattern budget (program size × string
    /// length + 1, plus the pattern's length to compile it); once it is spent,
    /// each pattern is reported not checked instead of run.
    @Test func patternWorkSpendsTheCallBudget() throws {
        let schema = try JSONDocument.parse(#"{"type":"array","items":{"type":"string","pattern":"^a+$"}}"#)
        let data = try JSONDocument.parse(#"["aaaa","aaaa","aaab","aaaa"]"#)
        let program = try SafeRegex("^a+$").work(for: "aaaa") // program size × 5
        // Room for two strings (and their three compilations).
        let budget = CheckBudget(patternWork: 2 * program + 3 * 4)
        var checker = ResultSchemaChecker(schema: schema.root, budget: budget)
        checker.check(data.root, path: FieldPath.root.key("result").key("json"))
        #expect(checker.issues.map { "\($0.code) \($0.path)" } == ["pattern_not_checked result.json[2]", "pattern_not_checked result.json[3]"])
        #expect(checker.issues.first?.message == #"pattern "^a+$" not checked: this call's budget of \#(MessageText.grouped(2 * program + 12)) units of pattern work (shared by all the results it reads) is spent"#)
        // With the default budget the mismatch is found.
        var unbounded = ResultSchemaChecker(schema: schema.root, budget: CheckBudget())
        unbounded.check(data.root, path: FieldPath.root.key("result").key("json"))
        #expect(unbounded.issues.map { "\($0.code) \($0.path)" } == ["schema_pattern result.json[2]"])
    }

    /// 200,000 unknown top-level keys: each key beyond the report's byte bound
    /// is only counted (no path, message or "did you mean" built for it), the
    /// report keeps the first issues in order and ends with the count of the
    /// rest. Before, every key built its message and suggestion (~15 µs each).
    @Test func unknownKeysBeyondTheReportBoundAreOnlyCounted() throws {
        let count = 200_000
        let keys = (0..<count).map { #""k\#($0)":1"# }.joined(separator: ",")
        let text = #"{"video_id":"v","prompt":"p","promt":1,"#+keys+"}"
        let report = try Array(text.utf8).withUnsafeBytes { raw throws(AnalyzeError) in try RequestValidator.validate(json: raw) }
        let unknown = report.issues.filter { $0.code == .parameterUnknown }
        #expect(unknown.first?.path == "promt")
        #expect(unknown.first?.message.hasPrefix("unknown field (did you mean prompt?); allowed here: model_name, video_id") == true)
        #expect(unknown.dropFirst().first?.path == "k0")
        #expect(unknown.dropFirst().first?.message.hasPrefix("unknown field; allowed here: model_name, video_id") == true)
        let last = try #require(report.issues.last)
        #expect(last.path == "")
        #expect(last.message == ReportByteBound.droppedMessage(count + 1 - unknown.count))
        #expect(unknown.count < count)
    }

    /// The bounded edit distance gives the same guesses as the full one.
    @Test func closestNameWithinTwoEdits() {
        let known = ["model_name", "video_id", "video", "prompt", "prompt_v2", "max_tokens"]
        #expect(MessageText.closest(to: "promt", among: known) == "prompt")
        #expect(MessageText.closest(to: "prompt_v3", among: known) == "prompt_v2")
        #expect(MessageText.closest(to: "vidoe", among: known) == "video")
        #expect(MessageText.closest(to: "video_idd", among: known) == "video_id")
        #expect(MessageText.closest(to: "max_token", among: known) == "max_tokens")
        #expect(MessageText.closest(to: "zzzzzz", among: known) == nil)
        #expect(MessageText.closest(to: "", among: ["ab", "abc"]) == "ab")
        #expect(MessageText.closest(to: "x", among: [""]) == "")
        #expect(MessageText.closest(to: String(repeating: "a", count: 65), among: [String(repeating: "a", count: 65)]) == nil)
        #expect(MessageText.closest(to: "vidéo", among: known) == "video")
    }
}
