/// Rules on the video source and `custom_id`.
extension RequestRules {
    /// Exactly one source: `video_id` for pegasus1.2, `video` for pegasus1.5.
    mutating func checkVideoSource() {
        let videoIDPath = FieldPath.root.key("video_id")
        let videoPath = FieldPath.root.key("video")
        let hasVideoID = isPresent(videoIDPath, request.videoID)
        let hasVideo = isPresent(videoPath, request.video)
        switch model {
        case .pegasus1_2:
            if hasVideo {
                issues.invalid(videoPath, "not supported by pegasus1.2, which analyzes a pre-indexed video named by video_id; set model_name to pegasus1.5 to analyze a video object" + modelNote)
            } else if !hasVideoID {
                issues.notProvided(videoIDPath, "required: pegasus1.2 analyzes a pre-indexed video named by video_id" + modelNote)
            }
        case .pegasus1_5:
            if hasVideoID {
                issues.invalid(videoIDPath, "not supported by pegasus1.5, which analyzes the video object; video_id names a pre-indexed video for pegasus1.2")
            } else if !hasVideo {
                issues.notProvided(videoPath, "required: pegasus1.5 analyzes the video object ({\"type\": \"url\", \"url\": ...}, asset_id or base64_string)")
            }
        case nil:
            if hasVideoID && hasVideo {
                issues.invalid(videoIDPath, "give exactly one video source: video_id (pegasus1.2) or video (pegasus1.5)")
            } else if !hasVideoID && !hasVideo {
                issues.notProvided(videoPath, "a video source is required: video_id (pegasus1.2) or video (pegasus1.5)")
            }
        }
        requireNonEmpty(request.videoID, at: videoIDPath)
        if let video = request.video { checkVideoObject(video, at: videoPath) }
    }

    private mutating func checkVideoObject(_ video: VideoSource, at path: FieldPath) {
        let sources: [(VideoSourceType, String?)] = [(.url, video.url), (.assetID, video.assetID), (.base64String, video.base64String)]
        guard let type = video.type else {
            if !issues.isUnusable(path.key("type")) {
                issues.notProvided(path.key("type"), "required: one of \(VideoSourceType.allowedList)")
            }
            for (kind, value) in sources { checkSourceValue(kind.rawValue, value, at: path) }
            return
        }
        for (kind, value) in sources {
            let fieldPath = path.key(kind.rawValue)
            if kind == type {
                if !isPresent(fieldPath, value) {
                    issues.notProvided(fieldPath, "required when type is \(type.rawValue)")
                }
                checkSourceValue(kind.rawValue, value, at: path)
            } else if isPresent(fieldPath, value) {
                issues.invalid(fieldPath, "not allowed when type is \(type.rawValue): a video has exactly one source")
            }
        }
    }

    /// Checks the value of a source field (`url`, `asset_id`, `base64_string`) of `owner`.
    mutating func checkSourceValue(_ key: String, _ value: String?, at owner: FieldPath) {
        guard let value else { return }
        let path = owner.key(key)
        switch key {
        case "url":
            if let problem = HTTPURLCheck.problem(value) { issues.invalid(path, problem) }
        case "base64_string":
            switch Base64Check.check(value) {
            case .invalid(let problem):
                issues.invalid(path, problem)
            case .valid(let size) where size > Base64Check.maxDecodedBytes:
                issues.invalid(path, "decodes to \(MessageText.grouped(size)) bytes, over the 30 MB limit (\(MessageText.grouped(Base64Check.maxDecodedBytes)) bytes)")
            case .valid(let size) where size > Base64Check.warnDecodedBytes:
                issues.warning(path, "decodes to \(MessageText.grouped(size)) bytes, over 30 MB if the API counts 1 MB as 1,000,000 bytes; it may be rejected")
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
