import Testing
@testable import AnalyzeCore

/// `parseWebhookEvent` over text.
func webhookEvent(_ body: String, options: String = "") throws(AnalyzeError) -> String {
    try runOnText(body, options: options) { body, options throws(AnalyzeError) in try parseWebhookEvent(body, options: options) }
}

/// The error `parseWebhookEvent` throws, or nil.
func webhookFailure(_ body: String, options: String = "") -> AnalyzeError? {
    do {
        _ = try webhookEvent(body, options: options)
        return nil
    } catch {
        return error
    }
}

@Suite("Response: webhook events")
struct ResponseWebhookTests {
    @Test func readyEventCarriesTheTaskAsFarAsPresent() throws {
        let body = #"{"id":"evt_1","created_at":"2026-01-05T08:00:05Z","type":"analyze.task.ready","data":{"id":"t1","status":"ready","custom_id":"c-1"}}"#
        #expect(try webhookEvent(body) == #"{"id":"evt_1","created_at":"2026-01-05T08:00:05Z","created_at_ms":1767600005000,"type":"analyze.task.ready","known":true,"task":{"task_id":"t1","custom_id":"c-1","batch_id":null,"status":"ready","terminal":true,"known":true,"created_at":null,"created_at_ms":null,"completed_at":null,"completed_at_ms":null,"video_source":null,"request_params":null,"webhooks":[],"error":null,"result":null}}"#)
    }

    @Test func fullTaskDataIsNormalizedLikeARetrieve() throws {
        let task = segmentTask(data: #"{"goal":[{"start_time":1,"end_time":2,"metadata":{"team":"home","minute":1,"scorers":[],"kickoff":"00:00:01"}}]}"#)
        let body = #"{"id":"evt_2","created_at":"2026-01-05T08:00:05Z","type":"analyze.task.ready","data":\#(task)}"#
        let event = try JSONDocument.parse(try webhookEvent(body)).root
        var writer = JSONWriter()
        writer.write(event["task"]!)
        #expect(writer.text == (try normalizedTask(task)))
    }

    @Test func failedEventKeepsTheErrorMessage() throws {
        let body = #"{"id":"evt_3","created_at":"2026-01-05T08:00:05Z","type":"analyze.task.failed","data":{"task_id":"t1","status":"failed","custom_id":null,"error":{"message":"Video could not be read"}}}"#
        #expect(try webhookEvent(body).hasSuffix(#""error":{"message":"Video could not be read","code":null},"result":null}}"#))
    }

    @Test func unknownTypesPassThrough() throws {
        let body = #"{"id":"evt_4","created_at":"2026-01-05T08:00:05Z","type":"analyze.batch.completed","data":{"batch_id":"b1"}}"#
        #expect(try webhookEvent(body) == #"{"id":"evt_4","created_at":"2026-01-05T08:00:05Z","created_at_ms":1767600005000,"type":"analyze.batch.completed","known":false,"task":null,"data":{"batch_id":"b1"}}"#)
        #expect(try webhookEvent(#"{"id":"e","created_at":"2026-01-05T08:00:05Z","type":"ping"}"#).hasSuffix(#""known":false,"task":null,"data":null}"#))
    }

    @Test func malformedEventsAreErrorsWithPaths() {
        let head = #""id":"e","created_at":"2026-01-05T08:00:05Z""#
        #expect(webhookFailure(#"{"created_at":"2026-01-05T08:00:05Z","type":"x"}"#) == AnalyzeError(.malformedResponse, "id is required", path: "id"))
        #expect(webhookFailure(#"{"id":"e","created_at":"yesterday","type":"x"}"#) == AnalyzeError(.malformedResponse, #"created_at "yesterday" is not an RFC 3339 date-time"#, path: "created_at"))
        #expect(webhookFailure(#"{\#(head),"type":7}"#) == AnalyzeError(.malformedResponse, "type must be a string, got integer", path: "type"))
        #expect(webhookFailure(#"{\#(head),"type":"analyze.task.ready"}"#) == AnalyzeError(.malformedResponse, "data is required", path: "data"))
        #expect(webhookFailure(#"{\#(head),"type":"analyze.task.ready","data":{"status":"ready"}}"#) == AnalyzeError(.malformedResponse, "id is required", path: "data.id"))
        #expect(webhookFailure(#"{\#(head),"type":"analyze.task.ready","data":{"id":"t","custom_id":null}}"#) == AnalyzeError(.malformedResponse, "status is required", path: "data.status"))
        #expect(webhookFailure(#"{\#(head),"type":"analyze.task.ready","data":{"id":"t","status":"failed"}}"#) == AnalyzeError(.malformedResponse, #"status must be "ready" in an event of type analyze.task.ready"#, path: "data.status"))
        #expect(webhookFailure(#"{\#(head),"type":"analyze.task.failed","data":{"id":"t","status":"failed","created_at":"x"}}"#) == AnalyzeError(.malformedResponse, #"created_at "x" is not an RFC 3339 date-time"#, path: "data.created_at"))
        #expect(webhookFailure(#"{\#(head),"type":"analyze.task.failed","data":[]}"#) == AnalyzeError(.malformedResponse, "data must be an object, got array", path: "data"))
        #expect(webhookFailure(#"{\#(head),"type":"x"}"#, options: #"{"now":1}"#)?.status == .invalidArgument)
    }
}
