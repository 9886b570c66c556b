/// Rules on times: segment durations, the analysis window and `time_ranges`.
/// Durations are differences of the numbers as written (`DecimalDifference`).
extension RequestRules {
    /// The shortest time range and segment duration, in seconds.
    static let minimumSegment = 2.0

    /// `min_segment_duration` / `max_segment_duration`: ≥ 2, max ≥ min, time_based_metadata
    /// (and, in 2026-05, pegasus1.5).
    mutating func checkSegmentDurations() {
        let values: [(String, Double?)] = [("min_segment_duration", request.minSegmentDuration),
                                           ("max_segment_duration", request.maxSegmentDuration)]
        for (key, value) in values {
            func path() -> FieldPath { FieldPath.root.key(key) }
            guard isPresent(path(), value) else { continue }
            if lacks(.timeBasedMetadata) || mode == .general {
                let models = timeBasedModelClause.isEmpty ? "" : "model_name \(revision.models(with: .timeBasedMetadata)) and "
                issues.invalid(path(), "requires \(models)analysis_mode time_based_metadata" + notes)
            }
            if let value, !(value >= Self.minimumSegment) {
                issues.invalid(path(), "must be at least 2 seconds; got \(MessageText.number(value))")
            }
        }
        if let minimum = request.minSegmentDuration, let maximum = request.maxSegmentDuration, maximum < minimum {
            issues.invalid(.root.key("max_segment_duration"),
                           "must be greater than or equal to min_segment_duration (\(MessageText.number(minimum))); got \(MessageText.number(maximum))")
        }
    }

    private var notes: String {
        var notes: [String] = []
        if lacks(.timeBasedMetadata) && request.modelName == nil { notes.append("model_name defaults to \(revision.defaultModel.rawValue)") }
        if mode == .general && request.analysisMode == nil { notes.append("analysis_mode defaults to general") }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    }

    /// "end_time 13.999 − start_time 10 is 3.999 s": a clip as the user wrote it.
    private func clipText(end: Double, start: Double) -> String {
        "end_time \(MessageText.number(end)) − start_time \(MessageText.number(start)) is \(MessageText.number(DecimalDifference.of(end, start))) s"
    }

    /// The window limits of the revision, for messages: "at least 4 seconds", "between 1 second and 2 hours (7,200 s)".
    private var windowRule: String {
        let minimum = MessageText.number(revision.minimumWindow) + (revision.minimumWindow == 1 ? " second" : " seconds")
        guard let maximum = revision.maximumWindow else { return "at least \(minimum)" }
        return "between \(minimum) and \(MessageText.grouped(Int(maximum))) seconds (\(MessageText.number(maximum / 3600)) h)"
    }

    /// True when a window of `length` seconds is within the revision's limits.
    private func windowFits(_ length: Double) -> Bool {
        length >= revision.minimumWindow && revision.maximumWindow.map { length <= $0 } != false
    }

    /// `start_time` / `end_time`: a model with the window, start ≥ 0, end > start,
    /// a window within the revision's limits, within the video duration.
    mutating func checkAnalysisWindow() {
        func startPath() -> FieldPath { FieldPath.root.key("start_time") }
        func endPath() -> FieldPath { FieldPath.root.key("end_time") }
        for (path, value) in [(startPath(), request.startTime), (endPath(), request.endTime)] where isPresent(path, value) {
            if lacks(.analysisWindow) {
                issues.invalid(path, requiresModel(.analysisWindow))
            }
        }
        let start = request.startTime
        let duration = options.videoDuration
        if let start {
            if !(start >= 0) {
                issues.invalid(startPath(), "must be at least 0; got \(MessageText.number(start))")
            } else if let duration, start >= duration {
                issues.invalid(startPath(), "must be less than the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(start))")
            } else if let duration, request.endTime == nil, !issues.isUnusable(endPath()), !windowFits(DecimalDifference.of(duration, start)) {
                issues.invalid(startPath(), "leaves a clip of \(MessageText.number(DecimalDifference.of(duration, start))) s up to the end of the video (\(MessageText.number(duration)) s); the clip must be \(windowRule)")
            }
        }
        if let end = request.endTime {
            let from = start ?? 0
            let defaulted = start == nil ? " (\(revision.startTimeDefault))" : ""
            if !(end > from) {
                issues.invalid(endPath(), "must be greater than start_time (\(MessageText.number(from)))\(defaulted); got \(MessageText.number(end))")
            } else if !windowFits(DecimalDifference.of(end, from)) {
                issues.invalid(endPath(), "the clip \(clipText(end: end, start: from)); it must be \(windowRule)\(defaulted)")
            }
            if let duration, end > duration {
                issues.invalid(endPath(), "must not exceed the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(end))")
            }
        }
    }

    /// `time_ranges` of one segment definition.
    mutating func checkTimeRanges(_ ranges: [TimeRange], at path: @autoclosure () -> FieldPath) {
        let window = ["start_time", "end_time"].filter { key in
            isPresent(.root.key(key), key == "start_time" ? request.startTime : request.endTime)
        }
        if !window.isEmpty {
            issues.invalid(path(), "cannot be combined with the top-level \(window.joined(separator: " and ")); use one or the other")
        }
        let durations = ["min_segment_duration", "max_segment_duration"].filter { key in
            isPresent(.root.key(key), key == "min_segment_duration" ? request.minSegmentDuration : request.maxSegmentDuration)
        }
        if !durations.isEmpty {
            issues.invalid(path(), "cannot be combined with \(durations.joined(separator: " and ")); use one or the other")
        }
        var usable: [(start: Double, end: Double, index: Int)] = []
        for (index, range) in ranges.enumerated() {
            func rangePath() -> FieldPath { path().index(index) }
            if issues.isUnusable(rangePath()) { continue }
            for (key, value) in [("start_time", range.startTime), ("end_time", range.endTime)] where !isPresent(rangePath().key(key), value) {
                issues.notProvided(rangePath().key(key), "required: seconds from the start of the video")
            }
            if let start = range.startTime, !(start >= 0) {
                issues.invalid(rangePath().key("start_time"), "must be at least 0; got \(MessageText.number(start))")
            }
            if let start = range.startTime, let duration = options.videoDuration, start >= duration {
                issues.invalid(rangePath().key("start_time"), "must be less than the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(start))")
            }
            if let end = range.endTime, let duration = options.videoDuration, end > duration {
                issues.invalid(rangePath().key("end_time"), "must not exceed the video duration (\(MessageText.number(duration)) s); got \(MessageText.number(end))")
            }
            guard let start = range.startTime, let end = range.endTime else { continue }
            if !(end > start) {
                issues.invalid(rangePath().key("end_time"), "must be greater than start_time (\(MessageText.number(start))); got \(MessageText.number(end))")
            } else if DecimalDifference.of(end, start) < Self.minimumSegment {
                issues.invalid(rangePath().key("end_time"), "must be at least 2 seconds after start_time: \(clipText(end: end, start: start))")
            } else {
                usable.append((start, end, index))
            }
        }
        usable.sort { $0.start != $1.start ? $0.start < $1.start : $0.index < $1.index }
        var reach: (end: Double, index: Int)? = nil
        for range in usable {
            if let previous = reach, range.start < previous.end {
                issues.invalid(path().index(range.index), "overlaps \(path().index(previous.index).text); time ranges of a definition may touch but not overlap")
            }
            if range.end > (reach?.end ?? -Double.infinity) { reach = (range.end, range.index) }
        }
    }
}
