import Testing
@testable import AnalyzeCore

/// Runs every parser of the group over `bytes` (as body, and as options/headers
/// where they take JSON) and returns the statuses; none may trap.
func statusesOfEveryParser(_ bytes: [UInt8]) -> [AnalyzeStatus] {
    let empty: [UInt8] = []
    return bytes.withUnsafeBytes { input in
        empty.withUnsafeBytes { none in
            var statuses: [AnalyzeStatus] = []
            func record(_ body: () throws(AnalyzeError) -> Void) {
                do throws(AnalyzeError) {
                    try body()
                    statuses.append(.ok)
                } catch {
                    statuses.append(error.status)
                }
            }
            func recordResponse(_ body: () throws(AnalyzeError) -> ResponseOutcome) {
                do throws(AnalyzeError) {
                    if case .apiError(_, let error) = try body() {
                        statuses.append(error.status)
                    } else {
                        statuses.append(.ok)
                    }
                } catch {
                    statuses.append(error.status)
                }
            }
            record { () throws(AnalyzeError) in _ = try parseTask(input, options: none) }
            record { () throws(AnalyzeError) in _ = try parseTask(none, options: input) }
            record { () throws(AnalyzeError) in _ = try parseWebhookEvent(input, options: none) }
            record { () throws(AnalyzeError) in _ = try exportSegments(input, format: "vtt", options: none) }
            for kind: Int32 in 1...4 {
                recordResponse { () throws(AnalyzeError) in try parseResponse(kind: kind, httpStatus: 200, headers: none, body: input, options: none) }
            }
            recordResponse { () throws(AnalyzeError) in try parseResponse(kind: 2, httpStatus: 503, headers: input, body: input, options: none) }
            recordResponse { () throws(AnalyzeError) in try parseResponse(kind: 2, httpStatus: 503, headers: none, body: input, options: none) }
            return statuses
        }
    }
}

@Suite("Response: hostile input")
struct ResponseHostileTests {
    static let valid = Array(segmentTask(data: #"{"goal":[{"start_time":"00:00:01.000","end_time":"00:00:02.000","metadata":{"team":"home","minute":1,"scorers":["a"],"kickoff":"00:00:01"}}]}"#,
                                         format: #""segment_time_format":"hh:mm:ss.fff","#).utf8)

    @Test func everyTruncationIsAnErrorNotATrap() {
        for length in 0..<Self.valid.count {
            let statuses = statusesOfEveryParser(Array(Self.valid[0..<length]))
            #expect(statuses.first == .malformedJSON, "length \(length)")
            #expect(statuses.last == .apiError)
        }
    }

    @Test func byteFlipsNeverTrap() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<400 {
            var bytes = Self.valid
            for _ in 0..<3 {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = statusesOfEveryParser(bytes)
        }
    }

    @Test func wrongTypesEverywhereAreMalformedResponses() {
        let replacements = ["1", "\"s\"", "[]", "{}", "true", "null", "-1e308", "9223372036854775807"]
        let keys = ["task_id", "custom_id", "status", "created_at", "completed_at", "video_source", "request_params",
                    "webhooks", "error", "result", "generation_id", "data", "finish_reason", "usage", "output_tokens",
                    "analysis_mode", "response_format", "segment_definitions", "segment_time_format"]
        let text = String(decoding: Self.valid, as: UTF8.self)
        for key in keys {
            for replacement in replacements {
                // Replace the value of the first occurrence of "key": with the replacement value.
                guard let range = text.firstRange(of: "\"\(key)\":") else { continue }
                let rest = text[range.upperBound...]
                let valueEnd = endOfValue(rest)
                let mutated = text[..<range.upperBound] + replacement + rest[valueEnd...]
                let statuses = statusesOfEveryParser(Array(mutated.utf8))
                #expect(statuses[0] == .ok || statuses[0] == .malformedResponse, "\(key) = \(replacement): \(statuses[0])")
            }
        }
    }

    @Test func deepNestingAndHugeNumbers() {
        let deep = Array((String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).utf8)
        #expect(statusesOfEveryParser(deep).prefix(2) == [.malformedJSON, .invalidArgument])
        let huge = Array(#"{"task_id":"t","custom_id":null,"status":"queued","created_at":"2026-01-05T08:00:00Z","webhooks":[{"url":"u","delivered":true,"attempts":18446744073709551616}]}"#.utf8)
        #expect(statusesOfEveryParser(huge).first == .malformedJSON)
        let overflow = Array(#"{"task_id":"t","custom_id":null,"status":"queued","created_at":"2026-01-05T08:00:00Z","video_source":{"system_metadata":{"duration":1e400}}}"#.utf8)
        #expect(statusesOfEveryParser(overflow).first == .malformedJSON)
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array(#"{"task_id":"t","custom_id":null,"status":"queued","created_at":"2026-01-05T08:00:00Z"}"#.utf8)
        bytes[12] = 0xFF
        #expect(statusesOfEveryParser(bytes).first == .malformedJSON)
        // Invalid UTF-8 inside result.data is impossible: data is a JSON string, checked by the outer parse.
        let escaped = Array(#"{"task_id":"t","custom_id":null,"status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"analysis_mode":"time_based_metadata"},"result":{"generation_id":"g","data":"{\"a\u0000\":[]}","finish_reason":"stop","usage":{"output_tokens":1}}}"#.utf8)
        #expect(statusesOfEveryParser(escaped).first == .ok)
    }

    @Test func hugeResultStaysFast() throws {
        var data = #"{"goal":["#
        for index in 0..<10_000 {
            if index > 0 { data += "," }
            data += #"{"start_time":\#(index),"end_time":\#(index + 1),"metadata":{"team":"home","minute":\#(index),"scorers":["a"],"kickoff":"00:00:01"}}"#
        }
        data += "]}"
        let body = segmentTask(data: data)
        let task = try taskDocument(body)
        #expect(task["result"]?["segments"]?["goal"]?.count == 10_000)
        #expect(issueList(task) == [])
    }
}

/// Finds where the JSON value at the start of `text` ends (for the simple values of the fixtures).
private func endOfValue(_ text: Substring) -> Substring.Index {
    var depth = 0
    var inString = false
    var escaped = false
    var index = text.startIndex
    while index < text.endIndex {
        let character = text[index]
        if inString {
            if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" {
                inString = false
                if depth == 0 { return text.index(after: index) }
            }
        } else {
            switch character {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                if depth == 0 { return index }
                depth -= 1
                if depth == 0 { return text.index(after: index) }
            case ",": if depth == 0 { return index }
            default: break
            }
        }
        index = text.index(after: index)
    }
    return index
}

/// A small deterministic generator for the byte-flip test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
