/// Cuts the segments of a time_based_metadata task into an HLS WebVTT
/// rendition (the core of `analyze_segments_hls`): a media playlist, one
/// WebVTT file per target duration, and the `#EXT-X-MEDIA` line a master
/// playlist needs, so a player loads the analysis as a metadata track.
///
/// `body` is a task body or a normalized task (normalizing it again gives the
/// same segments); it is read exactly as `exportSegments` reads it. The cues
/// are the ones `exportSegments` writes as WebVTT (same numbers, timings and
/// payloads); a cue appears in every segment its time range overlaps.
///
/// Options (JSON object, all optional): `request` (see `ResultOptions`),
/// `target_duration`, `timestamp_offset`, `duration`, `segment_prefix`,
/// `playlist_uri`, `group_id`, `name`, `part` and `segment` (see `HLSOptions`).
///
/// With `part` "all" the output is the JSON object
/// `{"media","playlist","segments":[{"uri","duration","vtt"}]}`; with
/// "playlist", "media" or "segment" it is that text alone.
///
/// Throws `.invalidArgument` for bad options, a rendition that would need more
/// than `HLSExport.maxSegments` segments, or (part "all") more than
/// `HLSExport.maxOutputBytes` of text; otherwise as `exportSegments`.
public func exportHLS(_ body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
    let options = try ResultOptions.parse(rawOptions, allowed: ["request"] + HLSOptions.keys)
    let hls = try HLSOptions.parse(rawOptions)
    let document = try JSONDocument.parse(body)
    let task = try TaskNormalizer(options: options).prepare(document.root, path: "")
    let normalized = try JSONDocument.parse(task.bytes(capacity: outputCapacity(body.count)))
    let segments = try SegmentsExport.segments(of: normalized.root)
    let videoDuration = SegmentsExport.videoDuration(normalized: normalized.root, input: document.root)
    let rendition = try HLSExport(segments: segments, options: hls, videoDuration: videoDuration)
    switch hls.part {
    case .all: return try rendition.all()
    case .playlist: return Array(rendition.playlist().utf8)
    case .media: return Array(rendition.mediaLine().utf8)
    case .segment: return Array(try rendition.segment(hls.segment ?? 0).utf8)
    }
}

/// A rendition ready to be written: the cues and the segment grid.
struct HLSExport {
    /// Most segments a rendition may have (a day of video cut at one second is 86,400).
    static let maxSegments = 100_000
    /// Most bytes of text the "all" part may write (cues are repeated per segment).
    static let maxOutputBytes = 256 * 1024 * 1024

    let options: HLSOptions
    let notes: [String]
    let cues: [SegmentsExport.Cue]
    /// The end of the rendition in seconds: the media duration or the last cue's end, whichever is later.
    let end: Double
    /// How many segments of `options.targetDuration` cover `end` (at least one).
    let count: Int

    /// Lays the grid over `segments`; fails when it would need more than `maxSegments`.
    init(segments: JSONValue, options: HLSOptions, videoDuration: Double?) throws(AnalyzeError) {
        self.options = options
        (notes, cues) = SegmentsExport.cues(segments)
        var end = options.duration ?? videoDuration.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 0
        for cue in cues where cue.end > end { end = cue.end }
        self.end = end
        let target = Double(options.targetDuration)
        let needed = (end / target).rounded(.up)
        guard needed <= Double(Self.maxSegments) else {
            throw AnalyzeError(.invalidArgument, "the rendition would need \(Int(needed)) segments of \(options.targetDuration) s for \(HLSExport.seconds(end)) s (at most \(Self.maxSegments)); choose a larger target_duration", path: "target_duration")
        }
        count = max(1, Int(needed))
    }

    /// The duration of segment `index` in seconds (the last one may be shorter;
    /// an empty rendition is one segment of the target duration).
    func duration(of index: Int) -> Double {
        let target = Double(options.targetDuration)
        let rest = end - Double(index) * target
        return rest > 0 ? min(target, rest) : target
    }

    /// The URI of segment `index`.
    func uri(of index: Int) -> String { options.segmentPrefix + String(index) + ".vtt" }

    /// The `#EXT-X-MEDIA` line for a master playlist (LF-terminated).
    func mediaLine() -> String {
        "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"\(options.groupID)\",NAME=\"\(options.name)\",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI=\"\(options.playlistURI)\"\n"
    }

    /// The media playlist: VOD, every segment with its EXTINF, then ENDLIST.
    func playlist() -> String {
        var text = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:\(options.targetDuration)\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n"
        for index in 0..<count {
            text += "#EXTINF:" + Self.seconds(duration(of: index)) + ",\n" + uri(of: index) + "\n"
        }
        return text + "#EXT-X-ENDLIST\n"
    }

    /// The WebVTT header of every segment: the X-TIMESTAMP-MAP that puts media
    /// time 0 at MPEG-TS time `timestamp_offset`, then (segment 0 only) the notes.
    private func header(_ index: Int) -> String {
        var text = "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:\(options.timestampOffset),LOCAL:00:00:00.000\n\n"
        if index == 0 { for note in notes { text += "NOTE " + note + "\n\n" } }
        return text
    }

    /// The segments `cue` overlaps, clamped to the grid.
    private func span(_ cue: SegmentsExport.Cue) -> ClosedRange<Int> {
        let target = Double(options.targetDuration)
        let first = min(count - 1, Int((cue.start / target).rounded(.down)))
        let last = min(count - 1, max(first, Int((cue.end / target).rounded(.up)) - 1))
        return first...last
    }

    private static func cueText(_ number: Int, _ cue: SegmentsExport.Cue) -> String {
        String(number) + "\n" + cue.timing + "\n" + cue.payload + "\n\n"
    }

    /// The WebVTT text of segment `index`: work is one pass over the cues.
    func segment(_ index: Int) throws(AnalyzeError) -> String {
        guard index < count else {
            throw AnalyzeError(.invalidArgument, "option segment is \(index) but the rendition has \(count) segment(s) (0 to \(count - 1))", path: "segment")
        }
        var text = header(index)
        for (offset, cue) in cues.enumerated() where span(cue).contains(index) {
            text += Self.cueText(offset + 1, cue)
        }
        return text
    }

    /// The whole rendition as JSON; the size is checked before anything is written.
    func all() throws(AnalyzeError) -> [UInt8] {
        var bytes = 0
        for (offset, cue) in cues.enumerated() {
            bytes += span(cue).count * (Self.cueText(offset + 1, cue).utf8.count + 16)
        }
        guard bytes <= Self.maxOutputBytes else {
            throw AnalyzeError(.invalidArgument, "the rendition would write about \(bytes) bytes of cues (at most \(Self.maxOutputBytes)); ask for one part at a time or choose a larger target_duration", path: "part")
        }
        var texts = (0..<count).map(header)
        for (offset, cue) in cues.enumerated() {
            let text = Self.cueText(offset + 1, cue)
            for index in span(cue) { texts[index] += text }
        }
        let list = texts.enumerated().map { index, vtt in
            jsonObject(("uri", .string(uri(of: index))), ("duration", .double(duration(of: index))), ("vtt", .string(vtt)))
        }
        return ResultValue.bytes(of: jsonObject(("media", .string(mediaLine())), ("playlist", .string(playlist())),
                                                ("segments", .array(list))))
    }

    /// Seconds with exactly three decimals (millisecond precision), as EXTINF wants them.
    static func seconds(_ value: Double) -> String {
        let millis = Int64((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return String(millis / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
