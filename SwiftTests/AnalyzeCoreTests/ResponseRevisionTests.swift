import Testing
@testable import AnalyzeCore

/// What today's API (revision 2026-10) returns: canceled tasks, error codes,
/// batch ids, unknown statuses, the cancel response, canceled webhooks,
/// time_array events, and segment time formats inferred from the values.
@Suite("Response: revision 2026-10")
struct ResponseRevisionTests {
    private let created = #""created_at":"2026-11-30T10:00:00Z""#

    private func task(_ body: String) throws -> JSONNode {
        try JSONDocument.parse(try normalizedTask(body)).root
    }

    private func decision(_ state: String, attempt: UInt32) throws -> PollDecision {
        try pollNext(state: try Array(state.utf8).withUnsafeBytes { try PollState.parse($0) }, attempt: attempt, options: PollOptions())
    }

    @Test func canceledIsTerminalWithItsErrorCode() throws {
        let root = try task(#"{"task_id":"t","status":"canceled",\#(created),"batch_id":"b-1","error":{"message":"m","code":"user_canceled"}}"#)
        #expect(root["terminal"]?.bool == true)
        #expect(root["known"]?.bool == true)
        #expect(root["batch_id"]?.string == "b-1")
        #expect(root["error"].map { JSONValue($0).jsonText } == #"{"message":"m","code":"user_canceled"}"#)
        let plain = try task(#"{"task_id":"t","status":"canceled",\#(created)}"#)
        #expect(plain["error"]?.isNull == true)
        #expect(plain["batch_id"]?.isNull == true)
        let unknownCode = try task(#"{"task_id":"t","status":"failed",\#(created),"error":{"message":"m","code":"brand_new"}}"#)
        #expect(unknownCode["error"]?["code"]?.string == "brand_new")
    }

    @Test func unknownStatusesAreKeptAndStopPollingAfterFiveAttempts() throws {
        let text = try normalizedTask(#"{"task_id":"t","status":"archived",\#(created)}"#)
        #expect(text.contains(#""status":"archived","terminal":false,"known":false"#))
        for attempt in UInt32(0)..<unknownStatusAttempts {
            #expect(try decision(text, attempt: attempt).reason == .backoff)
        }
        #expect(try decision(text, attempt: 5) == PollDecision(done: true, delayMs: nil, reason: .unknownStatus,
                                                               message: #"task status "archived" is not one the library knows; stopped after 5 attempts"#))
        #expect(try decision(#"{"status":"archived"}"#, attempt: 7).reason == .unknownStatus)
        // A known running status polls on; a terminal unknown one (terminal given) stops as terminal.
        #expect(try decision(#"{"status":"processing"}"#, attempt: 50).reason == .backoff)
        #expect(try decision(#"{"status":"archived","terminal":true}"#, attempt: 0).reason == .terminal)
        #expect(try decision(#"{"status":"archived","known":true}"#, attempt: 50).reason == .backoff)
    }

    @Test func batchStatusesPoll() throws {
        for status in ["completed", "canceled", "expired", "ready", "failed"] {
            #expect(try decision(#"{"status":"\#(status)"}"#, attempt: 0).reason == .terminal)
        }
        for status in ["pending", "processing", "canceling", "queued"] {
            #expect(try decision(#"{"status":"\#(status)"}"#, attempt: 9).reason == .backoff)
        }
    }

    @Test func cancelResponses() throws {
        func parse(_ status: Int32, _ body: String) throws(AnalyzeError) -> ResponseOutcome {
            let bytes = Array(body.utf8)
            let result: Result<ResponseOutcome, AnalyzeError> = bytes.withUnsafeBytes { raw in
                do throws(AnalyzeError) {
                    return .success(try parseResponse(kind: ResponseKind.cancel.rawValue, httpStatus: status,
                                                      headers: UnsafeRawBufferPointer(start: nil, count: 0), body: raw,
                                                      options: UnsafeRawBufferPointer(start: nil, count: 0)))
                } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
        #expect(try parse(200, #"{"task_id":"t","status":"canceled"}"#) == .success(Array(#"{"task_id":"t","status":"canceled"}"#.utf8)))
        guard case .apiError(_, let error) = try parse(409, #"{"code":"conflict","message":"already ready"}"#) else {
            Issue.record("409 is not an API error"); return
        }
        #expect(error.status == .apiError)
        #expect(throws: AnalyzeError(.malformedResponse, "task_id is required", path: "task_id")) { try parse(200, #"{"status":"canceled"}"#) }
    }

    @Test func canceledWebhooks() throws {
        let event = #"{"id":"e","created_at":"2026-11-30T10:00:00Z","type":"analyze.task.canceled","data":{"id":"t","custom_id":null,"status":"canceled"}}"#
        let root = try JSONDocument.parse(try webhookEvent(event)).root
        #expect(root["known"]?.bool == true)
        #expect(root["task"]?["status"]?.string == "canceled")
        #expect(root["task"]?["terminal"]?.bool == true)
        #expect(root["data"] == nil)
        let wrong = #"{"id":"e","created_at":"2026-11-30T10:00:00Z","type":"analyze.task.canceled","data":{"id":"t","status":"failed"}}"#
        #expect(webhookFailure(wrong) == AnalyzeError(.malformedResponse, #"status must be "canceled" in an event of type analyze.task.canceled"#, path: "data.status"))
    }

    private func segmentsTask(_ data: String, timeFormat: String? = nil) -> String {
        let format = timeFormat.map { #","segment_time_format":"\#($0)""# } ?? ""
        let escaped = data.replacingOccurrencesOfQuote()
        return #"{"task_id":"t","status":"ready",\#(created),"request_params":{"analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions"\#(format),"segment_definitions":[{"id":"s","description":"d","fields":[{"name":"e","type":"time_array","description":"x","items":{"type":"object","fields":[{"name":"n","type":"integer","description":"y"}]}}]}]}},"result":{"generation_id":"g","data":"\#(escaped)","finish_reason":"stop","usage":{"output_tokens":1}}}"#
    }

    private func issues(_ body: String) throws -> [String] {
        try task(body)["result"]?["issues"]?.elements.map { "\($0["code"]?.string ?? "") \($0["path"]?.string ?? "")" } ?? []
    }

    @Test func timeArrayEventsAreNormalizedAndChecked() throws {
        let data = #"{"s":[{"start_time":10,"end_time":20,"metadata":{"e":[{"start_time":11.5,"end_time":12,"n":1},{"start_time":9,"end_time":21,"n":"two","x":true},{"start_time":13,"end_time":12},"e3"]}}]}"#
        let root = try task(segmentsTask(data))
        let events = Array(root["result"]!["segments"]!["s"]!.elements)[0]["metadata"]!["e"]!
        #expect(JSONValue(events).jsonText == #"[{"start_time":11.5,"end_time":12.0,"n":1},{"start_time":9.0,"end_time":21.0,"n":"two","x":true},{"start_time":13.0,"end_time":12.0},"e3"]"#)
        #expect(try issues(segmentsTask(data)) == [
            "event_outside_segment result.segments.s[0].metadata.e[1].start_time",
            "event_outside_segment result.segments.s[0].metadata.e[1].end_time",
            "field_type result.segments.s[0].metadata.e[1].n",
            "field_unknown result.segments.s[0].metadata.e[1].x",
            "segment_time_order result.segments.s[0].metadata.e[2]",
            "field_missing result.segments.s[0].metadata.e[2].n",
            "segments_shape result.segments.s[0].metadata.e[3]",
        ])
        // Event times follow the declared segment_time_format.
        let clock = #"{"s":[{"start_time":"00:00:10","end_time":"00:00:20","metadata":{"e":[{"start_time":"00:00:11","end_time":12,"n":1}]}}]}"#
        #expect(try issues(segmentsTask(clock, timeFormat: "hh:mm:ss")) == ["time_format result.segments.s[0].metadata.e[0].end_time"])
        #expect(try issues(segmentsTask(#"{"s":[{"start_time":1,"end_time":2,"metadata":{"e":{"n":1}}}]}"#)) == ["field_type result.segments.s[0].metadata.e"])
    }

    @Test func undeclaredTimeFormatsAreInferredNotAssumed() throws {
        let clock = #"{"s":[{"start_time":"00:00:10","end_time":"00:00:20","metadata":{"e":[]}},{"start_time":"00:00:20","end_time":"00:00:30","metadata":{"e":[]}}]}"#
        #expect(try issues(segmentsTask(clock)) == [])
        let mixed = #"{"s":[{"start_time":"00:00:10","end_time":"00:00:20","metadata":{"e":[]}},{"start_time":20,"end_time":"00:00:30.500","metadata":{"e":[]}}]}"#
        let found = try task(segmentsTask(mixed))["result"]!["issues"]!.elements.map { $0["message"]?.string ?? "" }
        #expect(found == [
            #"start_time is the number 20, expected a "hh:mm:ss" string like the first segment time (segment_time_format is not declared)"#,
            #"end_time is not in the format hh:mm:ss like the first segment time (segment_time_format is not declared): "00:00:30.500""#,
        ])
        // A declared format that the values contradict is still reported.
        #expect(try issues(segmentsTask(clock, timeFormat: "seconds")).count == 4)
    }
}

private extension String {
    /// The text with `"` escaped, to embed JSON in a JSON string.
    func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for character in self {
            if character == "\"" { out += "\\\"" } else { out.append(character) }
        }
        return out
    }
}
