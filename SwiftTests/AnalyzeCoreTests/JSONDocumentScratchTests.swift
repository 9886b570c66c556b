import CSimdJSON
import Testing
@testable import AnalyzeCore

/// `JSONDocument.parse(_:copyingInto:)` and `JSONWriter.withSpareCapacity`: a
/// task body is parsed from a copy in the output's own room, which the output
/// then overwrites.
@Suite("JSON document parsed from scratch memory")
struct JSONDocumentScratchTests {
    private static let text = #"{"a":[1,-2,2.5,true,null,"x\"\u00e9"],"b":{"c":"\/d","e":[]},"f":9223372036854775807}"#
    private static let written = #"{"a":[1,-2,2.5,true,null,"x\"é"],"b":{"c":"/d","e":[]},"f":9223372036854775807}"#

    /// The compact text of `document`.
    private func text(of document: JSONDocument) -> String {
        var writer = JSONWriter()
        writer.write(document.root)
        return writer.text
    }

    /// `text` parsed through a scratch buffer of `room` bytes, which is then
    /// overwritten before the document is read.
    private func parsedThroughScratch(_ text: String, room: Int) throws(AnalyzeError) -> JSONDocument {
        let bytes = Array(text.utf8)
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: room, alignment: 8)
        defer { scratch.deallocate() }
        let document = try withBytes(of: bytes) { body throws(AnalyzeError) in
            try JSONDocument.parse(body, copyingInto: scratch)
        }
        scratch.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "]"))
        return document
    }

    @Test func keepsNothingOfTheScratchCopy() throws {
        let room = Self.text.utf8.count + CSJ_PADDING
        #expect(text(of: try parsedThroughScratch(Self.text, room: room)) == Self.written)
    }

    @Test func parsesWithoutTheCopyWhenTheRoomIsShort() throws {
        // One byte short of the text and its padding: simdjson's own copy is used.
        let room = Self.text.utf8.count + CSJ_PADDING - 1
        #expect(text(of: try parsedThroughScratch(Self.text, room: room)) == Self.written)
    }

    @Test func reportsErrorsAtTheSamePlace() {
        let room = 256
        for bad in [#"{"a": [1, 2"#, #"{"a":1,"a":2}"#, #"[1e999]"#, "[\"\u{01}\"]"] {
            var direct: AnalyzeError?
            var scratched: AnalyzeError?
            do throws(AnalyzeError) { _ = try JSONDocument.parse(Array(bad.utf8)) } catch { direct = error }
            do throws(AnalyzeError) { _ = try parsedThroughScratch(bad, room: room) } catch { scratched = error }
            #expect(direct != nil)
            #expect(scratched?.status == direct?.status)
            #expect(scratched?.message == direct?.message)
            #expect(scratched?.path == direct?.path)
            #expect(scratched?.position == direct?.position)
        }
    }

    @Test func refusesABodyOverTheLimitBeforeReadingIt() {
        // The count alone is over the limit: no byte of it is read or copied.
        let byte = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 1)
        defer { byte.deallocate() }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 8)
        defer { scratch.deallocate() }
        let oversized = UnsafeRawBufferPointer(start: byte.baseAddress, count: JSONDocument.maxInputBytes + 1)
        var refused: AnalyzeError?
        do throws(AnalyzeError) { _ = try JSONDocument.parse(oversized, copyingInto: scratch) } catch { refused = error }
        #expect(refused?.status == .invalidArgument)
        #expect(refused?.message == "input of \(JSONDocument.maxInputBytes + 1) bytes exceeds the limit of \(JSONDocument.maxInputBytes) bytes")
    }

    @Test func lendsTheRoomAfterTheTextWithoutWritingIt() {
        var writer = JSONWriter(capacity: 8)
        writer.beginArray()
        writer.int(7)
        let lent = writer.withSpareCapacity(atLeast: 100) { room -> Int in
            room.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "x"))
            return room.count
        }
        #expect(lent >= 100)
        writer.int(8)
        writer.endArray()
        #expect(writer.text == "[7,8]")
    }

    @Test func parsesATaskThroughTheOutputsRoomAsBefore() throws {
        // analyze_task_parse and a retrieve response both read the body through
        // the output's room: they agree on the text.
        let body = #"{"task_id":"t1","status":"ready","created_at":"2026-05-01T00:00:00Z","result":{"generation_id":"g","data":"{\"a\":1}","finish_reason":"stop","usage":{"output_tokens":3}}}"#
        let parsed = try withBytes(of: Array(body.utf8)) { raw throws(AnalyzeError) in
            try parseTask(raw, options: UnsafeRawBufferPointer(start: nil, count: 0))
        }
        let retrieved = try withBytes(of: Array(body.utf8)) { raw throws(AnalyzeError) -> [UInt8] in
            guard case .success(let bytes) = try parseResponse(kind: ResponseKind.retrieve.rawValue, httpStatus: 200,
                                                                 headers: UnsafeRawBufferPointer(start: nil, count: 0),
                                                                 body: raw, options: UnsafeRawBufferPointer(start: nil, count: 0)) else {
                return []
            }
            return bytes
        }
        #expect(parsed == retrieved)
        let text = String(decoding: parsed, as: UTF8.self)
        #expect(text.hasPrefix(#"{"task_id":"t1","custom_id":null,"#))
        #expect(text.contains(#""result":{"generation_id":"g","data":"{\"a\":1}","finish_reason":"stop","#))
    }
}
