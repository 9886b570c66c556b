import Testing
@testable import AnalyzeCore

/// Runs the JSON entry point and returns its output text or its error.
private func poll(_ state: String, attempt: UInt32 = 0, options: String = "") -> Result<String, AnalyzeError> {
    let s = Array(state.utf8), o = Array(options.utf8)
    return s.withUnsafeBytes { sb in
        o.withUnsafeBytes { ob in
            do throws(AnalyzeError) {
                return .success(String(decoding: try pollNext(stateJSON: sb, attempt: attempt, optionsJSON: ob), as: UTF8.self))
            } catch {
                return .failure(error)
            }
        }
    }
}

/// The status of a failure, nil on success.
private func status(_ result: Result<String, AnalyzeError>) -> AnalyzeStatus? {
    if case .failure(let error) = result { return error.status }
    return nil
}

private let running = #"{"task_id":"t1","custom_id":null,"status":"processing","terminal":false}"#

private func backoff(_ attempt: UInt32, _ options: PollOptions = PollOptions()) -> Int64 {
    options.backoffDelay(attempt: attempt)
}

@Suite("Polling: backoff arithmetic")
struct PollingBackoffTests {
    @Test func defaultsGrowByOneAndAHalfUpToTheCap() {
        let delays = (0...9).map { backoff(UInt32($0)) }
        #expect(delays == [2000, 3000, 4500, 6750, 10125, 15188, 22781, 30000, 30000, 30000])
    }

    @Test func hugeAttemptsSaturateAtTheCap() {
        #expect(backoff(1000) == 30000)
        #expect(backoff(UInt32.max) == 30000)
        #expect(backoff(UInt32.max, PollOptions(factor: 1)) == 2000)
        #expect(backoff(UInt32.max, PollOptions(factor: 1e300)) == 30000)
        #expect(backoff(UInt32.max, PollOptions(maxDelayMs: PollOptions.maxMilliseconds)) == PollOptions.maxMilliseconds)
        #expect(PollOptions.power(1.5, UInt32.max) == .infinity)
        #expect(PollOptions.power(2, 10) == 1024)
        #expect(PollOptions.power(7, 0) == 1)
    }

    @Test func zeroInitialDelayStaysZero() {
        #expect(backoff(UInt32.max, PollOptions(initialDelayMs: 0, factor: 1e300)) == 0)
    }

    @Test func jitterTakesUpToHalfOff() {
        #expect(backoff(0, PollOptions(jitter: 0)) == 2000)
        #expect(backoff(0, PollOptions(jitter: 0.25)) == 1750)
        #expect(backoff(0, PollOptions(jitter: 0.5)) == 1500)
        #expect(backoff(0, PollOptions(jitter: 1)) == 1000)
        #expect(backoff(5, PollOptions(jitter: 0.5)) == 11391)  // 15187.5 * 0.75 = 11390.625
        #expect(backoff(9, PollOptions(jitter: 1)) == 15000)
        #expect(backoff(0, PollOptions(initialDelayMs: 3, jitter: 1)) == 2)  // 1.5 rounds half up
    }
}

@Suite("Polling: decisions")
struct PollingDecisionTests {
    @Test func terminalTasksAreDone() {
        #expect(poll(#"{"task_id":"t1","status":"ready","terminal":true}"#)
                == .success(#"{"done":true,"delay_ms":null,"reason":"terminal","message":"task status \"ready\" is terminal"}"#))
        #expect(poll(#"{"status":"failed","terminal":true}"#, attempt: 99)
                == .success(#"{"done":true,"delay_ms":null,"reason":"terminal","message":"task status \"failed\" is terminal"}"#))
    }

    @Test func runningTasksBackOff() {
        #expect(poll(running)
                == .success(#"{"done":false,"delay_ms":2000,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 2000 ms"}"#))
        #expect(poll(running, attempt: 2, options: #"{"jitter":0.5}"#)
                == .success(#"{"done":false,"delay_ms":3375,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 3375 ms"}"#))
    }

    @Test func terminalFlagIsDerivedWhenAbsent() {
        #expect(poll(#"{"_id":"x","status":"ready"}"#).map { $0.contains(#""reason":"terminal""#) } == .success(true))
        #expect(poll(#"{"status":"failed"}"#).map { $0.contains(#""reason":"terminal""#) } == .success(true))
        #expect(poll(#"{"status":"pending"}"#).map { $0.contains(#""reason":"backoff""#) } == .success(true))
        // When present, the flag decides.
        #expect(poll(#"{"status":"ready","terminal":false}"#).map { $0.contains(#""reason":"backoff""#) } == .success(true))
    }

    @Test func retryableErrorsHonourRetryAfter() {
        let error429 = #"{"http_status":429,"code":"too_many_requests","message":"slow down","details":null,"retryable":true,"retry_after_ms":5000,"raw":null}"#
        #expect(poll(error429)
                == .success(#"{"done":false,"delay_ms":5000,"reason":"retry","message":"HTTP 429 (too_many_requests) is retryable; retry in 5000 ms (the server asked for at least 5000 ms)"}"#))
        // The backoff wins when it is longer than Retry-After.
        #expect(poll(error429, attempt: 7).map { $0.contains(#""delay_ms":30000,"#) } == .success(true))
        // Retry-After beyond the cap is still honoured, and jitter never undercuts it.
        let long = #"{"http_status":503,"retryable":true,"retry_after_ms":120000}"#
        #expect(poll(long, attempt: 9, options: #"{"jitter":1}"#).map { $0.contains(#""delay_ms":120000,"#) } == .success(true))
        #expect(poll(#"{"http_status":503,"code":null,"retryable":true,"retry_after_ms":null}"#, attempt: 1)
                == .success(#"{"done":false,"delay_ms":3000,"reason":"retry","message":"HTTP 503 is retryable; retry in 3000 ms"}"#))
    }

    @Test func retryableIsDerivedWhenAbsent() {
        for status in [429, 500, 502, 503, 504] {
            #expect(poll("{\"http_status\":\(status)}").map { $0.contains(#""reason":"retry""#) } == .success(true))
        }
        for status in [400, 401, 403, 404, 409, 501] {
            #expect(poll("{\"http_status\":\(status)}").map { $0.contains(#""reason":"error""#) } == .success(true))
        }
        #expect(poll(#"{"http_status":500,"retryable":false}"#).map { $0.contains(#""reason":"error""#) } == .success(true))
    }

    @Test func otherErrorsAreDone() {
        #expect(poll(#"{"http_status":404,"code":"not_found","message":"no such task","details":null,"retryable":false,"retry_after_ms":null,"raw":null}"#)
                == .success(#"{"done":true,"delay_ms":null,"reason":"error","message":"HTTP 404 (not_found) is not retryable"}"#))
        #expect(poll(#"{"http_status":400,"retryable":false,"retry_after_ms":1000}"#)
                == .success(#"{"done":true,"delay_ms":null,"reason":"error","message":"HTTP 400 is not retryable"}"#))
    }

    @Test func deadlineStopsPollingPastIt() {
        let at = #"{"elapsed_ms":55000,"deadline_ms":60000}"#
        #expect(poll(running, attempt: 1, options: at).map { $0.contains(#""delay_ms":3000,"reason":"backoff""#) } == .success(true))
        #expect(poll(running, attempt: 3, options: at)
                == .success(#"{"done":true,"delay_ms":null,"reason":"deadline","message":"giving up: the next poll would come at 61750 ms, past the deadline of 60000 ms"}"#))
        // Landing exactly on the deadline is allowed.
        #expect(poll(running, attempt: 1, options: #"{"elapsed_ms":57000,"deadline_ms":60000}"#).map { $0.contains(#""done":false"#) } == .success(true))
        #expect(poll(running, attempt: 1, options: #"{"elapsed_ms":57001,"deadline_ms":60000}"#).map { $0.contains(#""reason":"deadline""#) } == .success(true))
        // Retry-After counts too, and cannot overflow the sum.
        #expect(poll(#"{"http_status":429,"retry_after_ms":9223372036854775807}"#, options: #"{"elapsed_ms":1,"deadline_ms":60000}"#)
                == .success(#"{"done":true,"delay_ms":null,"reason":"deadline","message":"giving up: the next poll would come in 9223372036854775807 ms, past the deadline of 60000 ms"}"#))
    }

    @Test func terminalAndErrorWinOverTheDeadline() {
        let late = #"{"elapsed_ms":90000,"deadline_ms":60000}"#
        #expect(poll(#"{"status":"ready","terminal":true}"#, options: late).map { $0.contains(#""reason":"terminal""#) } == .success(true))
        #expect(poll(#"{"http_status":404}"#, options: late).map { $0.contains(#""reason":"error""#) } == .success(true))
    }

    @Test func optionsShapeTheBackoff() {
        #expect(poll(running, attempt: 3, options: #"{"initial_delay_ms":100,"factor":2,"max_delay_ms":500}"#)
                .map { $0.contains(#""delay_ms":500,"#) } == .success(true))
        #expect(poll(running, attempt: 2, options: #"{"initial_delay_ms":100,"factor":2.0,"max_delay_ms":500}"#)
                .map { $0.contains(#""delay_ms":400,"#) } == .success(true))
        #expect(poll(running, options: " { } ").map { $0.contains(#""delay_ms":2000,"#) } == .success(true))
    }
}

@Suite("Polling: bad input")
struct PollingInputTests {
    @Test(arguments: [
        (#"{"initial_delay_ms":-1}"#, "option initial_delay_ms must be an integer from 0 to 9007199254740991", "initial_delay_ms"),
        (#"{"initial_delay_ms":2000.0}"#, "option initial_delay_ms must be an integer from 0 to 9007199254740991", "initial_delay_ms"),
        (#"{"initial_delay_ms":"2000"}"#, "option initial_delay_ms must be an integer from 0 to 9007199254740991", "initial_delay_ms"),
        (#"{"max_delay_ms":9007199254740992}"#, "option max_delay_ms must be an integer from 0 to 9007199254740991", "max_delay_ms"),
        (#"{"initial_delay_ms":60000}"#, "option initial_delay_ms (60000) is larger than max_delay_ms (30000)", "initial_delay_ms"),
        (#"{"factor":0.5}"#, "option factor must be a number of at least 1", "factor"),
        (#"{"factor":null}"#, "option factor must be a number of at least 1", "factor"),
        (#"{"jitter":1.5}"#, "option jitter must be a number from 0 to 1", "jitter"),
        (#"{"jitter":-0.1}"#, "option jitter must be a number from 0 to 1", "jitter"),
        (#"{"jitter":true}"#, "option jitter must be a number from 0 to 1", "jitter"),
        (#"{"elapsed_ms":-5}"#, "option elapsed_ms must be an integer from 0 to 9007199254740991", "elapsed_ms"),
        (#"{"deadline_ms":60000}"#, "option deadline_ms needs elapsed_ms (the library has no clock)", "deadline_ms"),
        (#"{"deadline":60000}"#, "unknown option \"deadline\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms)", "deadline"),
        (#"{"a b":1}"#, "unknown option \"a b\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms)", #"["a b"]"#),
        ("[]", "options must be a JSON object, not array", ""),
    ])
    func rejectsBadOptions(options: String, message: String, path: String) {
        #expect(poll(running, options: options) == .failure(AnalyzeError(.invalidArgument, message, path: path)))
    }

    @Test func malformedOptionsJSONIsAJSONError() {
        guard case .failure(let error) = poll(running, options: #"{"jitter":"#) else {
            Issue.record("accepted truncated options")
            return
        }
        #expect(error.status == .malformedJSON)
        #expect(error.message.hasPrefix("options: unexpected end of input"))
        #expect(poll(running, options: #"{"jitter":0.1,"jitter":0.2}"#)
                == .failure(AnalyzeError(.malformedJSON, "options: duplicate key \"jitter\" in object", path: "jitter")))
    }

    @Test(arguments: [
        ("[]", "the state must be a JSON object (a task or an API error), not array", ""),
        ("{}", "the state has neither \"status\" (a task) nor \"http_status\" (an API error)", ""),
        (#"{"status":1}"#, "status must be a string, not integer", "status"),
        (#"{"status":"ready","terminal":"yes"}"#, "terminal must be a boolean, not string", "terminal"),
        (#"{"http_status":"429"}"#, "http_status must be an integer from 100 to 599", "http_status"),
        (#"{"http_status":99}"#, "http_status must be an integer from 100 to 599", "http_status"),
        (#"{"http_status":429.0}"#, "http_status must be an integer from 100 to 599", "http_status"),
        (#"{"http_status":429,"retryable":1}"#, "retryable must be a boolean, not integer", "retryable"),
        (#"{"http_status":429,"retry_after_ms":-1}"#, "retry_after_ms must be a non-negative integer or null, not integer", "retry_after_ms"),
        (#"{"http_status":429,"retry_after_ms":1.5}"#, "retry_after_ms must be a non-negative integer or null, not number", "retry_after_ms"),
        (#"{"http_status":429,"code":7}"#, "code must be a string or null, not integer", "code"),
    ])
    func rejectsBadStates(state: String, message: String, path: String) {
        #expect(poll(state) == .failure(AnalyzeError(.malformedResponse, message, path: path)))
    }

    @Test func malformedStateJSONIsAJSONError() {
        guard case .failure(let error) = poll(#"{"status":"#) else {
            Issue.record("accepted truncated state")
            return
        }
        #expect(error.status == .malformedJSON)
        #expect(error.position == 10)
        #expect(status(poll("")) == .malformedJSON)
    }

    @Test func stateIsCheckedBeforeOptions() {
        #expect(status(poll("{}", options: #"{"bogus":1}"#)) == .malformedResponse)
    }
}

@Suite("Polling: Swift API")
struct PollingSwiftAPITests {
    @Test func optionsBuiltInSwiftAreValidated() {
        #expect(throws: AnalyzeError(.invalidArgument, "option max_delay_ms must be an integer from 0 to 9007199254740991", path: "max_delay_ms")) {
            try pollNext(state: .task(status: "processing", terminal: false, known: true), attempt: 0, options: PollOptions(maxDelayMs: Int64.max))
        }
        #expect(throws: AnalyzeError(.invalidArgument, "option jitter must be a number from 0 to 1", path: "jitter")) {
            try pollNext(state: .task(status: "processing", terminal: false, known: true), attempt: 0, options: PollOptions(jitter: .nan))
        }
        #expect(throws: AnalyzeError(.invalidArgument, "option factor must be a number of at least 1", path: "factor")) {
            try pollNext(state: .task(status: "processing", terminal: false, known: true), attempt: 0, options: PollOptions(factor: .infinity))
        }
    }

    @Test func backoffNeverTrapsOnUnvalidatedOptions() {
        #expect(PollOptions(maxDelayMs: Int64.max).backoffDelay(attempt: UInt32.max) == PollOptions.maxMilliseconds)
        #expect(PollOptions(factor: .nan).backoffDelay(attempt: 3) == 30000)
        #expect(PollOptions(jitter: 5).backoffDelay(attempt: 0) == 0)
    }

    @Test func decisionsFromValues() throws {
        let decision = try pollNext(state: .apiError(httpStatus: 503, code: nil, retryable: true, retryAfterMs: 4000),
                                    attempt: 0, options: PollOptions())
        #expect(decision == PollDecision(done: false, delayMs: 4000, reason: .retry,
                                         message: "HTTP 503 is retryable; retry in 4000 ms (the server asked for at least 4000 ms)"))
        #expect(decision.json.jsonText == #"{"done":false,"delay_ms":4000,"reason":"retry","message":"HTTP 503 is retryable; retry in 4000 ms (the server asked for at least 4000 ms)"}"#)
    }
}
