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
            if checkUniqueName(source.name, at: sourcePath().key("name"), entry: index, of: path(), seen: &firstIndex,
                               noun: "name", rule: "names must be unique",
                               required: "required: the name that <@name> placeholders refer to"), let name = source.name {
                names.append((name, index))
            }
            if !isPresent(sourcePath().key("media_type"), source.mediaType) {
                issues.notProvided(sourcePath().key("media_type"), "required: image")
            }
            checkImageSource(url: source.url, assetID: source.assetID, base64String: source.base64String, at: sourcePath(),
                             owner: "a media source", megabytes: revision.mediaSourceMegabytes)
        }
        return names
    }
}
