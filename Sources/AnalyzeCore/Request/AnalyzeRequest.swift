/// A create-task request (`POST /analyze/tasks`), field by field as on the wire.
///
/// Every property is optional: nil means "not set", and the canonical body
/// (`RequestEncoder`) contains exactly the properties that are set. The model
/// can hold combinations the API rejects (both `prompt` and `prompt_v2`, a
/// `video` whose `type` names a missing field…) so that validation can report
/// them; `RequestValidator` says whether the API would accept it.
public struct AnalyzeRequest: Sendable, Equatable {
    /// `model_name`; the default depends on the API revision (`APIRevision.defaultModel`).
    public var modelName: ModelName?
    /// `video_id`: the pre-indexed video pegasus1.2 analyzes.
    public var videoID: String?
    /// `video`: the video pegasus1.5 (and pegasus1.6) analyzes.
    public var video: VideoSource?
    /// `image` (revision 2026-10, pegasus1.6): 1–20 images analyzed instead of a video.
    public var image: [ImageInput]?
    /// `custom_id`: 1–64 characters from `A–Z a–z 0–9 - _`.
    public var customID: String?
    /// `prompt`: natural-language instructions.
    public var prompt: String?
    /// `prompt_v2`: a prompt with `<@name>` image placeholders (pegasus1.5).
    public var promptV2: PromptV2?
    /// `analysis_mode`; the API defaults to `general`.
    public var analysisMode: AnalysisMode?
    /// `temperature`, 0–1 (API default 0.2).
    public var temperature: Double?
    /// `max_tokens`; the range depends on revision, model and mode.
    public var maxTokens: MaxTokens?
    /// `response_format`.
    public var responseFormat: ResponseFormat?
    /// `min_segment_duration`, seconds (≥ 2).
    public var minSegmentDuration: Double?
    /// `max_segment_duration`, seconds (≥ 2, ≥ min).
    public var maxSegmentDuration: Double?
    /// `start_time` of the analysis window, seconds.
    public var startTime: Double?
    /// `end_time` of the analysis window, seconds.
    public var endTime: Double?

    /// Creates an empty request (every field unset).
    public init() {}

    /// The model the API will use under `revision`: `modelName`, or the revision's default.
    public func effectiveModel(_ revision: APIRevision) -> ModelName { modelName ?? revision.defaultModel }

    /// The mode the API will use: `analysisMode`, or the default.
    public var effectiveMode: AnalysisMode { analysisMode ?? .defaultMode }
}

/// The `video` object: a discriminated source.
public struct VideoSource: Sendable, Equatable {
    /// `type`: which of the source fields carries the video.
    public var type: VideoSourceType?
    /// `url`: an absolute http/https URL.
    public var url: String?
    /// `asset_id`: an uploaded asset.
    public var assetID: String?
    /// `base64_string`: the video's bytes in base64 (at most 30 MB decoded).
    public var base64String: String?

    /// Creates a source with the given fields.
    public init(type: VideoSourceType? = nil, url: String? = nil, assetID: String? = nil, base64String: String? = nil) {
        self.type = type
        self.url = url
        self.assetID = assetID
        self.base64String = base64String
    }
}

/// An image to analyze (`image[]`, revision 2026-10): a name and exactly one source.
public struct ImageInput: Sendable, Equatable {
    /// `name`: letters, digits and `_`, unique; referenced as `<@name>` in the prompt.
    public var name: String?
    /// `url`: an absolute https URL.
    public var url: String?
    /// `asset_id`: an uploaded asset.
    public var assetID: String?
    /// `base64_string`: the image in base64 (at most 20 MB decoded; padding optional).
    public var base64String: String?

    /// Creates an image input with the given fields.
    public init(name: String? = nil, url: String? = nil, assetID: String? = nil, base64String: String? = nil) {
        self.name = name
        self.url = url
        self.assetID = assetID
        self.base64String = base64String
    }
}

/// `prompt_v2`: a structured prompt with image placeholders.
public struct PromptV2: Sendable, Equatable {
    /// `input_text`, with `<@name>` placeholders naming `mediaSources`.
    public var inputText: String?
    /// `media_sources`: at most 4 reference images.
    public var mediaSources: [MediaSource]?

    /// Creates a prompt.
    public init(inputText: String? = nil, mediaSources: [MediaSource]? = nil) {
        self.inputText = inputText
        self.mediaSources = mediaSources
    }
}

/// A reference image (`media_sources[]`): a name and exactly one source.
public struct MediaSource: Sendable, Equatable {
    /// `name`, referenced as `<@name>`.
    public var name: String?
    /// `media_type`; only `image`.
    public var mediaType: MediaType?
    /// `url`: an absolute http/https URL.
    public var url: String?
    /// `asset_id`: an uploaded asset.
    public var assetID: String?
    /// `base64_string`: the image in base64 (at most 30 MB decoded).
    public var base64String: String?

    /// Creates a media source with the given fields.
    public init(name: String? = nil, mediaType: MediaType? = nil, url: String? = nil,
                assetID: String? = nil, base64String: String? = nil) {
        self.name = name
        self.mediaType = mediaType
        self.url = url
        self.assetID = assetID
        self.base64String = base64String
    }
}

/// `response_format`: structured output.
public struct ResponseFormat: Sendable, Equatable {
    /// `type`: which payload applies.
    public var type: ResponseFormatType?
    /// `json_schema`: the output schema, kept verbatim (key order matters to the API).
    public var jsonSchema: JSONValue?
    /// `segment_definitions`: 1–20 segment types to extract.
    public var segmentDefinitions: [SegmentDefinition]?
    /// `segment_time_format` of the automatic segment boundaries.
    public var segmentTimeFormat: TimestampFormat?

    /// Creates a response format with the given fields.
    public init(type: ResponseFormatType? = nil, jsonSchema: JSONValue? = nil,
                segmentDefinitions: [SegmentDefinition]? = nil, segmentTimeFormat: TimestampFormat? = nil) {
        self.type = type
        self.jsonSchema = jsonSchema
        self.segmentDefinitions = segmentDefinitions
        self.segmentTimeFormat = segmentTimeFormat
    }
}

/// One segment type to extract (`segment_definitions[]`).
public struct SegmentDefinition: Sendable, Equatable {
    /// `id`, unique among the definitions.
    public var id: String?
    /// `description` of what such a segment looks like.
    public var description: String?
    /// `fields` to extract for each segment.
    public var fields: [SegmentField]?
    /// `media_sources`: at most 4 reference images.
    public var mediaSources: [MediaSource]?
    /// `time_ranges` that limit extraction.
    public var timeRanges: [TimeRange]?

    /// Creates a definition with the given fields.
    public init(id: String? = nil, description: String? = nil, fields: [SegmentField]? = nil,
                mediaSources: [MediaSource]? = nil, timeRanges: [TimeRange]? = nil) {
        self.id = id
        self.description = description
        self.fields = fields
        self.mediaSources = mediaSources
        self.timeRanges = timeRanges
    }
}

/// A custom field of a segment (`fields[]`).
public struct SegmentField: Sendable, Equatable {
    /// `name`, unique within its definition.
    public var name: String?
    /// `type` of the value.
    public var type: SegmentFieldType?
    /// `description` guiding the model.
    public var description: String?
    /// `format`, only (and required) for `timestamp`.
    public var format: TimestampFormat?
    /// `enum`: at most 100 allowed values.
    public var enumValues: [String]?
    /// `items.type`, required for `array` (`object` for `time_array`).
    public var itemsType: SegmentItemType?
    /// True when an `items` object is present (even without a usable `type`).
    public var hasItems: Bool
    /// `items.fields` (revision 2026-10): the fields of each `time_array` event,
    /// shaped like segment fields.
    public var itemFields: [SegmentField]?

    /// Creates a field with the given fields.
    public init(name: String? = nil, type: SegmentFieldType? = nil, description: String? = nil,
                format: TimestampFormat? = nil, enumValues: [String]? = nil,
                itemsType: SegmentItemType? = nil, hasItems: Bool? = nil, itemFields: [SegmentField]? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.format = format
        self.enumValues = enumValues
        self.itemsType = itemsType
        self.hasItems = hasItems ?? (itemsType != nil || itemFields != nil)
        self.itemFields = itemFields
    }
}

/// A time window in seconds (`time_ranges[]`).
public struct TimeRange: Sendable, Equatable {
    /// `start_time`.
    public var startTime: Double?
    /// `end_time`.
    public var endTime: Double?

    /// Creates a range.
    public init(startTime: Double? = nil, endTime: Double? = nil) {
        self.startTime = startTime
        self.endTime = endTime
    }
}
