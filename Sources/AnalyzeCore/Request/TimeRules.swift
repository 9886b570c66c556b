/// Rules on times: segment durations, the analysis window and `time_ranges`.
extension RequestRules {
    /// The shortest analysis window (`end_time - start_time`), in seconds.
    static let minimumClip = 4.0
    /// The shortest time range and segment duration, in seconds.
    static let minimumSegment = 2.0

    /// `min_segment_duration` / `max_segment_duration`: ≥ 2, max ≥ min, pegasus1.5 + time_based_metadata.
    mutating func checkSegmentDurations() {
        let values: [(String, Double?)] = [("min_segment_duration", request.minSegmentDuration),
                                           ("max_segment_duration", request.maxSegmentDuration)]
        for (key, value) in values {
            let path = FieldPath.root.key(key)
            guard isPresent(path, value) else { continue }
            if model == .pegasus1_2 || mode == .general {
                issues.invalid(path, "requires model_name pegasus1.5 and analysis_mode time_based_metadata" + notes)
            }
            if let value, !(value >= Self.minimumSegment) {
                issues.invalid(path, "must be at least 2 seconds; got \(MessageText.number(value))")
            }
        }
        if let minimum = request.minSegmentDuration, let maximum = request.maxSegmentDuration, maximum < minimum {
            issues.invalid(.root.key("max_segment_duration"),
                           "must be greater than or equal to min_segment_duration (\(MessageText.number(minimum))); got \(MessageText.number(maximum))")
        }
    }

    private var notes: String {
        var notes: [String] = []
        if model == .pegasus1_2 && request.modelName == nil { notes.append("model_name defaults to pegasus1.2") }
        if mode == .general && request.analysisMode == nil { notes.append("analysis_mode defaults to general") }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    }

    /// `start_time` / `end_time`: pegasus1.5, start ≥ 0, end > start, clip ≥ 4 s, within the video duration.
    mutating func checkAnalysisWindow() {
        let startPath = FieldPath.root.key("start_time")
        let endPath = FieldPath.root.key("end_time")
        for (path, value) in [(startPath, request.startTime), (endPath, request.endTime)] where isPresent(path, value) {
            if model == .pegasus1_2 {
                issues.invalid(path, "requires model_name pegasus1.5" + modelNote)
            }
        }
        let start = request.startTime
        let duration = options.videoDuration
        if let start {
            if !(start >= 0) {
                issues.invalid(startPath, "must be at least 0; got \(MessageText.number(start))")
            } else if let duration, start >= duration {
                issues.invalid(startPath, "must be less than the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(start))")
            } else if let duration, request.endTime == nil, !issues.isUnusable(endPath), duration - start < Self.minimumClip {
                issues.invalid(startPath, "leaves a clip of \(MessageText.number(duration - start)) s up to the end of the video (\(MessageText.number(duration)) s); the clip must be at least 4 seconds")
            }
        }
        if let end = request.endTime {
            let from = start ?? 0
            let defaulted = start == nil ? " (start_time defaults to 0)" : ""
            if !(end > from) {
                issues.invalid(endPath, "must be greater than start_time (\(MessageText.number(from)))\(defaulted); got \(MessageText.number(end))")
            } else if end - from < Self.minimumClip {
                issues.invalid(endPath, "the clip end_time - start_time is \(MessageText.number(end - from)) s; it must be at least 4 seconds\(defaulted)")
            }
            if let duration, end > duration {
                issues.invalid(endPath, "must not exceed the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(end))")
            }
        }
    }

    /// `time_ranges` of one segment definition.
    mutating func checkTimeRanges(_ ranges: [TimeRange], at path: FieldPath) {
        let window = ["start_time", "end_time"].filter { key in
            isPresent(.root.key(key), key == "start_time" ? request.startTime : request.endTime)
        }
        if !window.isEmpty {
            issues.invalid(path, "cannot be combined with the top-level \(window.joined(separator: " and ")); use one or the other")
        }
        let durations = ["min_segment_duration", "max_segment_duration"].filter { key in
            isPresent(.root.key(key), key == "min_segment_duration" ? request.minSegmentDuration : request.maxSegmentDuration)
        }
        if !durations.isEmpty {
            issues.invalid(path, "cannot be combined with \(durations.joined(separator: " and ")); use one or the other")
        }
        var usable: [(start: Double, end: Double, index: Int)] = []
        for (index, range) in ranges.enumerated() {
            let rangePath = path.index(index)
            if issues.isUnusable(rangePath) { continue }
            for (key, value) in [("start_time", range.startTime), ("end_time", range.endTime)] where !isPresent(rangePath.key(key), value) {
                issues.notProvided(rangePath.key(key), "required: seconds from the start of the video")
            }
            if let start = range.startTime, !(start >= 0) {
                issues.invalid(rangePath.key("start_time"), "must be at least 0; got \(MessageText.number(start))")
            }
            if let start = range.startTime, let duration = options.videoDuration, start >= duration {
                issues.invalid(rangePath.key("start_time"), "must be less than the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(start))")
            }
            if let end = range.endTime, let duration = options.videoDuration, end > duration {
                issues.invalid(rangePath.key("end_time"), "must not exceed the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(end))")
            }
            guard let start = range.startTime, let end = range.endTime else { continue }
            if !(end > start) {
                issues.invalid(rangePath.key("end_time"), "must be greater than start_time (\(MessageText.number(start))); got \(MessageText.number(end))")
            } else if end - start < Self.minimumSegment {
                issues.invalid(rangePath.key("end_time"), "must be at least 2 seconds after start_time (\(MessageText.number(start))); got \(MessageText.number(end))")
            } else {
                usable.append((start, end, index))
            }
        }
        usable.sort { $0.start != $1.start ? $0.start < $1.start : $0.index < $1.index }
        var reach: (end: Double, index: Int)? = nil
        for range in usable {
            if let previous = reach, range.start < previous.end {
                issues.invalid(path.index(range.index), "overlaps \(path.index(previous.index).text); time ranges of a definition may touch but not overlap")
            }
            if range.end > (reach?.end ?? -Double.infinity) { reach = (range.end, range.index) }
        }
    }
}
