/// The outcome codes of the library, pinned to the values of `analyze_status` in `analyze.h`.
public enum AnalyzeStatus: Int32, Sendable {
    /// Success.
    case ok = 0
    /// A required argument was missing, or a length or option was out of range.
    case invalidArgument = -1
    /// Memory could not be allocated.
    case outOfMemory = -2
    /// The input is not acceptable JSON.
    case malformedJSON = -3
    /// The request breaks a rule of the API.
    case validationFailed = -4
    /// The HTTP response is an error response.
    case apiError = -5
    /// Webhook: no signature matches.
    case webhookSignature = -6
    /// Webhook: the signature header is missing or malformed.
    case webhookHeader = -7
    /// Webhook: the timestamp is outside the tolerance.
    case webhookTimestamp = -8
    /// Webhook: the secret is empty.
    case webhookSecret = -9
    /// A response, task or webhook body lacks a required field or has a wrong type.
    case malformedResponse = -10

    /// Static English text for the code, as `analyze_strerror` returns it.
    public var text: StaticString {
        switch self {
        case .ok: return "success"
        case .invalidArgument: return "invalid argument"
        case .outOfMemory: return "out of memory"
        case .malformedJSON: return "malformed JSON"
        case .validationFailed: return "request validation failed"
        case .apiError: return "the API returned an error response"
        case .webhookSignature: return "webhook signature does not match"
        case .webhookHeader: return "webhook signature header missing or malformed"
        case .webhookTimestamp: return "webhook timestamp outside the tolerance"
        case .webhookSecret: return "webhook secret is empty"
        case .malformedResponse: return "response body does not have the documented shape"
        }
    }
}

/// A failure with everything a caller needs to find its cause.
public struct AnalyzeError: Error, Sendable, Equatable {
    /// The status code.
    public var status: AnalyzeStatus
    /// What went wrong, in English.
    public var message: String
    /// Dotted JSON path of the offending field; empty for the whole input.
    public var path: String
    /// Byte offset of a JSON syntax error, or -1.
    public var position: Int
    /// 1-based line of a JSON syntax error, or 0.
    public var line: Int
    /// 1-based column (in bytes) of a JSON syntax error, or 0.
    public var column: Int

    /// Creates an error; position, line and column default to "unknown".
    public init(_ status: AnalyzeStatus, _ message: String, path: String = "",
                position: Int = -1, line: Int = 0, column: Int = 0) {
        self.status = status
        self.message = message
        self.path = path
        self.position = position
        self.line = line
        self.column = column
    }

    /// This error (a JSON syntax error in an argument) as `status`, its message
    /// after `prefix` (`"options: "`); path, position, line and column kept.
    func relabelled(_ status: AnalyzeStatus, prefix: String) -> AnalyzeError {
        AnalyzeError(status, prefix + message, path: path, position: position, line: line, column: column)
    }
}
