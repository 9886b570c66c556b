/// Reads a JSON document into an `AnalyzeRequest`, recording wrong JSON types
/// (`parameter_invalid`) and unknown fields (`parameter_unknown`) as issues
/// instead of failing. A field of the wrong type is left unset in the model and
/// marked unusable in the collector; array elements of the wrong type become
/// empty placeholders so that indices keep matching the document. Fields and
/// values of another API revision than the one checked are reported as such
/// ("… of API revision 2026-10; pass api_revision 2026-10").
struct RequestDecoder {
    /// The revision whose fields and values are known.
    let revision: APIRevision

    static let imageFields = KnownFields(["name", "url", "asset_id", "base64_string"])
    static let videoFields = KnownFields(["type", "url", "asset_id", "base64_string"])
    static let promptV2Fields = KnownFields(["input_text", "media_sources"])
    static let mediaSourceFields = KnownFields(["name", "media_type", "url", "asset_id", "base64_string"])
    static let responseFormatFields = KnownFields(["type", "json_schema", "segment_definitions", "segment_time_format"])
    static let segmentDefinitionFields = KnownFields(["id", "description", "fields", "media_sources", "time_ranges"])
    static let segmentFieldFields = KnownFields(["name", "type", "description", "format", "enum", "items"])
    static let itemsFields = KnownFields(["type"])
    /// `items` of revision 2026-10, where `time_array` items declare `fields`.
    static let timeArrayItemsFields = KnownFields(["type", "fields"])
    static let timeRangeFields = KnownFields(["start_time", "end_time"])

    /// The message for `key` when it is a top-level field of another revision
    /// (made only for a field that is not one of this revision's).
    private func otherRevisionNote(_ key: String) -> String? {
        for other in APIRevision.all.reversed() where other != revision && other.requestFields.contains(key) {
            return "\(key) is a field of API revision \(other.name), not \(revision.name); pass api_revision \(other.name)"
        }
        return nil
    }

    /// Decodes the document root; nil (with one whole-document issue) when it is not an object.
    func decode(_ root: JSONNode, _ issues: inout IssueCollector) -> AnalyzeRequest? {
        guard root.kind == .object else {
            issues.invalid(.root, "the request must be a JSON object, not \(MessageText.kind(root.kind))")
            return nil
        }
        let fields = FieldReader(node: root, path: .root)
        let revision = self.revision
        fields.rejectUnknown(revision.requestFieldTable, elsewhere: otherRevisionNote, &issues)
        var request = AnalyzeRequest()
        request.modelName = fields.choice("model_name", &issues, allowed: revision.models.map { $0.name }) { model in
            revision.elsewhere("\(model.rawValue) is a model") { $0.traits(model) != nil }
        }
        request.videoID = fields.string("video_id", &issues)
        request.video = fields.objectReader("video", &issues).map { decodeVideo($0, &issues) }
        request.image = fields.objects("image", &issues) { reader, issues in
            guard let reader else { return ImageInput() }
            reader.rejectUnknown(Self.imageFields, &issues)
            return ImageInput(name: reader.string("name", &issues), url: reader.string("url", &issues),
                              assetID: reader.string("asset_id", &issues), base64String: reader.string("base64_string", &issues))
        }
        request.customID = fields.string("custom_id", &issues)
        request.prompt = fields.string("prompt", &issues)
        request.promptV2 = fields.objectReader("prompt_v2", &issues).map { decodePromptV2($0, &issues) }
        request.analysisMode = fields.choice("analysis_mode", &issues)
        request.temperature = fields.number("temperature", &issues)
        request.maxTokens = decodeMaxTokens(fields, &issues)
        request.responseFormat = fields.objectReader("response_format", &issues).map { decodeResponseFormat($0, &issues) }
        request.minSegmentDuration = fields.number("min_segment_duration", &issues)
        request.maxSegmentDuration = fields.number("max_segment_duration", &issues)
        request.startTime = fields.number("start_time", &issues)
        request.endTime = fields.number("end_time", &issues)
        return request
    }

    /// `max_tokens`: an integer, or `"unlimited"` where the revision has it.
    private func decodeMaxTokens(_ fields: FieldReader, _ issues: inout IssueCollector) -> MaxTokens? {
        guard let node = fields.member("max_tokens"), !issues.isUnusable(fields.path.key("max_tokens")) else { return nil }
        guard node.kind == .string else { return fields.integer("max_tokens", &issues).map(MaxTokens.tokens) }
        let unlimited = revision.models.contains { $0.features.contains(.unlimitedMaxTokens) }
        if node.string == "unlimited" && unlimited { return .unlimited }
        let path = fields.path.key("max_tokens")
        issues.markUnusable(path)
        if node.string == "unlimited" {
            let note = revision.elsewhere("\"unlimited\" is a max_tokens value") { other in
                other.models.contains { $0.features.contains(.unlimitedMaxTokens) }
            }
            issues.invalid(path, note ?? "must be an integer")
        } else {
            issues.invalid(path, unlimited ? "must be an integer or \"unlimited\", not \(MessageText.quoted(node.string ?? ""))"
                                           : "must be an integer, not a string")
        }
        return nil
    }

    private func decodeVideo(_ fields: FieldReader, _ issues: inout IssueCollector) -> VideoSource {
        fields.rejectUnknown(Self.videoFields, &issues)
        return VideoSource(type: fields.choice("type", &issues), url: fields.string("url", &issues),
                           assetID: fields.string("asset_id", &issues),
                           base64String: fields.string("base64_string", &issues))
    }

    private func decodePromptV2(_ fields: FieldReader, _ issues: inout IssueCollector) -> PromptV2 {
        fields.rejectUnknown(Self.promptV2Fields, &issues)
        return PromptV2(inputText: fields.string("input_text", &issues),
                        mediaSources: decodeMediaSources(fields, &issues))
    }

    private func decodeMediaSources(_ fields: FieldReader, _ issues: inout IssueCollector) -> [MediaSource]? {
        fields.objects("media_sources", &issues) { reader, issues in
            guard let reader else { return MediaSource() }
            reader.rejectUnknown(Self.mediaSourceFields, &issues)
            return MediaSource(name: reader.string("name", &issues), mediaType: reader.choice("media_type", &issues),
                               url: reader.string("url", &issues), assetID: reader.string("asset_id", &issues),
                               base64String: reader.string("base64_string", &issues))
        }
    }

    private func decodeResponseFormat(_ fields: FieldReader, _ issues: inout IssueCollector) -> ResponseFormat {
        fields.rejectUnknown(Self.responseFormatFields, &issues)
        var format = ResponseFormat()
        format.type = fields.choice("type", &issues)
        format.jsonSchema = fields.object("json_schema", &issues).map { JSONValue($0) }
        format.segmentDefinitions = fields.objects("segment_definitions", &issues) { reader, issues in
            guard let reader else { return SegmentDefinition() }
            return decodeSegmentDefinition(reader, &issues)
        }
        format.segmentTimeFormat = fields.choice("segment_time_format", &issues)
        return format
    }

    private func decodeSegmentDefinition(_ fields: FieldReader, _ issues: inout IssueCollector) -> SegmentDefinition {
        fields.rejectUnknown(Self.segmentDefinitionFields, &issues)
        var definition = SegmentDefinition()
        definition.id = fields.string("id", &issues)
        definition.description = fields.string("description", &issues)
        definition.fields = fields.objects("fields", &issues) { reader, issues in
            guard let reader else { return SegmentField() }
            return decodeSegmentField(reader, &issues)
        }
        definition.mediaSources = decodeMediaSources(fields, &issues)
        definition.timeRanges = fields.objects("time_ranges", &issues) { reader, issues in
            guard let reader else { return TimeRange() }
            reader.rejectUnknown(Self.timeRangeFields, &issues)
            return TimeRange(startTime: reader.number("start_time", &issues), endTime: reader.number("end_time", &issues))
        }
        return definition
    }

    /// The field is made once, from its parts (a `var` set member by member
    /// was copied twice per field).
    private func decodeSegmentField(_ fields: FieldReader, _ issues: inout IssueCollector) -> SegmentField {
        fields.rejectUnknown(Self.segmentFieldFields, &issues)
        let revision = self.revision
        let type: SegmentFieldType? = fields.choice("type", &issues, allowed: revision.fieldTypes) { type in
            revision.elsewhere("\(type.rawValue) is a field type") { $0.fieldTypes.contains(type) }
        }
        let name = fields.string("name", &issues)
        let description = fields.string("description", &issues)
        let format: TimestampFormat? = fields.choice("format", &issues)
        var enumValues: [String]? = nil
        if let list = fields.array("enum", &issues) {
            var values: [String] = []
            values.reserveCapacity(list.count)
            var index = 0
            for element in list.elements {
                if let text = element.string {
                    values.append(text)
                } else {
                    issues.wrongType(fields.path.key("enum").index(index), expected: .string, got: element)
                    values.append("")
                }
                index += 1
            }
            enumValues = values
        }
        var hasItems = false
        var itemsType: SegmentItemType? = nil
        var itemFields: [SegmentField]? = nil
        if let reader = fields.objectReader("items", &issues) {
            let timeArrays = revision.fieldTypes.contains(.timeArray)
            reader.rejectUnknown(timeArrays ? Self.timeArrayItemsFields : Self.itemsFields, elsewhere: { key in
                guard !timeArrays && key == "fields" else { return nil }
                return revision.elsewhere("items.fields (of time_array fields) is a field") { $0.fieldTypes.contains(.timeArray) } ?? ""
            }, &issues)
            hasItems = true
            itemsType = reader.choice("type", &issues, allowed: revision.itemTypes) { type in
                revision.elsewhere("\(type.rawValue) is an item type") { $0.itemTypes.contains(type) }
            }
            if timeArrays {
                itemFields = reader.objects("fields", &issues) { element, issues in
                    guard let element else { return SegmentField() }
                    return decodeSegmentField(element, &issues)
                }
            }
        } else if fields.member("items") != nil {
            hasItems = true
        }
        return SegmentField(name: name, type: type, description: description, format: format, enumValues: enumValues,
                            itemsType: itemsType, hasItems: hasItems, itemFields: itemFields)
    }
}
