/// Normalizes a task object (a retrieve body, an element of a list body, or the
/// `data` of a webhook event) into the library's task shape, members in this order:
///
/// `task_id, custom_id, batch_id, status, terminal, known, created_at,
/// created_at_ms, completed_at, completed_at_ms, video_source,
/// request_params, webhooks, error, result`.
///
/// Missing required members and wrong types throw `.malformedResponse` with
/// the path; unknown members are ignored. A status the library does not know
/// is kept with `known: false` and `terminal: false` (never an error, so a
/// status the API adds later does not break a reader; `pollNext` stops on it
/// after `PollNext.unknownStatusAttempts`).
struct TaskNormalizer {
    /// The statuses a task can have, in lifecycle order (`canceled`: API
    /// revision 2026-10, returned whatever revision the caller uses).
    static let statuses = ["queued", "pending", "processing", "ready", "failed", "canceled"]
    /// The statuses after which a task does not change again.
    static let terminalStatuses = ["ready", "failed", "canceled"]

    /// The caller's options (its request and schema).
    let options: ResultOptions
    /// True for list items, whose `request_params` echo only the first segment definition.
    var echoIsPartial = false
    /// True for webhook data: `id` may stand for `task_id` and `created_at` is optional.
    var webhookData = false

    /// The work its results' checks may spend: one budget for everything this
    /// normalizer reads (one normalizer serves one call, even for a list).
    let budget = CheckBudget()

    /// A normalizer using `options`.
    init(options: ResultOptions) { self.options = options }

    /// Checks the task `node` (errors reported under `path`), ready to be
    /// written. `source`, when given, is the text `node` was parsed from as
    /// the root of its document, alive until the task is written: a
    /// `result.data` escaped there as `JSONWriter` escapes is copied from it.
    func prepare(_ node: JSONNode, path: String, source: UnsafeRawBufferPointer? = nil) throws(AnalyzeError) -> NormalizedTask {
        let task = try BodyObject(node, path: path)
        let taskID: String
        if webhookData, task.value("task_id") == nil {
            taskID = try task.requiredString("id")
        } else {
            taskID = try task.requiredString("task_id")
        }
        if taskID.isEmpty {
            throw AnalyzeError(.malformedResponse, "the task id is empty", path: task.path(webhookData && task.value("task_id") == nil ? "id" : "task_id"))
        }
        let customID = try task.optionalString("custom_id")
        let batchID = try task.optionalString("batch_id")
        let status = try task.requiredString("status")
        let created = try Self.timestamp(task, "created_at", required: !webhookData)
        let completed = try Self.timestamp(task, "completed_at", required: false)
        let requestParams = try ResultFormatSource(task.value("request_params"), path: task.path("request_params"), status: .malformedResponse)
        let errorObject = try task.optionalObject("error")
        let errorMessage = try errorObject?.requiredString("message")
        let errorCode = try errorObject?.optionalString("code")

        var result: TaskResultNormalizer?
        if let resultObject = try task.optionalObject("result") {
            let request = try ResultFormatSource(options.request, path: "request", status: .invalidArgument)
            let context = ResultContext(requestParams: requestParams, request: request,
                                        explicitSchema: options.jsonSchema, echoIsPartial: echoIsPartial)
            let writtenData = options.includeData ? source.flatMap { JSONSourceText.writtenString(in: $0, at: ["result", "data"]) } : nil
            result = try TaskResultNormalizer(resultObject, context: context, truncationMessage: errorMessage, budget: budget,
                                                 includeData: options.includeData, writtenData: writtenData,
                                                 segmentsEncoding: options.segmentsEncoding)
        }
        return NormalizedTask(
            status: status,
            head: [
                JSONMember("task_id", .string(taskID)),
                JSONMember("custom_id", customID.map(JSONValue.string) ?? .null),
                JSONMember("batch_id", batchID.map(JSONValue.string) ?? .null),
                JSONMember("status", .string(status)),
                JSONMember("terminal", .bool(Self.terminalStatuses.contains(status))),
                JSONMember("known", .bool(Self.statuses.contains(status))),
                JSONMember("created_at", created.text),
                JSONMember("created_at_ms", created.milliseconds),
                JSONMember("completed_at", completed.text),
                JSONMember("completed_at_ms", completed.milliseconds),
                JSONMember("video_source", try Self.videoSource(task)),
            ],
            requestParams: task.value("request_params"),
            webhooks: try Self.webhooks(task),
            error: errorMessage.map { jsonObject(("message", .string($0)), ("code", errorCode.map(JSONValue.string) ?? .null)) } ?? .null,
            result: result)
    }


    /// An RFC 3339 member as its text and its Unix milliseconds (both null when absent).
    static func timestamp(_ object: BodyObject, _ key: String, required: Bool) throws(AnalyzeError) -> (text: JSONValue, milliseconds: JSONValue) {
        guard let text = try object.optionalString(key) else {
            if required { throw object.missing(key) }
            return (.null, .null)
        }
        guard let milliseconds = RFC3339.unixMilliseconds(text) else {
            throw AnalyzeError(.malformedResponse, "\(key) \(MessageText.quotedInFull(text)) is not an RFC 3339 date-time", path: object.path(key))
        }
        return (.string(text), .int(milliseconds))
    }

    /// `{type, url, asset_id, video_id, index_id, duration}` (each null when
    /// absent; `duration` from `system_metadata`), or null.
    private static func videoSource(_ task: BodyObject) throws(AnalyzeError) -> JSONValue {
        guard let source = try task.optionalObject("video_source") else { return .null }
        var members: [JSONMember] = []
        for key in ["type", "url", "asset_id", "video_id", "index_id"] {
            members.append(JSONMember(key, try source.optionalString(key).map(JSONValue.string) ?? .null))
        }
        let duration = try source.optionalObject("system_metadata")?.optionalNumber("duration")
        members.append(JSONMember("duration", duration.map(JSONValue.double) ?? .null))
        return .object(members)
    }

    /// `[{url, delivered, attempts, last_error}]` (`last_error` null when absent); `[]` when absent.
    static func webhooks(_ task: BodyObject) throws(AnalyzeError) -> JSONValue {
        guard let list = try task.optionalArray("webhooks") else { return .array([]) }
        var items: [JSONValue] = []
        for element in list.elements {
            let webhook = try BodyObject(element, path: JSONPath.element(task.path("webhooks"), items.count))
            items.append(jsonObject(
                ("url", .string(try webhook.requiredString("url"))),
                ("delivered", .bool(try webhook.requiredBool("delivered"))),
                ("attempts", .int(try webhook.requiredInteger("attempts"))),
                ("last_error", try webhook.optionalString("last_error").map(JSONValue.string) ?? .null)))
        }
        return .array(items)
    }
}

/// A checked task, written by `write(to:)` (which cannot fail) in the order
/// documented on `TaskNormalizer`. The large parts, `request_params` and the
/// result, are written straight from the parsed body without an owned copy.
struct NormalizedTask {
    /// The task's status.
    let status: String
    /// `task_id` to `video_source`, in order.
    let head: [JSONMember]
    /// `request_params` as sent back, when not null.
    let requestParams: JSONNode?
    /// The normalized `webhooks`.
    let webhooks: JSONValue
    /// The normalized `error`.
    let error: JSONValue
    /// The result, when the task has one.
    let result: TaskResultNormalizer?

    /// Writes the normalized task.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for member in head {
            writer.key(member.key)
            writer.write(member.value)
        }
        writer.key("request_params")
        if let requestParams { writer.write(requestParams) } else { writer.null() }
        writer.key("webhooks"); writer.write(webhooks)
        writer.key("error"); writer.write(error)
        writer.key("result")
        if let result { result.write(to: &writer) } else { writer.null() }
        writer.endObject()
    }

    /// The normalized task's bytes, with room reserved for `capacity` bytes.
    func bytes(capacity: Int) -> [UInt8] {
        written(capacity: capacity).bytes
    }

    /// A writer holding the normalized task, with room reserved for `capacity` bytes.
    func written(capacity: Int) -> JSONWriter {
        var writer = JSONWriter(capacity: capacity)
        write(to: &writer)
        return writer
    }
}
