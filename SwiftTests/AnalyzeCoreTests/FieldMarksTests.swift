import Testing
@testable import AnalyzeCore

@Suite("Segments: field marks")
struct FieldMarksTests {
    @Test func marksBelowAndAbove64() {
        var marks = FieldMarks(count: 70)
        for index in 0..<70 where index != 3 && index != 66 { marks.mark(index) }
        #expect(!marks.isComplete)
        #expect((0..<70).filter { !marks.contains($0) } == [3, 66])
        marks.mark(3)
        #expect(!marks.isComplete)
        marks.mark(66)
        #expect(marks.isComplete)
        // Indices outside the fields are ignored and never marked.
        marks.mark(70)
        marks.mark(-1)
        #expect(!marks.contains(70) && !marks.contains(-1))
        marks.clear()
        #expect((0..<70).allSatisfy { !marks.contains($0) })
    }

    @Test func exactlyFullWordsAndNone() {
        var word = FieldMarks(count: 64)
        for index in 0..<63 { word.mark(index) }
        #expect(!word.isComplete && !word.contains(63))
        word.mark(63)
        #expect(word.isComplete)
        // Field 64 does not exist: marking it leaves the marks as they were.
        word.mark(64)
        #expect(word.isComplete && !word.contains(64))
        let none = FieldMarks(count: 0)
        #expect(none.isComplete && !none.contains(0))
        var small = FieldMarks(count: 3)
        small.mark(0)
        small.mark(2)
        #expect(!small.isComplete && small.contains(2) && !small.contains(1))
    }

    /// A definition of 70 fields (marks past the first word): the fields a
    /// segment lacks are reported, those it has are not, across segments
    /// (the marks are cleared between them).
    @Test func missingFieldsOfLongDefinitionsAreReported() throws {
        let fields = (0..<70).map { #"{"name":"f\#($0)","type":"integer"}"# }.joined(separator: ",")
        let definitions = #"[{"id":"d","fields":[\#(fields)]}]"#
        func metadata(without missing: Set<Int>) -> String {
            "{" + (0..<70).filter { !missing.contains($0) }.map { #""f\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        }
        let data = #"{"d":[{"start_time":1,"end_time":2,"metadata":\#(metadata(without: [3, 66]))},{"start_time":3,"end_time":4,"metadata":\#(metadata(without: [69]))},{"start_time":5,"end_time":6,"metadata":\#(metadata(without: []))}]}"#
        var escaped: [UInt8] = []
        JSONWriter.appendQuoted(data, to: &escaped)
        let body = #"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions","segment_definitions":\#(definitions)}},"result":{"generation_id":"g","data":\#(String(decoding: escaped, as: UTF8.self)),"finish_reason":"stop","usage":{"output_tokens":9}}}"#
        let task = try taskDocument(body)
        #expect(issueList(task) == ["field_missing result.segments.d[0].metadata.f3", "field_missing result.segments.d[0].metadata.f66",
                                    "field_missing result.segments.d[1].metadata.f69"])
    }

    /// Keys written out of the declared order are found by search and
    /// marked all the same.
    @Test func fieldsOutOfOrderAreMarked() throws {
        let task = try taskDocument(segmentTask(data: #"{"card":[{"start_time":1,"end_time":2,"metadata":{"at":1.5,"serious":false,"color":"red"}},{"start_time":3,"end_time":4,"metadata":{"serious":true}}]}"#))
        #expect(issueList(task) == ["field_missing result.segments.card[1].metadata.color", "field_missing result.segments.card[1].metadata.at"])
    }
}
