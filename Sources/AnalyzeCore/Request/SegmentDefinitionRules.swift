/// Rules on `response_format.segment_definitions`.
extension RequestRules {
    /// The fewest and most segment definitions.
    static let segmentDefinitionCount = 1...20
    /// The most `enum` values of a segment field.
    static let maxEnumValues = 100
    /// Field names reserved for the automatic segment keys: a timestamp field (2026-05) or any field (2026-10) cannot take them.
    static let reservedSegmentNames = ["start_time", "end_time", "metadata"]

    mutating func checkSegmentDefinitions(_ definitions: [SegmentDefinition], at path: @autoclosure () -> FieldPath) {
        if !Self.segmentDefinitionCount.contains(definitions.count) {
            issues.invalid(path(), "must have 1 to 20 definitions; has \(definitions.count)")
        }
        var ids = FirstIndex()
        for (index, definition) in definitions.enumerated() {
            func definitionPath() -> FieldPath { path().index(index) }
            if issues.isUnusable(definitionPath()) { continue }
            checkUniqueName(definition.id, at: definitionPath().key("id"), entry: index, of: path(), seen: &ids,
                            noun: "id", rule: "ids must be unique", required: "required: a unique identifier of the definition")
            func descriptionPath() -> FieldPath { definitionPath().key("description") }
            if !isPresent(descriptionPath(), definition.description) {
                issues.notProvided(descriptionPath(), "required: what this kind of segment looks like in the video")
            }
            requireNonEmpty(definition.description, at: descriptionPath(), blank: true)
            if let fields = definition.fields { checkSegmentFields(fields, at: definitionPath().key("fields")) }
            if let sources = definition.mediaSources { _ = checkMediaSources(sources, at: definitionPath().key("media_sources")) }
            if let ranges = definition.timeRanges { checkTimeRanges(ranges, at: definitionPath().key("time_ranges")) }
        }
    }

    /// The fields of a definition (or, with `eventFields`, of a time_array event):
    /// unique names, not reserved, a type, a description, and the type's rules.
    private mutating func checkSegmentFields(_ fields: [SegmentField], at path: @autoclosure () -> FieldPath, eventFields: Bool = false) {
        var names = FirstIndex()
        for (index, field) in fields.enumerated() {
            func fieldPath() -> FieldPath { path().index(index) }
            if issues.isUnusable(fieldPath()) { continue }
            func namePath() -> FieldPath { fieldPath().key("name") }
            let scope = eventFields ? "a time_array event" : "a definition"
            checkUniqueName(field.name, at: namePath(), entry: index, of: path(), seen: &names,
                            noun: "field name", rule: "names must be unique within \(scope)", required: "required: the name of the field")
            if let name = field.name, Self.reservedSegmentNames.contains(where: { $0.utf8.count == name.utf8.count && $0 == name }) {
                if revision.reservesEveryFieldName {
                    issues.invalid(namePath(), "\(name) is reserved for the automatic \(eventFields ? "event" : "segment") keys (reserved: start_time, end_time, metadata)")
                } else if field.type == .timestamp {
                    issues.invalid(namePath(), "\(name) is reserved for the automatic segment keys and cannot name a timestamp field (reserved: start_time, end_time, metadata)")
                }
            }
            if !isPresent(fieldPath().key("type"), field.type) {
                issues.notProvided(fieldPath().key("type"), "required: one of \(revision.fieldTypes.map(\.rawValue).joined(separator: ", "))")
            }
            func descriptionPath() -> FieldPath { fieldPath().key("description") }
            if !isPresent(descriptionPath(), field.description) {
                issues.notProvided(descriptionPath(), "required: what the field should contain")
            }
            requireNonEmpty(field.description, at: descriptionPath(), blank: true)
            if eventFields {
                checkEventFieldType(field, at: fieldPath())
            } else {
                checkSegmentFieldType(field, at: fieldPath())
            }
        }
    }

    private mutating func checkSegmentFieldType(_ field: SegmentField, at path: @autoclosure () -> FieldPath) {
        func formatPath() -> FieldPath { path().key("format") }
        func enumPath() -> FieldPath { path().key("enum") }
        func itemsPath() -> FieldPath { path().key("items") }
        let hasFormat = isPresent(formatPath(), field.format)
        if let values = field.enumValues, values.count > Self.maxEnumValues {
            issues.invalid(enumPath(), "has \(values.count) values; at most \(Self.maxEnumValues) are allowed")
        }
        guard let type = field.type else { return }
        switch type {
        case .timestamp:
            if lacks(.timestampFields) {
                issues.invalid(path().key("type"), "timestamp " + requiresModel(.timestampFields))
            }
            if !hasFormat {
                issues.invalid(formatPath(), "format is required when type is timestamp; allowed: \(TimestampFormat.allowedList)")
            }
            if isPresent(enumPath(), field.enumValues) {
                issues.invalid(enumPath(), "not supported when type is timestamp")
            }
            if field.hasItems {
                issues.invalid(itemsPath(), "not supported when type is timestamp")
            }
        case .timeArray:
            checkTimeArray(field, at: path())
        case .array:
            if hasFormat { issues.invalid(formatPath(), "allowed only when type is timestamp (type is array)") }
            checkArrayItems(field, at: path())
        default:
            if hasFormat { issues.invalid(formatPath(), "allowed only when type is timestamp (type is \(type.rawValue))") }
            if field.hasItems {
                issues.warning(itemsPath(), "ignored: items applies only when type is array (type is \(type.rawValue))")
            }
        }
    }

    /// The scalar item types of the revision, for messages: "string, number, boolean, integer".
    private var scalarItemTypes: String {
        revision.itemTypes.filter { $0 != .object }.map(\.rawValue).joined(separator: ", ")
    }

    /// `items` of an `array` field (or event field): a scalar `type`, no `fields`.
    private mutating func checkArrayItems(_ field: SegmentField, at path: @autoclosure () -> FieldPath) {
        func itemsPath() -> FieldPath { path().key("items") }
        if !field.hasItems {
            issues.notProvided(itemsPath(), "required when type is array: {\"type\": one of \(scalarItemTypes)}")
        } else if field.itemsType == .object {
            issues.invalid(itemsPath().key("type"), "object items are only for time_array fields; an array takes one of \(scalarItemTypes)")
        } else if field.itemsType == nil && !issues.isUnusable(itemsPath()) && !issues.isUnusable(itemsPath().key("type")) {
            issues.notProvided(itemsPath().key("type"), "required: one of \(scalarItemTypes)")
        }
        if field.itemFields != nil {
            issues.invalid(itemsPath().key("fields"), "allowed only when type is time_array (type is array)")
        }
    }

    /// A `time_array` field (revision 2026-10): a model with it, no format or
    /// enum, and `items` `{"type": "object", "fields": [at least one event field]}`.
    private mutating func checkTimeArray(_ field: SegmentField, at path: @autoclosure () -> FieldPath) {
        func itemsPath() -> FieldPath { path().key("items") }
        if lacks(.timeArrayFields) {
            issues.invalid(path().key("type"), "time_array " + requiresModel(.timeArrayFields))
        }
        if isPresent(path().key("format"), field.format) {
            issues.invalid(path().key("format"), "not accepted when type is time_array; segment_time_format sets the format of event times")
        }
        if isPresent(path().key("enum"), field.enumValues) {
            issues.invalid(path().key("enum"), "not supported when type is time_array")
        }
        let shape = "{\"type\": \"object\", \"fields\": [...]}"
        guard field.hasItems else {
            issues.notProvided(itemsPath(), "required when type is time_array: \(shape)")
            return
        }
        if let type = field.itemsType, type != .object {
            issues.invalid(itemsPath().key("type"), "must be object when type is time_array; got \(type.rawValue)")
        } else if field.itemsType == nil && !issues.isUnusable(itemsPath()) && !issues.isUnusable(itemsPath().key("type")) {
            issues.notProvided(itemsPath().key("type"), "required when type is time_array: object")
        }
        func fieldsPath() -> FieldPath { itemsPath().key("fields") }
        guard let events = field.itemFields else {
            if !issues.isUnusable(itemsPath()) && !issues.isUnusable(fieldsPath()) {
                issues.notProvided(fieldsPath(), "required when type is time_array: at least one field of each event")
            }
            return
        }
        if events.isEmpty {
            issues.invalid(fieldsPath(), "must have at least one field")
        }
        checkSegmentFields(events, at: fieldsPath(), eventFields: true)
    }

    /// A field of a time_array event: string, boolean, number, integer or array
    /// (no timestamp, no nested time_array), enum only on string, no format.
    private mutating func checkEventFieldType(_ field: SegmentField, at path: @autoclosure () -> FieldPath) {
        func enumPath() -> FieldPath { path().key("enum") }
        if isPresent(path().key("format"), field.format) {
            issues.invalid(path().key("format"), "not accepted on the fields of a time_array event")
        }
        if let values = field.enumValues, values.count > Self.maxEnumValues {
            issues.invalid(enumPath(), "has \(values.count) values; at most \(Self.maxEnumValues) are allowed")
        }
        guard let type = field.type else { return }
        if type == .timestamp || type == .timeArray {
            issues.invalid(path().key("type"), "\(type.rawValue) is not allowed in a time_array event; use string, boolean, number, integer or array (time_arrays cannot nest)")
            return
        }
        if type != .string && isPresent(enumPath(), field.enumValues) {
            issues.invalid(enumPath(), "allowed only when type is string (type is \(type.rawValue))")
        }
        if type == .array {
            checkArrayItems(field, at: path())
        } else if field.hasItems {
            issues.invalid(path().key("items"), "allowed only when type is array (type is \(type.rawValue))")
        }
    }
}
