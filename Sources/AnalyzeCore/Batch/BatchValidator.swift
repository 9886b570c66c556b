/// Validates create-batch bodies (`POST /analyze/batches`): the batch's own
/// rules, then each item as the task it becomes — the item's fields over the
/// batch `defaults` (objects replaced whole, never merged), with the batch's
/// `model_name` and `analysis_mode` — checked by the task rules
/// (`RequestValidator`) and reported at the item's or the default's own path
/// (`requests[37].max_tokens`, `defaults.response_format…`).
public enum BatchValidator {
    /// The top-level fields of a batch body.
    static let batchFields = ["model_name", "analysis_mode", "defaults", "requests"]
    /// The fields `defaults` may set.
    static let defaultFields = ["prompt", "response_format", "temperature", "max_tokens", "min_segment_duration",
                                "max_segment_duration", "start_time", "end_time"]
    /// The fields of one item.
    static let itemFields = ["video", "custom_id"] + defaultFields
    /// How many items a batch holds.
    public static let itemCount = 1...1_000
    /// The one model batches run.
    static let batchModel = ModelName.pegasus1_5
    /// The most bytes of item-plus-defaults JSON checked in one batch: a large
    /// `defaults` is checked again with every item, so the work is bounded here.
    static let maxExpandedBytes = 256 * 1024 * 1024

    /// Validates JSON text like `RequestValidator.validate(json:options:)`:
    /// `.malformedJSON` only when the text is not acceptable JSON.
    public static func validate(json bytes: UnsafeRawBufferPointer,
                                options: ValidationOptions = ValidationOptions()) throws(AnalyzeError) -> ValidationReport {
        let parsed = try OversizedIntegers.parse(bytes)
        return validate(document: parsed.document, oversized: parsed.found, options: options)
    }

    /// Validates a parsed batch body.
    static func validate(document: JSONDocument, oversized: [OversizedIntegers.Found],
                         options: ValidationOptions) -> ValidationReport {
        var issues = IssueCollector()
        RequestValidator.markOversized(oversized, &issues)
        let root = document.root
        guard root.kind == .object else {
            issues.invalid(.root, "the batch must be a JSON object, not \(MessageText.kind(root.kind))")
            return issues.report(root: root)
        }
        let fields = FieldReader(node: root, path: .root)
        fields.rejectUnknown(batchFields, &issues)
        let model: ModelName? = fields.choice("model_name", &issues)
        if model == nil && fields.member("model_name") == nil {
            issues.notProvided(.root.key("model_name"), "required: batches run \(batchModel.rawValue)")
        } else if let model, model != batchModel {
            issues.invalid(.root.key("model_name"), "batches run \(batchModel.rawValue) only; got \(model.rawValue)")
        }
        let mode: AnalysisMode? = fields.choice("analysis_mode", &issues)
        if fields.member("analysis_mode") == nil {
            issues.notProvided(.root.key("analysis_mode"), "required: one mode for every item (\(AnalysisMode.allowedList))")
        }
        let defaults = fields.object("defaults", &issues)
        if let defaults {
            let reader = FieldReader(node: defaults, path: .root.key("defaults"))
            reader.rejectUnknown(defaultFields, &issues)
            checkBatchOnly(reader, &issues)
        }
        guard let requests = fields.objects("requests", &issues, { reader, _ in reader }) else {
            if fields.member("requests") == nil {
                issues.notProvided(.root.key("requests"), "required: 1 to 1,000 items")
            }
            return issues.report(root: root)
        }
        if !itemCount.contains(requests.count) {
            issues.invalid(.root.key("requests"), "must have 1 to 1,000 items; has \(requests.count)")
        }
        var customIDs: [String: Int] = [:]
        var expanded = 0
        for (index, reader) in requests.enumerated() {
            guard let reader else { continue }
            reader.rejectUnknown(itemFields, &issues)
            checkBatchOnly(reader, &issues)
            checkVideo(reader, &issues)
            if let id = reader.member("custom_id")?.string {
                if let first = customIDs[id] {
                    issues.invalid(reader.path.key("custom_id"), "duplicate custom_id \(MessageText.quoted(id)): requests[\(first)] has it already; custom_ids must be unique within a batch")
                } else {
                    customIDs[id] = index
                }
            }
            let task = taskBody(item: reader, defaults: defaults, mode: mode)
            expanded += task.bytes.count
            if expanded > maxExpandedBytes {
                issues.invalid(.root.key("requests"), "the items with their defaults exceed \(MessageText.grouped(maxExpandedBytes)) bytes; requests[\(index)] and later were not checked as tasks")
                break
            }
            checkAsTask(task, options: options, &issues)
        }
        return issues.report(root: root)
    }

    /// What batches take differently from tasks: `prompt` an object
    /// `{input_text, media_sources}`, `max_tokens` an integer only.
    private static func checkBatchOnly(_ reader: FieldReader, _ issues: inout IssueCollector) {
        if let prompt = reader.member("prompt"), prompt.kind != .object, !issues.isUnusable(reader.path.key("prompt")) {
            issues.markUnusable(reader.path.key("prompt"))
            issues.invalid(reader.path.key("prompt"), "must be an object {\"input_text\": ..., \"media_sources\": [...]} in a batch, not \(MessageText.kind(prompt.kind))")
        }
        if let tokens = reader.member("max_tokens"), tokens.kind == .string {
            issues.markUnusable(reader.path.key("max_tokens"))
            issues.invalid(reader.path.key("max_tokens"), "must be an integer in a batch (\"unlimited\" is for single tasks)")
        }
    }

    /// `video`: required, `{"type": "asset_id", "asset_id": ...}`.
    private static func checkVideo(_ reader: FieldReader, _ issues: inout IssueCollector) {
        let path = reader.path.key("video")
        guard let video = reader.member("video") else {
            issues.notProvided(path, "required: {\"type\": \"asset_id\", \"asset_id\": ...} (batches analyze uploaded assets)")
            return
        }
        guard video.kind == .object else { return }
        if let type = video["type"]?.string, type != "asset_id" {
            issues.markUnusable(path.key("type"))
            issues.invalid(path.key("type"), "must be asset_id in a batch (batches analyze uploaded assets); got \(MessageText.quoted(type))")
        }
    }

    /// Where each top-level member of an item's task body came from.
    private enum Origin {
        case item(FieldPath)
        case defaults
        case batch
    }

    /// The task an item becomes: `model_name`, `analysis_mode` of the batch,
    /// then every item field, or else the default (prompt as `prompt_v2`).
    private static func taskBody(item: FieldReader, defaults: JSONNode?, mode: AnalysisMode?) -> (bytes: [UInt8], origins: [String: (Origin, String)]) {
        var writer = JSONWriter()
        var origins: [String: (Origin, String)] = [:]
        writer.beginObject()
        writer.key("model_name")
        writer.string(batchModel.rawValue)
        origins["model_name"] = (.batch, "model_name")
        if let mode {
            writer.key("analysis_mode")
            writer.string(mode.rawValue)
            origins["analysis_mode"] = (.batch, "analysis_mode")
        }
        // The batch rules report a missing or non-asset video; the task rules check the rest.
        origins["video"] = (.batch, "video")
        origins["prompt"] = (.item(item.path), "prompt")
        for key in itemFields {
            let taskKey = key == "prompt" ? "prompt_v2" : key
            if let value = item.member(key) {
                guard usable(key, value) else {
                    // Reported by the batch rules; the task rules would only call it missing.
                    if key == "prompt" { origins["prompt"] = (.batch, key) }
                    if key != "video" { origins[taskKey] = (.item(item.path), key) }
                    continue
                }
                writer.key(taskKey)
                writer.write(value)
                origins[taskKey] = (.item(item.path), key)
            } else if key != "video", let value = defaults?[key], usable(key, value) {
                writer.key(taskKey)
                writer.write(value)
                origins[taskKey] = (.defaults, key)
            } else if key != "video" {
                origins[taskKey] = (.item(item.path), key)
            }
        }
        writer.endObject()
        return (writer.bytes, origins)
    }

    /// False for values the batch rules already reported (a string prompt or
    /// max_tokens, a video that is not an asset).
    private static func usable(_ key: String, _ value: JSONNode) -> Bool {
        switch key {
        case "prompt": return value.kind == .object
        case "max_tokens": return value.kind != .string
        case "video": return value["type"]?.string.map { $0 == "asset_id" } ?? true
        default: return true
        }
    }

    /// Runs the task rules over an item's task body and records each issue at
    /// the path it came from. Issues at the batch's own members are left to
    /// the batch rules; a task body is never malformed (the writer made it).
    private static func checkAsTask(_ task: (bytes: [UInt8], origins: [String: (Origin, String)]),
                                    options: ValidationOptions, _ issues: inout IssueCollector) {
        guard let document = try? JSONDocument.parse(task.bytes) else { return }
        var found = IssueCollector()
        _ = RequestValidator.check(document.root, options: options, &found)
        for entry in found.entries {
            let components = entry.path.components
            guard case .key(let top)? = components.first else { continue }
            guard let (origin, key) = task.origins[top] else { continue }
            let rest = FieldPath(components: Array(components.dropFirst()))
            var issue = entry.issue
            let base: FieldPath
            switch origin {
            case .batch: continue
            case .defaults: base = FieldPath.root.key("defaults").key(key)
            case .item(let itemPath): base = itemPath.key(key)
            }
            if top == "prompt" && issue.code == .parameterNotProvided {
                issue.message = "general analysis needs a prompt {\"input_text\": ...} in the item or in defaults"
            }
            issues.record(issue, at: base.appending(rest))
        }
    }
}
