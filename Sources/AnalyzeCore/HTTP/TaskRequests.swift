/// Builds the HTTP requests of the analysis-task endpoints (sans-IO: the
/// host sends them).
public enum TaskRequests {
    /// The option keys of `create`.
    public static let createOptionKeys = ["api_key", "base_url", "idempotency_key", "user_agent", "video_duration"]
    /// The option keys of `retrieve`, `delete` and `list`.
    public static let readOptionKeys = ["api_key", "base_url", "user_agent"]

    /// `POST {base}/analyze/tasks` with the canonical body of a valid request.
    /// Throws `.invalidArgument` for bad options, `.malformedJSON` when the
    /// request is not JSON, and `.validationFailed` (message and path of the
    /// first error) when it breaks a rule.
    public static func create(json bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let callOptions = try CallOptions(options, allowed: createOptionKeys)
        let connection = try ConnectionOptions(callOptions)
        let validation = ValidationOptions(videoDuration: try callOptions.positiveSeconds("video_duration"))
        let result = RequestValidator.validate(document: try JSONDocument.parse(bytes), options: validation)
        if let failure = result.report.failure() { throw failure }
        guard let request = result.request else {
            throw AnalyzeError(.validationFailed, "request is invalid: it is not a JSON object")
        }
        return create(request, connection: connection)
    }

    /// `POST {base}/analyze/tasks` with the canonical body of `request` (not validated here).
    public static func create(_ request: AnalyzeRequest, connection: ConnectionOptions) -> HTTPRequest {
        HTTPRequest(method: "POST", url: connection.baseURL + "/analyze/tasks",
                    headers: connection.headers(json: true, idempotent: true),
                    body: String(decoding: RequestEncoder.bytes(request), as: UTF8.self))
    }

    /// `GET {base}/analyze/tasks/{task_id}` (the id percent-encoded).
    public static func retrieve(taskID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try taskRequest(method: "GET", taskID: taskID, options: options)
    }

    /// `DELETE {base}/analyze/tasks/{task_id}` (the id percent-encoded).
    public static func delete(taskID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try taskRequest(method: "DELETE", taskID: taskID, options: options)
    }

    /// `GET {base}/analyze/tasks?…` from a query object (empty = no filters).
    /// Throws `.validationFailed` (`query is invalid: …`) for a bad query.
    public static func list(query bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let connection = try ConnectionOptions(try CallOptions(options, allowed: readOptionKeys))
        let parsed = try ListTasksQuery.parse(json: bytes)
        if let failure = parsed.report.failure(subject: "query") { throw failure }
        return HTTPRequest(method: "GET", url: connection.baseURL + "/analyze/tasks" + parsed.query.queryString,
                           headers: connection.headers(json: false, idempotent: false), body: nil)
    }

    private static func taskRequest(method: String, taskID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let connection = try ConnectionOptions(try CallOptions(options, allowed: readOptionKeys))
        guard taskID.count > 0 else {
            throw AnalyzeError(.invalidArgument, "task_id must not be empty")
        }
        guard String(validating: taskID, as: UTF8.self) != nil else {
            throw AnalyzeError(.invalidArgument, "task_id is not valid UTF-8")
        }
        return HTTPRequest(method: method, url: connection.baseURL + "/analyze/tasks/" + PercentEncoding.encode(taskID),
                           headers: connection.headers(json: false, idempotent: false), body: nil)
    }
}
