/// One segment definition of a time_based_metadata request, as far as result
/// checks need it: its id and its fields. Read leniently from the request JSON
/// (the request model is validated elsewhere): entries without a string `id`,
/// and fields without a string `name` and `type`, are skipped.
struct ResultSegmentDefinition {
    /// `id`, the key of the definition's segments in the result.
    let id: String
    /// `fields`, in order.
    let fields: [ResultSegmentField]

    /// The field called `name`, if declared.
    func field(_ name: String) -> ResultSegmentField? { fields.first { $0.name == name } }

    /// Reads every usable definition of a `segment_definitions` array.
    static func readAll(_ node: JSONNode) -> [ResultSegmentDefinition] {
        node.elements.compactMap { element -> ResultSegmentDefinition? in
            guard let id = element["id"]?.string else { return nil }
            let fields = element["fields"]?.elements.compactMap(ResultSegmentField.init) ?? []
            return ResultSegmentDefinition(id: id, fields: fields)
        }
    }
}

/// One custom field of a segment definition.
struct ResultSegmentField {
    /// `name`, the key in each segment's `metadata`.
    let name: String
    /// `type`: string, boolean, number, integer, array or timestamp.
    let type: String
    /// `format` of a timestamp field.
    let format: TimecodeFormat?
    /// `enum`: the allowed string values, when given.
    let allowed: [String]?
    /// `items.type` of an array field.
    let itemType: String?

    /// Reads a field; nil without a string `name` and `type`.
    init?(_ node: JSONNode) {
        guard let name = node["name"]?.string, let type = node["type"]?.string else { return nil }
        self.name = name
        self.type = type
        format = node["format"]?.string.flatMap(TimecodeFormat.init(rawValue:))
        if let values = node["enum"], values.kind == .array {
            allowed = values.elements.compactMap { $0.string }
        } else {
            allowed = nil
        }
        itemType = node["items"]?["type"]?.string
    }
}
