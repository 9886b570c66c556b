/// Turns the `data` of a time_based_metadata result into `result.segments`:
/// an object keyed by segment-definition id (in the order of `data`), each an
/// array of `{start_time, end_time, metadata}` with the times as numbers of
/// seconds whatever their format, and timestamp fields of `metadata` converted
/// the same way when the definitions are known.
///
/// Everything that breaks the definitions or the documented shape is reported
/// as a `ResultIssue` with its path, and the value is kept: a time that cannot
/// be read becomes `null`, a metadata value of the wrong type stays as it is.
struct SegmentsNormalizer {
    /// How the result is to be read (definitions, boundary time format).
    let context: ResultContext
    /// The issues found, in document order.
    private(set) var issues: [ResultIssue] = []

    /// A normalizer for results described by `context`.
    init(context: ResultContext) { self.context = context }

    private mutating func report(_ code: String, _ path: LazyPath, _ message: String) {
        issues.append(ResultIssue(code, path: path.rendered, message))
    }

    /// The normalized segments of `data`, reported under `path` (`result.segments`).
    mutating func normalize(_ data: JSONNode, path: String) -> JSONValue {
        let path = LazyPath.text(path)
        guard data.kind == .object else {
            report("segments_shape", path, "data must be a JSON object keyed by segment definition id, got \(data.kind.name)")
            return .null
        }
        if context.definitions == nil {
            report("definitions_unavailable", path, "the segment definitions are not known (not in request_params and no request given); segments were not checked against them")
        }
        var members: [JSONMember] = []
        for (id, value) in data.members {
            let listPath = path.member(id)
            let definition = context.definitions?.first { $0.id == id }
            if definition == nil, context.definitions != nil, !context.definitionsPartial {
                report("definition_unknown", listPath, "no segment definition has the id \(ResultValue.quoted(id))")
            }
            guard value.kind == .array else {
                report("segments_shape", listPath, "expected an array of segments, got \(value.kind.name)")
                members.append(JSONMember(id, .array([])))
                continue
            }
            var segments: [JSONValue] = []
            for element in value.elements {
                segments.append(segment(element, definition, listPath.element(segments.count)))
            }
            members.append(JSONMember(id, .array(segments)))
        }
        return .object(members)
    }

    private mutating func segment(_ node: JSONNode, _ definition: ResultSegmentDefinition?, _ path: LazyPath) -> JSONValue {
        guard node.kind == .object else {
            report("segments_shape", path, "expected a segment object, got \(node.kind.name)")
            return jsonObject(("start_time", .null), ("end_time", .null), ("metadata", .object([])))
        }
        let start = boundary(node, "start_time", path)
        let end = boundary(node, "end_time", path)
        if let start, let end, !(start < end) {
            report("segment_time_order", path, "start_time \(ResultValue.describe(.double(start))) is not before end_time \(ResultValue.describe(.double(end)))")
        }
        return jsonObject(("start_time", start.map(JSONValue.double) ?? .null),
                          ("end_time", end.map(JSONValue.double) ?? .null),
                          ("metadata", metadata(node["metadata"], definition, path.member("metadata"))))
    }

    private mutating func boundary(_ segment: JSONNode, _ name: String, _ path: LazyPath) -> Double? {
        let fieldPath = path.member(name)
        guard let node = segment[name], !node.isNull else {
            report("time_missing", fieldPath, "\(name) is missing")
            return nil
        }
        return seconds(node, format: context.segmentTimeFormat, what: name, path: fieldPath)
    }

    /// Seconds of a time written as a number or as `hh:mm:ss[.fff]`; reports a
    /// format other than `format` (when known), a negative time, or a value that
    /// is not a time (then nil).
    private mutating func seconds(_ node: JSONNode, format: TimecodeFormat?, what: String, path: LazyPath) -> Double? {
        if let number = node.double {
            if let format, format != .seconds {
                report("time_format", path, "\(what) is the number \(ResultValue.describe(node)), expected a \(ResultValue.quoted(format.rawValue)) string")
            }
            if number < 0 {
                report("time_negative", path, "\(what) is negative: \(ResultValue.describe(node))")
            }
            return number
        }
        if let text = node.string {
            guard let parsed = Timecode.parse(text) else {
                report("time_invalid", path, "\(what) is not a time: \(ResultValue.quoted(text)) (expected seconds, hh:mm:ss or hh:mm:ss.fff)")
                return nil
            }
            if let format, !Timecode.matches(text, format) {
                report("time_format", path, "\(what) is not in the format \(format.rawValue): \(ResultValue.quoted(text))")
            }
            return parsed.seconds
        }
        report("time_invalid", path, "\(what) must be a number of seconds or a hh:mm:ss[.fff] string, got \(node.kind.name)")
        return nil
    }

    private mutating func metadata(_ node: JSONNode?, _ definition: ResultSegmentDefinition?, _ path: LazyPath) -> JSONValue {
        var members: [JSONMember] = []
        if let node, !node.isNull {
            if node.kind == .object {
                for (key, value) in node.members {
                    let fieldPath = path.member(key)
                    guard let definition else {
                        members.append(JSONMember(key, JSONValue(value)))
                        continue
                    }
                    if let field = definition.field(key) {
                        members.append(JSONMember(key, check(value, field, fieldPath)))
                    } else {
                        report("field_unknown", fieldPath, "field \(ResultValue.quoted(key)) is not declared in segment definition \(ResultValue.quoted(definition.id))")
                        members.append(JSONMember(key, JSONValue(value)))
                    }
                }
            } else {
                report("segments_shape", path, "metadata must be an object, got \(node.kind.name)")
            }
        }
        if let definition {
            for field in definition.fields where node?[field.name] == nil {
                report("field_missing", path.member(field.name), "field \(ResultValue.quoted(field.name)) of segment definition \(ResultValue.quoted(definition.id)) is missing")
            }
        }
        return .object(members)
    }

    /// Checks a metadata value against its field; returns it, converted to
    /// seconds for a timestamp field that could be read.
    private mutating func check(_ value: JSONNode, _ field: ResultSegmentField, _ path: LazyPath) -> JSONValue {
        switch field.type {
        case "timestamp":
            if let converted = seconds(value, format: field.format, what: "field \(ResultValue.quoted(field.name))", path: path) {
                return .double(converted)
            }
        case "array":
            guard value.kind == .array else {
                wrongType(value, field.type, field.name, path)
                break
            }
            var index = 0
            for element in value.elements {
                let elementPath = path.element(index)
                if let itemType = field.itemType, !Self.matches(element, itemType) {
                    wrongType(element, itemType, field.name, elementPath)
                } else {
                    checkAllowed(element, field, elementPath)
                }
                index += 1
            }
        default:
            if !Self.matches(value, field.type) {
                wrongType(value, field.type, field.name, path)
            } else {
                checkAllowed(value, field, path)
            }
        }
        return JSONValue(value)
    }

    private mutating func wrongType(_ value: JSONNode, _ type: String, _ name: String, _ path: LazyPath) {
        report("field_type", path, "expected \(type) (declared for field \(ResultValue.quoted(name))), got \(ResultValue.kindAndValue(value))")
    }

    private mutating func checkAllowed(_ value: JSONNode, _ field: ResultSegmentField, _ path: LazyPath) {
        guard let allowed = field.allowed, let text = value.string, !allowed.contains(text) else { return }
        report("field_enum", path, "value \(ResultValue.quoted(text)) of field \(ResultValue.quoted(field.name)) is not one of the allowed values \(ResultValue.describe(.array(allowed.map(JSONValue.string))))")
    }

    /// Whether `value` has the declared field type; unknown type names always match.
    private static func matches(_ value: JSONNode, _ type: String) -> Bool {
        switch type {
        case "string": return value.kind == .string
        case "boolean": return value.kind == .bool
        case "number": return value.double != nil
        case "integer": return ResultValue.isInteger(value)
        case "array": return value.kind == .array
        default: return true
        }
    }
}
