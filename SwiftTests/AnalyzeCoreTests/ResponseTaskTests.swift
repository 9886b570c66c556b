import Testing
@testable import AnalyzeCore

/// Runs a core function over the UTF-8 of `text` (and of `options`), returning its output as text.
func runOnText(_ text: String, options: String = "",
               _ function: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8]) throws(AnalyzeError) -> String {
    let input = Array(text.utf8)
    let optionBytes = Array(options.utf8)
    let result: Result<[UInt8], AnalyzeError> = input.withUnsafeBytes { body in
        optionBytes.withUnsafeBytes { opts in
            do throws(AnalyzeError) {
                return .success(try function(body, opts))
            } catch {
                return .failure(error)
            }
        }
    }
    return String(decoding: try result.get(), as: UTF8.self)
}

/// The normalized task text of a body.
func normalizedTask(_ body: String, options: String = "") throws(AnalyzeError) -> String {
    try runOnText(body, options: options) { body, options throws(AnalyzeError) in try parseTask(body, options: options) }
}

/// The error `parseTask` throws for a body, or nil.
func taskFailure(_ body: String, options: String = "") -> AnalyzeError? {
    do {
        _ = try normalizedTask(body, options: options)
        return nil
    } catch {
        return error
    }
}

/// The normalized task of a body, read back as a document for member checks.
func taskDocument(_ body: String, options: String = "") throws -> JSONNode {
    try JSONDocument.parse(try normalizedTask(body, options: options)).root
}

/// The `result.issues` of a normalized task as (code, path) pairs.
func issueList(_ task: JSONNode) -> [String] {
    task["result"]?["issues"]?.elements.map { "\($0["code"]?.string ?? "?") \($0["path"]?.string ?? "?")" } ?? []
}

@Suite("Response: task normalization")
struct ResponseTaskTests {
    static let queued = #"{"task_id":"t1","custom_id":"c-1","status":"queued","created_at":"2026-01-05T08:00:00Z","x_future":{"a":1}}"#

    @Test func smallestTaskHasEveryMemberInOrder() throws {
        #expect(try normalizedTask(Self.queued) ==
            #"{"task_id":"t1","custom_id":"c-1","batch_id":null,"status":"queued","terminal":false,"known":true,"created_at":"2026-01-05T08:00:00Z","created_at_ms":1767600000000,"completed_at":null,"completed_at_ms":null,"video_source":null,"request_params":null,"webhooks":[],"error":null,"result":null}"#)
    }

    @Test func terminalIsTrueExactlyForReadyFailedAndCanceled() throws {
        for (status, terminal) in [("queued", false), ("pending", false), ("processing", false), ("ready", true), ("failed", true), ("canceled", true), ("archived", false)] {
            let task = try taskDocument(#"{"task_id":"t","custom_id":null,"status":"\#(status)","created_at":"2026-01-05T08:00:00Z"}"#)
            #expect(task["terminal"]?.bool == terminal, "\(status)")
        }
    }

    @Test func customIdIsNullWhenAbsent() throws {
        let task = try taskDocument(#"{"task_id":"t","status":"pending","created_at":"2026-01-05T08:00:00Z"}"#)
        #expect(task["custom_id"]?.isNull == true)
    }

    @Test func datesAreCheckedAndConverted() throws {
        let task = try taskDocument(#"{"task_id":"t","custom_id":null,"status":"failed","created_at":"2026-01-05T10:00:00.1234+02:00","completed_at":"2026-01-05t08:00:01z","error":{"message":"Video duration exceeds maximum allowed duration"}}"#)
        #expect(task["created_at_ms"]?.int64 == 1767600000123)
        #expect(task["completed_at_ms"]?.int64 == 1767600001000)
        #expect(task["error"]?["message"]?.string == "Video duration exceeds maximum allowed duration")
        let bad = taskFailure(#"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-02-30T00:00:00Z"}"#)
        #expect(bad == AnalyzeError(.malformedResponse, #"created_at "2026-02-30T00:00:00Z" is not an RFC 3339 date-time"#, path: "created_at"))
    }

    @Test func videoSourceAndWebhooksAreNormalized() throws {
        let body = #"{"task_id":"t","custom_id":null,"status":"processing","created_at":"2026-01-05T08:00:00Z","video_source":{"type":"url","url":"https://e.x/v.mp4","system_metadata":{"duration":61.5},"extra":true},"webhooks":[{"url":"https://h.x/","delivered":false,"attempts":3,"last_error":"timeout"},{"url":"https://g.x/","delivered":true,"attempts":1}]}"#
        let task = try taskDocument(body)
        var writer = JSONWriter()
        writer.write(task["video_source"]!)
        #expect(writer.text == #"{"type":"url","url":"https://e.x/v.mp4","asset_id":null,"video_id":null,"index_id":null,"duration":61.5}"#)
        writer = JSONWriter()
        writer.write(task["webhooks"]!)
        #expect(writer.text == #"[{"url":"https://h.x/","delivered":false,"attempts":3,"last_error":"timeout"},{"url":"https://g.x/","delivered":true,"attempts":1,"last_error":null}]"#)
    }

    @Test func missingAndMistypedMembersAreErrorsWithPaths() {
        let base = #""custom_id":null,"created_at":"2026-01-05T08:00:00Z""#
        #expect(taskFailure(#"{\#(base),"status":"ready"}"#) == AnalyzeError(.malformedResponse, "task_id is required", path: "task_id"))
        #expect(taskFailure(#"{\#(base),"task_id":7,"status":"ready"}"#) == AnalyzeError(.malformedResponse, "task_id must be a string, got integer", path: "task_id"))
        #expect(taskFailure(#"{\#(base),"task_id":"","status":"ready"}"#) == AnalyzeError(.malformedResponse, "the task id is empty", path: "task_id"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"done"}"#) == nil)
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":["done"]}"#) == AnalyzeError(.malformedResponse, "status must be a string, got array", path: "status"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"failed","error":{"message":"m","code":7}}"#) == AnalyzeError(.malformedResponse, "code must be a string, got integer", path: "error.code"))
        #expect(taskFailure(#"{"task_id":"t","status":"ready"}"#) == AnalyzeError(.malformedResponse, "created_at is required", path: "created_at"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"ready","webhooks":[{"url":"u","delivered":"yes","attempts":1}]}"#) == AnalyzeError(.malformedResponse, "delivered must be a boolean, got string", path: "webhooks[0].delivered"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"ready","video_source":{"system_metadata":{"duration":"long"}}}"#) == AnalyzeError(.malformedResponse, "duration must be a number, got string", path: "video_source.system_metadata.duration"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"ready","result":{"generation_id":"g","data":"x","finish_reason":"stop"}}"#) == AnalyzeError(.malformedResponse, "usage is required", path: "result.usage"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"ready","result":{"generation_id":"g","data":{},"finish_reason":"stop","usage":{"output_tokens":1}}}"#) == AnalyzeError(.malformedResponse, "data must be a string, got object", path: "result.data"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"failed","error":{"code":"x"}}"#) == AnalyzeError(.malformedResponse, "message is required", path: "error.message"))
        #expect(taskFailure(#"{\#(base),"task_id":"t","status":"ready","request_params":{"analysis_mode":3}}"#) == AnalyzeError(.malformedResponse, "analysis_mode must be a string, got integer", path: "request_params.analysis_mode"))
        #expect(taskFailure("[1]") == AnalyzeError(.malformedResponse, "the body must be an object, got array"))
    }

    @Test func textResultKeepsDataUntouched() throws {
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"prompt":"p"},"result":{"generation_id":"g","data":"  Hello \"world\"\n","finish_reason":"stop","usage":{"output_tokens":5,"input_tokens":10}}}"#
        let text = try normalizedTask(body)
        #expect(text.hasSuffix(#""error":null,"result":{"generation_id":"g","data":"  Hello \"world\"\n","finish_reason":"stop","usage":{"output_tokens":5,"input_tokens":10},"truncated":false,"issues":[]}}"#))
    }

    @Test func truncatedTextKeepsThePlatformMessage() throws {
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","error":{"message":"output truncated: the generation reached the configured max_tokens."},"result":{"generation_id":"g","data":"Once upon","finish_reason":"length","usage":{"output_tokens":5}}}"#
        let text = try normalizedTask(body)
        #expect(text.hasSuffix(#""result":{"generation_id":"g","data":"Once upon","finish_reason":"length","usage":{"output_tokens":5,"input_tokens":null},"truncated":true,"truncation_message":"output truncated: the generation reached the configured max_tokens.","issues":[]}}"#))
    }

    @Test func unknownFinishReasonIsAWarning() throws {
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","result":{"generation_id":"g","data":"x","finish_reason":"content_filter","usage":{"output_tokens":5}}}"#
        #expect(issueList(try taskDocument(body)) == ["finish_reason_unknown result.finish_reason"])
    }

    @Test func requestParamsAreCopiedAsSentBack() throws {
        let body = #"{"task_id":"t","custom_id":null,"status":"queued","created_at":"2026-01-05T08:00:00Z","request_params":{"temperature":0.2,"prompt":"é\u2028","future":[1,{"b":null}]}}"#
        #expect(try normalizedTask(body).contains(#""request_params":{"temperature":0.2,"prompt":"é\u2028","future":[1,{"b":null}]},"#))
    }

    @Test func unknownOptionsAreRejected() {
        #expect(taskFailure(Self.queued, options: #"{"now":1}"#) == AnalyzeError(.invalidArgument, #"unknown option "now" (allowed: request, json_schema, include_data, segments_encoding)"#, path: "now"))
        #expect(taskFailure(Self.queued, options: "[]") == AnalyzeError(.invalidArgument, "options must be a JSON object, got array"))
        #expect(taskFailure(Self.queued, options: #"{"request":"x"}"#) == AnalyzeError(.invalidArgument, "option request must be an object (the create request), got string", path: "request"))
        #expect(taskFailure(Self.queued, options: #"{"request":{"response_format":{"type":1}}}"#) == AnalyzeError(.invalidArgument, "type must be a string, got integer", path: "request.response_format.type"))
        #expect(taskFailure(Self.queued, options: #"{"json_schema":3}"#) == AnalyzeError(.invalidArgument, "option json_schema must be an object or a boolean, got integer", path: "json_schema"))
        #expect(taskFailure(Self.queued, options: "{")?.status == .invalidArgument)
        #expect((try? normalizedTask(Self.queued, options: "null")) != nil)
        #expect((try? normalizedTask(Self.queued, options: #"{"request":null,"json_schema":null}"#)) != nil)
    }
}
