/// What a create request says about the shape of its result, read from the
/// task's `request_params` or from the caller's own request: the analysis mode
/// and the `response_format` members that matter for parsing the result.
/// Only these members are type-checked; the rest is passed through unread.
struct ResultFormatSource {
    /// `analysis_mode`.
    var analysisMode: String?
    /// `response_format.type`.
    var responseFormatType: String?
    /// `response_format.segment_definitions` (an array).
    var segmentDefinitions: JSONNode?
    /// `response_format.json_schema` (an object or a boolean).
    var jsonSchema: JSONNode?
    /// `response_format.segment_time_format`.
    var segmentTimeFormat: String?

    /// Nothing known.
    init() {}

    /// Reads `node` (an object, or nil/null for "nothing known"); wrong types
    /// throw `status` with the path under `path`.
    init(_ node: JSONNode?, path: String, status: AnalyzeStatus) throws(AnalyzeError) {
        guard let node, !node.isNull else { return }
        let object = try BodyObject(node, path: path, status: status)
        analysisMode = try object.optionalString("analysis_mode")
        guard let format = try object.optionalObject("response_format") else { return }
        responseFormatType = try format.optionalString("type")
        segmentDefinitions = try format.optionalArray("segment_definitions")
        segmentTimeFormat = try format.optionalString("segment_time_format")
        if let schema = format.value("json_schema") {
            guard schema.kind == .object || schema.kind == .bool else {
                throw format.wrongType("json_schema", "an object or a boolean", schema)
            }
            jsonSchema = schema
        }
    }
}

/// How to read a task's `result.data`, decided from the task's
/// `request_params`, the caller's request and the caller's schema.
struct ResultContext {
    /// The kinds of result data.
    enum Mode {
        /// Free text: `data` is left as it is.
        case text
        /// time_based_metadata: `data` holds segments keyed by definition id.
        case segments
        /// json_schema: `data` holds a JSON value.
        case json
    }

    /// The kind of result data.
    var mode: Mode
    /// The segment definitions, when known.
    var definitions: [ResultSegmentDefinition]?
    /// True when the definitions may be only some of them (a list response
    /// echoes only the first), so unknown ids are not reported.
    var definitionsPartial = false
    /// The format of segment boundaries, when declared (nil: inferred from the values).
    var segmentTimeFormat: TimecodeFormat?
    /// The schema json results are checked against, when known.
    var schema: JSONNode?

    /// Decides from the task's `request_params` (first) and the caller's request;
    /// `explicitSchema` (the caller's `json_schema` option) wins over both.
    init(requestParams: ResultFormatSource, request: ResultFormatSource, explicitSchema: JSONNode?,
         echoIsPartial: Bool) {
        let analysisMode = requestParams.analysisMode ?? request.analysisMode
        let formatType = requestParams.responseFormatType ?? request.responseFormatType
        if analysisMode == "time_based_metadata" || (analysisMode == nil && formatType == "segment_definitions") {
            mode = .segments
        } else if formatType == "json_schema" || explicitSchema != nil {
            mode = .json
        } else {
            mode = .text
        }
        if let echoed = requestParams.segmentDefinitions, !(echoIsPartial && request.segmentDefinitions != nil) {
            definitions = ResultSegmentDefinition.readAll(echoed)
            definitionsPartial = echoIsPartial
        } else if let own = request.segmentDefinitions {
            definitions = ResultSegmentDefinition.readAll(own)
        }
        // Undeclared (the 2026-05 echo never carries it): inferred from the values.
        if let text = requestParams.segmentTimeFormat ?? request.segmentTimeFormat {
            segmentTimeFormat = TimecodeFormat(rawValue: text)
        }
        schema = explicitSchema ?? requestParams.jsonSchema ?? request.jsonSchema
    }
}
