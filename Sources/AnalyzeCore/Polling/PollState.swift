/// What the last poll returned, as `pollNext` needs it: a task, or an API error.
///
/// Read from the library's own shapes: a normalized task (`status`,
/// `terminal`) or an API error object (`http_status`, `code`, `retryable`,
/// `retry_after_ms`). An object with `http_status` is an error, otherwise one
/// with `status` is a task. Other members are ignored.
public enum PollState: Sendable, Equatable {
    /// A task (or a batch) in `status`; `terminal` is true once it will not
    /// change again; `known` is false for a status the library has never seen.
    case task(status: String, terminal: Bool, known: Bool)
    /// An API error response.
    case apiError(httpStatus: Int64, code: String?, retryable: Bool, retryAfterMs: Int64?)

    /// The HTTP statuses worth retrying when the object does not say (`retryable` absent).
    public static let retryableStatuses: Set<Int64> = [429, 500, 502, 503, 504]
    /// The task and batch statuses that are terminal when the object does not
    /// say (`terminal` absent): tasks `ready failed canceled`, batches
    /// `completed canceled expired`.
    public static let terminalStatuses: Set<String> = ["ready", "failed", "canceled", "completed", "expired"]
    /// Every task and batch status the library knows (`known` when absent).
    public static let knownStatuses: Set<String> = ["queued", "pending", "processing", "ready", "failed", "canceled",
                                                     "canceling", "completed", "expired"]

    /// Reads a state from JSON text. Throws `.malformedJSON` when the text is
    /// not JSON and `.malformedResponse`, with the path, when it is neither shape.
    ///
    /// `terminal`, `known` and `retryable` may be absent (a raw API task or
    /// batch body, or an error built by hand): they are then derived from
    /// `status` (`terminalStatuses`, `knownStatuses`) and `http_status` (429,
    /// 500, 502, 503, 504). When present they decide.
    public static func parse(_ text: UnsafeRawBufferPointer) throws(AnalyzeError) -> PollState {
        let root = try JSONDocument.parse(text).root
        guard root.kind == .object else {
            throw AnalyzeError(.malformedResponse, "the state must be a JSON object (a task or an API error), not \(root.kind.name)")
        }
        if let status = root["http_status"] {
            guard let value = status.int64, value >= 100, value <= 599 else {
                throw AnalyzeError(.malformedResponse, "http_status must be an integer from 100 to 599", path: "http_status")
            }
            let code = try optional(root, "code", "a string or null") { $0.string }
            let retryable = try optional(root, "retryable", "a boolean") { $0.bool }
            let retryAfter = try optional(root, "retry_after_ms", "a non-negative integer or null") { node in
                node.int64.flatMap { $0 >= 0 ? $0 : nil }
            }
            return .apiError(httpStatus: value, code: code, retryable: retryable ?? retryableStatuses.contains(value),
                             retryAfterMs: retryAfter)
        }
        if let status = root["status"] {
            guard let name = status.string else {
                throw AnalyzeError(.malformedResponse, "status must be a string, not \(status.kind.name)", path: "status")
            }
            let terminal = try optional(root, "terminal", "a boolean") { $0.bool }
            let known = try optional(root, "known", "a boolean") { $0.bool }
            return .task(status: name, terminal: terminal ?? terminalStatuses.contains(name),
                         known: known ?? knownStatuses.contains(name))
        }
        throw AnalyzeError(.malformedResponse, "the state has neither \"status\" (a task) nor \"http_status\" (an API error)")
    }

    /// The member `key` read by `read`; nil when absent or null; a
    /// `.malformedResponse` naming `wanted` when `read` refuses it.
    private static func optional<T>(_ object: JSONNode, _ key: String, _ wanted: String,
                                    _ read: (JSONNode) -> T?) throws(AnalyzeError) -> T? {
        guard let node = object[key], !node.isNull else { return nil }
        guard let value = read(node) else {
            throw AnalyzeError(.malformedResponse, "\(key) must be \(wanted), not \(node.kind.name)", path: key)
        }
        return value
    }
}
