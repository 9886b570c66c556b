/// The HLS options of `exportHLS`, read from the same JSON object as its
/// `request` option. Absent or `null` members take the defaults; a wrong type
/// or value is `.invalidArgument` naming the key in the message and the path.
public struct HLSOptions: Sendable, Equatable {
    /// What `exportHLS` writes.
    public enum Part: String, Sendable, CaseIterable {
        /// `{"media","playlist","segments":[{"uri","duration","vtt"}]}`.
        case all
        /// The media playlist text.
        case playlist
        /// The `#EXT-X-MEDIA` line (LF-terminated).
        case media
        /// One segment's WebVTT text (the one named by `segment`).
        case segment
    }

    /// The keys this struct reads (besides `request`).
    static let keys = ["target_duration", "timestamp_offset", "duration", "segment_prefix", "playlist_uri",
                       "group_id", "name", "part", "segment"]
    /// Largest target duration, in seconds (one day).
    static let maxTargetDuration: Int64 = 86_400
    /// Largest MPEG-TS timestamp (33 bits of 90 kHz ticks).
    static let maxTimestampOffset: Int64 = (1 << 33) - 1
    /// Largest media duration, in seconds (the range of WebVTT timestamps the library writes).
    static let maxDuration = 3_600_000_000.0
    /// Longest URI, group id or name, in bytes.
    static let maxTextBytes = 1024

    /// `target_duration`: seconds per segment, an integer 1...86400 (default 6).
    public var targetDuration: Int64 = 6
    /// `timestamp_offset`: the MPEG-TS time (90 kHz) of media time 0, 0...2^33-1 (default 0).
    public var timestampOffset: Int64 = 0
    /// `duration`: the media's length in seconds (> 0); default the task's
    /// `video_source.duration`. The rendition always reaches the last cue's end.
    public var duration: Double?
    /// `segment_prefix`: segment N is `<prefix>N.vtt` (default "segment").
    public var segmentPrefix = "segment"
    /// `playlist_uri`: the media playlist's URI in the `#EXT-X-MEDIA` line (default "analysis.m3u8").
    public var playlistURI = "analysis.m3u8"
    /// `group_id`: the GROUP-ID the video variants name in SUBTITLES= (default "analysis").
    public var groupID = "analysis"
    /// `name`: the rendition's NAME (default "Analysis").
    public var name = "Analysis"
    /// `part`: "all" (default), "playlist", "media" or "segment".
    public var part = Part.all
    /// `segment`: the index written with part "segment" (required then, refused otherwise).
    public var segment: Int?

    /// Defaults.
    public init() {}

    /// Reads the HLS members of the options object `bytes` (unknown keys are
    /// left to `ResultOptions.parse`, which runs first).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(AnalyzeError) -> HLSOptions {
        var options = HLSOptions()
        guard bytes.count > 0 else { return options }
        let root = try JSONDocument.parse(bytes).root
        guard root.kind == .object else { return options }
        for (key, value) in root.members where !value.isNull {
            switch key {
            case "target_duration":
                options.targetDuration = try integer(value, key, 1...maxTargetDuration, "an integer number of seconds")
            case "timestamp_offset":
                options.timestampOffset = try integer(value, key, 0...maxTimestampOffset, "an integer of 90 kHz MPEG-TS ticks")
            case "duration":
                guard let seconds = value.double, value.kind != .bool, seconds > 0, seconds < maxDuration else {
                    throw AnalyzeError(.invalidArgument, "option duration must be a number of seconds above 0 and below \(Int64(maxDuration)), got \(MessageText.value(value))", path: key)
                }
                options.duration = seconds
            case "segment_prefix": options.segmentPrefix = try text(value, key, spaces: false)
            case "playlist_uri": options.playlistURI = try text(value, key, spaces: false)
            case "group_id": options.groupID = try text(value, key, spaces: false)
            case "name": options.name = try text(value, key, spaces: true)
            case "part":
                guard let name = value.string, let part = Part(rawValue: name) else {
                    throw AnalyzeError(.invalidArgument, "option part must be one of all, playlist, media, segment, got \(MessageText.value(value))", path: key)
                }
                options.part = part
            case "segment":
                options.segment = Int(try integer(value, key, 0...Int64(HLSExport.maxSegments - 1), "a segment index"))
            default:
                break
            }
        }
        if options.part == .segment, options.segment == nil {
            throw AnalyzeError(.invalidArgument, "option segment is required when part is \"segment\"", path: "segment")
        }
        if options.part != .segment, options.segment != nil {
            throw AnalyzeError(.invalidArgument, "option segment is only allowed when part is \"segment\"", path: "segment")
        }
        return options
    }

    private static func integer(_ value: JSONNode, _ key: String, _ range: ClosedRange<Int64>, _ what: String) throws(AnalyzeError) -> Int64 {
        guard value.kind == .integer, let number = value.int64, range.contains(number) else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be \(what) from \(range.lowerBound) to \(range.upperBound), got \(MessageText.value(value))", path: key)
        }
        return number
    }

    /// A playlist attribute or URI: 1...1024 bytes of printable ASCII without
    /// `"` (and without spaces unless `spaces`), so it can never break a line or a quoted value.
    private static func text(_ value: JSONNode, _ key: String, spaces: Bool) throws(AnalyzeError) -> String {
        let lowest: UInt8 = spaces ? 0x20 : 0x21
        guard let text = value.string, !text.utf8.isEmpty, text.utf8.count <= maxTextBytes,
              text.utf8.allSatisfy({ $0 >= lowest && $0 <= 0x7E && $0 != UInt8(ascii: "\"") }) else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be 1 to \(maxTextBytes) bytes of printable ASCII without \"\(spaces ? "" : " or spaces"), got \(value.kind == .string ? "an unusable string" : MessageText.value(value))", path: key)
        }
        return text
    }
}
