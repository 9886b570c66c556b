/// The video understanding model (`model_name`).
public enum ModelName: String, Sendable, Equatable, CaseIterable {
    /// Analyzes a pre-indexed video named by `video_id` (revision 2026-05's default).
    case pegasus1_2 = "pegasus1.2"
    /// Analyzes a `video` object (URL, asset or base64) and supports segmentation
    /// (revision 2026-10's default).
    case pegasus1_5 = "pegasus1.5"
    /// Revision 2026-10: also images, `time_array` fields and unlimited `max_tokens`.
    case pegasus1_6 = "pegasus1.6"
}

/// `max_tokens`: a number of tokens, or (revision 2026-10) `"unlimited"`.
public enum MaxTokens: Sendable, Equatable {
    /// A limit in tokens.
    case tokens(Int64)
    /// `"unlimited"`: pegasus1.6 with time_based_metadata only.
    case unlimited
}

/// The analysis approach (`analysis_mode`).
public enum AnalysisMode: String, Sendable, Equatable, CaseIterable {
    /// Prompt-based text generation (the API's default).
    case general
    /// Time-based segmentation with custom metadata per segment.
    case timeBasedMetadata = "time_based_metadata"

    /// The mode the API uses when `analysis_mode` is omitted.
    public static let defaultMode = AnalysisMode.general
}

/// How a `video` object names its source (`video.type`).
public enum VideoSourceType: String, Sendable, Equatable, CaseIterable {
    /// `video.url`: an absolute http/https URL.
    case url
    /// `video.asset_id`: an uploaded asset.
    case assetID = "asset_id"
    /// `video.base64_string`: the video's bytes in base64.
    case base64String = "base64_string"
}

/// The kind of structured output (`response_format.type`).
public enum ResponseFormatType: String, Sendable, Equatable, CaseIterable {
    /// JSON conforming to `response_format.json_schema`.
    case jsonSchema = "json_schema"
    /// Segments described by `response_format.segment_definitions`.
    case segmentDefinitions = "segment_definitions"
}

/// Formats of timestamps (`segment_time_format`, timestamp `format`).
public enum TimestampFormat: String, Sendable, Equatable, CaseIterable {
    /// A JSON number of seconds.
    case seconds
    /// `"00:01:23"`.
    case hhmmss = "hh:mm:ss"
    /// `"00:01:23.500"`.
    case hhmmssfff = "hh:mm:ss.fff"
}

/// The type of a segment field (`fields[].type`).
public enum SegmentFieldType: String, Sendable, Equatable, CaseIterable {
    /// Text.
    case string
    /// True or false.
    case boolean
    /// Any number.
    case number
    /// A whole number.
    case integer
    /// A list of `items.type` values.
    case array
    /// A time in the video, in the field's `format`.
    case timestamp
    /// Revision 2026-10: a list of events inside the segment, each an object of `items.fields`.
    case timeArray = "time_array"
}

/// The element type of an array segment field (`fields[].items.type`).
public enum SegmentItemType: String, Sendable, Equatable, CaseIterable {
    /// Text.
    case string
    /// Any number.
    case number
    /// True or false.
    case boolean
    /// A whole number.
    case integer
    /// Revision 2026-10: an event object of a `time_array` field.
    case object
}

/// The media type of a reference source (`media_sources[].media_type`).
public enum MediaType: String, Sendable, Equatable, CaseIterable {
    /// An image, the only type the API takes.
    case image
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The allowed values, comma separated, for messages.
    static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
