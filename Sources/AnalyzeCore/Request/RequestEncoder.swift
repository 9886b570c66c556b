/// Writes an `AnalyzeRequest` as the canonical request body: only the fields
/// that are set, no defaults filled in, keys in the order of `RequestDecoder`'s
/// field lists (the order the API documents them), `json_schema` verbatim.
public enum RequestEncoder {
    /// The body as an owned JSON value.
    public static func value(_ request: AnalyzeRequest) -> JSONValue {
        jsonObject(
            ("model_name", request.modelName.map { .string($0.rawValue) }),
            ("video_id", request.videoID.map(JSONValue.string)),
            ("video", request.video.map(video)),
            ("image", request.image.map { .array($0.map(image)) }),
            ("custom_id", request.customID.map(JSONValue.string)),
            ("prompt", request.prompt.map(JSONValue.string)),
            ("prompt_v2", request.promptV2.map(promptV2)),
            ("analysis_mode", request.analysisMode.map { .string($0.rawValue) }),
            ("temperature", request.temperature.map(number)),
            ("max_tokens", request.maxTokens.map(maxTokens)),
            ("response_format", request.responseFormat.map(responseFormat)),
            ("min_segment_duration", request.minSegmentDuration.map(number)),
            ("max_segment_duration", request.maxSegmentDuration.map(number)),
            ("start_time", request.startTime.map(number)),
            ("end_time", request.endTime.map(number)))
    }

    /// The body as compact JSON bytes.
    public static func bytes(_ request: AnalyzeRequest) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value(request))
        return writer.bytes
    }

    /// A number: integral values within ±2^53 as JSON integers (`4`, not `4.0`),
    /// others as the shortest double text.
    static func number(_ value: Double) -> JSONValue {
        if value.isFinite && value == value.rounded() && abs(value) <= 9_007_199_254_740_992 {
            return .int(Int64(value))
        }
        return .double(value)
    }

    private static func video(_ video: VideoSource) -> JSONValue {
        jsonObject(("type", video.type.map { .string($0.rawValue) }),
                   ("url", video.url.map(JSONValue.string)),
                   ("asset_id", video.assetID.map(JSONValue.string)),
                   ("base64_string", video.base64String.map(JSONValue.string)))
    }

    private static func maxTokens(_ value: MaxTokens) -> JSONValue {
        switch value {
        case .tokens(let count): return .int(count)
        case .unlimited: return .string("unlimited")
        }
    }

    private static func image(_ image: ImageInput) -> JSONValue {
        jsonObject(("name", image.name.map(JSONValue.string)),
                   ("url", image.url.map(JSONValue.string)),
                   ("asset_id", image.assetID.map(JSONValue.string)),
                   ("base64_string", image.base64String.map(JSONValue.string)))
    }

    private static func promptV2(_ prompt: PromptV2) -> JSONValue {
        jsonObject(("input_text", prompt.inputText.map(JSONValue.string)),
                   ("media_sources", prompt.mediaSources.map { .array($0.map(mediaSource)) }))
    }

    private static func mediaSource(_ source: MediaSource) -> JSONValue {
        jsonObject(("name", source.name.map(JSONValue.string)),
                   ("media_type", source.mediaType.map { .string($0.rawValue) }),
                   ("url", source.url.map(JSONValue.string)),
                   ("asset_id", source.assetID.map(JSONValue.string)),
                   ("base64_string", source.base64String.map(JSONValue.string)))
    }

    private static func responseFormat(_ format: ResponseFormat) -> JSONValue {
        jsonObject(("type", format.type.map { .string($0.rawValue) }),
                   ("json_schema", format.jsonSchema),
                   ("segment_definitions", format.segmentDefinitions.map { .array($0.map(segmentDefinition)) }),
                   ("segment_time_format", format.segmentTimeFormat.map { .string($0.rawValue) }))
    }

    private static func segmentDefinition(_ definition: SegmentDefinition) -> JSONValue {
        jsonObject(("id", definition.id.map(JSONValue.string)),
                   ("description", definition.description.map(JSONValue.string)),
                   ("fields", definition.fields.map { .array($0.map(segmentField)) }),
                   ("media_sources", definition.mediaSources.map { .array($0.map(mediaSource)) }),
                   ("time_ranges", definition.timeRanges.map { ranges in
                       .array(ranges.map { jsonObject(("start_time", $0.startTime.map(number)),
                                                      ("end_time", $0.endTime.map(number))) })
                   }))
    }

    private static func segmentField(_ field: SegmentField) -> JSONValue {
        jsonObject(("name", field.name.map(JSONValue.string)),
                   ("type", field.type.map { .string($0.rawValue) }),
                   ("description", field.description.map(JSONValue.string)),
                   ("format", field.format.map { .string($0.rawValue) }),
                   ("enum", field.enumValues.map { .array($0.map(JSONValue.string)) }),
                   ("items", field.hasItems ? jsonObject(("type", field.itemsType.map { .string($0.rawValue) }),
                                                         ("fields", field.itemFields.map { .array($0.map(segmentField)) })) : nil))
    }
}
