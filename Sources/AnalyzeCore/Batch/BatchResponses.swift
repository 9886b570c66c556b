/// Normalizes the batch objects of the batch endpoints, members in this order:
///
/// `batch_id, model_name, analysis_mode, status, terminal, known, total_items,
/// items: {queued, processing, ready, failed, canceled}, created_at(_ms),
/// expires_at(_ms), completed_at(_ms), canceled_at(_ms), expired_at(_ms),
/// webhooks`.
///
/// Statuses `pending processing canceling canceled completed expired`;
/// `completed`, `canceled` and `expired` are terminal (a batch is never
/// `failed`, and `completed` does not mean every item succeeded). Another
/// status is kept with `known: false`, like a task's. Counts and times absent
/// from the body are null (the create response has no counts).
enum BatchNormalizer {
    /// The batch statuses, in lifecycle order.
    static let statuses = BatchRequests.statuses
    /// The statuses after which a batch does not change again.
    static let terminalStatuses = ["canceled", "completed", "expired"]
    /// The item counts, by item status.
    static let countKeys = ["queued", "processing", "ready", "failed", "canceled"]

    /// The normalized batch object of `node` (errors under `path`).
    static func batch(_ node: JSONNode, path: String) throws(AnalyzeError) -> JSONValue {
        let batch = try BodyObject(node, path: path)
        let batchID = try batch.requiredString("batch_id")
        if batchID.isEmpty { throw AnalyzeError(.malformedResponse, "the batch id is empty", path: batch.path("batch_id")) }
        let status = try batch.requiredString("status")
        var members: [JSONMember] = [
            JSONMember("batch_id", .string(batchID)),
            JSONMember("model_name", try batch.optionalString("model_name").map(JSONValue.string) ?? .null),
            JSONMember("analysis_mode", try batch.optionalString("analysis_mode").map(JSONValue.string) ?? .null),
            JSONMember("status", .string(status)),
            JSONMember("terminal", .bool(terminalStatuses.contains(status))),
            JSONMember("known", .bool(statuses.contains(status))),
            JSONMember("total_items", try batch.optionalInteger("total_items").map(JSONValue.int) ?? .null),
        ]
        var counts: [JSONMember] = []
        for key in countKeys {
            counts.append(JSONMember(key, try batch.optionalInteger(key + "_items").map(JSONValue.int) ?? .null))
        }
        members.append(JSONMember("items", .object(counts)))
        for key in ["created_at", "expires_at", "completed_at", "canceled_at", "expired_at"] {
            let time = try TaskNormalizer.timestamp(batch, key, required: key == "created_at")
            members.append(JSONMember(key, time.text))
            members.append(JSONMember(key + "_ms", time.milliseconds))
        }
        members.append(JSONMember("webhooks", try TaskNormalizer.webhooks(batch)))
        return .object(members)
    }

    /// A create-batch answer: the batch object plus `tasks: [{task_id, custom_id}]`
    /// (the body's `items`, one per submitted item).
    static func created(_ node: JSONNode) throws(AnalyzeError) -> JSONValue {
        guard case .object(var members) = try batch(node, path: "") else { return .null }
        let body = try BodyObject(node, path: "")
        var tasks: [JSONValue] = []
        if let items = try body.optionalArray("items") {
            for element in items.elements {
                let item = try BodyObject(element, path: JSONPath.element("items", tasks.count))
                tasks.append(jsonObject(("task_id", .string(try item.requiredString("task_id"))),
                                        ("custom_id", try item.optionalString("custom_id").map(JSONValue.string) ?? .null)))
            }
        } else {
            throw body.missing("items")
        }
        members.append(JSONMember("tasks", .array(tasks)))
        return .object(members)
    }

    /// `{data: [batches], page_info}` of a batch list body.
    static func list(_ root: JSONNode) throws(AnalyzeError) -> JSONValue {
        let list = try BodyObject(root, path: "")
        guard let data = list.value("data") else { throw list.missing("data") }
        guard data.kind == .array else { throw list.wrongType("data", "an array", data) }
        var batches: [JSONValue] = []
        for element in data.elements {
            batches.append(try batch(element, path: JSONPath.element("data", batches.count)))
        }
        return jsonObject(("data", .array(batches)), ("page_info", try pageInfo(list)))
    }
}
