/// What the Analyze API accepts in one revision, as data. The request rules
/// read these tables instead of naming models: adding a model is a table edit.
///
/// | | 2026-05 (the brief, the default) | 2026-10 (today's API, SDK 1.3.6) |
/// | --- | --- | --- |
/// | models | pegasus1.2, pegasus1.5 | pegasus1.5, pegasus1.6 |
/// | default model | pegasus1.2 | pegasus1.5 |
/// | analysis window | ≥ 4 s | 1 s – 2 h |
/// | inputs | video_id (1.2), video (1.5) | video (1.5, 1.6), image (1.6) |
/// | max_tokens | 1.2: 2–4,096; 1.5 by mode | by mode; "unlimited" (1.6, TBM) |
/// | media_sources base64 | 30 MB | 32 MB |
/// | reserved field names | timestamp fields only | every field |
///
/// The tables live in one shared immutable object, so that a revision, which
/// every rule and every decoder closure holds, is copied with one reference.
public struct APIRevision: Sendable, Equatable {
    private final class Tables: Sendable {
        let name: String
        let models: [ModelTraits]
        let defaultModel: ModelName
        let minimumWindow: Double
        let maximumWindow: Double?
        let startTimeDefault: String
        let reservesEveryFieldName: Bool
        let mediaSourceMegabytes: Int
        let requestFields: KnownFields
        let fieldTypes: [SegmentFieldType]
        let itemTypes: [SegmentItemType]

        init(name: String, models: [ModelTraits], defaultModel: ModelName, minimumWindow: Double,
             maximumWindow: Double?, startTimeDefault: String, reservesEveryFieldName: Bool,
             mediaSourceMegabytes: Int, requestFields: [String], fieldTypes: [SegmentFieldType],
             itemTypes: [SegmentItemType]) {
            self.name = name
            self.models = models
            self.defaultModel = defaultModel
            self.minimumWindow = minimumWindow
            self.maximumWindow = maximumWindow
            self.startTimeDefault = startTimeDefault
            self.reservesEveryFieldName = reservesEveryFieldName
            self.mediaSourceMegabytes = mediaSourceMegabytes
            self.requestFields = KnownFields(requestFields)
            self.fieldTypes = fieldTypes
            self.itemTypes = itemTypes
        }
    }

    private let tables: Tables

    private init(name: String, models: [ModelTraits], defaultModel: ModelName, minimumWindow: Double,
                 maximumWindow: Double?, startTimeDefault: String, reservesEveryFieldName: Bool,
                 mediaSourceMegabytes: Int, requestFields: [String], fieldTypes: [SegmentFieldType],
                 itemTypes: [SegmentItemType]) {
        tables = Tables(name: name, models: models, defaultModel: defaultModel, minimumWindow: minimumWindow,
                        maximumWindow: maximumWindow, startTimeDefault: startTimeDefault,
                        reservesEveryFieldName: reservesEveryFieldName, mediaSourceMegabytes: mediaSourceMegabytes,
                        requestFields: requestFields, fieldTypes: fieldTypes, itemTypes: itemTypes)
    }

    /// Revisions are equal when their names are (each name is one table).
    public static func == (left: APIRevision, right: APIRevision) -> Bool {
        left.tables === right.tables || left.name == right.name
    }

    /// The revision's name, as given in the `api_revision` option.
    public var name: String { tables.name }
    /// The models, in the order messages list them.
    public var models: [ModelTraits] { tables.models }
    /// The model the API uses when `model_name` is omitted.
    public var defaultModel: ModelName { tables.defaultModel }
    /// The shortest analysis window (`end_time - start_time`), in seconds.
    public var minimumWindow: Double { tables.minimumWindow }
    /// The longest analysis window, in seconds (nil: no maximum).
    public var maximumWindow: Double? { tables.maximumWindow }
    /// What an omitted `start_time` means, for messages.
    public var startTimeDefault: String { tables.startTimeDefault }
    /// True when `start_time`, `end_time` and `metadata` are reserved on every
    /// segment field (false: on timestamp fields only).
    public var reservesEveryFieldName: Bool { tables.reservesEveryFieldName }
    /// The largest decoded `media_sources[].base64_string`, in MB (MiB, with a
    /// warning above the same count of 10^6 bytes).
    public var mediaSourceMegabytes: Int { tables.mediaSourceMegabytes }
    /// The request's top-level fields, in canonical order.
    public var requestFields: [String] { tables.requestFields.names }
    /// The same names as a table the decoder compares keys with.
    var requestFieldTable: KnownFields { tables.requestFields }
    /// The segment field types.
    public var fieldTypes: [SegmentFieldType] { tables.fieldTypes }
    /// The item types of `items.type`.
    public var itemTypes: [SegmentItemType] { tables.itemTypes }

    /// The brief (`spec/create-async-analysis-task.txt`) with `spec/openapi-analyze.json`.
    public static let r2026_05 = APIRevision(
        name: "2026-05",
        models: [
            ModelTraits(name: .pegasus1_2, inputs: [.videoID], features: [], promptTokenLimit: 2_000,
                        maxTokens: .anyMode(MaxTokensRange(min: 2, max: 4_096, defaultValue: 4_096))),
            ModelTraits(name: .pegasus1_5, inputs: [.video],
                        features: [.promptV2, .timeBasedMetadata, .analysisWindow, .timestampFields],
                        promptTokenLimit: nil, maxTokens: .byMode(general: .general, timeBasedMetadata: .timeBased)),
        ],
        defaultModel: .pegasus1_2, minimumWindow: 4, maximumWindow: nil,
        startTimeDefault: "start_time defaults to 0", reservesEveryFieldName: false,
        mediaSourceMegabytes: 30,
        requestFields: ["model_name", "video_id", "video", "custom_id", "prompt", "prompt_v2", "analysis_mode",
                        "temperature", "max_tokens", "response_format", "min_segment_duration",
                        "max_segment_duration", "start_time", "end_time"],
        fieldTypes: [.string, .boolean, .number, .integer, .array, .timestamp],
        itemTypes: [.string, .number, .boolean, .integer])

    /// Today's API (`spec/api-revision-2026-10.md`, the `twelvelabs` 1.3.6 SDK).
    public static let r2026_10 = APIRevision(
        name: "2026-10",
        models: [
            ModelTraits(name: .pegasus1_5, inputs: [.video],
                        features: [.promptV2, .timeBasedMetadata, .analysisWindow, .timestampFields],
                        promptTokenLimit: nil, maxTokens: .byMode(general: .general, timeBasedMetadata: .timeBased)),
            ModelTraits(name: .pegasus1_6, inputs: [.video, .image],
                        features: [.promptV2, .timeBasedMetadata, .analysisWindow, .timestampFields,
                                   .timeArrayFields, .unlimitedMaxTokens],
                        promptTokenLimit: nil, maxTokens: .byMode(general: .general, timeBasedMetadata: .timeBased)),
        ],
        defaultModel: .pegasus1_5, minimumWindow: 1, maximumWindow: 7_200,
        startTimeDefault: "start_time defaults to the video's start, usually 0", reservesEveryFieldName: true,
        mediaSourceMegabytes: 32,
        requestFields: ["model_name", "video", "image", "custom_id", "prompt", "prompt_v2", "analysis_mode",
                        "temperature", "max_tokens", "response_format", "min_segment_duration",
                        "max_segment_duration", "start_time", "end_time"],
        fieldTypes: [.string, .boolean, .number, .integer, .array, .timestamp, .timeArray],
        itemTypes: [.string, .number, .boolean, .integer, .object])

    /// Every revision the library knows, oldest first.
    public static let all = [r2026_05, r2026_10]
    /// The revision used when no `api_revision` option is given: the brief.
    public static let defaultRevision = r2026_05

    /// The revision called `name`, or nil.
    public static func named(_ name: String) -> APIRevision? {
        all.first { $0.name == name }
    }

    /// The revision named by option `key` of `options` (the default when absent);
    /// an unknown name is `.invalidArgument` listing the known ones.
    public static func option(_ options: CallOptions, key: String = "api_revision") throws(AnalyzeError) -> APIRevision {
        guard let name = try options.string(key) else { return defaultRevision }
        guard let revision = named(name) else {
            throw AnalyzeError(.invalidArgument, "option \(key) \(MessageText.quoted(name)) is not a revision this library knows; known: \(all.map(\.name).joined(separator: ", "))", path: key)
        }
        return revision
    }

    /// The traits of `model` in this revision, or nil when it is not one of its models.
    public func traits(_ model: ModelName) -> ModelTraits? {
        models.first { $0.name == model }
    }

    /// The models of this revision that have `feature`, as "pegasus1.5" or "pegasus1.5 or pegasus1.6".
    func models(with feature: ModelFeature) -> String {
        models.filter { $0.features.contains(feature) }.map(\.name.rawValue).joined(separator: " or ")
    }

    /// The models of this revision that take `input`.
    func models(taking input: RequestInput) -> String {
        models.filter { $0.inputs.contains(input) }.map(\.name.rawValue).joined(separator: " or ")
    }

    /// The other revision where `accepts` holds (nil when none does): for
    /// "X is a … of API revision R; pass api_revision R".
    static func otherRevision(than revision: APIRevision, where accepts: (APIRevision) -> Bool) -> APIRevision? {
        all.first { $0 != revision && accepts($0) }
    }

    /// "<what> of API revision R; pass api_revision R" when another revision has
    /// it, else nil.
    func elsewhere(_ what: String, where accepts: (APIRevision) -> Bool) -> String? {
        guard let other = Self.otherRevision(than: self, where: accepts) else { return nil }
        return "\(what) of API revision \(other.name), not \(name); pass api_revision \(other.name)"
    }

    /// The revision as the JSON `analyze_api_revisions` lists.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(name)
        writer.key("default")
        writer.bool(self == Self.defaultRevision)
        writer.key("default_model")
        writer.string(defaultModel.rawValue)
        writer.key("models")
        writer.beginArray()
        for model in models { model.write(to: &writer) }
        writer.endArray()
        writer.key("analysis_window")
        writer.beginObject()
        writer.key("min_seconds")
        writer.write(RequestEncoder.number(minimumWindow))
        writer.key("max_seconds")
        if let maximumWindow { writer.write(RequestEncoder.number(maximumWindow)) } else { writer.null() }
        writer.endObject()
        writer.key("reserved_field_names")
        writer.string(reservesEveryFieldName ? "every field" : "timestamp fields")
        writer.key("media_source_base64_mb")
        writer.int(Int64(mediaSourceMegabytes))
        writer.key("field_types")
        writer.beginArray()
        for type in fieldTypes { writer.string(type.rawValue) }
        writer.endArray()
        writer.endObject()
    }

    /// Every revision as compact JSON: `{"default":"2026-05","revisions":[…]}`.
    public static var catalogueJSON: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("default")
        writer.string(defaultRevision.name)
        writer.key("revisions")
        writer.beginArray()
        for revision in all { revision.write(to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}

/// What one model takes in one revision.
public struct ModelTraits: Sendable, Equatable {
    /// The model.
    public let name: ModelName
    /// The inputs it analyzes.
    public let inputs: [RequestInput]
    /// What it supports beyond a prompt on a video.
    public let features: Set<ModelFeature>
    /// The prompt limit in tokens (nil: the prompt only counts toward the context window).
    public let promptTokenLimit: Int?
    /// Its `max_tokens` ranges.
    public let maxTokens: MaxTokensTable

    /// JSON for `analyze_api_revisions`.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(name.rawValue)
        writer.key("inputs")
        writer.beginArray()
        for input in inputs { writer.string(input.rawValue) }
        writer.endArray()
        writer.key("features")
        writer.beginArray()
        for feature in ModelFeature.allCases where features.contains(feature) { writer.string(feature.rawValue) }
        writer.endArray()
        writer.key("prompt_token_limit")
        if let promptTokenLimit { writer.int(Int64(promptTokenLimit)) } else { writer.null() }
        writer.key("max_tokens")
        writer.beginObject()
        for mode in AnalysisMode.allCases {
            guard let range = maxTokens.range(mode), mode == .general || features.contains(.timeBasedMetadata) else { continue }
            writer.key(mode.rawValue)
            writer.beginObject()
            writer.key("min")
            writer.int(range.min)
            writer.key("max")
            writer.int(range.max)
            writer.key("default")
            writer.int(range.defaultValue)
            writer.endObject()
        }
        writer.endObject()
        writer.endObject()
    }
}

/// An input a model analyzes.
public enum RequestInput: String, Sendable, Equatable, CaseIterable {
    /// `video_id`: a pre-indexed video.
    case videoID = "video_id"
    /// `video`: a URL, asset or base64 video.
    case video
    /// `image`: 1–20 images.
    case image
}

/// A capability of a model that rules check.
public enum ModelFeature: String, Sendable, Equatable, CaseIterable {
    /// `prompt_v2` with reference images.
    case promptV2 = "prompt_v2"
    /// `analysis_mode` `time_based_metadata` (and segment durations).
    case timeBasedMetadata = "time_based_metadata"
    /// `start_time` / `end_time`.
    case analysisWindow = "analysis_window"
    /// `timestamp` segment fields and json_schema properties.
    case timestampFields = "timestamp_fields"
    /// `time_array` segment fields.
    case timeArrayFields = "time_array_fields"
    /// `max_tokens: "unlimited"` (with time_based_metadata).
    case unlimitedMaxTokens = "unlimited_max_tokens"
}

/// A `max_tokens` range and default.
public struct MaxTokensRange: Sendable, Equatable {
    /// Smallest value.
    public let min: Int64
    /// Largest value.
    public let max: Int64
    /// The value the API uses when `max_tokens` is omitted.
    public let defaultValue: Int64

    /// The `general` row of pegasus1.5 and later.
    static let general = MaxTokensRange(min: 512, max: 98_304, defaultValue: 4_096)
    /// The `time_based_metadata` row of pegasus1.5 and later.
    static let timeBased = MaxTokensRange(min: 2_048, max: 98_304, defaultValue: 32_768)
}

/// How a model's `max_tokens` range depends on the mode.
public enum MaxTokensTable: Sendable, Equatable {
    /// One range whatever the mode.
    case anyMode(MaxTokensRange)
    /// One range per mode.
    case byMode(general: MaxTokensRange, timeBasedMetadata: MaxTokensRange)

    /// The range for `mode` (nil mode: only a mode-independent range).
    func range(_ mode: AnalysisMode?) -> MaxTokensRange? {
        switch (self, mode) {
        case (.anyMode(let range), _): return range
        case (.byMode(let general, _), .general): return general
        case (.byMode(_, let timeBased), .timeBasedMetadata): return timeBased
        case (.byMode, nil): return nil
        }
    }
}
