/// Rules on reference images (`prompt_v2.media_sources`, `segment_definitions[].media_sources`).
extension RequestRules {
    /// The most media sources a prompt or a segment definition may declare.
    static let maxMediaSources = 4

    /// Checks a `media_sources` list; returns the usable names with their element index.
    mutating func checkMediaSources(_ sources: [MediaSource], at path: @autoclosure () -> FieldPath) -> [(name: String, index: Int)] {
        if sources.count > Self.maxMediaSources {
            issues.invalid(path(), "has \(sources.count) sources; at most \(Self.maxMediaSources) are allowed")
        }
        var names: [(name: String, index: Int)] = []
        var firstIndex = FirstIndex()
        for (index, source) in sources.enumerated() {
            func sourcePath() -> FieldPath { path().index(index) }
            if issues.isUnusable(sourcePath()) { continue }
            func namePath() -> FieldPath { sourcePath().key("name") }
            if let name = source.name {
                if name.isEmpty {
                    issues.invalid(namePath(), "must not be empty")
                } else if let first = firstIndex.seen(name, at: index) {
                    issues.invalid(namePath(), "duplicate name \(MessageText.quoted(name)): \(path().index(first).text) has it already; names must be unique")
                } else {
                    names.append((name, index))
                }
            } else if !issues.isUnusable(namePath()) {
                issues.notProvided(namePath(), "required: the name that <@name> placeholders refer to")
            }
            if !isPresent(sourcePath().key("media_type"), source.mediaType) {
                issues.notProvided(sourcePath().key("media_type"), "required: image")
            }
            let fields: [(String, String?)] = [("url", source.url), ("asset_id", source.assetID), ("base64_string", source.base64String)]
            var given: [String] = []
            for (key, value) in fields where isPresent(sourcePath().key(key), value) {
                if let first = given.first {
                    issues.invalid(sourcePath().key(key), "a media source has exactly one of url, asset_id, base64_string; \(first) is already set")
                } else {
                    checkSourceValue(key, value, at: sourcePath(), megabytes: revision.mediaSourceMegabytes)
                }
                given.append(key)
            }
            if given.isEmpty {
                issues.notProvided(sourcePath(), "needs exactly one of url, asset_id, base64_string")
            }
        }
        return names
    }
}
