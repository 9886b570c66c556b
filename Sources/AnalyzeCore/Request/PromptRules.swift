/// Rules on `prompt` and `prompt_v2`.
extension RequestRules {
    mutating func checkPrompts() {
        func promptPath() -> FieldPath { FieldPath.root.key("prompt") }
        func v2Path() -> FieldPath { FieldPath.root.key("prompt_v2") }
        let hasPrompt = isPresent(promptPath(), request.prompt)
        let hasV2 = isPresent(v2Path(), request.promptV2)
        let hasImage = isPresent(.root.key("image"), request.image)
        switch mode {
        case .general:
            if hasPrompt && hasV2 {
                issues.invalid(v2Path(), "prompt and prompt_v2 are mutually exclusive; give only one")
            } else if hasImage && !hasPrompt {
                issues.notProvided(promptPath(), "required with image: the prompt, with <@name> placeholders for every image or none")
            } else if !hasPrompt && !hasV2 {
                issues.notProvided(promptPath(), "general analysis needs a prompt (or prompt_v2 with \(revision.models(with: .promptV2)))" + modeNote)
            }
        case .timeBasedMetadata:
            let message = "not supported when analysis_mode is time_based_metadata; describe the segments in response_format.segment_definitions"
            if hasPrompt { issues.invalid(promptPath(), message) }
            if hasV2 { issues.invalid(v2Path(), message) }
        case nil:
            if hasPrompt && hasV2 {
                issues.invalid(v2Path(), "prompt and prompt_v2 are mutually exclusive; give only one")
            }
        }
        if let prompt = request.prompt {
            requireNonEmpty(prompt, at: promptPath(), blank: true)
            if let limit = traits?.promptTokenLimit { checkPromptLength(prompt, limit: limit, at: promptPath()) }
        }
        if let promptV2 = request.promptV2 { checkPromptV2(promptV2, at: v2Path()) }
    }

    private mutating func checkPromptLength(_ prompt: String, limit: Int, at path: @autoclosure () -> FieldPath) {
        let count = PromptTokenEstimate(prompt)
        let shown = MessageText.grouped(limit)
        let name = model?.rawValue ?? "the model"
        if count.lowerBound > limit {
            issues.invalid(path(), "is at least \(MessageText.grouped(count.lowerBound)) tokens (a lower bound), over the \(shown)-token limit of \(name)")
        } else if count.estimate >= PromptTokenEstimate.warningThreshold(limit) {
            issues.warning(path(), "is about \(MessageText.grouped(count.estimate)) tokens by a conservative estimate, close to the \(shown)-token limit of \(name); the API may reject it")
        }
    }

    private mutating func checkPromptV2(_ prompt: PromptV2, at path: @autoclosure () -> FieldPath) {
        if lacks(.promptV2) {
            issues.invalid(path(), requiresModel(.promptV2))
        }
        func textPath() -> FieldPath { path().key("input_text") }
        if prompt.inputText == nil && !issues.isUnusable(textPath()) {
            issues.notProvided(textPath(), "required: the text of the prompt")
        }
        requireNonEmpty(prompt.inputText, at: textPath(), blank: true)
        func sourcesPath() -> FieldPath { path().key("media_sources") }
        let declared = prompt.mediaSources.map { checkMediaSources($0, at: sourcesPath()) } ?? []
        guard let text = prompt.inputText else { return }
        let referenced = Self.placeholders(in: text)
        let referencedNames = Set(referenced)
        let declaredNames = Set(declared.map(\.name))
        var reported: Set<String> = []
        for name in referenced where !declaredNames.contains(name) && reported.insert(name).inserted {
            let shown = declared.prefix(8).map { MessageText.inline($0.name) }.joined(separator: ", ") + (declared.count > 8 ? ", ..." : "")
            let known = declared.isEmpty ? "media_sources declares none" : "declared: " + shown
            issues.invalid(textPath(), "placeholder <@\(MessageText.inline(name))> names no media source; \(known)")
        }
        for source in declared where !referencedNames.contains(source.name) {
            issues.warning(sourcesPath().index(source.index).key("name"),
                           "media source \(MessageText.quoted(source.name)) is never referenced: input_text has no <@\(MessageText.inline(source.name))> placeholder")
        }
    }

    /// The names of the `<@name>` placeholders in `text`, in order of appearance.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "<" && scalars[index + 1] == "@" else {
                index += 1
                continue
            }
            var end = index + 2
            while end < scalars.count && scalars[end] != ">" && scalars[end] != "<" { end += 1 }
            if end < scalars.count && scalars[end] == ">" {
                names.append(String(String.UnicodeScalarView(scalars[(index + 2)..<end])))
                index = end + 1
            } else {
                index += 2
            }
        }
        return names
    }
}
