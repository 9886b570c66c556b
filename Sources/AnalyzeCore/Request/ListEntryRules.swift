/// Rules shared by the entries of a request's lists: a unique name (definition
/// ids, field names, image and media source names) and exactly one source of
/// an image (`image[]`, `media_sources[]`).
extension RequestRules {
    /// Checks the name (or id) of entry `index` of the list at `list`: present
    /// (else `required`), not empty, of the form `form` allows (nil: any; else
    /// it returns the message of what is wrong) and not seen before in `seen`
    /// (`duplicate <noun> "x": list[i] has it already; <rule>`). True when the
    /// name is new and well formed.
    @discardableResult
    mutating func checkUniqueName(_ name: String?, at path: @autoclosure () -> FieldPath,
                                  entry index: Int, of list: @autoclosure () -> FieldPath, seen: inout FirstIndex,
                                  noun: String, rule: @autoclosure () -> String, required: String,
                                  form: ((String) -> String?)? = nil) -> Bool {
        guard let name else {
            if !issues.isUnusable(path()) { issues.notProvided(path(), required) }
            return false
        }
        if name.isEmpty {
            issues.invalid(path(), "must not be empty")
        } else if let problem = form?(name) {
            issues.invalid(path(), problem)
        } else if let first = seen.seen(name, at: index) {
            issues.invalid(path(), "duplicate \(noun) \(MessageText.quoted(name)): \(list().index(first).text) has it already; \(rule())")
        } else {
            return true
        }
        return false
    }

    /// Checks that the image at `path` (`owner`: "an image", "a media source")
    /// gives exactly one of `url`, `asset_id`, `base64_string`, and checks that
    /// one as `checkSourceValue` does with `megabytes`, `unpadded` and `https`.
    mutating func checkImageSource(url: String?, assetID: String?, base64String: String?, at path: FieldPath,
                                   owner: String, megabytes: Int, unpadded: Bool = false, https: Bool = false) {
        let fields: [(String, String?)] = [("url", url), ("asset_id", assetID), ("base64_string", base64String)]
        var given: [String] = []
        for (key, value) in fields where isPresent(path.key(key), value) {
            if let first = given.first {
                issues.invalid(path.key(key), "\(owner) has exactly one of url, asset_id, base64_string; \(first) is already set")
            } else {
                checkSourceValue(key, value, at: path, megabytes: megabytes, unpadded: unpadded, https: https)
            }
            given.append(key)
        }
        if given.isEmpty {
            issues.notProvided(path, "needs exactly one of url, asset_id, base64_string")
        }
    }
}
