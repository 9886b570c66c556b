import Testing
@testable import AnalyzeCore

/// Batches: validation of each item as the task it becomes, the builders, the
/// batch objects, JSON Lines results and bodies.
@Suite("Batches")
struct BatchTests {
    private func report(_ json: String, _ options: ValidationOptions = ValidationOptions()) throws -> [String] {
        let bytes = Array(json.utf8)
        return try bytes.withUnsafeBytes { try BatchValidator.validate(json: $0, options: options) }
            .issues.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.path)" }
    }

    private let asset = #"{"type":"asset_id","asset_id":"a1"}"#
    private let segments = #"{"type":"segment_definitions","segment_definitions":[{"id":"s","description":"d"}]}"#

    @Test func validBatchesPass() throws {
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","defaults":{"prompt":{"input_text":"Sum up."}},"requests":[{"video":\#(asset)},{"video":\#(asset),"custom_id":"b","temperature":0.5}]}"#) == [])
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"time_based_metadata","defaults":{"response_format":\#(segments)},"requests":[{"video":\#(asset),"max_tokens":4096}]}"#) == [])
    }

    @Test func itemsOverrideDefaultsWholeNotMerged() throws {
        // The item's response_format replaces the default one: it has no definitions.
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"time_based_metadata","defaults":{"response_format":\#(segments)},"requests":[{"video":\#(asset),"response_format":{"type":"segment_definitions"}}]}"#)
                == ["error parameter_not_provided requests[0].response_format.segment_definitions"])
        // A problem in defaults is reported once, at defaults, however many items use it.
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","defaults":{"prompt":{"input_text":"p"},"temperature":2},"requests":[{"video":\#(asset)},{"video":\#(asset)},{"video":\#(asset),"temperature":1}]}"#)
                == ["error parameter_invalid defaults.temperature"])
        // Window rules apply to each item after defaults (start from defaults, end from the item).
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","defaults":{"prompt":{"input_text":"p"},"start_time":10},"requests":[{"video":\#(asset),"end_time":12}]}"#, ValidationOptions(revision: .r2026_10))
                == [])
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","defaults":{"prompt":{"input_text":"p"},"start_time":10},"requests":[{"video":\#(asset),"end_time":12}]}"#)
                == ["error parameter_invalid requests[0].end_time"])
    }

    @Test func batchRules() throws {
        #expect(try report(#"{"requests":[]}"#) == ["error parameter_invalid requests", "error parameter_not_provided model_name", "error parameter_not_provided analysis_mode"])
        #expect(try report(#"{"model_name":"pegasus1.2","analysis_mode":"general","requests":[{"video":\#(asset),"prompt":{"input_text":"p"}}]}"#) == ["error parameter_invalid model_name"])
        let thousand = Array(repeating: #"{"video":\#(asset)}"#, count: 1_001).joined(separator: ",")
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","defaults":{"prompt":{"input_text":"p"}},"requests":[\#(thousand)]}"#) == ["error parameter_invalid requests"])
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","extra":1,"defaults":{"prompt":{"input_text":"p"},"video":\#(asset)},"requests":[{"video":\#(asset),"image":[]}]}"#)
                == ["error parameter_unknown extra", "error parameter_unknown defaults.video", "error parameter_unknown requests[0].image"])
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"time_based_metadata","defaults":{"response_format":\#(segments),"prompt":{"input_text":"p"}},"requests":[{"video":\#(asset)}]}"#)
                == ["error parameter_invalid defaults.prompt"])
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","requests":[{"video":{"type":"asset_id","asset_id":""},"prompt":{"input_text":"p","media_sources":[{"name":"a","media_type":"image","url":"https://e.com/a.png"}]},"custom_id":"a b"}]}"#)
                == ["error parameter_invalid requests[0].video.asset_id", "warning parameter_invalid requests[0].prompt.media_sources[0].name", "error parameter_invalid requests[0].custom_id"])
        #expect(try report(#"{"model_name":"pegasus1.5","analysis_mode":"general","requests":[{"video":\#(asset),"prompt":{"input_text":"p"},"max_tokens":99999999999999999999}]}"#).first
                == "error parameter_invalid requests[0].max_tokens")
        #expect(try report(#""batch""#) == ["error parameter_invalid "])
    }

    @Test func jsonLinesBody() throws {
        let lines = "{\"video\":{\"type\":\"asset_id\",\"asset_id\":\"a\"}}\n\n{\"custom_id\":\"b\"}\r\n"
        let body = try runOnText(lines, options: #"{"defaults":{"max_tokens":1024}}"#) { text, options throws(AnalyzeError) in
            try BatchBuilder.build(jsonLines: text, options: options)
        }
        #expect(body == #"{"model_name":"pegasus1.5","analysis_mode":"general","defaults":{"max_tokens":1024},"requests":[{"video":{"type":"asset_id","asset_id":"a"}},{"custom_id":"b"}]}"#)
        #expect(throws: AnalyzeError.self) {
            try runOnText("{}\n\"x\"") { text, options throws(AnalyzeError) in try BatchBuilder.build(jsonLines: text, options: options) }
        }
        #expect(throws: AnalyzeError(.invalidArgument, #"unknown option "mode"; allowed: model_name, analysis_mode, defaults"#, path: "mode")) {
            try runOnText("", options: #"{"mode":"general"}"#) { text, options throws(AnalyzeError) in try BatchBuilder.build(jsonLines: text, options: options) }
        }
    }

    @Test func resultsLineByLine() throws {
        let request = #"{"analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions","segment_definitions":[{"id":"s","description":"d","fields":[{"name":"n","type":"integer","description":"x"}]}]}}"#
        let data = #"{\"s\":[{\"start_time\":\"00:00:01\",\"end_time\":\"00:00:04\",\"metadata\":{\"n\":\"one\"}}]}"#
        let body = #"{"task_id":"t1","custom_id":"a","status":"ready","data":{"generation_id":"g","data":"\#(data)","finish_reason":"stop","usage":{"output_tokens":1}}}"# + "\n{\"task_id\":\"t2\"\n\n" + #"{"task_id":"t3","custom_id":null,"status":"canceled","error":{"code":"batch_expired","message":"m"}}"#
        let text = try runOnText(body, options: #"{"request":\#(request)}"#) { body, options throws(AnalyzeError) in try BatchResults.parse(body, options: options) }
        let root = try JSONDocument.parse(text).root
        let results = Array(root["results"]!.elements)
        #expect(results.map { $0["line"]?.int64 } == [1, 4])
        #expect(JSONValue(Array(results[0]["result"]!["segments"]!["s"]!.elements)[0]).jsonText == #"{"start_time":1.0,"end_time":4.0,"metadata":{"n":"one"}}"#)
        #expect(results[0]["result"]?["issues"]?.elements.map { $0["code"]?.string } == ["field_type"])
        #expect(results[1]["terminal"]?.bool == true)
        #expect(results[1]["error"].map { JSONValue($0).jsonText } == #"{"message":"m","code":"batch_expired"}"#)
        let errors = Array(root["errors"]!.elements)
        #expect(errors.map { $0["line"]?.int64 } == [2])
    }

    @Test func batchObjects() throws {
        let status = #"{"batch_id":"b","analysis_mode":"general","model_name":"pegasus1.5","status":"completed","total_items":2,"created_at":"2026-11-30T10:00:00Z","expires_at":"2026-12-01T10:00:00Z","completed_at":"2026-11-30T11:00:00Z","queued_items":0,"processing_items":0,"ready_items":1,"failed_items":1,"canceled_items":0}"#
        let batch = try BatchNormalizer.batch(try JSONDocument.parse(status).root, path: "")
        #expect(batch["terminal"] == .bool(true))
        #expect(batch["known"] == .bool(true))
        #expect(batch["completed_at_ms"] == .int(1_796_036_400_000))
        let odd = try BatchNormalizer.batch(try JSONDocument.parse(#"{"batch_id":"b","status":"paused","created_at":"2026-11-30T10:00:00Z"}"#).root, path: "")
        #expect(odd["known"] == .bool(false))
        #expect(odd["terminal"] == .bool(false))
        #expect(throws: AnalyzeError(.malformedResponse, "created_at is required", path: "created_at")) {
            try BatchNormalizer.batch(try JSONDocument.parse(#"{"batch_id":"b","status":"pending"}"#).root, path: "")
        }
    }
}
