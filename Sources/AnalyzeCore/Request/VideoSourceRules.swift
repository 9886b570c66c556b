/// Rules on the video source and `custom_id`.
extension RequestRules {
    /// Exactly one source, of an input the model takes (`APIRevision`):
    /// `video_id` (pegasus1.2), `video`, or (revision 2026-10, pegasus1.6) `image`.
    mutating func checkVideoSource() {
        func videoIDPath() -> FieldPath { FieldPath.root.key("video_id") }
        func videoPath() -> FieldPath { FieldPath.root.key("video") }
        func imagePath() -> FieldPath { FieldPath.root.key("image") }
        let knowsVideoID = revision.requestFields.contains("video_id")
        let hasVideoID = knowsVideoID && isPresent(videoIDPath(), request.videoID)
        let hasVideo = isPresent(videoPath(), request.video)
        let hasImage = revision.requestFields.contains("image") && isPresent(imagePath(), request.image)
        if let traits, let model {
            let name = model.rawValue
            if traits.inputs == [.videoID] {
                if hasVideo && hasVideoID {
                    issues.invalid(videoPath(), "not supported by \(name), which analyzes a pre-indexed video named by video_id; give video_id or video, not both" + modelNote)
                } else if hasVideo {
                    issues.warning(videoPath(), "accepted, but the sources of revision \(revision.name) disagree: the brief says \(name) analyzes a pre-indexed video named by video_id, while the OpenAPI description requires video for every model; set model_name to \(revision.models(taking: .video)) if the API rejects it" + modelNote)
                } else if !hasVideoID {
                    issues.notProvided(videoIDPath(), "required: \(name) analyzes a pre-indexed video named by video_id" + modelNote)
                }
            } else {
                if hasVideoID {
                    issues.invalid(videoIDPath(), "not supported by \(name), which analyzes the video object; video_id names a pre-indexed video for \(revision.models(taking: .videoID))")
                }
                if hasImage && !traits.inputs.contains(.image) {
                    issues.invalid(imagePath(), "image requires model_name \(revision.models(taking: .image))" + modelNote)
                } else if hasImage && hasVideo {
                    issues.invalid(imagePath(), "cannot be combined with video: a request analyzes a video or 1 to 20 images, never both")
                }
                if !hasVideo && !hasImage && !hasVideoID {
                    let images = traits.inputs.contains(.image) ? " or 1 to 20 images in image" : ""
                    issues.notProvided(videoPath(), "required: \(name) analyzes the video object ({\"type\": \"url\", \"url\": ...}, asset_id or base64_string)\(images)")
                }
            }
        } else {
            let given = [hasVideoID ? "video_id" : nil, hasVideo ? "video" : nil, hasImage ? "image" : nil].compactMap { $0 }
            let choices = revision.requestFields.contains("image") ? "video or image (pegasus1.6)"
                : "video_id (\(revision.models(taking: .videoID))) or video (\(revision.models(taking: .video)))"
            if given.count > 1 {
                issues.invalid(FieldPath.root.key(given[0]), "give exactly one video source: \(choices)")
            } else if given.isEmpty {
                issues.notProvided(videoPath(), "a video source is required: \(choices)")
            }
        }
        if knowsVideoID { requireNonEmpty(request.videoID, at: videoIDPath()) }
        if let video = request.video { checkVideoObject(video, at: videoPath()) }
    }

    private mutating func checkVideoObject(_ video: VideoSource, at path: @autoclosure () -> FieldPath) {
        let sources: [(VideoSourceType, String?)] = [(.url, video.url), (.assetID, video.assetID), (.base64String, video.base64String)]
        guard let type = video.type else {
            if !issues.isUnusable(path().key("type")) {
                issues.notProvided(path().key("type"), "required: one of \(VideoSourceType.allowedList)")
            }
            for (kind, value) in sources { checkSourceValue(kind.rawValue, value, at: path()) }
            return
        }
        for (kind, value) in sources {
            func fieldPath() -> FieldPath { path().key(kind.rawValue) }
            if kind == type {
                if !isPresent(fieldPath(), value) {
                    issues.notProvided(fieldPath(), "required when type is \(type.rawValue)")
                }
                checkSourceValue(kind.rawValue, value, at: path())
            } else if isPresent(fieldPath(), value) {
                issues.invalid(fieldPath(), "not allowed when type is \(type.rawValue): a video has exactly one source")
            }
        }
    }

    /// Checks the value of a source field (`url`, `asset_id`, `base64_string`)
    /// of `owner`: base64 decoding to at most `megabytes` MB (padding optional
    /// with `unpadded`), and with `https` only https URLs.
    mutating func checkSourceValue(_ key: String, _ value: String?, at owner: @autoclosure () -> FieldPath,
                                   megabytes: Int = 30, unpadded: Bool = false, https: Bool = false) {
        guard let value else { return }
        let path = owner().key(key)
        switch key {
        case "url":
            if let problem = HTTPURLCheck.problem(value) {
                issues.invalid(path, problem)
            } else if https && !value.lowercased().hasPrefix("https://") {
                issues.invalid(path, "must be an https URL; the API rejects http:// here")
            }
        case "base64_string":
            let limit = Base64Check.limits(megabytes: megabytes)
            switch Base64Check.check(value, paddingOptional: unpadded) {
            case .invalid(let problem):
                issues.invalid(path, problem)
            case .valid(let size) where size > limit.max:
                issues.invalid(path, "decodes to \(MessageText.grouped(size)) bytes, over the \(megabytes) MB limit (\(MessageText.grouped(limit.max)) bytes)")
            case .valid(let size) where size > limit.warn:
                issues.warning(path, "decodes to \(MessageText.grouped(size)) bytes, over \(megabytes) MB if the API counts 1 MB as 1,000,000 bytes; it may be rejected")
            case .valid:
                break
            }
        default:
            requireNonEmpty(value, at: path)
        }
    }

    /// `custom_id`: 1–64 characters from `A–Z a–z 0–9 - _`.
    mutating func checkCustomID() {
        guard let customID = request.customID else { return }
        let path = FieldPath.root.key("custom_id")
        let scalars = Array(customID.unicodeScalars)
        if scalars.isEmpty {
            issues.invalid(path, "must not be empty: use 1-64 characters from A-Z a-z 0-9 - _, or omit custom_id")
            return
        }
        if scalars.count > 64 {
            issues.invalid(path, "is \(scalars.count) characters long; at most 64 are allowed")
        }
        for (offset, scalar) in scalars.enumerated() {
            let allowed = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
            if !allowed {
                issues.invalid(path, "contains \(MessageText.quoted(String(scalar))) at offset \(offset); only A-Z a-z 0-9 - _ are allowed")
                break
            }
        }
    }
}
