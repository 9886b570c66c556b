/// Builds the HTTP requests of the batch endpoints (sans-IO), like `TaskRequests`.
public enum BatchRequests {
    /// The option keys of `create`: those of a task's create.
    public static let createOptionKeys = TaskRequests.createOptionKeys
    /// The batch statuses (`list` filters on them).
    public static let statuses = ["pending", "processing", "canceling", "canceled", "completed", "expired"]
    /// The list parameters, in the order they are written.
    public static let listParameters = ["page", "page_limit", "status", "analysis_mode"]

    /// `POST {base}/analyze/batches`. The body is the batch text as given; with
    /// `validate` strict (default) it must pass `BatchValidator` (else
    /// `.validationFailed`, "batch is invalid: …"), with warn the report is
    /// returned in `HTTPRequest.validation`, with off only JSON is checked.
    public static func create(json bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let inputs = try CreateInputs(json: bytes, options: options, allowed: createOptionKeys)
        var report: ValidationReport? = nil
        if inputs.mode != .off {
            let found = BatchValidator.validate(document: inputs.document, oversized: inputs.oversized, options: inputs.validation)
            if inputs.mode == .strict, let failure = found.failure(subject: "batch") { throw failure }
            if inputs.mode == .warn { report = found }
        }
        return HTTPRequest(method: "POST", url: inputs.connection.baseURL + "/analyze/batches",
                           headers: inputs.connection.headers(json: true, idempotent: true),
                           body: String(decoding: bytes, as: UTF8.self), validation: report)
    }

    /// `GET {base}/analyze/batches/{batch_id}`.
    public static func retrieve(batchID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try batchRequest("GET", batchID, "", options)
    }

    /// `DELETE {base}/analyze/batches/{batch_id}` (completed, canceled or expired batches).
    public static func delete(batchID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try batchRequest("DELETE", batchID, "", options)
    }

    /// `POST {base}/analyze/batches/{batch_id}/cancel` (no body).
    public static func cancel(batchID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try batchRequest("POST", batchID, "/cancel", options)
    }

    /// `GET {base}/analyze/batches/{batch_id}/results` (a JSON Lines body).
    public static func results(batchID: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try batchRequest("GET", batchID, "/results", options)
    }

    /// `GET {base}/analyze/batches?…`: `page` (≥ 1), `page_limit` (1–50),
    /// `status` and `analysis_mode` (a value or an array of values, each
    /// written as a repeated parameter). Throws `.validationFailed`
    /// ("query is invalid: …") for a bad query.
    public static func list(query bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        let callOptions = try CallOptions(options, allowed: TaskRequests.readOptionKeys)
        let connection = try ConnectionOptions(callOptions)
        _ = try APIRevision.option(callOptions)
        var pairs: [(String, String)] = []
        if bytes.count > 0 {
            let document = try JSONDocument.parse(bytes)
            var issues = IssueCollector()
            if document.root.kind != .object {
                issues.invalid(.root, "the query must be a JSON object, not \(MessageText.kind(document.root.kind))")
            } else {
                let fields = FieldReader(node: document.root, path: .root)
                fields.rejectUnknown(listParameters, &issues)
                if let page = fields.integer("page", &issues) {
                    if page < 1 { issues.invalid(.root.key("page"), "must be at least 1; got \(page)") }
                    pairs.append(("page", String(page)))
                }
                if let limit = fields.integer("page_limit", &issues) {
                    if limit < 1 || limit > ListTasksQuery.maxPageLimit {
                        issues.invalid(.root.key("page_limit"), "must be between 1 and \(ListTasksQuery.maxPageLimit) (default 10); got \(limit)")
                    }
                    pairs.append(("page_limit", String(limit)))
                }
                for (key, allowed) in [("status", statuses), ("analysis_mode", AnalysisMode.allCases.map(\.rawValue))] {
                    for (value, path) in values(fields, key, &issues) {
                        if !allowed.contains(value) {
                            issues.invalid(path, "must be one of: \(allowed.joined(separator: ", ")); got \(MessageText.quoted(value))")
                        }
                        pairs.append((key, value))
                    }
                }
            }
            if let failure = issues.report(root: document.root).failure(subject: "query") { throw failure }
        }
        let query = pairs.isEmpty ? "" : "?" + pairs.map { $0.0 + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
        return HTTPRequest(method: "GET", url: connection.baseURL + "/analyze/batches" + query,
                           headers: connection.headers(json: false, idempotent: false), body: nil)
    }

    /// A string member, or each string of an array member, with its path.
    private static func values(_ fields: FieldReader, _ key: String, _ issues: inout IssueCollector) -> [(String, FieldPath)] {
        guard let node = fields.member(key) else { return [] }
        if let text = node.string { return [(text, fields.path.key(key))] }
        guard node.kind == .array else {
            issues.invalid(fields.path.key(key), "must be a string or an array of strings, not \(MessageText.kind(node.kind))")
            return []
        }
        var found: [(String, FieldPath)] = []
        var index = 0
        for element in node.elements {
            if let text = element.string {
                found.append((text, fields.path.key(key).index(index)))
            } else {
                issues.wrongType(fields.path.key(key).index(index), expected: .string, got: element)
            }
            index += 1
        }
        return found
    }

    private static func batchRequest(_ method: String, _ batchID: UnsafeRawBufferPointer, _ suffix: String,
                                     _ options: UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest {
        try TaskRequests.idRequest(method: method, collection: "/analyze/batches", id: batchID, idName: "batch_id",
                                   suffix: suffix, options: options)
    }
}
