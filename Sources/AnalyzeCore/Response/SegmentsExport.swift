/// The formats `exportSegments` writes.
public enum SegmentsExportFormat: String, Sendable, CaseIterable {
    /// WebVTT: one cue per segment, ordered by start time.
    case vtt
    /// CSV (RFC 4180): a header row, then one row per segment in result order.
    case csv
    /// The normalized `result.segments` object, compact.
    case json
    /// An SVG timeline: one lane per definition, each segment a labelled bar (see `SegmentsTimeline`).
    case svg
}

/// Writes the segments of a time_based_metadata task body as WebVTT, CSV,
/// JSON or an SVG timeline (the core of `analyze_segments_export`). The body is parsed exactly as
/// `parseTask` does; `options` accepts `request` (see `ResultOptions`).
///
/// WebVTT (`WEBVTT` header, LF line ends): cues numbered 1, 2, ... in order of
/// start time (ties keep result order); each cue's payload is one line of JSON
/// `{"definition": id, "metadata": {...}}` in which any `-->` is written
/// `--\u003e`. A segment without both times, with a negative time, or with
/// `end_time` not after `start_time` cannot be a cue: it is listed in a
/// `NOTE skipped ...` block after the header instead.
///
/// CSV (CRLF line ends): `definition_id,index,start_time,end_time,metadata`,
/// where index is the segment's position in its definition's array, times are
/// seconds (empty when unknown) and metadata is compact JSON; fields holding a
/// comma, quote, CR or LF are quoted with quotes doubled.
///
/// Throws `.invalidArgument` for a nil or unknown format; `.malformedResponse`
/// when the task has no result yet, is not a time_based_metadata task, or its
/// data does not hold segments (the message says why, e.g. "output truncated at max_tokens").
public func exportSegments(_ body: UnsafeRawBufferPointer, format: String?,
                           options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    guard let format else {
        throw AnalyzeError(.invalidArgument, "format is NULL (expected vtt, csv, json or svg)")
    }
    guard let wanted = SegmentsExportFormat(rawValue: format) else {
        throw AnalyzeError(.invalidArgument, "format \(MessageText.quotedInFull(format)) is not one of vtt, csv, json, svg")
    }
    let options = try ResultOptions.parse(rawOptions, allowed: ["request"])
    let document = try JSONDocument.parse(body)
    let task = try TaskNormalizer(options: options).prepare(document.root, path: "")
    let normalized = try JSONDocument.parse(task.bytes(capacity: outputCapacity(body.count)))
    let segments = try SegmentsExport.segments(of: normalized.root)
    switch wanted {
    case .json: return ResultValue.bytes(of: segments)
    case .vtt: return Array(SegmentsExport.webVTT(segments).utf8)
    case .csv: return Array(SegmentsExport.csv(segments).utf8)
    case .svg:
        let duration = SegmentsExport.videoDuration(normalized: normalized.root, input: document.root)
        return Array(SegmentsTimeline.svg(segments, task: normalized.root, videoDuration: duration).utf8)
    }
}

/// The writers behind `exportSegments`.
enum SegmentsExport {
    /// One segment with its place in the result.
    struct Row {
        let definition: String
        let index: Int
        let start: Double?
        let end: Double?
        let metadata: JSONValue
    }

    /// The video's duration in seconds, when known: a task body gives it under
    /// `video_source.system_metadata` (normalized to `video_source.duration`); a
    /// normalized task given as input holds it as `video_source.duration`.
    static func videoDuration(normalized: JSONNode, input: JSONNode) -> Double? {
        normalized["video_source"]?["duration"]?.double ?? input["video_source"]?["duration"]?.double
    }

    /// The `result.segments` object of a normalized task, or why there is none.
    static func segments(of task: JSONNode) throws(AnalyzeError) -> JSONValue {
        guard let result = task["result"], !result.isNull else {
            let status = task["status"]?.string ?? "unknown"
            throw AnalyzeError(.malformedResponse, "the task has no result (status is \(status))", path: "result")
        }
        guard let segments = result["segments"] else {
            throw AnalyzeError(.malformedResponse, "the task is not a time_based_metadata task, so its result has no segments (when request_params does not say, pass the create request as options.request)", path: "result")
        }
        guard !segments.isNull else {
            var reason = "result.data does not hold segments"
            if let issues = result["issues"],
               let first = issues.elements.first(where: { $0["path"]?.string == "result.data" || $0["path"]?.string == "result.segments" }),
               let message = first["message"]?.string {
                reason = message
            }
            throw AnalyzeError(.malformedResponse, reason, path: "result.data")
        }
        return JSONValue(segments)
    }

    /// Every segment in result order.
    static func rows(_ segments: JSONValue) -> [Row] {
        guard case .object(let definitions) = segments else { return [] }
        var rows: [Row] = []
        for definition in definitions {
            guard case .array(let list) = definition.value else { continue }
            for (index, segment) in list.enumerated() {
                rows.append(Row(definition: definition.key, index: index, start: number(segment["start_time"]),
                                end: number(segment["end_time"]), metadata: segment["metadata"] ?? .object([])))
            }
        }
        return rows
    }

    private static func number(_ value: JSONValue?) -> Double? {
        if case .double(let number)? = value { return number }
        return nil
    }

    /// One WebVTT cue: its times in seconds, its timing line and its payload.
    struct Cue {
        let start: Double
        let end: Double
        let timing: String
        let payload: String
    }

    /// The cues of `segments` ordered by start time (ties keep result order),
    /// and a note for each segment that cannot be a cue.
    static func cues(_ segments: JSONValue) -> (notes: [String], cues: [Cue]) {
        var notes: [String] = []
        var cues: [(order: Int, cue: Cue)] = []
        for (order, row) in rows(segments).enumerated() {
            let path = JSONPath.element(JSONPath.member("result.segments", row.definition), row.index)
            guard let start = row.start, let end = row.end else {
                notes.append(safeCueText(Array("skipped \(path): start_time or end_time is unknown".utf8)))
                continue
            }
            guard let from = Timecode.webVTT(start), let to = Timecode.webVTT(end) else {
                notes.append(safeCueText(Array("skipped \(path): a time is negative or out of range".utf8)))
                continue
            }
            guard end > start else {
                notes.append(safeCueText(Array("skipped \(path): end_time is not after start_time".utf8)))
                continue
            }
            let payload = ResultValue.bytes(of: jsonObject(("definition", .string(row.definition)), ("metadata", row.metadata)))
            cues.append((order, Cue(start: start, end: end, timing: from + " --> " + to, payload: safeCueText(payload))))
        }
        cues.sort { $0.cue.start != $1.cue.start ? $0.cue.start < $1.cue.start : $0.order < $1.order }
        return (notes, cues.map(\.cue))
    }

    /// The WebVTT text of `segments`.
    static func webVTT(_ segments: JSONValue) -> String {
        let (notes, cues) = cues(segments)
        var text = "WEBVTT\n\n"
        for note in notes { text += "NOTE " + note + "\n\n" }
        for (number, cue) in cues.enumerated() {
            text += String(number + 1) + "\n" + cue.timing + "\n" + cue.payload + "\n\n"
        }
        return text
    }

    /// Text with every `-->` written `--\u003e` (the text is JSON or a JSON
    /// path, where the arrow can only occur inside a string, so this keeps it valid).
    private static func safeCueText(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ">"), index >= 2, bytes[index - 1] == UInt8(ascii: "-"), bytes[index - 2] == UInt8(ascii: "-") {
                output += Array("\\u003e".utf8)
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The CSV text of `segments`.
    static func csv(_ segments: JSONValue) -> String {
        var text = "definition_id,index,start_time,end_time,metadata\r\n"
        for row in rows(segments) {
            let fields = [row.definition, String(row.index), row.start.map(secondsText) ?? "",
                          row.end.map(secondsText) ?? "", String(decoding: ResultValue.bytes(of: row.metadata), as: UTF8.self)]
            text += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        return text
    }

    private static func secondsText(_ value: Double) -> String {
        String(decoding: ResultValue.bytes(of: .double(value)), as: UTF8.self)
    }

    private static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
