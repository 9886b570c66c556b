/// Rules on `analysis_mode`, `temperature` and `max_tokens`.
extension RequestRules {
    /// `time_based_metadata` needs a model with that feature and
    /// `response_format.type` `segment_definitions`; `segment_definitions` is
    /// allowed only in that mode.
    mutating func checkAnalysisMode() {
        func modePath() -> FieldPath { FieldPath.root.key("analysis_mode") }
        func formatPath() -> FieldPath { FieldPath.root.key("response_format") }
        let formatType = request.responseFormat?.type
        if mode == .timeBasedMetadata {
            if lacks(.timeBasedMetadata) {
                issues.invalid(modePath(), "time_based_metadata " + requiresModel(.timeBasedMetadata))
            }
            if !isPresent(formatPath(), request.responseFormat) {
                issues.notProvided(formatPath(), "required when analysis_mode is time_based_metadata: {\"type\": \"segment_definitions\", \"segment_definitions\": [...]}")
            } else if formatType == .jsonSchema {
                issues.invalid(formatPath().key("type"), "must be segment_definitions when analysis_mode is time_based_metadata")
            }
        } else if mode == .general && formatType == .segmentDefinitions {
            issues.invalid(formatPath().key("type"), "segment_definitions requires analysis_mode time_based_metadata" + timeBasedModelClause + modeNote)
        }
    }

    /// " and model_name pegasus1.5" when some model of the revision lacks
    /// time_based_metadata; empty when every model has it.
    var timeBasedModelClause: String {
        revision.models.allSatisfy { $0.features.contains(.timeBasedMetadata) } ? ""
            : " and model_name \(revision.models(with: .timeBasedMetadata))"
    }

    /// `temperature` within [0, 1].
    mutating func checkTemperature() {
        guard let temperature = request.temperature else { return }
        if !(temperature >= 0 && temperature <= 1) {
            issues.invalid(.root.key("temperature"), "must be between 0 and 1 (default 0.2); got \(MessageText.number(temperature))")
        }
    }

    /// `max_tokens`: an integer within the model's range for the mode
    /// (`ModelTraits.maxTokens`), or `"unlimited"` with a model that has it,
    /// time_based_metadata and no `time_ranges`.
    mutating func checkMaxTokens() {
        guard let maxTokens = request.maxTokens else { return }
        let path = FieldPath.root.key("max_tokens")
        switch maxTokens {
        case .unlimited:
            if lacks(.unlimitedMaxTokens) {
                issues.invalid(path, "\"unlimited\" " + requiresModel(.unlimitedMaxTokens))
            }
            if mode == .general {
                issues.invalid(path, "\"unlimited\" requires analysis_mode time_based_metadata" + modeNote)
            }
            let definitions = request.responseFormat?.segmentDefinitions ?? []
            if definitions.contains(where: { $0.timeRanges != nil }) {
                issues.invalid(path, "\"unlimited\" cannot be combined with segment_definitions[].time_ranges; give an integer")
            }
        case .tokens(let count):
            guard let model, let traits, let range = traits.maxTokens.range(mode) else { return }
            let label: String
            if case .anyMode = traits.maxTokens {
                label = model.rawValue
            } else {
                label = "\(model.rawValue) with analysis_mode \(mode?.rawValue ?? "")"
            }
            if count < range.min || count > range.max {
                issues.invalid(path, "must be between \(MessageText.grouped(Int(range.min))) and \(MessageText.grouped(Int(range.max))) for \(label) (default \(MessageText.grouped(Int(range.defaultValue)))); got \(count)")
            }
        }
    }
}
