/// Reads a JSON document into an `AnalyzeRequest`, recording wrong JSON types
/// (`parameter_invalid`) and unknown fields (`parameter_unknown`) as issues
/// instead of failing. A field of the wrong type is left unset in the model and
/// marked unusable in the collector; array elements of the wrong type become
/// empty placeholders so that indices keep matching the document.
enum RequestDecoder {
    /// The top-level fields, in canonical order.
    static let requestFields = ["model_name", "video_id", "video", "custom_id", "prompt", "prompt_v2",
                                "analysis_mode", "temperature", "max_tokens", "response_format",
                                "min_segment_duration", "max_segment_duration", "start_time", "end_time"]
    static let videoFields = ["type", "url", "asset_id", "base64_string"]
    static let promptV2Fields = ["input_text", "media_sources"]
    static let mediaSourceFields = ["name", "media_type", "url", "asset_id", "base64_string"]
    static let responseFormatFields = ["type", "json_schema", "segment_definitions", "segment_time_format"]
    static let segmentDefinitionFields = ["id", "description", "fields", "media_sources", "time_ranges"]
    static let segmentFieldFields = ["name", "type", "description", "format", "enum", "items"]
    static let itemsFields = ["type"]
    static let timeRangeFields = ["start_time", "end_time"]

    /// Decodes the document root; nil (with one whole-document issue) when it is not an object.
    static func decode(_ root: JSONNode, _ issues: inout IssueCollector) -> AnalyzeRequest? {
        guard root.kind == .object else {
            issues.invalid(.root, "the request must be a JSON object, not \(IssueCollector.describe(root))")
            return nil
        }
        let fields = FieldReader(node: root, path: .root)
        fields.rejectUnknown(requestFields, &issues)
        var request = AnalyzeRequest()
        request.modelName = fields.choice("model_name", &issues)
        request.videoID = fields.string("video_id", &issues)
        request.video = fields.object("video", &issues).map { decodeVideo(FieldReader(node: $0, path: .root.key("video")), &issues) }
        request.customID = fields.string("custom_id", &issues)
        request.prompt = fields.string("prompt", &issues)
        request.promptV2 = fields.object("prompt_v2", &issues).map { decodePromptV2(FieldReader(node: $0, path: .root.key("prompt_v2")), &issues) }
        request.analysisMode = fields.choice("analysis_mode", &issues)
        request.temperature = fields.number("temperature", &issues)
        request.maxTokens = fields.integer("max_tokens", &issues)
        request.responseFormat = fields.object("response_format", &issues).map {
            decodeResponseFormat(FieldReader(node: $0, path: .root.key("response_format")), &issues)
        }
        request.minSegmentDuration = fields.number("min_segment_duration", &issues)
        request.maxSegmentDuration = fields.number("max_segment_duration", &issues)
        request.startTime = fields.number("start_time", &issues)
        request.endTime = fields.number("end_time", &issues)
        return request
    }

    private static func decodeVideo(_ fields: FieldReader, _ issues: inout IssueCollector) -> VideoSource {
        fields.rejectUnknown(videoFields, &issues)
        return VideoSource(type: fields.choice("type", &issues), url: fields.string("url", &issues),
                           assetID: fields.string("asset_id", &issues),
                           base64String: fields.string("base64_string", &issues))
    }

    private static func decodePromptV2(_ fields: FieldReader, _ issues: inout IssueCollector) -> PromptV2 {
        fields.rejectUnknown(promptV2Fields, &issues)
        return PromptV2(inputText: fields.string("input_text", &issues),
                        mediaSources: decodeMediaSources(fields, &issues))
    }

    private static func decodeMediaSources(_ fields: FieldReader, _ issues: inout IssueCollector) -> [MediaSource]? {
        fields.objects("media_sources", &issues)?.map { reader in
            guard let reader else { return MediaSource() }
            reader.rejectUnknown(mediaSourceFields, &issues)
            return MediaSource(name: reader.string("name", &issues), mediaType: reader.choice("media_type", &issues),
                               url: reader.string("url", &issues), assetID: reader.string("asset_id", &issues),
                               base64String: reader.string("base64_string", &issues))
        }
    }

    private static func decodeResponseFormat(_ fields: FieldReader, _ issues: inout IssueCollector) -> ResponseFormat {
        fields.rejectUnknown(responseFormatFields, &issues)
        var format = ResponseFormat()
        format.type = fields.choice("type", &issues)
        format.jsonSchema = fields.object("json_schema", &issues).map { JSONValue($0) }
        format.segmentDefinitions = fields.objects("segment_definitions", &issues)?.map { reader in
            guard let reader else { return SegmentDefinition() }
            return decodeSegmentDefinition(reader, &issues)
        }
        format.segmentTimeFormat = fields.choice("segment_time_format", &issues)
        return format
    }

    private static func decodeSegmentDefinition(_ fields: FieldReader, _ issues: inout IssueCollector) -> SegmentDefinition {
        fields.rejectUnknown(segmentDefinitionFields, &issues)
        var definition = SegmentDefinition()
        definition.id = fields.string("id", &issues)
        definition.description = fields.string("description", &issues)
        definition.fields = fields.objects("fields", &issues)?.map { reader in
            guard let reader else { return SegmentField() }
            return decodeSegmentField(reader, &issues)
        }
        definition.mediaSources = decodeMediaSources(fields, &issues)
        definition.timeRanges = fields.objects("time_ranges", &issues)?.map { reader in
            guard let reader else { return TimeRange() }
            reader.rejectUnknown(timeRangeFields, &issues)
            return TimeRange(startTime: reader.number("start_time", &issues), endTime: reader.number("end_time", &issues))
        }
        return definition
    }

    private static func decodeSegmentField(_ fields: FieldReader, _ issues: inout IssueCollector) -> SegmentField {
        fields.rejectUnknown(segmentFieldFields, &issues)
        var field = SegmentField(name: fields.string("name", &issues), type: fields.choice("type", &issues),
                                 description: fields.string("description", &issues),
                                 format: fields.choice("format", &issues))
        if let list = fields.array("enum", &issues) {
            var values: [String] = []
            var index = 0
            for element in list.elements {
                if let text = element.string {
                    values.append(text)
                } else {
                    issues.wrongType(fields.path.key("enum").index(index), expected: "a string", got: element)
                    values.append("")
                }
                index += 1
            }
            field.enumValues = values
        }
        if let items = fields.object("items", &issues) {
            let reader = FieldReader(node: items, path: fields.path.key("items"))
            reader.rejectUnknown(itemsFields, &issues)
            field.hasItems = true
            field.itemsType = reader.choice("type", &issues)
        } else if fields.member("items") != nil {
            field.hasItems = true
        }
        return field
    }
}
