/// Parses a webhook event body (the core of `analyze_webhook_parse`) into
/// `{id, created_at, created_at_ms, type, known, task}` plus, for unknown
/// types only, `data` (the event's data copied as it is).
///
/// `known` is true for `analyze.task.ready`, `analyze.task.failed` and
/// `analyze.task.canceled` (no `error`, no `result`); their
/// `data` must be an object holding at least the task id (`id` or `task_id`)
/// and a `status` that agrees with the type, and `task` is that data normalized
/// like a retrieved task as far as present (`created_at` may be missing).
/// Other types are passed through (`known` false, `task` null), not rejected.
/// Verify the signature on the raw bytes before parsing. `options` accepts
/// `request` and `json_schema`. Throws `.malformedJSON`, `.malformedResponse`
/// (with the path) or `.invalidArgument` (options).
public func parseWebhookEvent(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    try parsedWebhookEvent(body, options: rawOptions).bytes
}

/// `parseWebhookEvent`'s output still in its writer, whose memory
/// `analyze_webhook_parse` hands to C without a copy (`JSONWriter.handOff`).
public func parsedWebhookEvent(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> JSONWriter {
    let options = try ResultOptions.parse(rawOptions, allowed: ResultOptions.taskKeys)
    var writer = JSONWriter(capacity: outputCapacity(body.count))
    let document = try parse(body, inRoomOf: &writer)
    let event = try BodyObject(document.root, path: "")
    let id = try event.requiredString("id")
    let created = try TaskNormalizer.timestamp(event, "created_at", required: true)
    let type = try event.requiredString("type")
    let expectedStatus: String?
    switch type {
    case "analyze.task.ready": expectedStatus = "ready"
    case "analyze.task.failed": expectedStatus = "failed"
    case "analyze.task.canceled": expectedStatus = "canceled"
    default: expectedStatus = nil
    }
    let members: [JSONMember] = [
        JSONMember("id", .string(id)),
        JSONMember("created_at", created.text),
        JSONMember("created_at_ms", created.milliseconds),
        JSONMember("type", .string(type)),
        JSONMember("known", .bool(expectedStatus != nil)),
    ]
    var task: NormalizedTask?
    if let expectedStatus {
        let data = try event.requiredObject("data")
        var normalizer = TaskNormalizer(options: options)
        normalizer.webhookData = true
        let normalized = try normalizer.prepare(data.node, path: "data")
        if normalized.status != expectedStatus {
            throw AnalyzeError(.malformedResponse, "status must be \(MessageText.quotedInFull(expectedStatus)) in an event of type \(type)", path: "data.status")
        }
        task = normalized
    }
    writer.beginObject()
    for member in members {
        writer.key(member.key)
        writer.write(member.value)
    }
    writer.key("task")
    if let task {
        task.write(to: &writer)
    } else {
        writer.null()
        writer.key("data")
        if let data = event.node["data"] { writer.write(data) } else { writer.null() }
    }
    writer.endObject()
    return writer
}
