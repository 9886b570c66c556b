/// Parses the JSON Lines body of `GET /analyze/batches/{id}/results` line by
/// line into `{results: [...], errors: [...]}`:
///
/// - each result `{line, task_id, custom_id, status, terminal, known, result,
///   error}`: `result` is the line's `data` normalized like a task's result
///   (segments in seconds, checked against the caller's `request`, i.e. the
///   batch's defaults or an item), null when absent; `error` `{message, code}`
///   or null;
/// - each error `{line, message, path}`: a line that is not JSON or not a
///   result, reported with its 1-based line number and never dropped (the
///   official SDK drops such lines silently).
///
/// Blank lines (white space only) are skipped. Each line is parsed on its own
/// and released before the next, so memory per line is that line's. Errors
/// are kept up to `ReportByteBound.maxBytes` of messages; beyond, a last
/// entry (`line` null) counts the lines left out.
public enum BatchResults {
    /// Parses `body`; `options` accepts `request` and `json_schema` (see
    /// `ResultOptions`). Throws only `.invalidArgument` for bad options: every
    /// problem of the body is an entry of `errors`.
    public static func parse(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
        try parsed(body, options: rawOptions).bytes
    }

    /// `parse`'s output still in its writer, whose memory
    /// `analyze_batch_results_parse` hands to C without a copy (`JSONWriter.handOff`).
    public static func parsed(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> JSONWriter {
        try written(body, options: try ResultOptions.parse(rawOptions, allowed: ResultOptions.taskKeys))
    }

    /// `parsed` with options already read.
    static func written(_ body: UnsafeRawBufferPointer, options: ResultOptions) throws(AnalyzeError) -> JSONWriter {
        let request = try ResultFormatSource(options.request, path: "request", status: .invalidArgument)
        var writer = JSONWriter(capacity: outputCapacity(body.count))
        var errors: [JSONValue] = []
        var bound = ReportByteBound()
        // One budget for the schema checks of every line: the call's work stays bounded.
        let budget = CheckBudget()
        var dropped = 0
        writer.beginObject()
        writer.key("results")
        writer.beginArray()
        JSONLines.forEachLine(body) { (text: UnsafeRawBufferPointer, line: Int) -> Void in
            do throws(AnalyzeError) {
                try item(text, line: line, request: request, options: options, budget: budget, to: &writer)
            } catch {
                if bound.hasRoom {
                    bound.keep(path: error.path, message: error.message)
                    errors.append(jsonObject(("line", .int(Int64(line))), ("message", .string(error.message)),
                                             ("path", .string(error.path))))
                } else {
                    dropped += 1
                }
            }
        }
        writer.endArray()
        if dropped > 0 {
            errors.append(jsonObject(("line", .null), ("message", .string("\(dropped) more lines could not be read (not listed)")),
                                     ("path", .string(""))))
        }
        writer.key("errors")
        writer.write(.array(errors))
        writer.endObject()
        return writer
    }

    /// One result line, checked completely before anything is written.
    private static func item(_ text: UnsafeRawBufferPointer, line: Int, request: ResultFormatSource,
                             options: ResultOptions, budget: CheckBudget, to writer: inout JSONWriter) throws(AnalyzeError) {
        let document = try JSONDocument.parse(text)
        let object = try BodyObject(document.root, path: "")
        let taskID = try object.requiredString("task_id")
        let customID = try object.optionalString("custom_id")
        let status = try object.requiredString("status")
        let errorObject = try object.optionalObject("error")
        let errorMessage = try errorObject?.requiredString("message")
        let errorCode = try errorObject?.optionalString("code")
        var result: TaskResultNormalizer?
        if let data = try object.optionalObject("data") {
            let context = ResultContext(requestParams: ResultFormatSource(), request: request,
                                        explicitSchema: options.jsonSchema, echoIsPartial: false)
            result = try TaskResultNormalizer(data, context: context, truncationMessage: errorMessage, budget: budget,
                                              includeData: options.includeData, segmentsEncoding: .json)
        }
        writer.beginObject()
        writer.key("line"); writer.int(Int64(line))
        writer.key("task_id"); writer.string(taskID)
        writer.key("custom_id"); if let customID { writer.string(customID) } else { writer.null() }
        writer.key("status"); writer.string(status)
        writer.key("terminal"); writer.bool(TaskNormalizer.terminalStatuses.contains(status))
        writer.key("known"); writer.bool(TaskNormalizer.statuses.contains(status))
        writer.key("result"); if let result { result.write(to: &writer) } else { writer.null() }
        writer.key("error")
        if let errorMessage {
            writer.write(jsonObject(("message", .string(errorMessage)), ("code", errorCode.map(JSONValue.string) ?? .null)))
        } else {
            writer.null()
        }
        writer.endObject()
    }
}
