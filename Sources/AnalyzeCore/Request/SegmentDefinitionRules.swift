/// Rules on `response_format.segment_definitions`.
extension RequestRules {
    /// The fewest and most segment definitions.
    static let segmentDefinitionCount = 1...20
    /// The most `enum` values of a segment field.
    static let maxEnumValues = 100
    /// Field names reserved for the automatic segment keys, which a timestamp field cannot take.
    static let reservedSegmentNames = ["start_time", "end_time", "metadata"]

    mutating func checkSegmentDefinitions(_ definitions: [SegmentDefinition], at path: FieldPath) {
        if !Self.segmentDefinitionCount.contains(definitions.count) {
            issues.invalid(path, "must have 1 to 20 definitions; has \(definitions.count)")
        }
        var ids: [String: Int] = [:]
        for (index, definition) in definitions.enumerated() {
            let definitionPath = path.index(index)
            if issues.isUnusable(definitionPath) { continue }
            let idPath = definitionPath.key("id")
            if let id = definition.id {
                if id.isEmpty {
                    issues.invalid(idPath, "must not be empty")
                } else if let first = ids[id] {
                    issues.invalid(idPath, "duplicate id \(MessageText.quoted(id)): \(path.index(first).text) has it already; ids must be unique")
                } else {
                    ids[id] = index
                }
            } else if !issues.isUnusable(idPath) {
                issues.notProvided(idPath, "required: a unique identifier of the definition")
            }
            let descriptionPath = definitionPath.key("description")
            if !isPresent(descriptionPath, definition.description) {
                issues.notProvided(descriptionPath, "required: what this kind of segment looks like in the video")
            }
            requireNonEmpty(definition.description, at: descriptionPath, blank: true)
            if let fields = definition.fields { checkSegmentFields(fields, at: definitionPath.key("fields")) }
            if let sources = definition.mediaSources { _ = checkMediaSources(sources, at: definitionPath.key("media_sources")) }
            if let ranges = definition.timeRanges { checkTimeRanges(ranges, at: definitionPath.key("time_ranges")) }
        }
    }

    private mutating func checkSegmentFields(_ fields: [SegmentField], at path: FieldPath) {
        var names: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            let fieldPath = path.index(index)
            if issues.isUnusable(fieldPath) { continue }
            let namePath = fieldPath.key("name")
            if let name = field.name {
                if name.isEmpty {
                    issues.invalid(namePath, "must not be empty")
                } else if let first = names[name] {
                    issues.invalid(namePath, "duplicate field name \(MessageText.quoted(name)): \(path.index(first).text) has it already; names must be unique within a definition")
                } else {
                    names[name] = index
                }
                if field.type == .timestamp && Self.reservedSegmentNames.contains(name) {
                    issues.invalid(namePath, "\(name) is reserved for the automatic segment keys and cannot name a timestamp field (reserved: start_time, end_time, metadata)")
                }
            } else if !issues.isUnusable(namePath) {
                issues.notProvided(namePath, "required: the name of the field")
            }
            let typePath = fieldPath.key("type")
            if !isPresent(typePath, field.type) {
                issues.notProvided(typePath, "required: one of \(SegmentFieldType.allowedList)")
            }
            let descriptionPath = fieldPath.key("description")
            if !isPresent(descriptionPath, field.description) {
                issues.notProvided(descriptionPath, "required: what the field should contain")
            }
            requireNonEmpty(field.description, at: descriptionPath, blank: true)
            checkSegmentFieldType(field, at: fieldPath)
        }
    }

    private mutating func checkSegmentFieldType(_ field: SegmentField, at path: FieldPath) {
        let formatPath = path.key("format")
        let enumPath = path.key("enum")
        let itemsPath = path.key("items")
        let hasFormat = isPresent(formatPath, field.format)
        if let values = field.enumValues, values.count > Self.maxEnumValues {
            issues.invalid(enumPath, "has \(values.count) values; at most \(Self.maxEnumValues) are allowed")
        }
        guard let type = field.type else { return }
        switch type {
        case .timestamp:
            if model == .pegasus1_2 {
                issues.invalid(path.key("type"), "timestamp requires model_name pegasus1.5" + modelNote)
            }
            if !hasFormat {
                issues.invalid(formatPath, "format is required when type is timestamp; allowed: \(TimestampFormat.allowedList)")
            }
            if isPresent(enumPath, field.enumValues) {
                issues.invalid(enumPath, "not supported when type is timestamp")
            }
            if field.hasItems {
                issues.invalid(itemsPath, "not supported when type is timestamp")
            }
        case .array:
            if hasFormat { issues.invalid(formatPath, "allowed only when type is timestamp (type is array)") }
            if !field.hasItems {
                issues.notProvided(itemsPath, "required when type is array: {\"type\": one of \(SegmentItemType.allowedList)}")
            } else if field.itemsType == nil && !issues.isUnusable(itemsPath) && !issues.isUnusable(itemsPath.key("type")) {
                issues.notProvided(itemsPath.key("type"), "required: one of \(SegmentItemType.allowedList)")
            }
        default:
            if hasFormat { issues.invalid(formatPath, "allowed only when type is timestamp (type is \(type.rawValue))") }
            if field.hasItems {
                issues.warning(itemsPath, "ignored: items applies only when type is array (type is \(type.rawValue))")
            }
        }
    }
}
