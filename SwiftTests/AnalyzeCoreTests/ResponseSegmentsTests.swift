import Testing
@testable import AnalyzeCore

/// A ready time_based_metadata task body with `data` (JSON text, escaped here)
/// and the given `response_format` members inside `request_params`.
func segmentTask(data: String, format: String = "", mode: String = #""analysis_mode":"time_based_metadata","#,
                 finish: String = "stop") -> String {
    let definitions = #"[{"id":"goal","description":"A goal","fields":[{"name":"team","type":"string","enum":["home","away"]},{"name":"minute","type":"integer"},{"name":"scorers","type":"array","items":{"type":"string"}},{"name":"kickoff","type":"timestamp","format":"hh:mm:ss"}]},{"id":"card","description":"A card","fields":[{"name":"color","type":"string","enum":["yellow","red"]},{"name":"serious","type":"boolean"},{"name":"at","type":"timestamp","format":"seconds"}]}]"#
    var escaped: [UInt8] = []
    JSONWriter.appendQuoted(data, to: &escaped)
    return #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{\#(mode)"response_format":{"type":"segment_definitions",\#(format)"segment_definitions":\#(definitions)}},"result":{"generation_id":"g","data":\#(String(decoding: escaped, as: UTF8.self)),"finish_reason":"\#(finish)","usage":{"output_tokens":9}}}"#
}

/// The `result.segments` of a normalized task, as compact text.
func segmentsText(_ task: JSONNode) -> String {
    var writer = JSONWriter()
    if let segments = task["result"]?["segments"] { writer.write(segments) }
    return writer.text
}

@Suite("Response: time_based_metadata segments")
struct ResponseSegmentsTests {
    @Test func secondsAreTheDefaultFormat() throws {
        let task = try taskDocument(segmentTask(data: #"{"goal":[{"start_time":12,"end_time":20.5,"metadata":{"team":"home","minute":3,"scorers":["Nine"],"kickoff":"00:00:10"}}],"card":[]}"#))
        #expect(segmentsText(task) == #"{"goal":[{"start_time":12.0,"end_time":20.5,"metadata":{"team":"home","minute":3,"scorers":["Nine"],"kickoff":10.0}}],"card":[]}"#)
        #expect(issueList(task) == [])
    }

    @Test func clockTimesBecomeSeconds() throws {
        let task = try taskDocument(segmentTask(data: #"{"goal":[{"start_time":"01:02:03","end_time":"01:02:09","metadata":{"team":"away","minute":62,"scorers":[],"kickoff":"00:00:00"}}]}"#,
                                                format: #""segment_time_format":"hh:mm:ss","#))
        #expect(segmentsText(task) == #"{"goal":[{"start_time":3723.0,"end_time":3729.0,"metadata":{"team":"away","minute":62,"scorers":[],"kickoff":0.0}}]}"#)
        #expect(issueList(task) == [])
    }

    @Test func millisecondTimesBecomeSeconds() throws {
        let task = try taskDocument(segmentTask(data: #"{"card":[{"start_time":"00:12:03.500","end_time":"00:12:09.001","metadata":{"color":"red","serious":true,"at":723.9}}]}"#,
                                                format: #""segment_time_format":"hh:mm:ss.fff","#))
        #expect(segmentsText(task) == #"{"card":[{"start_time":723.5,"end_time":729.001,"metadata":{"color":"red","serious":true,"at":723.9}}]}"#)
        #expect(issueList(task) == [])
    }

    @Test func violationsAreWarningsWithPathsAndValuesAreKept() throws {
        let data = #"{"goal":[{"start_time":30,"end_time":30,"metadata":{"team":"visitors","minute":"3","scorers":["A",7],"kickoff":"ten","note":"x"}},{"start_time":"00:00:05","end_time":-1,"metadata":{"team":"home","minute":4.0,"scorers":[],"kickoff":12}}],"penalty":[{"start_time":1,"end_time":2}],"card":[{"end_time":2,"metadata":{"color":"red","serious":"no","at":"00:00:01"}}]}"#
        let task = try taskDocument(segmentTask(data: data))
        #expect(issueList(task) == [
            "segment_time_order result.segments.goal[0]",
            "field_enum result.segments.goal[0].metadata.team",
            "field_type result.segments.goal[0].metadata.minute",
            "field_type result.segments.goal[0].metadata.scorers[1]",
            "time_invalid result.segments.goal[0].metadata.kickoff",
            "field_unknown result.segments.goal[0].metadata.note",
            "time_format result.segments.goal[1].start_time",
            "time_negative result.segments.goal[1].end_time",
            "segment_time_order result.segments.goal[1]",
            "time_format result.segments.goal[1].metadata.kickoff",
            "definition_unknown result.segments.penalty",
            "time_missing result.segments.card[0].start_time",
            "field_type result.segments.card[0].metadata.serious",
            "time_format result.segments.card[0].metadata.at",
        ])
        #expect(segmentsText(task) == #"{"goal":[{"start_time":30.0,"end_time":30.0,"metadata":{"team":"visitors","minute":"3","scorers":["A",7],"kickoff":"ten","note":"x"}},{"start_time":5.0,"end_time":-1.0,"metadata":{"team":"home","minute":4.0,"scorers":[],"kickoff":12.0}}],"penalty":[{"start_time":1.0,"end_time":2.0,"metadata":{}}],"card":[{"start_time":null,"end_time":2.0,"metadata":{"color":"red","serious":"no","at":1.0}}]}"#)
        let messages = task["result"]?["issues"]?.elements.map { $0["message"]?.string ?? "" } ?? []
        #expect(messages.prefix(6) == [
            "start_time 30.0 is not before end_time 30.0",
            #"value "visitors" of field "team" is not one of the allowed values ["home","away"]"#,
            #"expected integer (declared for field "minute"), got string "3""#,
            #"expected string (declared for field "scorers"), got integer 7"#,
            #"field "kickoff" is not a time: "ten" (expected seconds, hh:mm:ss or hh:mm:ss.fff)"#,
            #"field "note" is not declared in segment definition "goal""#,
        ])
        #expect(messages.dropFirst(6).first == #"start_time is not in the format seconds like the first segment time (segment_time_format is not declared): "00:00:05""#)
        #expect(task["result"]?["issues"]?.elements.allSatisfy { $0["severity"]?.string == "warning" } == true)
    }

    @Test func missingDeclaredFieldsAreReported() throws {
        let task = try taskDocument(segmentTask(data: #"{"card":[{"start_time":1,"end_time":2,"metadata":{"color":"yellow"}},{"start_time":3,"end_time":4}]}"#))
        #expect(issueList(task) == ["field_missing result.segments.card[0].metadata.serious", "field_missing result.segments.card[0].metadata.at",
                                    "field_missing result.segments.card[1].metadata.color", "field_missing result.segments.card[1].metadata.serious",
                                    "field_missing result.segments.card[1].metadata.at"])
    }

    @Test func shapeProblemsAreReported() throws {
        var task = try taskDocument(segmentTask(data: #"[1]"#))
        #expect(issueList(task) == ["segments_shape result.segments"])
        #expect(task["result"]?["segments"]?.isNull == true)
        task = try taskDocument(segmentTask(data: #"{"goal":{"start_time":1},"card":[3,{"start_time":1,"end_time":2,"metadata":[1]}]}"#))
        #expect(issueList(task) == ["segments_shape result.segments.goal", "segments_shape result.segments.card[0]",
                                    "segments_shape result.segments.card[1].metadata", "field_missing result.segments.card[1].metadata.color",
                                    "field_missing result.segments.card[1].metadata.serious", "field_missing result.segments.card[1].metadata.at"])
        #expect(segmentsText(task) == #"{"goal":[],"card":[{"start_time":null,"end_time":null,"metadata":{}},{"start_time":1.0,"end_time":2.0,"metadata":{}}]}"#)
    }

    @Test func truncatedDataSaysSoPrecisely() throws {
        let task = try taskDocument(segmentTask(data: #"{"goal":[{"start_time":1,"end_t"#, finish: "length"))
        let issue = task["result"]?["issues"]?.elements.first { _ in true }
        #expect(issue?["code"]?.string == "output_truncated")
        #expect(issue?["path"]?.string == "result.data")
        #expect(issue?["message"]?.string?.hasPrefix("output truncated at max_tokens") == true)
        #expect(task["result"]?["segments"]?.isNull == true)
        #expect(task["result"]?["truncated"]?.bool == true)
    }

    @Test func brokenDataWithoutTruncationIsDataNotJSON() throws {
        let task = try taskDocument(segmentTask(data: #"{"goal":[],"goal":[]}"#))
        let issue = task["result"]?["issues"]?.elements.first { _ in true }
        #expect(issue?["code"]?.string == "data_not_json")
        #expect(issue?["message"]?.string == #"data is not valid JSON: duplicate key "goal" in object (at goal)"#)
    }

    @Test func modeAndDefinitionsComeFromTheCallersRequestWhenNotEchoed() throws {
        let data = #"{"goal":[{"start_time":"00:00:01.000","end_time":"00:00:02.000","metadata":{"team":"x"}}]}"#
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","result":{"generation_id":"g","data":\#(quotedJSON(data)),"finish_reason":"stop","usage":{"output_tokens":9}}}"#
        var task = try taskDocument(body)
        #expect(task["result"]?["segments"] == nil)
        let request = #"{"request":{"model_name":"pegasus1.5","analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions","segment_time_format":"hh:mm:ss.fff","segment_definitions":[{"id":"goal","description":"d","fields":[{"name":"team","type":"string","enum":["home"]}]}]}}}"#
        task = try taskDocument(body, options: request)
        #expect(segmentsText(task) == #"{"goal":[{"start_time":1.0,"end_time":2.0,"metadata":{"team":"x"}}]}"#)
        #expect(issueList(task) == ["field_enum result.segments.goal[0].metadata.team"])
    }

    @Test func withoutDefinitionsTimesAreStillConverted() throws {
        let data = #"{"goal":[{"start_time":"00:00:01","end_time":"00:00:02","metadata":{"kickoff":"00:00:03"}}]}"#
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"analysis_mode":"time_based_metadata"},"result":{"generation_id":"g","data":\#(quotedJSON(data)),"finish_reason":"stop","usage":{"output_tokens":9}}}"#
        let task = try taskDocument(body)
        #expect(segmentsText(task) == #"{"goal":[{"start_time":1.0,"end_time":2.0,"metadata":{"kickoff":"00:00:03"}}]}"#)
        #expect(issueList(task) == ["definitions_unavailable result.segments"])
    }

    @Test func hostileKeysGetQuotedPaths() throws {
        let data = #"{"a.b\n":[{"start_time":2,"end_time":1}]}"#
        let task = try taskDocument(segmentTask(data: data))
        #expect(issueList(task) == [#"definition_unknown result.segments["a.b\n"]"#, #"segment_time_order result.segments["a.b\n"][0]"#])
    }
}

/// `text` as a JSON string literal.
func quotedJSON(_ text: String) -> String {
    var bytes: [UInt8] = []
    JSONWriter.appendQuoted(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}
