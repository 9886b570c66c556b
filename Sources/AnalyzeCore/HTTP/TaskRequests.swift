/// Builds the HTTP requests of the analysis-task endpoints (sans-IO: the
/// host sends them).
public enum TaskRequests {
    /// The option keys of `create`.
    public static let createOptionKeys = ["api_key", "base_url", "idempotency_key", "user_agent", "video_duration",
                                          "api_revision", "validate"]
    /// The option keys of `retrieve`, `delete`, `cancel` and `list`.
    public static let readOptionKeys = ["api_key", "base_url", "user_agent", "api_revision"]

    /// `POST {base}/analyze/tasks`. With `validate` `strict` (the default) the
    /// body is the canonical body of a valid request; with `warn` it is the
    /// request text as given and the report comes back in
    /// `HTTPRequest.validation`; with `off` it is the text as given, checked
    /// only for being JSON. Throws `.invalidArgument` for bad options,
    /// `.malformedJSON` when the request is not JSON, and (strict)
    /// `.validationFailed` (message and path of the first error) when it
    /// breaks a rule of the `api_revision`.
    public static func create(json bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let inputs = try CreateInputs(json: bytes, options: options, allowed: createOptionKeys)
        let url = inputs.connection.baseURL + "/analyze/tasks"
        let headers = inputs.connection.headers(json: true, idempotent: true)
        if inputs.mode == .off {
            return HTTPRequest(method: "POST", url: url, headers: headers, body: String(decoding: bytes, as: UTF8.self))
        }
        let result = RequestValidator.validate(document: inputs.document, oversized: inputs.oversized, options: inputs.validation)
        if inputs.mode == .warn {
            return HTTPRequest(method: "POST", url: url, headers: headers, body: String(decoding: bytes, as: UTF8.self),
                               validation: result.report)
        }
        if let failure = result.report.failure() { throw failure }
        guard let request = result.request else {
            throw AnalyzeError(.validationFailed, "request is invalid: it is not a JSON object")
        }
        return create(request, connection: inputs.connection)
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

    /// `POST {base}/analyze/tasks/{task_id}/cancel` (no body; the id percent-encoded).
    public static func cancel(taskID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try taskRequest(method: "POST", taskID: taskID, suffix: "/cancel", options: options)
    }

    /// `GET {base}/analyze/tasks?…` from a query object (empty = no filters),
    /// checked against the `api_revision`'s filters.
    /// Throws `.validationFailed` (`query is invalid: …`) for a bad query.
    public static func list(query bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let callOptions = try CallOptions(options, allowed: readOptionKeys)
        let connection = try ConnectionOptions(callOptions)
        let parsed = try ListTasksQuery.parse(json: bytes, revision: try APIRevision.option(callOptions))
        if let failure = parsed.report.failure(subject: "query") { throw failure }
        return HTTPRequest(method: "GET", url: connection.baseURL + "/analyze/tasks" + parsed.query.queryString,
                           headers: connection.headers(json: false, idempotent: false), body: nil)
    }

    private static func taskRequest(method: String, taskID: UnsafeRawBufferPointer, suffix: String = "",
                                    options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try idRequest(method: method, collection: "/analyze/tasks", id: taskID, idName: "task_id", suffix: suffix, options: options)
    }

    /// `method {base}{collection}/{id}{suffix}` without a body (the id
    /// percent-encoded; empty or invalid UTF-8 is `.invalidArgument` naming `idName`).
    static func idRequest(method: String, collection: String, id: UnsafeRawBufferPointer, idName: String, suffix: String,
                          options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let callOptions = try CallOptions(options, allowed: readOptionKeys)
        let connection = try ConnectionOptions(callOptions)
        _ = try APIRevision.option(callOptions)
        guard id.count > 0 else {
            throw AnalyzeError(.invalidArgument, "\(idName) must not be empty")
        }
        guard String(validating: id, as: UTF8.self) != nil else {
            throw AnalyzeError(.invalidArgument, "\(idName) is not valid UTF-8")
        }
        return HTTPRequest(method: method, url: connection.baseURL + collection + "/" + PercentEncoding.encode(id) + suffix,
                           headers: connection.headers(json: false, idempotent: false), body: nil)
    }
}
