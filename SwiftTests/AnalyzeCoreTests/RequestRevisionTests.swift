import Testing
@testable import AnalyzeCore

/// API revisions as data, the `api_revision` and `validate` options, integers
/// beyond 64 bits, decimal durations and the cancel builder.
@Suite("Request revisions")
struct RequestRevisionTests {
    private func report(_ json: String, _ options: ValidationOptions = ValidationOptions()) throws -> ValidationReport {
        let bytes = Array(json.utf8)
        return try bytes.withUnsafeBytes { try RequestValidator.validate(json: $0, options: options) }
    }

    private func build(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest,
                       _ input: String, _ options: String) -> Result<HTTPRequest, AnalyzeError> {
        let inputBytes = Array(input.utf8), optionBytes = Array(options.utf8)
        return inputBytes.withUnsafeBytes { inputRaw in
            optionBytes.withUnsafeBytes { optionRaw in
                do {
                    return .success(try body(inputRaw, optionRaw))
                } catch let error as AnalyzeError {
                    return .failure(error)
                } catch {
                    return .failure(AnalyzeError(.invalidArgument, "unexpected \(error)"))
                }
            }
        }
    }

    @Test func tablesSayWhatEachRevisionKnows() {
        #expect(APIRevision.all.map(\.name) == ["2026-05", "2026-10"])
        #expect(APIRevision.defaultRevision == .r2026_05)
        #expect(APIRevision.r2026_05.models.map(\.name) == [.pegasus1_2, .pegasus1_5])
        #expect(APIRevision.r2026_10.models.map(\.name) == [.pegasus1_5, .pegasus1_6])
        #expect(APIRevision.r2026_05.defaultModel == .pegasus1_2)
        #expect(APIRevision.r2026_10.defaultModel == .pegasus1_5)
        #expect(APIRevision.r2026_10.traits(.pegasus1_2) == nil)
        #expect(APIRevision.r2026_10.traits(.pegasus1_6)?.inputs == [.video, .image])
        #expect(APIRevision.r2026_05.traits(.pegasus1_2)?.promptTokenLimit == 2_000)
        #expect(APIRevision.r2026_10.models(with: .unlimitedMaxTokens) == "pegasus1.6")
        #expect(APIRevision.r2026_05.models(with: .timeBasedMetadata) == "pegasus1.5")
        #expect(APIRevision.named("2026-07") == nil)
    }

    @Test func catalogueJSONListsEveryRevision() throws {
        let text = String(decoding: APIRevision.catalogueJSON, as: UTF8.self)
        let document = try JSONDocument.parse(text)
        #expect(document.root["default"]?.string == "2026-05")
        let revisions = Array(document.root["revisions"]!.elements)
        #expect(revisions.map { $0["name"]?.string } == ["2026-05", "2026-10"])
        #expect(revisions[1]["default_model"]?.string == "pegasus1.5")
        #expect(revisions[1]["analysis_window"]?["max_seconds"]?.int64 == 7_200)
        #expect(revisions[0]["analysis_window"]?["max_seconds"]?.isNull == true)
        let p16 = Array(revisions[1]["models"]!.elements)[1]
        #expect(p16["name"]?.string == "pegasus1.6")
        #expect(p16["features"]?.elements.map { $0.string ?? "" }.contains("time_array_fields") == true)
        #expect(p16["max_tokens"]?["time_based_metadata"]?["default"]?.int64 == 32_768)
        let p12 = Array(revisions[0]["models"]!.elements)[0]
        #expect(p12["max_tokens"]?["general"]?["max"]?.int64 == 4_096)
        #expect(p12["max_tokens"]?["time_based_metadata"] == nil)
        #expect(text.hasPrefix(#"{"default":"2026-05","revisions":[{"name":"2026-05","default":true,"default_model":"pegasus1.2","models":[{"name":"pegasus1.2","inputs":["video_id"],"features":[],"prompt_token_limit":2000,"max_tokens":{"general":{"min":2,"max":4096,"default":4096}}}"#))
    }

    @Test func revisionOptionIsChecked() throws {
        let bytes = Array(#"{"api_revision":"2026-07"}"#.utf8)
        #expect(throws: AnalyzeError(.invalidArgument, #"option api_revision "2026-07" is not a revision this library knows; known: 2026-05, 2026-10"#, path: "api_revision")) {
            try bytes.withUnsafeBytes { try ValidationOptions(json: $0) }
        }
        let number = Array(#"{"api_revision":2026}"#.utf8)
        #expect(throws: AnalyzeError(.invalidArgument, "option api_revision must be a string, not an integer", path: "api_revision")) {
            try number.withUnsafeBytes { try ValidationOptions(json: $0) }
        }
        let good = Array(#"{"api_revision":"2026-10","video_duration":5}"#.utf8)
        #expect(try good.withUnsafeBytes { try ValidationOptions(json: $0) } == ValidationOptions(videoDuration: 5, revision: .r2026_10))
    }

    @Test func integersBeyond64BitsAreIssuesAtTheirPath() throws {
        let request = #"{"model_name":"pegasus1.5","video":{"type":"url","url":"https://e.com/v.mp4"},"prompt":"p","max_tokens":99999999999999999999}"#
        let result = try report(request)
        #expect(result.issues == [ValidationIssue(.error, .parameterInvalid, path: "max_tokens",
                                                  "must fit in a signed 64-bit integer; got 99999999999999999999")])
        // Within uint64 but above Int64.max, negative, and nested in an array.
        let nested = #"{"video_id":"v","prompt":"p","temperature":-99999999999999999999,"response_format":{"type":"json_schema","json_schema":{"type":"object","enum":[1,9223372036854775808]}}}"#
        #expect(try report(nested).issues.map(\.path) == ["temperature", "response_format.json_schema.enum[1]"])
        #expect(try report(#"{"a":9223372036854775807}"#).issues.map(\.code) == [.parameterUnknown, .parameterNotProvided, .parameterNotProvided])
        // Still malformed: a syntax error beside it, or more than the bound.
        #expect(throws: AnalyzeError.self) { try report(#"{"max_tokens":99999999999999999999,}"#) }
        let many = "[" + Array(repeating: "99999999999999999999", count: OversizedIntegers.maxFound + 1).joined(separator: ",") + "]"
        #expect(throws: AnalyzeError.self) { try report(many) }
        let bounded = "[" + Array(repeating: "99999999999999999999", count: OversizedIntegers.maxFound).joined(separator: ",") + "]"
        #expect(try report(bounded).issues.count == OversizedIntegers.maxFound + 1)
        // Keys with escapes resolve to their decoded names.
        #expect(try report(#"{"a\"b":1e5,"c\u0041":[0,-99999999999999999999]}"#).issues.map(\.path).contains(#"cA[1]"#))
    }

    @Test func durationsUseTheWrittenDecimals() {
        #expect(DecimalDifference.of(4.1, 0.1) == 4)
        #expect(DecimalDifference.of(2.3, 0.3) == 2)
        #expect(DecimalDifference.of(13.999, 10) == 3.999)
        #expect(DecimalDifference.of(1e-5, 0) == 1e-5)
        #expect(DecimalDifference.of(1e300, 1e-300) == 1e300)
        #expect(DecimalDifference.of(.infinity, 1) == .infinity)
        #expect(DecimalDifference.of(-0.5, 0.25) == -0.75)
        #expect(4.1 - 0.1 < 4)
    }

    @Test func validateModes() throws {
        let invalid = #"{"video_id":"v","prompt":"p","temperature":3,"extra":1}"#
        let strict = build(TaskRequests.create, invalid, #"{"api_key":"k"}"#)
        guard case .failure(let error) = strict else { Issue.record("strict built"); return }
        #expect(error.status == .validationFailed)
        guard case .success(let warned) = build(TaskRequests.create, invalid, #"{"api_key":"k","validate":"warn"}"#) else {
            Issue.record("warn failed"); return
        }
        #expect(warned.body == invalid)
        #expect(warned.validation?.issues.map(\.path) == ["temperature", "extra"])
        #expect(String(decoding: warned.jsonBytes, as: UTF8.self).contains(#","validation":{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"temperature""#))
        guard case .success(let off) = build(TaskRequests.create, "[1, 99999999999999999999]", #"{"api_key":"k","validate":"off"}"#) else {
            Issue.record("off failed"); return
        }
        #expect(off.body == "[1, 99999999999999999999]")
        #expect(off.validation == nil)
        #expect(!String(decoding: off.jsonBytes, as: UTF8.self).contains("validation"))
        guard case .failure(let malformed) = build(TaskRequests.create, "{", #"{"api_key":"k","validate":"off"}"#) else {
            Issue.record("off accepted malformed JSON"); return
        }
        #expect(malformed.status == .malformedJSON)
        guard case .failure(let bad) = build(TaskRequests.create, "{}", #"{"api_key":"k","validate":"lenient"}"#) else {
            Issue.record("unknown mode accepted"); return
        }
        #expect(bad == AnalyzeError(.invalidArgument, #"option validate must be one of: strict, warn, off; got "lenient""#, path: "validate"))
        // A valid request in warn mode: body as written, an empty report.
        guard case .success(let fine) = build(TaskRequests.create, #"{"video_id": "v", "prompt": "p"}"#, #"{"api_key":"k","validate":"warn"}"#) else {
            Issue.record("warn failed"); return
        }
        #expect(fine.body == #"{"video_id": "v", "prompt": "p"}"#)
        #expect(fine.validation == ValidationReport(issues: []))
    }

    @Test func buildingUnderRevision2026_10() throws {
        let image = #"{"model_name":"pegasus1.6","image":[{"name":"a","url":"https://e.com/a.jpg"}],"prompt":"Describe <@a>."}"#
        guard case .failure(let error) = build(TaskRequests.create, image, #"{"api_key":"k"}"#) else { Issue.record("built"); return }
        #expect(error.message == "request is invalid: 3 error(s); first: model_name: pegasus1.6 is a model of API revision 2026-10, not 2026-05; pass api_revision 2026-10")
        guard case .success(let built) = build(TaskRequests.create, image, #"{"api_key":"k","api_revision":"2026-10"}"#) else {
            Issue.record("not built"); return
        }
        #expect(built.body == image)
        let unlimited = #"{"model_name":"pegasus1.6","video":{"type":"url","url":"https://e.com/v.mp4"},"analysis_mode":"time_based_metadata","max_tokens":"unlimited","response_format":{"type":"segment_definitions","segment_definitions":[{"id":"s","description":"d","fields":[{"name":"e","type":"time_array","description":"x","items":{"type":"object","fields":[{"name":"n","type":"string","description":"y"}]}}]}]}}"#
        guard case .success(let tbm) = build(TaskRequests.create, unlimited, #"{"api_key":"k","api_revision":"2026-10"}"#) else {
            Issue.record("not built"); return
        }
        #expect(tbm.body == unlimited)
    }

    @Test func cancelAndListUnderRevisions() {
        guard case .success(let cancel) = build(TaskRequests.cancel, "task 1", #"{"api_key":"k","api_revision":"2026-10"}"#) else {
            Issue.record("cancel failed"); return
        }
        #expect(cancel.method == "POST")
        #expect(cancel.url == "https://api.twelvelabs.io/v1.3/analyze/tasks/task%201/cancel")
        #expect(cancel.body == nil)
        #expect(cancel.headers.map(\.name) == ["x-api-key"])
        guard case .failure(let empty) = build(TaskRequests.cancel, "", #"{"api_key":"k"}"#) else { Issue.record("empty id"); return }
        #expect(empty == AnalyzeError(.invalidArgument, "task_id must not be empty"))
        guard case .failure(let revision) = build(TaskRequests.cancel, "t", #"{"api_key":"k","api_revision":"1"}"#) else { Issue.record("bad revision"); return }
        #expect(revision.path == "api_revision")
        guard case .success(let canceled) = build(TaskRequests.list, #"{"status":"canceled"}"#, #"{"api_key":"k"}"#) else {
            Issue.record("list failed"); return
        }
        #expect(canceled.url == "https://api.twelvelabs.io/v1.3/analyze/tasks?status=canceled")
        guard case .failure(let videoID) = build(TaskRequests.list, #"{"video_id":"v"}"#, #"{"api_key":"k","api_revision":"2026-10"}"#) else {
            Issue.record("video_id accepted"); return
        }
        #expect(videoID.message == "query is invalid: 1 error(s); first: video_id: the video_id filter is a filter of API revision 2026-05, not 2026-10; pass api_revision 2026-05")
        guard case .success = build(TaskRequests.list, #"{"video_id":"v"}"#, #"{"api_key":"k"}"#) else { Issue.record("2026-05 list"); return }
    }

    @Test func imageBase64Limits() throws {
        func image(_ base64: String) throws -> [ValidationIssue] {
            try report(#"{"model_name":"pegasus1.6","image":[{"name":"a","base64_string":""# + base64 + #""}],"prompt":"p"}"#,
                       ValidationOptions(revision: .r2026_10)).issues
        }
        let limit = 20 * 1024 * 1024
        #expect(try image(String(repeating: "A", count: 1_000)).isEmpty)
        #expect(try image(String(repeating: "A", count: limit / 3 * 4)).map(\.severity) == [.warning])
        #expect(try image(String(repeating: "A", count: (limit / 3 + 1) * 4)).map(\.message)
                == ["decodes to 20,971,521 bytes, over the 20 MB limit (20,971,520 bytes)"])
        #expect(try image(String(repeating: "A", count: 20_000_004 / 3 * 4)).map(\.severity) == [.warning])
        #expect(Base64Check.check("QUI", paddingOptional: true) == .valid(decodedBytes: 2))
        #expect(Base64Check.check("QQ", paddingOptional: true) == .valid(decodedBytes: 1))
        #expect(Base64Check.check("QUI", paddingOptional: false) == .invalid("is not valid base64: its length 3 is not a multiple of 4 (missing = padding?)"))
        // media_sources take 32 MB in 2026-10, 30 MB in 2026-05.
        let source = String(repeating: "A", count: 31 * 1024 * 1024 / 3 * 4)
        let request = #"{"model_name":"pegasus1.5","video":{"type":"url","url":"https://e.com/v.mp4"},"prompt_v2":{"input_text":"<@a>","media_sources":[{"name":"a","media_type":"image","base64_string":""# + source + #""}]}}"#
        #expect(try report(request, ValidationOptions(revision: .r2026_10)).issues.map(\.severity) == [.warning])
        #expect(try report(request).issues.map(\.severity) == [.error])
    }
}
