import Testing
@testable import AnalyzeCore

@Suite("Response: SVG timeline export")
struct SegmentsTimelineTests {
    /// One definition, one segment from 10 s to 20 s on a 40 s video: every
    /// element of the picture, exactly.
    @Test func oneSegmentIsOneBarAtItsTimes() throws {
        let body = segmentTask(data: #"{"goal":[{"start_time":10,"end_time":20,"metadata":{"team":"home","minute":1,"scorers":[],"kickoff":"00:00:00"}}],"card":[]}"#)
            .replacingFirst(#""status":"ready","#, with: #""status":"ready","video_source":{"type":"url","url":"https://x/v.mp4","system_metadata":{"duration":40}},"#)
        let svg = try exported(body, "svg")
        #expect(svg == """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="1000" height="156" viewBox="0 0 1000 156" font-family="sans-serif" font-size="12">
            <title>segments of task t</title>
            <desc>1 segments drawn, 0 without drawable times left out; axis 0 to 40.0 s</desc>
            <rect x="0" y="0" width="1000" height="156" fill="#ffffff"/>
            <text x="10" y="20" font-size="14" font-weight="bold">task t</text>
            <line x1="180" y1="50" x2="180" y2="128" stroke="#dddddd"/>
            <text x="180" y="46" text-anchor="middle" fill="#555555">0:00</text>
            <line x1="280" y1="50" x2="280" y2="128" stroke="#dddddd"/>
            <text x="280" y="46" text-anchor="middle" fill="#555555">0:05</text>
            <line x1="380" y1="50" x2="380" y2="128" stroke="#dddddd"/>
            <text x="380" y="46" text-anchor="middle" fill="#555555">0:10</text>
            <line x1="480" y1="50" x2="480" y2="128" stroke="#dddddd"/>
            <text x="480" y="46" text-anchor="middle" fill="#555555">0:15</text>
            <line x1="580" y1="50" x2="580" y2="128" stroke="#dddddd"/>
            <text x="580" y="46" text-anchor="middle" fill="#555555">0:20</text>
            <line x1="680" y1="50" x2="680" y2="128" stroke="#dddddd"/>
            <text x="680" y="46" text-anchor="middle" fill="#555555">0:25</text>
            <line x1="780" y1="50" x2="780" y2="128" stroke="#dddddd"/>
            <text x="780" y="46" text-anchor="middle" fill="#555555">0:30</text>
            <line x1="880" y1="50" x2="880" y2="128" stroke="#dddddd"/>
            <text x="880" y="46" text-anchor="middle" fill="#555555">0:35</text>
            <line x1="980" y1="50" x2="980" y2="128" stroke="#dddddd"/>
            <text x="980" y="46" text-anchor="middle" fill="#555555">0:40</text>
            <line x1="180" y1="128" x2="980" y2="128" stroke="#888888"/>
            <text x="172" y="78" text-anchor="end">goal (1)</text>
            <text x="172" y="114" text-anchor="end">card (0)</text>
            <g class="segment" data-definition="goal" data-start="10.0" data-end="20.0"><title>goal 10.0–20.0 s {&quot;team&quot;:&quot;home&quot;,&quot;minute&quot;:1,&quot;scorers&quot;:[],&quot;kickoff&quot;:0.0}</title><rect x="380" y="62" width="200" height="24" rx="3" fill="#1f77b4"/><text x="383" y="78" fill="#000000">home</text></g>
            </svg>

            """)
    }

    /// Without a known duration the axis ends at the last segment; segments
    /// that cannot be drawn are counted, not drawn; lanes keep result order.
    @Test func axisEndsAtTheLastSegmentAndSkipsUndrawable() throws {
        let svg = try exported(ResponseExportTests.task, "svg")
        #expect(svg.contains("<desc>3 segments drawn, 1 without drawable times left out; axis 0 to 65.25 s</desc>"))
        // 60 s → 180 + 800 * 60 / 65.25 = 915.6; 65.25 s → 980.
        #expect(svg.contains(#"data-start="60.0" data-end="65.25"><title>"#))
        #expect(svg.contains(##"<rect x="916" y="62" width="64" height="24" rx="3" fill="#1f77b4"/>"##))
        // The card lane (second) is red; 10 s → 302.6, 11 s → 314.9.
        #expect(svg.contains(##"<rect x="303" y="98" width="12" height="24" rx="3" fill="#d62728"/>"##))
        #expect(try #require(svg.firstRange(of: "goal (2)")).lowerBound < (try #require(svg.firstRange(of: "card (2)"))).lowerBound)
        // Markup in values is escaped: the goal whose team is "x-->y".
        #expect(svg.contains(">x--&gt;y</text>"))
    }

    /// A normalized task given as input (what analyze_task_parse and the CLI's
    /// wait print) keeps the video's axis: its duration is video_source.duration.
    @Test func aNormalizedTaskKeepsTheVideosDuration() throws {
        let body = segmentTask(data: #"{"goal":[{"start_time":10,"end_time":20,"metadata":{"team":"home","minute":1,"scorers":[],"kickoff":"00:00:00"}}],"card":[]}"#)
            .replacingFirst(#""status":"ready","#, with: #""status":"ready","video_source":{"type":"url","url":"https://x/v.mp4","system_metadata":{"duration":40}},"#)
        let normalized = try runOnText(body, options: "") { body, options throws(AnalyzeError) in try parseTask(body, options: options) }
        #expect(try exported(normalized, "svg") == exported(body, "svg"))
        #expect(try exported(normalized, "svg").contains("axis 0 to 40.0 s"))
    }

    /// A caption sits inside its bar when it fits, after a narrow bar, and
    /// before a narrow bar near the right edge, never past the picture.
    @Test func captionsAvoidTheirBarsAndTheEdge() {
        #expect(SegmentsTimeline.captionText("home", barX: 380, barWidth: 200, baseline: 78) == ##"<text x="383" y="78" fill="#000000">home</text>"##)
        #expect(SegmentsTimeline.captionText("home", barX: 380, barWidth: 4, baseline: 78) == ##"<text x="387" y="78" fill="#000000">home</text>"##)
        #expect(SegmentsTimeline.captionText("away", barX: 975, barWidth: 4, baseline: 78) == ##"<text x="972" text-anchor="end" y="78" fill="#000000">away</text>"##)
    }

    @Test func ticksAreRoundAndBounded() {
        #expect(SegmentsTimeline.tickStep(4) == 0.5)
        #expect(SegmentsTimeline.tickStep(65.25) == 10)
        #expect(SegmentsTimeline.tickStep(5423.5) == 600)
        #expect(SegmentsTimeline.tickStep(1e9) == 117_964_800)
        #expect(SegmentsTimeline.clock(3723, step: 600) == "1:02:03")
        #expect(SegmentsTimeline.clock(2.5, step: 0.5) == "0:02.5")
    }

    @Test func textIsEscapedForXML() {
        #expect(SegmentsTimeline.xmlText("a<b>&\"c'\u{1}\u{FFFE}\td") == "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}\u{FFFD}\td")
        #expect(SegmentsTimeline.shortened(String(repeating: "é", count: 30)) == String(repeating: "é", count: 23) + "…")
        #expect(SegmentsTimeline.caption(.object([JSONMember("list", .array([])), JSONMember("n", .int(3))])) == "3")
        #expect(SegmentsTimeline.caption(.object([])) == nil)
    }
}
