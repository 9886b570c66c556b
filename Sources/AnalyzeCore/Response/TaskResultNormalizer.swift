/// Normalizes a task's `result`:
/// `{generation_id, data, finish_reason, usage: {output_tokens, input_tokens},
/// truncated, truncation_message (only when truncated), segments (only for
/// time_based_metadata) | json (only for json_schema), issues}`.
///
/// `data` is copied untouched. For segment and JSON results it is parsed;
/// when that fails the value is `null` and an issue says why — precisely
/// "output truncated at max_tokens" when `finish_reason` is `length`.
enum TaskResultNormalizer {
    /// Deepest JSON accepted inside `data`: the normalized task (and a list or a
    /// webhook event around it) must stay within the library's 128 levels.
    static let maxDataDepth = 120

    /// Normalizes `result`; `truncationMessage` is the task's `error.message`.
    static func normalize(_ result: BodyObject, context: ResultContext, truncationMessage: String?) throws(AnalyzeError) -> JSONValue {
        let generationID = try result.requiredString("generation_id")
        guard let data = result.value("data") else { throw result.missing("data") }
        guard let dataText = data.string else { throw result.wrongType("data", "a string", data) }
        let finishReason = try result.requiredString("finish_reason")
        let usage = try result.requiredObject("usage")
        let outputTokens = try usage.requiredInteger("output_tokens")
        let inputTokens = try usage.optionalInteger("input_tokens")
        let truncated = finishReason == "length"

        var issues: [ResultIssue] = []
        if finishReason != "stop" && finishReason != "length" {
            issues.append(ResultIssue("finish_reason_unknown", path: "result.finish_reason",
                                      "finish_reason \(ResultValue.quoted(finishReason)) is not one of stop, length"))
        }
        var members: [JSONMember] = [
            JSONMember("generation_id", .string(generationID)),
            JSONMember("data", .string(dataText)),
            JSONMember("finish_reason", .string(finishReason)),
            JSONMember("usage", jsonObject(("output_tokens", .int(outputTokens)), ("input_tokens", inputTokens.map(JSONValue.int) ?? .null))),
            JSONMember("truncated", .bool(truncated)),
        ]
        if truncated {
            members.append(JSONMember("truncation_message", truncationMessage.map(JSONValue.string) ?? .null))
        }
        switch context.mode {
        case .text:
            break
        case .segments:
            var value = JSONValue.null
            if let document = parseData(data, truncated: truncated, issues: &issues) {
                var normalizer = SegmentsNormalizer(context: context)
                value = normalizer.normalize(document.root, path: "result.segments")
                issues += normalizer.issues
            }
            members.append(JSONMember("segments", value))
        case .json:
            var value = JSONValue.null
            if let document = parseData(data, truncated: truncated, issues: &issues) {
                value = JSONValue(document.root)
                if let schema = context.schema {
                    var checker = ResultSchemaChecker(schema: schema)
                    checker.check(document.root, path: "result.json")
                    issues += checker.issues
                } else {
                    issues.append(ResultIssue("schema_unavailable", path: "result.json",
                                              "no JSON schema is known (none in request_params and none given); result.json was not checked"))
                }
            }
            members.append(JSONMember("json", value))
        }
        members.append(JSONMember("issues", .array(issues.map(\.jsonValue))))
        return .object(members)
    }

    /// Parses the JSON inside `data`, or reports why it cannot be used.
    private static func parseData(_ data: JSONNode, truncated: Bool, issues: inout [ResultIssue]) -> JSONDocument? {
        let parsed: Result<JSONDocument, AnalyzeError> = data.withUTF8 { bytes in
            do throws(AnalyzeError) {
                return .success(try JSONDocument.parse(UnsafeRawBufferPointer(bytes)))
            } catch {
                return .failure(error)
            }
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
        if depth(of: document.root, limit: maxDataDepth) > maxDataDepth {
            issues.append(ResultIssue("data_too_deep", path: "result.data",
                                      "data nests deeper than \(maxDataDepth) levels; it is kept only as text"))
            return nil
        }
        return document
    }

    /// Nesting depth of a value (a scalar is 0), counting no further than `limit + 1`.
    static func depth(of node: JSONNode, limit: Int) -> Int {
        var deepest = 0
        switch node.kind {
        case .array:
            for child in node.elements where deepest < limit {
                deepest = max(deepest, depth(of: child, limit: limit - 1))
            }
        case .object:
            for child in node.memberValues where deepest < limit {
                deepest = max(deepest, depth(of: child, limit: limit - 1))
            }
        default:
            return 0
        }
        return deepest + 1
    }
}
