/// Rules on `analysis_mode`, `temperature` and `max_tokens`.
extension RequestRules {
    /// `time_based_metadata` needs pegasus1.5 and `response_format.type` `segment_definitions`;
    /// `segment_definitions` is allowed only in that mode.
    mutating func checkAnalysisMode() {
        let modePath = FieldPath.root.key("analysis_mode")
        let formatPath = FieldPath.root.key("response_format")
        let formatType = request.responseFormat?.type
        if mode == .timeBasedMetadata {
            if model == .pegasus1_2 {
                issues.invalid(modePath, "time_based_metadata requires model_name pegasus1.5" + modelNote)
            }
            if !isPresent(formatPath, request.responseFormat) {
                issues.notProvided(formatPath, "required when analysis_mode is time_based_metadata: {\"type\": \"segment_definitions\", \"segment_definitions\": [...]}")
            } else if formatType == .jsonSchema {
                issues.invalid(formatPath.key("type"), "must be segment_definitions when analysis_mode is time_based_metadata")
            }
        } else if mode == .general && formatType == .segmentDefinitions {
            issues.invalid(formatPath.key("type"), "segment_definitions requires analysis_mode time_based_metadata and model_name pegasus1.5" + modeNote)
        }
    }

    /// `temperature` within [0, 1].
    mutating func checkTemperature() {
        guard let temperature = request.temperature else { return }
        if !(temperature >= 0 && temperature <= 1) {
            issues.invalid(.root.key("temperature"), "must be between 0 and 1 (default 0.2); got \(MessageText.number(temperature))")
        }
    }

    /// The `max_tokens` range (and default) of a model and mode.
    static func maxTokensRange(_ model: ModelName, _ mode: AnalysisMode) -> (min: Int64, max: Int64, defaultValue: Int64, label: String) {
        switch (model, mode) {
        case (.pegasus1_2, _): return (2, 4_096, 4_096, "pegasus1.2")
        case (.pegasus1_5, .general): return (512, 98_304, 4_096, "pegasus1.5 with analysis_mode general")
        case (.pegasus1_5, .timeBasedMetadata): return (2_048, 98_304, 32_768, "pegasus1.5 with analysis_mode time_based_metadata")
        }
    }

    /// `max_tokens` within the range of the model and mode.
    mutating func checkMaxTokens() {
        guard let maxTokens = request.maxTokens, let model else { return }
        guard let mode = mode ?? (model == .pegasus1_2 ? .general : nil) else { return }
        let range = Self.maxTokensRange(model, mode)
        if maxTokens < range.min || maxTokens > range.max {
            issues.invalid(.root.key("max_tokens"),
                           "must be between \(MessageText.grouped(Int(range.min))) and \(MessageText.grouped(Int(range.max))) for \(range.label) (default \(MessageText.grouped(Int(range.defaultValue)))); got \(maxTokens)")
        }
    }
}
