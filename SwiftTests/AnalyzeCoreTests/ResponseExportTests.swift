import Testing
@testable import AnalyzeCore

/// `exportSegments` over text.
func exported(_ body: String, _ format: String?, options: String = "") throws(AnalyzeError) -> String {
    try runOnText(body, options: options) { body, options throws(AnalyzeError) in try exportSegments(body, format: format, options: options) }
}

/// The error `exportSegments` throws, or nil.
func exportFailure(_ body: String, _ format: String?, options: String = "") -> AnalyzeError? {
    do {
        _ = try exported(body, format, options: options)
        return nil
    } catch {
        return error
    }
}

@Suite("Response: segment export")
struct ResponseExportTests {
    static let task = segmentTask(data: #"{"goal":[{"start_time":"00:01:00.000","end_time":"00:01:05.250","metadata":{"team":"home","minute":1,"scorers":["A, \"B\""],"kickoff":"00:00:00"}},{"start_time":"00:00:10.000","end_time":"00:00:12.000","metadata":{"team":"x-->y","minute":0,"scorers":[],"kickoff":"00:00:00"}}],"card":[{"start_time":"00:00:10.000","end_time":"00:00:11.000","metadata":{"color":"red","serious":false,"at":10}},{"start_time":"00:00:20.000","end_time":"00:00:20.000","metadata":{"color":"red","serious":false,"at":20}}]}"#,
                                  format: #""segment_time_format":"hh:mm:ss.fff","#)

    @Test func webVTTCuesAreOrderedByStartTime() throws {
        #expect(try exported(Self.task, "vtt") == """
            WEBVTT

            NOTE skipped result.segments.card[1]: end_time is not after start_time

            1
            00:00:10.000 --> 00:00:12.000
            {"definition":"goal","metadata":{"team":"x--\\u003ey","minute":0,"scorers":[],"kickoff":0.0}}

            2
            00:00:10.000 --> 00:00:11.000
            {"definition":"card","metadata":{"color":"red","serious":false,"at":10.0}}

            3
            00:01:00.000 --> 00:01:05.250
            {"definition":"goal","metadata":{"team":"home","minute":1,"scorers":["A, \\"B\\""],"kickoff":0.0}}


            """)
    }

    @Test func csvIsRFC4180InResultOrder() throws {
        #expect(try exported(Self.task, "csv") ==
            "definition_id,index,start_time,end_time,metadata\r\n" +
            #"goal,0,60.0,65.25,"{""team"":""home"",""minute"":1,""scorers"":[""A, \""B\""""],""kickoff"":0.0}""# + "\r\n" +
            #"goal,1,10.0,12.0,"{""team"":""x-->y"",""minute"":0,""scorers"":[],""kickoff"":0.0}""# + "\r\n" +
            #"card,0,10.0,11.0,"{""color"":""red"",""serious"":false,""at"":10.0}""# + "\r\n" +
            #"card,1,20.0,20.0,"{""color"":""red"",""serious"":false,""at"":20.0}""# + "\r\n")
    }

    @Test func jsonIsTheSegmentsObject() throws {
        let task = try taskDocument(Self.task)
        #expect(try exported(Self.task, "json") == segmentsText(task))
    }

    @Test func unusableSegmentsBecomeNotes() throws {
        let body = segmentTask(data: #"{"goal\n-->":[{"start_time":-1,"end_time":2},{"start_time":"x","end_time":2}]}"#)
        #expect(try exported(body, "vtt") == """
            WEBVTT

            NOTE skipped result.segments["goal\\n--\\u003e"][0]: a time is negative or out of range

            NOTE skipped result.segments["goal\\n--\\u003e"][1]: start_time or end_time is unknown


            """)
        #expect(try exported(body, "csv") == "definition_id,index,start_time,end_time,metadata\r\n\"goal\n-->\",0,-1.0,2.0,{}\r\n\"goal\n-->\",1,,2.0,{}\r\n")
    }

    @Test func formatsAndTasksWithoutSegmentsAreRefused() {
        #expect(exportFailure(Self.task, nil) == AnalyzeError(.invalidArgument, "format is NULL (expected vtt, csv, json or svg)"))
        #expect(exportFailure(Self.task, "srt") == AnalyzeError(.invalidArgument, #"format "srt" is not one of vtt, csv, json, svg"#))
        #expect(exportFailure(Self.task, "VTT")?.status == .invalidArgument)
        #expect(exportFailure(ResponseTaskTests.queued, "vtt") == AnalyzeError(.malformedResponse, "the task has no result (status is queued)", path: "result"))
        let text = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","result":{"generation_id":"g","data":"hi","finish_reason":"stop","usage":{"output_tokens":1}}}"#
        #expect(exportFailure(text, "csv") == AnalyzeError(.malformedResponse, "the task is not a time_based_metadata task, so its result has no segments (when request_params does not say, pass the create request as options.request)", path: "result"))
        #expect((try? exported(text, "json", options: #"{"request":{"analysis_mode":"time_based_metadata"}}"#)) == nil)
        let truncated = segmentTask(data: #"{"goal":[{"sta"#, finish: "length")
        #expect(exportFailure(truncated, "vtt") == AnalyzeError(.malformedResponse, "output truncated at max_tokens: data is not complete JSON (finish_reason is length; truncation_message says whether max_tokens or the context window was reached), not a server bug", path: "result.data"))
        #expect(exportFailure(segmentTask(data: "[]"), "vtt") == AnalyzeError(.malformedResponse, "data must be a JSON object keyed by segment definition id, got array", path: "result.data"))
        #expect(exportFailure(Self.task, "vtt", options: #"{"json_schema":{}}"#)?.status == .invalidArgument)
    }

    @Test func callersRequestMakesATextTaskExportable() throws {
        let data = #"{"goal":[{"start_time":1,"end_time":2,"metadata":{}}]}"#
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","result":{"generation_id":"g","data":\#(quotedJSON(data)),"finish_reason":"stop","usage":{"output_tokens":1}}}"#
        #expect(try exported(body, "json", options: #"{"request":{"analysis_mode":"time_based_metadata"}}"#) == #"{"goal":[{"start_time":1.0,"end_time":2.0,"metadata":{}}]}"#)
    }
}
