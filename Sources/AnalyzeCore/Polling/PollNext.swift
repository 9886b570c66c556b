/// The polling policy (sans-IO): given what the last poll returned and how
/// many polls came before, decide whether to stop or how long to wait.
///
/// - A task (or batch) with a terminal status: done, reason `terminal`.
/// - A task still running: wait `options.backoffDelay(attempt:)`, reason `backoff`.
/// - A status the library does not know (`known` false, not terminal): backoff
///   while `attempt < unknownStatusAttempts`, then done, reason
///   `unknown_status` (a new status must neither crash a loop nor keep it
///   polling until its deadline).
/// - A retryable API error: wait the larger of the backoff delay and the
///   error's `retry_after_ms` (never sooner than the server asked), reason `retry`.
/// - Any other API error: done, reason `error`.
/// - When a deadline is set and `elapsed_ms + delay > deadline_ms`: done,
///   reason `deadline` (instead of `backoff` or `retry`).
///
/// The library never sleeps and reads no clock: the host measures `elapsed_ms`.
/// Throws `.invalidArgument` when `options` do not pass `PollOptions.validate()`.
public func pollNext(state: PollState, attempt: UInt32, options: PollOptions) throws(AnalyzeError) -> PollDecision {
    try options.validate()
    if case let .task(status, false, false) = state, attempt >= unknownStatusAttempts {
        return PollDecision(done: true, delayMs: nil, reason: .unknownStatus,
                            message: "task status \"\(status)\" is not one the library knows; stopped after \(attempt) attempts")
    }
    let delay: Int64
    let message: String
    let reason: PollDecision.Reason
    switch state {
    case let .task(status, terminal, _):
        if terminal {
            return PollDecision(done: true, delayMs: nil, reason: .terminal,
                                message: "task status \"\(status)\" is terminal")
        }
        delay = options.backoffDelay(attempt: attempt)
        reason = .backoff
        message = "task status \"\(status)\" is not terminal; poll again in \(delay) ms"
    case let .apiError(httpStatus, code, retryable, retryAfterMs):
        let what = "HTTP \(httpStatus)" + (code.map { " (\($0))" } ?? "")
        guard retryable else {
            return PollDecision(done: true, delayMs: nil, reason: .error, message: "\(what) is not retryable")
        }
        let backoff = options.backoffDelay(attempt: attempt)
        delay = max(backoff, retryAfterMs ?? 0)
        reason = .retry
        let asked = retryAfterMs.map { " (the server asked for at least \($0) ms)" } ?? ""
        message = "\(what) is retryable; retry in \(delay) ms\(asked)"
    }
    if let deadline = options.deadlineMs {
        let elapsed = options.elapsedMs ?? 0
        let (next, overflow) = elapsed.addingReportingOverflow(delay)
        if overflow || next > deadline {
            let when = overflow ? " in \(delay) ms," : " at \(next) ms,"
            return PollDecision(done: true, delayMs: nil, reason: .deadline,
                                message: "giving up: the next poll would come\(when) past the deadline of \(deadline) ms")
        }
    }
    return PollDecision(done: false, delayMs: delay, reason: reason, message: message)
}

/// How many polls `pollNext` waits for an unknown status to become a known one.
public let unknownStatusAttempts: UInt32 = 5

/// `pollNext` over JSON text (the core of `analyze_poll_next`): reads the
/// state and the options (empty = defaults), returns the decision's JSON bytes.
public func pollNext(stateJSON: UnsafeRawBufferPointer, attempt: UInt32,
                     optionsJSON: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    let state = try PollState.parse(stateJSON)
    let options = try PollOptions.parse(optionsJSON)
    var writer = JSONWriter()
    writer.write(try pollNext(state: state, attempt: attempt, options: options).json)
    return writer.bytes
}
