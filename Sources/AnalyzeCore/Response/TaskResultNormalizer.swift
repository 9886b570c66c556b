/// Normalizes a task's `result`:
/// `{generation_id, data, finish_reason, usage: {output_tokens, input_tokens},
/// truncated, truncation_message (only when truncated), segments (only for
/// time_based_metadata) | json (only for json_schema), issues}`.
///
/// `data` is copied untouched (or written as `null` when the options say
/// `include_data: false`: the caller holds the body); when the body's text
/// escapes it exactly as `JSONWriter` would, that text is copied as it is
/// (`JSONSourceText`). With
/// `segments_encoding: "pickle"`, `segments` is the byte count of their
/// pickle, which the writer carries after the text
/// (`JSONWriter.attach(taking:)`). For segment and JSON results `data` is
/// parsed either way; when that fails the value is `null` and an issue says why — precisely
/// "output truncated at max_tokens" when `finish_reason` is `length`.
///
/// Reading is split in two: `init` checks the members (and throws), `write`
/// cannot fail and writes the result straight into a `JSONWriter`.
struct TaskResultNormalizer {
    /// Deepest JSON accepted inside `data`: the normalized task (and a list or a
    /// webhook event around it) must stay within the library's 128 levels.
    static let maxDataDepth = 120

    private let context: ResultContext
    private let truncationMessage: String?
    private let generationID: String
    private let data: JSONNode
    private let finishReason: String
    private let outputTokens: Int64
    private let inputTokens: Int64?
    private let budget: CheckBudget
    private let includeData: Bool
    /// `data` as its body writes it, when written as `JSONWriter` would.
    private let writtenData: UnsafeBufferPointer<UInt8>?
    private let segmentsEncoding: SegmentsEncoding

    /// Checks `result`; `truncationMessage` is the task's `error.message`; its
    /// schema checks spend `budget`, the call's; `includeData` false writes
    /// `data` as `null`; `writtenData` (alive until the result is written) is
    /// `data`'s text in the body and its value's length, when the body escapes
    /// it as `JSONWriter` does (then it is copied, not escaped again);
    /// `segmentsEncoding` says how segments are handed over.
    init(_ result: BodyObject, context: ResultContext, truncationMessage: String?, budget: CheckBudget,
         includeData: Bool, writtenData: (text: UnsafeBufferPointer<UInt8>, valueCount: Int)? = nil,
         segmentsEncoding: SegmentsEncoding) throws(AnalyzeError) {
        generationID = try result.requiredString("generation_id")
        guard let data = result.value("data") else { throw result.missing("data") }
        guard data.kind == .string else { throw result.wrongType("data", "a string", data) }
        self.data = data
        self.writtenData = writtenData.flatMap { $0.valueCount == data.raw.utf8.count ? $0.text : nil }
        finishReason = try result.requiredString("finish_reason")
        let usage = try result.requiredObject("usage")
        outputTokens = try usage.requiredInteger("output_tokens")
        inputTokens = try usage.optionalInteger("input_tokens")
        self.context = context
        self.truncationMessage = truncationMessage
        self.budget = budget
        self.includeData = includeData
        self.segmentsEncoding = segmentsEncoding
    }

    /// Writes the normalized result (parsing and checking `data`).
    func write(to writer: inout JSONWriter) {
        let truncated = finishReason == "length"
        var issues: [ResultIssue] = []
        var dropped = 0
        if finishReason != "stop" && finishReason != "length" {
            issues.append(ResultIssue("finish_reason_unknown", path: "result.finish_reason",
                                      "finish_reason \(MessageText.quotedInFull(finishReason)) is not one of stop, length"))
        }
        writer.beginObject()
        writer.key("generation_id"); writer.string(generationID)
        writer.key("data")
        if !includeData {
            writer.null()
        } else if let writtenData {
            writer.string(written: writtenData)
        } else {
            data.withUTF8 { writer.string(utf8: $0) }
        }
        writer.key("finish_reason"); writer.string(finishReason)
        writer.key("usage")
        writer.beginObject()
        writer.key("output_tokens"); writer.int(outputTokens)
        writer.key("input_tokens"); if let inputTokens { writer.int(inputTokens) } else { writer.null() }
        writer.endObject()
        writer.key("truncated"); writer.bool(truncated)
        if truncated {
            writer.key("truncation_message")
            if let truncationMessage { writer.string(truncationMessage) } else { writer.null() }
        }
        switch context.mode {
        case .text:
            break
        case .segments:
            writer.key("segments")
            if let document = Self.parseData(data, truncated: truncated, issues: &issues) {
                var normalizer = SegmentsNormalizer(context: context, document: document)
                switch segmentsEncoding {
                case .json:
                    normalizer.write(document.root, path: "result.segments", to: &writer)
                case .pickle:
                    var pickle = PickleWriter(capacity: data.withUTF8 { $0.count })
                    normalizer.write(document.root, path: "result.segments", to: &pickle)
                    let pickled = pickle.finished()
                    writer.int(Int64(pickled.count))
                    writer.attach(taking: pickled)
                }
                issues += normalizer.issues
                dropped = normalizer.droppedIssues
            } else {
                writer.null()
            }
        case .json:
            writer.key("json")
            if let document = Self.parseData(data, truncated: truncated, issues: &issues) {
                writer.write(document.root)
                if let schema = context.schema {
                    var checker = ResultSchemaChecker(schema: schema, budget: budget)
                    checker.check(document.root, path: FieldPath.root.key("result").key("json"))
                    issues += checker.issues
                    dropped = checker.droppedIssues
                } else {
                    issues.append(ResultIssue("schema_unavailable", path: "result.json",
                                              "no JSON schema is known (none in request_params and none given); result.json was not checked"))
                }
            } else {
                writer.null()
            }
        }
        if dropped > 0 {
            issues.append(ResultIssue("issues_not_listed", path: "", ReportByteBound.droppedMessage(dropped)))
        }
        writer.key("issues")
        writer.beginArray()
        for issue in issues { writer.write(issue.jsonValue) }
        writer.endArray()
        writer.endObject()
    }

    /// Parses the JSON inside `data`, or reports why it cannot be used.
    private static func parseData(_ data: JSONNode, truncated: Bool, issues: inout [ResultIssue]) -> JSONDocument? {
        let parsed: Result<JSONDocument, AnalyzeError>
        do throws(AnalyzeError) {
            parsed = .success(try data.document.parse(stringOf: data))
        } catch {
            parsed = .failure(error)
        }
        let document: JSONDocument
        switch parsed {
        case .success(let value):
            document = value
        case .failure(let error):
            if truncated {
                issues.append(ResultIssue("output_truncated", path: "result.data",
                                          "output truncated at max_tokens: data is not complete JSON (finish_reason is length; truncation_message says whether max_tokens or the context window was reached), not a server bug"))
            } else {
                let location = error.path.isEmpty ? "" : " (at \(error.path))"
                issues.append(ResultIssue("data_not_json", path: "result.data", "data is not valid JSON: \(error.message)\(location)"))
            }
            return nil
        }
        if document.nesting > maxDataDepth {
            issues.append(ResultIssue("data_too_deep", path: "result.data",
                                      "data nests deeper than \(maxDataDepth) levels; it is kept only as text"))
            return nil
        }
        return document
    }
}
