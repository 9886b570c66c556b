import Testing
@testable import AnalyzeCore

@Suite("Response: the include_data option")
struct ResponseIncludeDataTests {
    static let data = #"{"goal":[{"start_time":1,"end_time":2,"metadata":{"team":"home","minute":1,"scorers":["A \"B\""],"kickoff":"00:00:01"}}]}"#
    static let body = segmentTask(data: data)

    /// `"data":` and the quoted data string, as the default output holds it.
    static var quotedData: String {
        var quoted: [UInt8] = []
        JSONWriter.appendQuoted(data, to: &quoted)
        return #""data":"# + String(decoding: quoted, as: UTF8.self)
    }

    @Test func falseWritesNullDataAndChangesNothingElse() throws {
        let full = try normalizedTask(Self.body)
        #expect(full.contains(Self.quotedData))
        let expected = full.replacingAll(Self.quotedData, with: #""data":null"#)
        #expect(try normalizedTask(Self.body, options: #"{"include_data":false}"#) == expected)
        let task = try taskDocument(Self.body, options: #"{"include_data":false}"#)
        #expect(task["result"]?["data"]?.isNull == true)
        #expect(segmentsText(task) == #"{"goal":[{"start_time":1.0,"end_time":2.0,"metadata":{"team":"home","minute":1,"scorers":["A \"B\""],"kickoff":1.0}}]}"#)
    }

    @Test func trueAndNullAreTheDefault() throws {
        let full = try normalizedTask(Self.body)
        #expect(try normalizedTask(Self.body, options: #"{"include_data":true}"#) == full)
        #expect(try normalizedTask(Self.body, options: #"{"include_data":null}"#) == full)
    }

    @Test func dataThatIsNotJSONIsStillReported() throws {
        let body = segmentTask(data: #"{"goal":["#, finish: "length")
        let task = try taskDocument(body, options: #"{"include_data":false}"#)
        #expect(task["result"]?["data"]?.isNull == true)
        #expect(task["result"]?["segments"]?.isNull == true)
        #expect(issueList(task) == ["output_truncated result.data"])
    }

    @Test func otherTypesAreRejected() {
        #expect(taskFailure(Self.body, options: #"{"include_data":0}"#) == AnalyzeError(.invalidArgument, "option include_data must be a boolean, got integer", path: "include_data"))
        #expect(taskFailure(Self.body, options: #"{"include_data":"false"}"#) == AnalyzeError(.invalidArgument, "option include_data must be a boolean, got string", path: "include_data"))
    }

    @Test func retrieveListWebhookAndBatchResultsTakeIt() throws {
        let options = #"{"include_data":false}"#
        let retrieve = try httpResult(2, 200, Self.body, options: options)
        #expect(retrieve == "ok " + (try normalizedTask(Self.body, options: options)))
        let list = try httpResult(3, 200, #"{"data":[\#(Self.body)],"page_info":{"limit_per_page":10,"page":1,"total_page":1,"total_results":1}}"#, options: options)
        #expect(list.contains(#""data":null"#) && !list.contains(Self.quotedData))
        let event = try JSONDocument.parse(try webhookEvent(#"{"id":"e","created_at":"2026-01-05T08:00:05Z","type":"analyze.task.ready","data":\#(Self.body)}"#, options: options)).root
        #expect(event["task"]?["result"]?["data"]?.isNull == true)
        let line = #"{"task_id":"t1","custom_id":null,"status":"ready","data":{"generation_id":"g","data":"x","finish_reason":"stop","usage":{"output_tokens":1}}}"#
        let results = try JSONDocument.parse(try runOnText(line, options: options) { body, options throws(AnalyzeError) in try BatchResults.parse(body, options: options) }).root
        #expect(Array(results["results"]!.elements)[0]["result"]?["data"]?.isNull == true)
    }
}
