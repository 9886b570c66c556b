/// What the host should do after a poll: stop, or poll again after a delay.
public struct PollDecision: Sendable, Equatable {
    /// Why the decision was taken.
    public enum Reason: String, Sendable {
        /// The task reached a terminal status: stop and read it (done).
        case terminal
        /// The task is still running: poll again after the backoff delay.
        case backoff
        /// The API answered with a retryable error: poll again after the delay.
        case retry
        /// The API answered with an error that retrying will not fix (done).
        case error
        /// The next poll would come after the caller's deadline (done).
        case deadline
        /// The status is one the library does not know, and it did not change
        /// into a known one within `unknownStatusAttempts` polls (done).
        case unknownStatus = "unknown_status"
    }

    /// True when the host should stop polling.
    public var done: Bool
    /// Milliseconds to wait before the next poll; nil when done.
    public var delayMs: Int64?
    /// Why.
    public var reason: Reason
    /// One English sentence for logs.
    public var message: String

    /// Creates a decision.
    public init(done: Bool, delayMs: Int64?, reason: Reason, message: String) {
        self.done = done
        self.delayMs = delayMs
        self.reason = reason
        self.message = message
    }

    /// The decision as JSON: `{"done":...,"delay_ms":...,"reason":...,"message":...}`, keys in that order.
    public var json: JSONValue {
        .object([JSONMember("done", .bool(done)),
                 JSONMember("delay_ms", delayMs.map { .int($0) } ?? .null),
                 JSONMember("reason", .string(reason.rawValue)),
                 JSONMember("message", .string(message))])
    }
}
