/// Turns the `data` of a time_based_metadata result into `result.segments`:
/// an object keyed by segment-definition id (in the order of `data`), each an
/// array of `{start_time, end_time, metadata}` with the times as numbers of
/// seconds whatever their format, and timestamp fields of `metadata` converted
/// the same way when the definitions are known, as are the `start_time` and
/// `end_time` of each event of a time_array field (checked to lie inside their
/// segment).
///
/// When neither the echoed `request_params` nor the caller's request declares
/// `segment_time_format`, the format is inferred from the first segment time
/// (a number is seconds, a string hh:mm:ss or hh:mm:ss.fff), and only times
/// written in another format are reported.
///
/// Everything that breaks the definitions or the documented shape is reported
/// as a `ResultIssue` with its path, and the value is kept: a time that cannot
/// be read becomes `null`, a metadata value of the wrong type stays as it is.
///
/// The segments are written straight from the parsed `data` into a
/// `ValueWriter` (JSON text, or a pickle for the Python binding; no owned
/// copy of each value, no key strings), and a path is only turned into text
/// when an issue names it: results hold tens of thousands of segments.
struct SegmentsNormalizer {
    /// How the result is to be read (definitions, boundary time format).
    let context: ResultContext
    /// The issues found, in document order.
    var issues: [ResultIssue] { found.issues }
    /// Issues left out at `ReportByteBound.maxBytes`.
    var droppedIssues: Int { found.dropped }
    private let found = ResultIssueList()
    /// The document `data` lives in (kept alive while writing; used to view a
    /// value as a `JSONNode` when an issue describes it).
    private let document: JSONDocument
    /// Which fields of the current segment's definition its metadata holds.
    private var present = FieldMarks(count: 0)
    /// The first definition of each id: looked up once per `data` key.
    private let definitionsByID: [String: ResultSegmentDefinition]
    /// The format of the first segment or event time, when none is declared.
    private var inferredFormat: TimecodeFormat?
    /// The boundaries of the segment being written (for its events).
    private var segmentBounds: (start: Double?, end: Double?) = (nil, nil)

    /// A normalizer for results described by `context`, whose data lives in `document`.
    init(context: ResultContext, document: JSONDocument) {
        self.context = context
        self.document = document
        var definitionsByID: [String: ResultSegmentDefinition] = [:]
        for definition in context.definitions ?? [] where definitionsByID[definition.id] == nil {
            definitionsByID[definition.id] = definition
        }
        self.definitionsByID = definitionsByID
    }

    /// Keeps an issue while the report is within `ReportByteBound.maxBytes`
    /// (its path and message are built only then); beyond it, counts it.
    private func report(_ code: String, _ path: @autoclosure () -> String, _ message: @autoclosure () -> String) {
        found.report(code, path, message)
    }

    /// Writes the normalized segments of `data` (a value of the normalizer's
    /// document), reported under `path` (`result.segments`).
    mutating func write<Writer: ValueWriter & ~Copyable>(_ data: JSONNode, path: String, to writer: inout Writer) {
        guard data.kind == .object else {
            report("segments_shape", path, "data must be a JSON object keyed by segment definition id, got \(data.kind.name)")
            writer.null()
            return
        }
        if context.definitions == nil {
            report("definitions_unavailable", path, "the segment definitions are not known (not in request_params and no request given); segments were not checked against them")
        }
        writer.beginObject()
        for (rawID, value) in data.raw.members {
            let id = String(decoding: rawID, as: UTF8.self)
            let listPath = JSONPath.member(path, id)
            let definition = definitionsByID[id]
            if definition == nil, context.definitions != nil, !context.definitionsPartial {
                report("definition_unknown", listPath, "no segment definition has the id \(MessageText.quotedInFull(id))")
            }
            writer.key(utf8: rawID)
            writer.beginArray()
            if value.isArray {
                // The path closures below capture the list path by pointer:
                // capturing the `String` retains it again for each closure built.
                withUnsafePointer(to: listPath) { listPath in
                    var index = 0
                    for element in value.elements {
                        segment(element, definition, listPath, index, to: &writer)
                        index += 1
                    }
                }
            } else {
                report("segments_shape", listPath, "expected an array of segments, got \(node(value).kind.name)")
            }
            writer.endArray()
        }
        writer.endObject()
    }

    /// A view of `element` for messages.
    private func node(_ element: RawNode) -> JSONNode {
        JSONNode(document: document, raw: element)
    }

    private static let startTime: StaticString = "start_time"
    private static let endTime: StaticString = "end_time"
    private static let metadataKey: StaticString = "metadata"

    /// One segment; `listPath` (valid for the call) is the path of its list.
    private mutating func segment<Writer: ValueWriter & ~Copyable>(_ element: RawNode, _ definition: ResultSegmentDefinition?,
                                  _ listPath: UnsafePointer<String>, _ index: Int, to writer: inout Writer) {
        writer.beginObject()
        guard element.isObject else {
            report("segments_shape", JSONPath.element(listPath.pointee, index), "expected a segment object, got \(node(element).kind.name)")
            writer.key(plain: Self.startTime); writer.null()
            writer.key(plain: Self.endTime); writer.null()
            writer.key(plain: Self.metadataKey); writer.beginObject(); writer.endObject()
            writer.endObject()
            return
        }
        // One pass over the members (keys are unique: the parser rejects duplicates).
        var startNode: RawNode?
        var endNode: RawNode?
        var metadataNode: RawNode?
        for (key, value) in element.members {
            if RawNode.bytesEqual(key, Self.startTime) {
                startNode = value
            } else if RawNode.bytesEqual(key, Self.endTime) {
                endNode = value
            } else if RawNode.bytesEqual(key, Self.metadataKey) {
                metadataNode = value
            }
        }
        let start = boundary(startNode, "start_time", { JSONPath.element(listPath.pointee, index) })
        let end = boundary(endNode, "end_time", { JSONPath.element(listPath.pointee, index) })
        if let start, let end, !(start < end) {
            report("segment_time_order", JSONPath.element(listPath.pointee, index), "start_time \(MessageText.value(.double(start))) is not before end_time \(MessageText.value(.double(end)))")
        }
        writer.key(plain: Self.startTime)
        if let start { writer.double(start) } else { writer.null() }
        writer.key(plain: Self.endTime)
        if let end { writer.double(end) } else { writer.null() }
        writer.key(plain: Self.metadataKey)
        segmentBounds = (start, end)
        metadata(metadataNode, definition, { JSONPath.member(JSONPath.element(listPath.pointee, index), "metadata") }, to: &writer)
        writer.endObject()
    }

    /// A segment's or event's `start_time` or `end_time` (`name`: a literal,
    /// which the closures capture without reference counting).
    private mutating func boundary(_ value: RawNode?, _ name: StaticString, _ segmentPath: () -> String) -> Double? {
        guard let value, !value.isNull else {
            report("time_missing", JSONPath.member(segmentPath(), "\(name)"), "\(name) is missing")
            return nil
        }
        if let declared = context.segmentTimeFormat {
            if let common = Self.commonSeconds(value, declared) { return common }
            return seconds(value, format: declared, what: { "\(name)" }, path: { JSONPath.member(segmentPath(), "\(name)") })
        }
        if inferredFormat == nil { inferredFormat = Self.format(of: value) }
        if let common = Self.commonSeconds(value, inferredFormat) { return common }
        return seconds(value, format: inferredFormat, inferred: true, what: { "\(name)" }, path: { JSONPath.member(segmentPath(), "\(name)") })
    }

    /// The seconds of the usual time, a `hh:mm:ss` or `hh:mm:ss.fff` string
    /// written in `format`, read without `seconds`'s reports (it has none to
    /// make for it): the same value `seconds` returns. Nil for any other
    /// value, which `seconds` then reads and reports on.
    @inline(__always)
    private static func commonSeconds(_ value: RawNode, _ format: TimecodeFormat?) -> Double? {
        guard let format, value.isString, let parsed = Timecode.parseCommon(value.utf8), parsed.isWritten(in: format) else { return nil }
        return parsed.seconds
    }

    /// The format a time is written in (nil when it is not a time).
    private static func format(of value: RawNode) -> TimecodeFormat? {
        if value.isNumber { return .seconds }
        guard value.isString, let parsed = Timecode.parse(utf8: value.utf8) else { return nil }
        return parsed.isWritten(in: .clock) ? .clock : .clockMilliseconds
    }

    /// Seconds of a time written as a number or as `hh:mm:ss[.fff]`; reports a
    /// format other than `format` (when known; with `inferred`, the format of
    /// the first time, as the message says), a negative time, or a value that
    /// is not a time (then nil).
    private mutating func seconds(_ value: RawNode, format: TimecodeFormat?, inferred: Bool = false,
                                  what: () -> String, path: () -> String) -> Double? {
        let because = inferred ? " like the first segment time (segment_time_format is not declared)" : ""
        if value.isString {
            let text = value.utf8
            guard let parsed = Timecode.parse(utf8: text) else {
                report("time_invalid", path(), "\(what()) is not a time: \(MessageText.quotedInFull(String(decoding: text, as: UTF8.self))) (expected seconds, hh:mm:ss or hh:mm:ss.fff)")
                return nil
            }
            if let format, !parsed.isWritten(in: format) {
                report("time_format", path(), "\(what()) is not in the format \(format.rawValue)\(because): \(MessageText.quotedInFull(String(decoding: text, as: UTF8.self)))")
            }
            return parsed.seconds
        }
        guard value.isNumber else {
            report("time_invalid", path(), "\(what()) must be a number of seconds or a hh:mm:ss[.fff] string, got \(node(value).kind.name)")
            return nil
        }
        let number = value.number
        if let format, format != .seconds {
            report("time_format", path(), "\(what()) is the number \(MessageText.value(node(value))), expected a \(MessageText.quotedInFull(format.rawValue)) string\(because)")
        }
        if number < 0 {
            report("time_negative", path(), "\(what()) is negative: \(MessageText.value(node(value)))")
        }
        return number
    }

    private mutating func metadata<Writer: ValueWriter & ~Copyable>(_ value: RawNode?, _ definition: ResultSegmentDefinition?,
                                   _ path: () -> String, to writer: inout Writer) {
        writer.beginObject()
        let fieldCount = definition?.fields.count ?? 0
        if present.count == fieldCount {
            present.clear()
        } else {
            present = FieldMarks(count: fieldCount)
        }
        if let value, !value.isNull {
            if value.isObject {
                var position = 0
                for (key, member) in value.members {
                    defer { position += 1 }
                    guard let definition else {
                        writer.key(utf8: key)
                        writer.write(raw: member)
                        continue
                    }
                    if let index = definition.fieldIndex(at: position, ifNamed: key) {
                        present.mark(index)
                        // `definition` holds the field for the whole call: neither the
                        // calls nor the path closure need to retain it (loading it from
                        // the array, or a closure capturing it, takes a reference for
                        // every value).
                        Unmanaged.passUnretained(definition.fields[index])._withUnsafeGuaranteedRef { field in
                            unowned(unsafe) let named = field
                            writer.key(field)
                            check(member, field, { JSONPath.member(path(), named.name) }, to: &writer)
                        }
                        continue
                    }
                    writer.key(utf8: key)
                    // Presence is decided on bytes, the declared field by string equality.
                    if let field = definition.field(utf8: key, markingIn: &present) {
                        check(member, field, { JSONPath.member(path(), String(decoding: key, as: UTF8.self)) }, to: &writer)
                    } else {
                        report("field_unknown", JSONPath.member(path(), String(decoding: key, as: UTF8.self)), "field \(MessageText.quotedInFull(String(decoding: key, as: UTF8.self))) is not declared in segment definition \(MessageText.quotedInFull(definition.id))")
                        writer.write(raw: member)
                    }
                }
            } else {
                report("segments_shape", path(), "metadata must be an object, got \(node(value).kind.name)")
            }
        }
        writer.endObject()
        if let definition, !present.isComplete {
            for (index, field) in definition.fields.enumerated() where !present.contains(index) {
                report("field_missing", JSONPath.member(path(), field.name), "field \(MessageText.quotedInFull(field.name)) of segment definition \(MessageText.quotedInFull(definition.id)) is missing")
            }
        }
    }

    /// Checks a metadata value against its field and writes it, converted to
    /// seconds for a timestamp field that could be read.
    private mutating func check<Writer: ValueWriter & ~Copyable>(_ value: RawNode, _ field: ResultSegmentField, _ path: () -> String,
                                to writer: inout Writer) {
        switch field.check {
        case .timeArray:
            guard value.isArray, let events = field.eventFields else {
                wrongType(value, field.type, field.name, path())
                break
            }
            writer.beginArray()
            var index = 0
            for element in value.elements {
                event(element, events, { JSONPath.element(path(), index) }, to: &writer)
                index += 1
            }
            writer.endArray()
            return
        case .timestamp:
            // The caller holds the field: the message closure need not retain it.
            unowned(unsafe) let named = field
            if let converted = Self.commonSeconds(value, field.format)
                ?? seconds(value, format: field.format, what: { "field \(MessageText.quotedInFull(named.name))" }, path: path) {
                writer.double(converted)
                return
            }
        case .array:
            guard value.isArray else {
                wrongType(value, field.type, field.name, path())
                break
            }
            var index = 0
            for element in value.elements {
                // A missing items.type checks as .any, which every value matches.
                if !Self.matches(element, field.itemCheck), let itemType = field.itemType {
                    wrongType(element, itemType, field.name, JSONPath.element(path(), index))
                } else {
                    checkAllowed(element, field, { JSONPath.element(path(), index) })
                }
                index += 1
            }
        default:
            if !Self.matches(value, field.check) {
                wrongType(value, field.type, field.name, path())
            } else {
                checkAllowed(value, field, path)
            }
        }
        writer.write(raw: value)
    }

    /// One event of a time_array field: `{start_time, end_time, fields…}` with
    /// the times in seconds (in the segment time format), inside the segment,
    /// and the declared fields checked like metadata.
    private mutating func event<Writer: ValueWriter & ~Copyable>(_ element: RawNode, _ events: ResultSegmentDefinition, _ path: () -> String,
                                to writer: inout Writer) {
        guard element.isObject else {
            report("segments_shape", path(), "expected a time_array event object, got \(node(element).kind.name)")
            writer.write(raw: element)
            return
        }
        var startNode: RawNode?
        var endNode: RawNode?
        for (key, value) in element.members {
            if RawNode.bytesEqual(key, Self.startTime) { startNode = value } else if RawNode.bytesEqual(key, Self.endTime) { endNode = value }
        }
        let start = boundary(startNode, "start_time", path)
        let end = boundary(endNode, "end_time", path)
        if let start, let end, !(start <= end) {
            report("segment_time_order", path(), "event start_time \(MessageText.value(.double(start))) is after its end_time \(MessageText.value(.double(end)))")
        }
        let bounds = segmentBounds
        if let start, let from = bounds.start, start < from {
            report("event_outside_segment", JSONPath.member(path(), "start_time"), "event start_time \(MessageText.value(.double(start))) is before its segment's start_time \(MessageText.value(.double(from)))")
        }
        if let end, let to = bounds.end, end > to {
            report("event_outside_segment", JSONPath.member(path(), "end_time"), "event end_time \(MessageText.value(.double(end))) is after its segment's end_time \(MessageText.value(.double(to)))")
        }
        writer.beginObject()
        writer.key(plain: Self.startTime)
        if let start { writer.double(start) } else { writer.null() }
        writer.key(plain: Self.endTime)
        if let end { writer.double(end) } else { writer.null() }
        var present = FieldMarks(count: events.fields.count)
        for (key, member) in element.members where !RawNode.bytesEqual(key, Self.startTime) && !RawNode.bytesEqual(key, Self.endTime) {
            writer.key(utf8: key)
            if let field = events.field(utf8: key, markingIn: &present), field.check != .timeArray {
                check(member, field, { JSONPath.member(path(), String(decoding: key, as: UTF8.self)) }, to: &writer)
            } else {
                report("field_unknown", JSONPath.member(path(), String(decoding: key, as: UTF8.self)), "field \(MessageText.quotedInFull(String(decoding: key, as: UTF8.self))) is not declared in the events of time_array field \(MessageText.quotedInFull(events.id))")
                writer.write(raw: member)
            }
        }
        writer.endObject()
        for (index, field) in events.fields.enumerated() where !present.contains(index) {
            report("field_missing", JSONPath.member(path(), field.name), "field \(MessageText.quotedInFull(field.name)) of the events of time_array field \(MessageText.quotedInFull(events.id)) is missing")
        }
    }

    private mutating func wrongType(_ value: RawNode, _ type: String, _ name: String, _ path: String) {
        report("field_type", path, "expected \(type) (declared for field \(MessageText.quotedInFull(name))), got \(MessageText.kindAndValue(node(value)))")
    }

    /// Checks a string against the field's `enum`, if it has one (inline: most fields have none).
    @inline(__always)
    private mutating func checkAllowed(_ value: RawNode, _ field: ResultSegmentField, _ path: () -> String) {
        guard field.allowed != nil, value.isString else { return }
        checkEnum(value, field, path)
    }

    /// Reports a string that is not one of the field's `enum` values.
    private mutating func checkEnum(_ value: RawNode, _ field: ResultSegmentField, _ path: () -> String) {
        if field.allows(utf8: value.utf8) { return }
        report("field_enum", path(), "value \(MessageText.quotedInFull(node(value).string ?? "")) of field \(MessageText.quotedInFull(field.name)) is not one of the allowed values \(field.allowedText)")
    }

    /// Whether `value` passes the check of a declared field type; unknown type
    /// names (and `timestamp`, checked on its own) always match.
    private static func matches(_ value: RawNode, _ check: ResultSegmentField.Check) -> Bool {
        switch check {
        case .string: return value.isString
        case .boolean: return value.isBool
        case .number: return value.isNumber
        case .integer:
            if value.isInteger { return true }
            guard value.type == JSONTape.Word.double else { return false }
            let number = value.doubleValue
            return number.isFinite && number.rounded(.towardZero) == number
        case .array, .timeArray: return value.isArray
        case .timestamp, .any: return true
        }
    }
}
