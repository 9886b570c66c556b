/// Rules on `image` (revision 2026-10): 1–20 images analyzed instead of a video.
extension RequestRules {
    /// How many images a request may hold.
    static let imageCount = 1...20
    /// The largest decoded `image[].base64_string`, in MB.
    static let imageMegabytes = 20

    /// Each image: a unique name of letters, digits and `_`, exactly one source
    /// (https URL, asset or base64 of at most 20 MB, padding optional); the
    /// request: `prompt` required, no `prompt_v2`, general mode, and the
    /// prompt's `<@name>` placeholders naming every image or none.
    mutating func checkImages() {
        guard let images = request.image else { return }
        let path = FieldPath.root.key("image")
        if !Self.imageCount.contains(images.count) {
            issues.invalid(path, "must have 1 to 20 images; has \(images.count)")
        }
        var firstIndex = FirstIndex()
        for (index, image) in images.enumerated() {
            let imagePath = path.index(index)
            if issues.isUnusable(imagePath) { continue }
            checkUniqueName(image.name, at: imagePath.key("name"), entry: index, of: path, seen: &firstIndex,
                            noun: "name", rule: "names must be unique",
                            required: "required: the name that <@name> placeholders in prompt refer to") { name in
                name.unicodeScalars.first { !Self.isImageNameScalar($0) }.map {
                    "may contain only letters, digits and _; \(MessageText.quoted(name)) has \(MessageText.quoted(String($0)))"
                }
            }
            checkImageSource(url: image.url, assetID: image.assetID, base64String: image.base64String, at: imagePath,
                             owner: "an image", megabytes: Self.imageMegabytes, unpadded: true, https: true)
        }
        if isPresent(.root.key("prompt_v2"), request.promptV2) {
            issues.invalid(.root.key("prompt_v2"), "cannot be combined with image; write <@name> placeholders in prompt instead")
        }
        if mode == .timeBasedMetadata {
            issues.invalid(path, "images are analyzed with analysis_mode general only (the API echoes image tasks as general)")
        }
        if let prompt = request.prompt { checkImagePlaceholders(prompt, names: images.compactMap(\.name)) }
    }

    /// `<@name>` placeholders in `prompt`: each names an image, and they name every image or none.
    private mutating func checkImagePlaceholders(_ prompt: String, names: [String]) {
        let path = FieldPath.root.key("prompt")
        let referenced = Self.placeholders(in: prompt)
        let declared = Set(names)
        var reported: Set<String> = []
        for name in referenced where !declared.contains(name) && reported.insert(name).inserted {
            issues.invalid(path, "placeholder <@\(MessageText.inline(name))> names no image")
        }
        let used = Set(referenced)
        let unreferenced = names.filter { !used.contains($0) }
        if !used.isDisjoint(with: declared) && !unreferenced.isEmpty {
            let shown = unreferenced.prefix(8).map { MessageText.quoted($0) }.joined(separator: ", ") + (unreferenced.count > 8 ? ", ..." : "")
            issues.invalid(path, "references some images but not \(shown); reference every image with <@name> or none")
        }
    }

    /// Letters, digits and `_` (ASCII).
    static func isImageNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || scalar == "_"
    }
}
