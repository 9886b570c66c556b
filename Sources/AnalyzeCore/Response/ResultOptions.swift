/// The options object of the response functions, read from JSON:
/// `request` (the caller's create request), `json_schema` (a schema to check a
/// json_schema result against), `include_data` (false: a task's `result.data`
/// is written as `null`, for callers that hold the body anyway),
/// `segments_encoding` (`"pickle"`: segments handed over as Python pickles,
/// see `SegmentsEncoding`; task and response parsing only) and, for HTTP
/// responses, `now` (Unix seconds, used to turn an HTTP-date `Retry-After`
/// into a delay).
///
/// Absent, empty or `null` options mean defaults. An unknown key, a wrong type
/// or malformed JSON is an `.invalidArgument` error naming the key.
public struct ResultOptions: Sendable {
    /// The caller's create request, consulted when `request_params` lacks the
    /// analysis mode, segment definitions or schema.
    public var request: JSONNode?
    /// A schema that json_schema results are checked against (wins over the task's own).
    public var jsonSchema: JSONNode?
    /// The current time in Unix milliseconds, when given.
    public var nowMilliseconds: Int64?
    /// Whether a normalized task's `result.data` holds the raw string (the
    /// default) or `null`.
    public var includeData = true
    /// How `result.segments` is handed over.
    public var segmentsEncoding = SegmentsEncoding.json

    /// The keys of the options every function that normalizes tasks reads.
    static let taskKeys = ["request", "json_schema", "include_data"]
    /// The keys of the options of `analyze_task_parse` and `analyze_response_parse`.
    static let parseKeys = taskKeys + ["segments_encoding"]

    /// Defaults: nothing known beyond the body.
    public init() {}

    /// Largest `now` accepted, in seconds (the end of year 9999).
    static let maxNowSeconds = 253_402_300_799.0

    /// Reads options from JSON text, accepting only the keys in `allowed`.
    public static func parse(_ bytes: UnsafeRawBufferPointer, allowed: [String]) throws(AnalyzeError) -> ResultOptions {
        var options = ResultOptions()
        guard let document = try JSONDocument.parseOptions(bytes, status: .invalidArgument, prefix: "options: ") else {
            return options
        }
        let root = document.root
        if root.isNull { return options }
        guard root.kind == .object else {
            throw AnalyzeError(.invalidArgument, "options must be a JSON object, got \(root.kind.name)")
        }
        for (key, value) in root.members {
            guard allowed.contains(key) else {
                throw AnalyzeError(.invalidArgument, "unknown option \(MessageText.quotedInFull(key)) (allowed: \(allowed.joined(separator: ", ")))", path: JSONPath.member("", key))
            }
            if value.isNull { continue }
            switch key {
            case "request":
                guard value.kind == .object else {
                    throw AnalyzeError(.invalidArgument, "option request must be an object (the create request), got \(value.kind.name)", path: key)
                }
                _ = try ResultFormatSource(value, path: key, status: .invalidArgument)
                options.request = value
            case "json_schema":
                guard value.kind == .object || value.kind == .bool else {
                    throw AnalyzeError(.invalidArgument, "option json_schema must be an object or a boolean, got \(value.kind.name)", path: key)
                }
                options.jsonSchema = value
            case "include_data":
                guard let include = value.bool else {
                    throw AnalyzeError(.invalidArgument, "option include_data must be a boolean, got \(value.kind.name)", path: key)
                }
                options.includeData = include
            case "segments_encoding":
                guard let name = value.string, let encoding = SegmentsEncoding(rawValue: name) else {
                    throw AnalyzeError(.invalidArgument, "option segments_encoding must be \"json\" or \"pickle\", got \(MessageText.value(value))", path: key)
                }
                options.segmentsEncoding = encoding
            case "now":
                guard let seconds = value.double, seconds.isFinite, abs(seconds) <= maxNowSeconds else {
                    throw AnalyzeError(.invalidArgument, "option now must be a number of Unix seconds within years 1–9999, got \(MessageText.value(value))", path: key)
                }
                options.nowMilliseconds = Int64((seconds * 1000).rounded())
            default:
                break
            }
        }
        return options
    }
}

/// How a normalized task hands over `result.segments` (option `segments_encoding`).
public enum SegmentsEncoding: String, Sendable {
    /// As JSON, in the task's text (the default).
    case json
    /// As a Python pickle (protocol 4, data opcodes only; `PickleWriter`) of
    /// the same value: the task's text holds the pickle's byte count in its
    /// place, and the pickles of every task follow the text's NUL (see
    /// `JSONWriter.startTrailer`). For the Python binding, which decodes a pickle
    /// about twice as fast as JSON text.
    case pickle
}
