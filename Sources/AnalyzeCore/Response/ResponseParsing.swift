import CSimdJSON

/// The kinds of HTTP responses `parseResponse` reads, pinned to
/// `analyze_response_kind` in `analyze.h`.
public enum ResponseKind: Int32, Sendable {
    /// `POST /analyze/tasks`: 202 `{task_id, status}`.
    case create = 1
    /// `GET /analyze/tasks/{task_id}`: 200 task.
    case retrieve = 2
    /// `GET /analyze/tasks`: 200 `{data, page_info}`.
    case list = 3
    /// `DELETE /analyze/tasks/{task_id}`: 200 with an empty body.
    case delete = 4
    /// `POST /analyze/tasks/{task_id}/cancel`: 200 `{task_id, status}`.
    case cancel = 5
    /// `POST /analyze/batches`: 201, the batch with its `items` (task ids).
    case batchCreate = 6
    /// `GET /analyze/batches/{batch_id}`: 200 batch status.
    case batchRetrieve = 7
    /// `GET /analyze/batches`: 200 `{data, page_info}`.
    case batchList = 8
    /// `POST /analyze/batches/{batch_id}/cancel`: 202 batch status.
    case batchCancel = 9
    /// `DELETE /analyze/batches/{batch_id}`: 200 (the body is ignored).
    case batchDelete = 10
    /// `GET /analyze/batches/{batch_id}/results`: 200 JSON Lines (see `BatchResults`).
    case batchResults = 11
}

/// What `parseResponse` produced: the normalized result of a 2xx response, or
/// the API error object of any other status together with its `.apiError`.
public enum ResponseOutcome: Sendable, Equatable {
    /// A 2xx response, normalized.
    case success([UInt8])
    /// A non-2xx response: the API error object and the error for the caller.
    case apiError(object: [UInt8], error: AnalyzeError)
}

/// `ResponseOutcome` with the output still in its writer, whose memory
/// `analyze_response_parse` hands to C without a copy (`JSONWriter.handOff`).
public enum WrittenResponse: ~Copyable {
    /// A 2xx response, normalized.
    case success(JSONWriter)
    /// A non-2xx response: the API error object and the error for the caller.
    case apiError(object: JSONWriter, error: AnalyzeError)
}

/// Parses an HTTP response of the analyze API (the core of `analyze_response_parse`).
///
/// - 2xx: create and cancel → `{task_id, status}`; retrieve → the normalized task (see
///   `TaskNormalizer`); list → `{data: [tasks], page_info: {limit_per_page, page,
///   total_page, total_results}}`; delete → `{deleted: true}` (the body is ignored).
/// - any other status: `.apiError` with the API error object (see `APIErrorObject`).
///
/// Throws `.invalidArgument` for an unknown kind, a status outside 100...599,
/// or bad headers or options; `.malformedJSON` for a 2xx body that is not JSON;
/// `.malformedResponse` (with the path) for one without the documented shape.
/// `options` accepts `now`, `request`, `json_schema`, `include_data` and
/// `segments_encoding` (see `ResultOptions`; with `"pickle"`, a 2xx output always
/// has a trailer, see `JSONWriter.startTrailer`).
public func parseResponse(kind rawKind: Int32, httpStatus: Int32, headers: UnsafeRawBufferPointer,
                          body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> ResponseOutcome {
    switch try parsedResponse(kind: rawKind, httpStatus: httpStatus, headers: headers, body: body, options: rawOptions) {
    case .success(let writer): return .success(writer.bytes)
    case .apiError(let object, let error): return .apiError(object: object.bytes, error: error)
    }
}

/// `parseResponse` with the output still in its writer (see `WrittenResponse`).
public func parsedResponse(kind rawKind: Int32, httpStatus: Int32, headers: UnsafeRawBufferPointer,
                           body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> WrittenResponse {
    guard let kind = ResponseKind(rawValue: rawKind) else {
        throw AnalyzeError(.invalidArgument, "kind \(rawKind) is not a response kind (1 create, 2 retrieve, 3 list, 4 delete, 5 cancel, 6-11 batch create, retrieve, list, cancel, delete, results)")
    }
    guard (100...599).contains(httpStatus) else {
        throw AnalyzeError(.invalidArgument, "http_status \(httpStatus) is not an HTTP status (100-599)")
    }
    let options = try ResultOptions.parse(rawOptions, allowed: ["now"] + ResultOptions.parseKeys)
    let parsedHeaders = try ResponseHeaders.parse(headers)
    guard (200...299).contains(httpStatus) else {
        let (object, error) = APIErrorObject.build(kind: kind, status: httpStatus, headers: parsedHeaders,
                                                   body: body, nowMilliseconds: options.nowMilliseconds)
        return .apiError(object: ResultValue.written(object), error: error)
    }
    var writer = try successOutput(kind: kind, body: body, options: options)
    if options.segmentsEncoding == .pickle { writer.startTrailer() }
    return .success(writer)
}

/// The normalized output of a 2xx response of `kind`.
private func successOutput(kind: ResponseKind, body: UnsafeRawBufferPointer, options: ResultOptions) throws(AnalyzeError) -> JSONWriter {
    switch kind {
    case .delete, .batchDelete:
        return ResultValue.written(jsonObject(("deleted", .bool(true))))
    case .batchResults:
        return try BatchResults.written(body, options: options)
    case .retrieve:
        var writer = JSONWriter(capacity: outputCapacity(body.count))
        try writeTask(body, options: options, to: &writer)
        return writer
    case .list:
        var writer = JSONWriter(capacity: outputCapacity(body.count))
        try writeTaskList(try parse(body, inRoomOf: &writer).root, options: options, to: &writer)
        return writer
    case .create, .cancel:
        let created = try BodyObject(try JSONDocument.parse(body).root, path: "")
        let taskID = try created.requiredString("task_id")
        if taskID.isEmpty { throw AnalyzeError(.malformedResponse, "the task id is empty", path: "task_id") }
        return ResultValue.written(jsonObject(("task_id", .string(taskID)), ("status", .string(try created.requiredString("status")))))
    case .batchCreate:
        return ResultValue.written(try BatchNormalizer.created(try JSONDocument.parse(body).root))
    case .batchRetrieve, .batchCancel:
        return ResultValue.written(try BatchNormalizer.batch(try JSONDocument.parse(body).root, path: ""))
    case .batchList:
        return ResultValue.written(try BatchNormalizer.list(try JSONDocument.parse(body).root))
    }
}

/// Room to reserve for the normalized form of a body of `count` bytes: a
/// task's output is its body plus the segments, which are smaller than `data`.
func outputCapacity(_ count: Int) -> Int {
    let (doubled, overflow) = count.multipliedReportingOverflow(by: 2)
    return overflow ? count : doubled
}

/// `{data: [normalized tasks], page_info}` of a list body. Every task is
/// checked before anything is written, so the first error is the same as when
/// reading in document order.
private func writeTaskList(_ root: JSONNode, options: ResultOptions, to writer: inout JSONWriter) throws(AnalyzeError) {
    let list = try BodyObject(root, path: "")
    guard let data = list.value("data") else { throw list.missing("data") }
    guard data.kind == .array else { throw list.wrongType("data", "an array", data) }
    var normalizer = TaskNormalizer(options: options)
    normalizer.echoIsPartial = true
    var tasks: [NormalizedTask] = []
    for element in data.elements {
        tasks.append(try normalizer.prepare(element, path: JSONPath.element("data", tasks.count)))
    }
    let info = try pageInfo(list)
    writer.beginObject()
    writer.key("data")
    writer.beginArray()
    for task in tasks { task.write(to: &writer) }
    writer.endArray()
    writer.key("page_info")
    writer.write(info)
    writer.endObject()
}

/// `page_info` of a list body (tasks or batches), each member null when absent.
func pageInfo(_ list: BodyObject) throws(AnalyzeError) -> JSONValue {
    let page = try list.requiredObject("page_info")
    var members: [JSONMember] = []
    for key in ["limit_per_page", "page", "total_page", "total_results"] {
        members.append(JSONMember(key, try page.optionalInteger(key).map(JSONValue.int) ?? .null))
    }
    return .object(members)
}

/// Parses a task body (a retrieve response's body) into the normalized task:
/// the core of `analyze_task_parse`. `options` accepts `request`, `json_schema`,
/// `include_data` and `segments_encoding` (with `"pickle"` the output always has a
/// trailer: see `JSONWriter.startTrailer`).
/// Throws `.malformedJSON`, `.malformedResponse` (with the path) or `.invalidArgument` (options).
public func parseTask(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    try parsedTask(body, options: rawOptions).bytes
}

/// `parseTask`'s output still in its writer, whose memory `analyze_task_parse`
/// hands to C without a copy (`JSONWriter.handOff`).
public func parsedTask(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> JSONWriter {
    let options = try ResultOptions.parse(rawOptions, allowed: ResultOptions.parseKeys)
    var writer = JSONWriter(capacity: outputCapacity(body.count))
    if options.segmentsEncoding == .pickle { writer.startTrailer() }
    try writeTask(body, options: options, to: &writer)
    return writer
}

/// Parses and writes the normalized task of `body`; the parsed body is
/// released on return, before the caller copies the output out.
private func writeTask(_ body: UnsafeRawBufferPointer, options: ResultOptions, to writer: inout JSONWriter) throws(AnalyzeError) {
    // With segments as a pickle the text is the envelope alone, and a copy of
    // the body in its room would stay beside it unused (measured in-process
    // after a first call, 2.4 MB body: 2.8x the body at the peak without it,
    // 3.7x with it).
    let document = options.segmentsEncoding == .pickle ? try JSONDocument.parse(body) : try parse(body, inRoomOf: &writer)
    try TaskNormalizer(options: options).prepare(document.root, path: "", source: body).write(to: &writer)
}

/// `body` parsed from a copy in the unwritten room of `writer`, which is about
/// to hold its normalized form (see `JSONDocument.parse(_:copyingInto:)`):
/// for a task, a list of tasks or a webhook event, whose output holds `data`.
func parse(_ body: UnsafeRawBufferPointer, inRoomOf writer: inout JSONWriter) throws(AnalyzeError) -> JSONDocument {
    guard body.count <= JSONDocument.maxInputBytes else { return try JSONDocument.parse(body) }
    return try writer.withSpareCapacity(atLeast: body.count + CSJ_PADDING) { scratch throws(AnalyzeError) in
        try JSONDocument.parse(body, copyingInto: scratch)
    }
}
