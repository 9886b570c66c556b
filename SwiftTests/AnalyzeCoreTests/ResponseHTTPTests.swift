import Testing
@testable import AnalyzeCore

/// `parseResponse` over text arguments: returns "ok <json>" or "api <json> | <message>".
func httpResult(_ kind: Int32, _ status: Int32, _ body: String, headers: String = "", options: String = "") throws(AnalyzeError) -> String {
    let bodyBytes = Array(body.utf8), headerBytes = Array(headers.utf8), optionBytes = Array(options.utf8)
    let outcome: Result<ResponseOutcome, AnalyzeError> = bodyBytes.withUnsafeBytes { b in
        headerBytes.withUnsafeBytes { h in
            optionBytes.withUnsafeBytes { o in
                do throws(AnalyzeError) {
                    return .success(try parseResponse(kind: kind, httpStatus: status, headers: h, body: b, options: o))
                } catch {
                    return .failure(error)
                }
            }
        }
    }
    switch try outcome.get() {
    case .success(let bytes): return "ok " + String(decoding: bytes, as: UTF8.self)
    case .apiError(let object, let error):
        #expect(error.status == .apiError)
        return "api " + String(decoding: object, as: UTF8.self) + " | " + error.message
    }
}

/// The error `parseResponse` throws, or nil.
func httpFailure(_ kind: Int32, _ status: Int32, _ body: String, headers: String = "", options: String = "") -> AnalyzeError? {
    do {
        _ = try httpResult(kind, status, body, headers: headers, options: options)
        return nil
    } catch {
        return error
    }
}

@Suite("Response: HTTP responses")
struct ResponseHTTPTests {
    @Test func createReturnsIdAndStatus() throws {
        #expect(try httpResult(1, 202, #"{"status":"queued","task_id":"abc","extra":1}"#) == #"ok {"task_id":"abc","status":"queued"}"#)
        #expect(httpFailure(1, 202, #"{"task_id":"abc"}"#) == AnalyzeError(.malformedResponse, "status is required", path: "status"))
        #expect(httpFailure(1, 202, "") == AnalyzeError(.malformedJSON, "empty input: no JSON value at line 1, column 1 (byte 0)", position: 0, line: 1, column: 1))
    }

    @Test func retrieveIsTheNormalizedTask() throws {
        let body = ResponseTaskTests.queued
        #expect(try httpResult(2, 200, body) == "ok " + (try normalizedTask(body)))
    }

    @Test func listNormalizesEveryTaskWithIndexedPaths() throws {
        let body = #"{"data":[\#(ResponseTaskTests.queued)],"page_info":{"limit_per_page":10,"page":1,"total_page":1,"total_results":1,"next":"x"}}"#
        #expect(try httpResult(3, 200, body) == #"ok {"data":[\#(try normalizedTask(ResponseTaskTests.queued))],"page_info":{"limit_per_page":10,"page":1,"total_page":1,"total_results":1}}"#)
        #expect(try httpResult(3, 200, #"{"data":[],"page_info":{}}"#) == #"ok {"data":[],"page_info":{"limit_per_page":null,"page":null,"total_page":null,"total_results":null}}"#)
        let broken = #"{"data":[\#(ResponseTaskTests.queued),{"task_id":"t2","status":"queued"}],"page_info":{}}"#
        #expect(httpFailure(3, 200, broken) == AnalyzeError(.malformedResponse, "created_at is required", path: "data[1].created_at"))
        #expect(httpFailure(3, 200, #"{"data":{}}"#) == AnalyzeError(.malformedResponse, "data must be an array, got object", path: "data"))
        #expect(httpFailure(3, 200, #"{"data":[]}"#) == AnalyzeError(.malformedResponse, "page_info is required", path: "page_info"))
        #expect(httpFailure(3, 200, #"{"data":[],"page_info":{"page":"1"}}"#) == AnalyzeError(.malformedResponse, "page must be an integer, got string", path: "page_info.page"))
    }

    @Test func listChecksSegmentsWithoutFlaggingDefinitionsTheEchoLeftOut() throws {
        let task = segmentTask(data: #"{"goal":[{"start_time":1,"end_time":2,"metadata":{"team":"home","minute":1,"scorers":[],"kickoff":"00:00:01"}}],"other":[]}"#)
        let list = #"{"data":[\#(task)],"page_info":{}}"#
        let text = try httpResult(3, 200, list)
        #expect(text.contains(#""issues":[]"#))
        #expect(try normalizedTask(task).contains("definition_unknown"))
    }

    @Test func deleteIsDeletedTrue() throws {
        #expect(try httpResult(4, 200, "") == #"ok {"deleted":true}"#)
        #expect(try httpResult(4, 204, "") == #"ok {"deleted":true}"#)
        #expect(try httpResult(4, 200, "not json") == #"ok {"deleted":true}"#)
    }

    @Test func apiErrorsAreClassified() throws {
        let error = #"{"error":{"code":"too_many_requests","message":"Slow down","details":{"limit":10}}}"#
        #expect(try httpResult(2, 429, error, headers: #"{"retry-after":"2"}"#) ==
                #"api {"http_status":429,"code":"too_many_requests","message":"Slow down","details":{"limit":10},"retryable":true,"retry_after_ms":2000,"raw":null} | HTTP 429 too_many_requests: Slow down"#)
        for (status, retryable) in [(400, false), (401, false), (404, false), (409, false), (422, false), (429, true),
                                    (500, true), (501, false), (502, true), (503, true), (504, true), (505, false), (302, false), (100, false)] {
            let text = try httpResult(2, Int32(status), error)
            #expect(text.contains(#""retryable":\#(retryable)"#), "\(status)")
        }
    }

    @Test func errorBodiesInOtherShapes() throws {
        #expect(try httpResult(3, 400, #"{"code":"parameter_invalid","message":"page_limit is invalid"}"#) ==
                #"api {"http_status":400,"code":"parameter_invalid","message":"page_limit is invalid","details":null,"retryable":false,"retry_after_ms":null,"raw":null} | HTTP 400 parameter_invalid: page_limit is invalid"#)
        #expect(try httpResult(2, 404, #"{"error":"Not Found"}"#) ==
                #"api {"http_status":404,"code":null,"message":"Not Found","details":null,"retryable":false,"retry_after_ms":null,"raw":null} | HTTP 404: Not Found"#)
        #expect(try httpResult(2, 502, "<html><body>Bad Gateway</body></html>") ==
                #"api {"http_status":502,"code":null,"message":null,"details":null,"retryable":true,"retry_after_ms":null,"raw":"<html><body>Bad Gateway</body></html>"} | HTTP 502: the body is not a JSON error object"#)
        #expect(try httpResult(2, 504, "") ==
                #"api {"http_status":504,"code":null,"message":null,"details":null,"retryable":true,"retry_after_ms":null,"raw":null} | HTTP 504: the body is not a JSON error object"#)
        #expect(try httpResult(2, 500, #"{"detail":"x"}"#).contains(#""raw":"{\"detail\":\"x\"}""#))
        #expect(try httpResult(2, 500, #"{"error":{"code":5,"details":[1]}}"#).hasPrefix(#"api {"http_status":500,"code":null,"message":null,"details":null,"#))
    }

    @Test func deleteConflictSaysStillProcessing() throws {
        #expect(try httpResult(4, 409, "") ==
                #"api {"http_status":409,"code":null,"message":"the task is still processing and cannot be deleted yet","details":null,"retryable":false,"retry_after_ms":null,"raw":null} | HTTP 409: the task is still processing and cannot be deleted yet"#)
        #expect(try httpResult(4, 409, #"{"error":{"code":"task_processing","message":"Task is processing"}}"#).contains(#""message":"Task is processing""#))
        #expect(try httpResult(4, 404, #"{"error":{"code":"not_found","message":"Task not found"}}"#).hasSuffix("| HTTP 404 not_found: Task not found"))
    }

    @Test func rawBodiesAreCutOnACharacterBoundary() throws {
        let body = "x" + String(repeating: "é", count: 2000)
        let text = try httpResult(2, 503, body)
        let raw = "x" + String(repeating: "é", count: 1023)
        #expect(text.contains(#""raw":"\#(raw)"}"#))
        #expect(raw.utf8.count == 2047)
        let invalid: [UInt8] = [0x3C, 0xFF, 0xC3, 0x3E]
        let fromBytes = invalid.withUnsafeBytes { APIErrorObject.rawText($0) }
        #expect(fromBytes == "<\u{FFFD}\u{FFFD}>")
    }

    @Test func retryAfterAsHTTPDateNeedsNow() throws {
        let headers = #"{"Retry-After":"Sun, 06 Nov 1994 08:49:37 GMT","Content-Type":"text/html"}"#
        #expect(try httpResult(2, 503, "", headers: headers).contains(#""retry_after_ms":null"#))
        #expect(try httpResult(2, 503, "", headers: headers, options: #"{"now":784111767.25}"#).contains(#""retry_after_ms":9750"#))
        #expect(try httpResult(2, 503, "", headers: #"{"RETRY-AFTER":"soon"}"#).contains(#""retry_after_ms":null"#))
    }

    /// Repeated fields are combined as RFC 9110 says, whatever shape they come in;
    /// a repeated Retry-After (a singleton field) is then not a delay.
    @Test func repeatedHeadersAreCombined() throws {
        let headers = try #require(ResponseScalingTests.headers(#"[["Retry-After","7"],["Set-Cookie","a=1"],["link","<x>"],["Set-Cookie","b=2"],["LINK","<y>"]]"#).value)
        #expect(headers.value("retry-after") == "7")
        #expect(headers.value("Link") == "<x>, <y>")
        #expect(headers.value("set-cookie") == "a=1")
        #expect(ResponseScalingTests.headers(#"{"Link":["<x>","<y>"],"link":"<z>"}"#).value?.value("link") == "<x>, <y>, <z>")
        #expect(try httpResult(2, 503, "", headers: #"[["Retry-After","7"]]"#).contains(#""retry_after_ms":7000"#))
        #expect(try httpResult(2, 503, "", headers: #"{"Retry-After":"1","retry-after":"2"}"#).contains(#""retry_after_ms":null"#))
        #expect(try httpResult(2, 503, "", headers: "[]").contains(#""retry_after_ms":null"#))
    }

    @Test func badArgumentsAreInvalid() {
        #expect(httpFailure(12, 200, "{}") == AnalyzeError(.invalidArgument, "kind 12 is not a response kind (1 create, 2 retrieve, 3 list, 4 delete, 5 cancel, 6-11 batch create, retrieve, list, cancel, delete, results)"))
        #expect(httpFailure(0, 200, "{}")?.status == .invalidArgument)
        #expect(httpFailure(2, 99, "{}") == AnalyzeError(.invalidArgument, "http_status 99 is not an HTTP status (100-599)"))
        #expect(httpFailure(2, 600, "{}")?.status == .invalidArgument)
        #expect(httpFailure(2, 500, "", headers: #"{"Retry-After":2}"#) == AnalyzeError(.invalidArgument, #"header "Retry-After" must have a string value (or an array of strings), got integer"#, path: "Retry-After"))
        #expect(httpFailure(2, 500, "", headers: #"{"Retry-After":["1",2]}"#) == AnalyzeError(.invalidArgument, #"header "Retry-After" must have string values, got integer"#, path: "Retry-After[1]"))
        #expect(httpFailure(2, 500, "", headers: #"[["Retry-After","1"],["X"]]"#) == AnalyzeError(.invalidArgument, "headers_json pairs must be [name, value] arrays of two strings", path: "[1]"))
        #expect(httpFailure(2, 500, "", headers: #"[["a","b","c"]]"#)?.path == "[0]")
        #expect(httpFailure(2, 500, "", headers: #"[{"a":"b"}]"#)?.path == "[0]")
        #expect(httpFailure(2, 500, "", headers: "7") == AnalyzeError(.invalidArgument, "headers_json must be a JSON object of header name to value or an array of [name, value] pairs, got integer"))
        #expect(httpFailure(2, 500, "", headers: "{")?.message.hasPrefix("headers_json: unexpected end of input") == true)
        #expect(httpFailure(2, 500, "", options: #"{"now":"today"}"#) == AnalyzeError(.invalidArgument, #"option now must be a number of Unix seconds within years 1–9999, got "today""#, path: "now"))
        #expect(httpFailure(2, 500, "", options: #"{"now":1e300}"#)?.status == .invalidArgument)
        #expect(httpFailure(2, 500, "", options: #"{"later":1}"#) == AnalyzeError(.invalidArgument, #"unknown option "later" (allowed: now, request, json_schema, include_data, segments_encoding)"#, path: "later"))
        #expect((try? httpResult(2, 500, "", headers: "null")) != nil)
    }
}
