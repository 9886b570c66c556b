import Testing
@testable import AnalyzeCore

/// The sans-IO request builders: create, retrieve, delete, list, idempotency keys.
@Suite("Request HTTP builders")
struct RequestHTTPTests {
    private func build(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest,
                       _ input: String, _ options: String) -> Result<String, AnalyzeError> {
        let inputBytes = Array(input.utf8), optionBytes = Array(options.utf8)
        return inputBytes.withUnsafeBytes { inputRaw in
            optionBytes.withUnsafeBytes { optionRaw in
                do {
                    return .success(String(decoding: try body(inputRaw, optionRaw).jsonBytes, as: UTF8.self))
                } catch let error as AnalyzeError {
                    return .failure(error)
                } catch {
                    return .failure(AnalyzeError(.invalidArgument, "unexpected \(error)"))
                }
            }
        }
    }

    private func failure(_ result: Result<String, AnalyzeError>) -> AnalyzeError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    @Test func createWithEveryOption() {
        let result = build(TaskRequests.create, #"{"prompt":"Summarize.","video_id":"v1","temperature":0.2}"#,
                           #"{"api_key":"tlk_SECRET","idempotency_key":"k-1","user_agent":"app/1.0","base_url":"https://proxy.example/v1.3/"}"#)
        #expect(result == .success(#"{"method":"POST","url":"https://proxy.example/v1.3/analyze/tasks","headers":{"x-api-key":"tlk_SECRET","Content-Type":"application/json","Idempotency-Key":"k-1","User-Agent":"app/1.0"},"body":"{\"video_id\":\"v1\",\"prompt\":\"Summarize.\",\"temperature\":0.2}"}"#))
    }

    @Test func createWithDefaults() {
        let result = build(TaskRequests.create, #"{"video_id":"v1","prompt":"p"}"#, #"{"api_key":"k"}"#)
        #expect(result == .success(#"{"method":"POST","url":"https://api.twelvelabs.io/v1.3/analyze/tasks","headers":{"x-api-key":"k","Content-Type":"application/json"},"body":"{\"video_id\":\"v1\",\"prompt\":\"p\"}"}"#))
    }

    @Test func createRefusesAnInvalidRequest() {
        let error = failure(build(TaskRequests.create, #"{"prompt":"p","temperature":5,"custom_id":""}"#, #"{"api_key":"tlk_SECRET"}"#))
        #expect(error == AnalyzeError(.validationFailed, "request is invalid: 3 error(s); first: temperature: must be between 0 and 1 (default 0.2); got 5", path: "temperature"))
        let document = failure(build(TaskRequests.create, "[]", #"{"api_key":"k"}"#))
        #expect(document?.message == "request is invalid: 1 error(s); first: (document): the request must be a JSON object, not an array")
        #expect(failure(build(TaskRequests.create, "{", #"{"api_key":"k"}"#))?.status == .malformedJSON)
    }

    @Test func createChecksTheVideoDurationOption() {
        let request = #"{"model_name":"pegasus1.5","video":{"type":"asset_id","asset_id":"a"},"prompt":"p","end_time":30}"#
        #expect(failure(build(TaskRequests.create, request, #"{"api_key":"k","video_duration":20}"#))?.path == "end_time")
        #expect(failure(build(TaskRequests.create, request, #"{"api_key":"k","video_duration":40}"#)) == nil)
    }

    @Test func optionErrorsNeverShowTheKey() {
        let cases: [(String, String)] = [
            ("{}", "option api_key is required and must not be empty"),
            (#"{"api_key":""}"#, "option api_key is required and must not be empty"),
            (#"{"api_key":"tlk SECRET"}"#, "option api_key may hold only visible ASCII characters (no spaces or line breaks)"),
            (#"{"api_key":"tlk_SECRET\r\nX: y"}"#, "option api_key may hold only visible ASCII characters (no spaces or line breaks)"),
            (#"{"api_key":7}"#, "option api_key must be a string, not an integer"),
            (#"{"api_key":"tlk_SECRET","base_url":"api.example.com"}"#, "option base_url must be an absolute http or https URL (starting with http:// or https://)"),
            (#"{"api_key":"tlk_SECRET","base_url":"https://e.com/v?x=1"}"#, "option base_url must not have a query or a fragment"),
            (#"{"api_key":"tlk_SECRET","idempotency_key":"a b"}"#, "option idempotency_key must be 1-255 visible ASCII characters (no spaces)"),
            (#"{"api_key":"tlk_SECRET","user_agent":"a\nb"}"#, "option user_agent must be non-empty printable ASCII (no line breaks)"),
            (#"{"api_key":"tlk_SECRET","apikey":"x"}"#, #"unknown option "apikey"; allowed: api_key, base_url, idempotency_key, user_agent, video_duration, api_revision, validate"#),
            (#"{"api_key":"tlk_SECRET""#, "options are not valid JSON: unexpected end of input: unclosed object at line 1, column 24 (byte 23)"),
        ]
        for (options, message) in cases {
            let error = failure(build(TaskRequests.create, #"{"video_id":"v","prompt":"p"}"#, options))
            #expect(error?.status == .invalidArgument, "\(options)")
            #expect(error?.message == message, "\(options)")
            #expect(error?.message.contains("SECRET") == false)
        }
    }

    @Test func retrieveAndDeleteEncodeTheID() {
        #expect(build(TaskRequests.retrieve, "6650a3c1e1b2", #"{"api_key":"k","user_agent":"ua"}"#) ==
                .success(#"{"method":"GET","url":"https://api.twelvelabs.io/v1.3/analyze/tasks/6650a3c1e1b2","headers":{"x-api-key":"k","User-Agent":"ua"},"body":null}"#))
        #expect(build(TaskRequests.delete, "a/b c?é", #"{"api_key":"k"}"#) ==
                .success(#"{"method":"DELETE","url":"https://api.twelvelabs.io/v1.3/analyze/tasks/a%2Fb%20c%3F%C3%A9","headers":{"x-api-key":"k"},"body":null}"#))
        #expect(failure(build(TaskRequests.retrieve, "", #"{"api_key":"k"}"#)) == AnalyzeError(.invalidArgument, "task_id must not be empty"))
        #expect(failure(build(TaskRequests.retrieve, "t", #"{"api_key":"k","idempotency_key":"x"}"#))?.status == .invalidArgument)
        let invalidUTF8: [UInt8] = [0x61, 0xFF]
        let error = invalidUTF8.withUnsafeBytes { raw in
            Array(#"{"api_key":"k"}"#.utf8).withUnsafeBytes { options in
                Result { () throws(AnalyzeError) in try TaskRequests.retrieve(taskID: raw, options: options) }
            }
        }
        if case .failure(let failure) = error {
            #expect(failure == AnalyzeError(.invalidArgument, "task_id is not valid UTF-8"))
        } else {
            Issue.record("accepted invalid UTF-8")
        }
    }

    @Test func listBuildsTheQueryInFixedOrder() {
        #expect(build(TaskRequests.list, "", #"{"api_key":"k"}"#) ==
                .success(#"{"method":"GET","url":"https://api.twelvelabs.io/v1.3/analyze/tasks","headers":{"x-api-key":"k"},"body":null}"#))
        let spaced = #"{"analysis_mode":"general","video_url":"https://e.com/a.mp4?x=1&y=2","page_limit":50,"page":2,"status":"ready","asset_id":"as 1","video_id":"v"}"#
        #expect(build(TaskRequests.list, spaced, #"{"api_key":"k"}"#) ==
                .success(#"{"method":"GET","url":"https://api.twelvelabs.io/v1.3/analyze/tasks?page=2&page_limit=50&status=ready&video_url=https%3A%2F%2Fe.com%2Fa.mp4%3Fx%3D1%26y%3D2&asset_id=as%201&video_id=v&analysis_mode=general","headers":{"x-api-key":"k"},"body":null}"#))
    }

    @Test func listValidatesEveryParameter() {
        let cases: [(String, String)] = [
            (#"{"page":0}"#, "query is invalid: 1 error(s); first: page: must be at least 1; got 0"),
            (#"{"page_limit":51}"#, "query is invalid: 1 error(s); first: page_limit: must be between 1 and 50 (default 10); got 51"),
            (#"{"page_limit":0}"#, "query is invalid: 1 error(s); first: page_limit: must be between 1 and 50 (default 10); got 0"),
            (#"{"page":"2"}"#, "query is invalid: 1 error(s); first: page: must be an integer, not a string"),
            (#"{"status":"done"}"#, #"query is invalid: 1 error(s); first: status: must be one of: queued, pending, processing, ready, failed, canceled; got "done""#),
            (#"{"video_url":"e.com/v"}"#, "query is invalid: 1 error(s); first: video_url: must be an absolute http or https URL (starting with http:// or https://)"),
            (#"{"asset_id":""}"#, "query is invalid: 1 error(s); first: asset_id: must not be empty"),
            (#"{"video_id":""}"#, "query is invalid: 1 error(s); first: video_id: must not be empty"),
            (#"{"analysis_mode":"fast"}"#, #"query is invalid: 1 error(s); first: analysis_mode: must be one of: general, time_based_metadata; got "fast""#),
            (#"{"pagelimit":5,"page":0}"#, "query is invalid: 2 error(s); first: pagelimit: unknown field (did you mean page_limit?); allowed here: page, page_limit, status, video_url, asset_id, video_id, analysis_mode"),
            ("[]", "query is invalid: 1 error(s); first: (document): the query must be a JSON object, not an array"),
        ]
        for (query, message) in cases {
            let error = failure(build(TaskRequests.list, query, #"{"api_key":"k"}"#))
            #expect(error?.status == .validationFailed, "\(query)")
            #expect(error?.message == message, "\(query)")
        }
        #expect(failure(build(TaskRequests.list, "{", #"{"api_key":"k"}"#))?.status == .malformedJSON)
    }

    @Test func idempotencyKeysAreRandomUUIDv4() {
        var seen: Set<String> = []
        for _ in 0..<200 {
            let key = IdempotencyKey.make()
            let bytes = Array(key.utf8)
            #expect(bytes.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") })
            #expect(bytes[14] == UInt8(ascii: "4"))
            #expect([UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(bytes[19]))
            #expect(key.allSatisfy { "0123456789abcdef-".contains($0) })
            seen.insert(key)
        }
        #expect(seen.count == 200)
    }

    @Test func idempotencyKeyFromAFixedGenerator() {
        struct Counter: RandomNumberGenerator {
            var state: UInt64 = 0
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                return state
            }
        }
        var first = Counter(), second = Counter()
        #expect(IdempotencyKey.make(using: &first) == IdempotencyKey.make(using: &second))
    }
}
