import Testing
@testable import AnalyzeCore

/// `exportHLS` over text.
func hls(_ body: String, _ options: String = "") throws(AnalyzeError) -> String {
    try runOnText(body, options: options) { body, options throws(AnalyzeError) in try exportHLS(body, options: options) }
}

/// The error `exportHLS` throws, or nil.
func hlsFailure(_ body: String, _ options: String = "") -> AnalyzeError? {
    do {
        _ = try hls(body, options)
        return nil
    } catch {
        return error
    }
}

@Suite("Response: HLS WebVTT rendition")
struct HLSExportTests {
    /// Cues at 1–3 s, 5–13 s (spans segments 1–3 of 4 s) and 12–12.5 s (segment 3), and one unusable segment.
    static let task = segmentTask(data: #"{"goal":[{"start_time":5,"end_time":13,"metadata":{"team":"x-->y","minute":1,"scorers":[],"kickoff":"00:00:00"}},{"start_time":1,"end_time":3,"metadata":{"team":"home","minute":0,"scorers":[],"kickoff":"00:00:00"}}],"card":[{"start_time":12,"end_time":12.5,"metadata":{"color":"red","serious":true,"at":12}},{"start_time":4,"end_time":4,"metadata":{"color":"red","serious":true,"at":4}}]}"#)
    /// The same task with a 30.25 s video (video_source.system_metadata.duration).
    static let withVideo = task.replacingOccurrences(#""status":"ready","#, #""status":"ready","video_source":{"type":"url","url":"https://e/v.mp4","system_metadata":{"duration":30.25}},"#)
    static let header = "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\n"
    static let cue1 = "1\n00:00:01.000 --> 00:00:03.000\n{\"definition\":\"goal\",\"metadata\":{\"team\":\"home\",\"minute\":0,\"scorers\":[],\"kickoff\":0.0}}\n\n"
    static let cue2 = "2\n00:00:05.000 --> 00:00:13.000\n{\"definition\":\"goal\",\"metadata\":{\"team\":\"x--\\u003ey\",\"minute\":1,\"scorers\":[],\"kickoff\":0.0}}\n\n"
    static let cue3 = "3\n00:00:12.000 --> 00:00:12.500\n{\"definition\":\"card\",\"metadata\":{\"color\":\"red\",\"serious\":true,\"at\":12.0}}\n\n"
    static let note = "NOTE skipped result.segments.card[1]: end_time is not after start_time\n\n"

    @Test func playlistCoversTheLastCueWithAShorterLastSegment() throws {
        #expect(try hls(Self.task, #"{"target_duration":4,"part":"playlist"}"#) == """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:4
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXTINF:4.000,
            segment0.vtt
            #EXTINF:4.000,
            segment1.vtt
            #EXTINF:4.000,
            segment2.vtt
            #EXTINF:1.000,
            segment3.vtt
            #EXT-X-ENDLIST

            """)
    }

    @Test func cuesRepeatInEverySegmentTheySpan() throws {
        let options = { (index: Int) in #"{"target_duration":4,"timestamp_offset":900000,"part":"segment","segment":\#(index)}"# }
        #expect(try hls(Self.task, options(0)) == Self.header + Self.note + Self.cue1)
        #expect(try hls(Self.task, options(1)) == Self.header + Self.cue2)
        #expect(try hls(Self.task, options(2)) == Self.header + Self.cue2)
        #expect(try hls(Self.task, options(3)) == Self.header + Self.cue2 + Self.cue3)
        #expect(hlsFailure(Self.task, options(4)) == AnalyzeError(.invalidArgument, "option segment is 4 but the rendition has 4 segment(s) (0 to 3)", path: "segment"))
    }

    @Test func allIsOneJSONObjectMatchingTheParts() throws {
        let all = try JSONDocument.parse(Array(try hls(Self.task, #"{"target_duration":4,"timestamp_offset":900000,"duration":20}"#).utf8)).root
        #expect(all.members.map(\.key) == ["media", "playlist", "segments"])
        #expect(all["media"]?.string == #"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="analysis",NAME="Analysis",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI="analysis.m3u8""# + "\n")
        #expect(all["playlist"]?.string == (try hls(Self.task, #"{"target_duration":4,"duration":20,"part":"playlist"}"#)))
        let segments = all["segments"]?.elements.map { ($0["uri"]?.string ?? "", $0["duration"]?.double ?? -1) }
        #expect(segments?.map(\.0) == ["segment0.vtt", "segment1.vtt", "segment2.vtt", "segment3.vtt", "segment4.vtt"])
        #expect(segments?.map(\.1) == [4, 4, 4, 4, 4])
        #expect(all["segments"]?.elements.map { $0["vtt"]?.string ?? "" } ==
                [Self.header + Self.note + Self.cue1, Self.header + Self.cue2, Self.header + Self.cue2,
                 Self.header + Self.cue2 + Self.cue3, Self.header])
    }

    @Test func namingOptionsShapeTheMediaLineAndURIs() throws {
        let options = #"{"part":"media","playlist_uri":"/hls/t/meta.m3u8","group_id":"meta","name":"Match events"}"#
        #expect(try hls(Self.task, options) == #"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="meta",NAME="Match events",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI="/hls/t/meta.m3u8""# + "\n")
        #expect(try hls(Self.task, #"{"part":"playlist","target_duration":20,"segment_prefix":"s/"}"#).contains("#EXTINF:13.000,\ns/0.vtt\n"))
    }

    @Test func theVideoDurationFromTheTaskExtendsTheGrid() throws {
        #expect(try hls(Self.withVideo, #"{"target_duration":10,"part":"playlist"}"#).hasSuffix("#EXTINF:10.000,\nsegment2.vtt\n#EXTINF:0.250,\nsegment3.vtt\n#EXT-X-ENDLIST\n"))
    }

    @Test func aTaskWithoutCuesIsOneEmptySegment() throws {
        let body = segmentTask(data: #"{"goal":[]}"#)
        #expect(try hls(body, #"{"part":"playlist"}"#).contains("#EXTINF:6.000,\nsegment0.vtt\n#EXT-X-ENDLIST\n"))
        #expect(try hls(body, #"{"part":"segment","segment":0}"#) == "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n")
    }

    @Test func badOptionsAreRefusedByName() {
        let cases: [(String, String)] = [
            (#"{"target_duration":0}"#, "target_duration"), (#"{"target_duration":86401}"#, "target_duration"),
            (#"{"target_duration":6.5}"#, "target_duration"), (#"{"target_duration":"6"}"#, "target_duration"),
            (#"{"timestamp_offset":-1}"#, "timestamp_offset"), (#"{"timestamp_offset":8589934592}"#, "timestamp_offset"),
            (#"{"duration":0}"#, "duration"), (#"{"duration":1e300}"#, "duration"), (#"{"duration":true}"#, "duration"),
            (#"{"segment_prefix":"a b"}"#, "segment_prefix"), (#"{"playlist_uri":"x\ny"}"#, "playlist_uri"),
            (#"{"group_id":""}"#, "group_id"), (#"{"name":"é"}"#, "name"), (#"{"name":"a\"b"}"#, "name"),
            (#"{"part":"video"}"#, "part"), (#"{"part":"segment"}"#, "segment"), (#"{"segment":0}"#, "segment"),
            (#"{"part":"segment","segment":-1}"#, "segment"), (#"{"colour":1}"#, "colour"),
        ]
        for (options, path) in cases {
            let failure = hlsFailure(Self.task, options)
            #expect(failure?.status == .invalidArgument, "\(options)")
            #expect(failure?.path == path, "\(options)")
        }
        #expect(hlsFailure(Self.task, #"{"target_duration":0}"#)?.message == "option target_duration must be an integer number of seconds from 1 to 86400, got 0")
    }

    @Test func hugeRenditionsAreRefusedBeforeAnyWork() {
        #expect(hlsFailure(Self.task, #"{"target_duration":1,"duration":3599999999}"#) ==
                AnalyzeError(.invalidArgument, "the rendition would need 3599999999 segments of 1 s for 3599999999.000 s (at most 100000); choose a larger target_duration", path: "target_duration"))
        // 100,000 one-second segments, every one of 3,000 cues spanning all of them: ~18 GB of text refused for "all"...
        var cues: [String] = []
        for _ in 0..<3000 { cues.append(#"{"start_time":0,"end_time":99999,"metadata":{"team":"home","minute":1,"scorers":[],"kickoff":"00:00:00"}}"#) }
        let wide = segmentTask(data: #"{"goal":["# + cues.joined(separator: ",") + "]}")
        #expect(hlsFailure(wide, #"{"target_duration":1}"#)?.path == "part")
        // ...while one segment of it is one pass over the cues.
        #expect((try? hls(wide, #"{"target_duration":1,"part":"segment","segment":99998}"#))?.hasSuffix("\n\n3000\n00:00:00.000 --> 27:46:39.000\n{\"definition\":\"goal\",\"metadata\":{\"team\":\"home\",\"minute\":1,\"scorers\":[],\"kickoff\":0.0}}\n\n") == true)
    }

    @Test func aNormalizedTaskGivesTheSameRenditionAsItsBody() throws {
        let text = try normalizedTask(Self.withVideo)
        #expect(try hls(text, #"{"target_duration":4}"#) == (try hls(Self.withVideo, #"{"target_duration":4}"#)))
        #expect(try hls(text, #"{"target_duration":4,"part":"playlist"}"#).hasSuffix("#EXTINF:2.250,\nsegment7.vtt\n#EXT-X-ENDLIST\n"))
    }

    @Test func tasksWithoutSegmentsAreRefusedAsForExport() {
        #expect(hlsFailure(ResponseTaskTests.queued) == AnalyzeError(.malformedResponse, "the task has no result (status is queued)", path: "result"))
        #expect(hlsFailure("[1")?.status == .malformedJSON)
    }
}
