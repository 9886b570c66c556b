/// Rules on `response_format`: its `type` matches the payload present.
extension RequestRules {
    mutating func checkResponseFormat() {
        guard let format = request.responseFormat else { return }
        func path() -> FieldPath { FieldPath.root.key("response_format") }
        func typePath() -> FieldPath { path().key("type") }
        func schemaPath() -> FieldPath { path().key("json_schema") }
        func definitionsPath() -> FieldPath { path().key("segment_definitions") }
        func timeFormatPath() -> FieldPath { path().key("segment_time_format") }
        switch format.type {
        case .jsonSchema:
            if !isPresent(schemaPath(), format.jsonSchema) {
                issues.notProvided(schemaPath(), "required when type is json_schema")
            }
            if isPresent(definitionsPath(), format.segmentDefinitions) {
                issues.invalid(definitionsPath(), "allowed only when type is segment_definitions (type is json_schema)")
            }
            if isPresent(timeFormatPath(), format.segmentTimeFormat) {
                issues.invalid(timeFormatPath(), "allowed only when type is segment_definitions (type is json_schema)")
            }
        case .segmentDefinitions:
            if !isPresent(definitionsPath(), format.segmentDefinitions) {
                issues.notProvided(definitionsPath(), "required when type is segment_definitions")
            }
            if isPresent(schemaPath(), format.jsonSchema) {
                issues.invalid(schemaPath(), "allowed only when type is json_schema (type is segment_definitions)")
            }
        case nil:
            if !issues.isUnusable(typePath()) {
                issues.notProvided(typePath(), "required: one of \(ResponseFormatType.allowedList)")
            }
        }
        if let schema = format.jsonSchema {
            var checker = JSONSchemaSubset(model: model, traits: traits, timestampModels: revision.models(with: .timestampFields),
                                           modelNote: modelNote, root: schema)
            checker.check(at: schemaPath(), &issues)
        }
        if let definitions = format.segmentDefinitions {
            checkSegmentDefinitions(definitions, at: definitionsPath())
        }
    }
}
