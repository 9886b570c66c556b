import Testing
@testable import AnalyzeCore

/// The pickle `PickleWriter` makes of a JSON text (its one value, written as
/// `write(raw:)` writes it), without the 11-byte head (protocol, frame) and the STOP.
private func pickleBody(_ json: String) throws -> [UInt8] {
    let document = try JSONDocument.parse(json)
    var pickle = PickleWriter(capacity: 16)
    withExtendedLifetime(document) { pickle.write(raw: document.root.raw) }
    let finished = pickle.finished()
    let bytes = Array(finished.written)
    return Array(bytes[11..<(bytes.count - 1)])
}

/// `bytes` as text: printable ASCII as it is, any other byte as `\xNN`.
private func shown(_ bytes: [UInt8]) -> String {
    let hex = Array("0123456789abcdef")
    return bytes.map { byte in
        (0x20..<0x7F).contains(byte) && byte != 0x5C ? String(UnicodeScalar(byte))
            : "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
    }.joined()
}

/// `parseTask`'s bytes for `body` with `segments_encoding: "pickle"`.
private func pickledTask(_ body: String) throws(AnalyzeError) -> [UInt8] {
    let input = Array(body.utf8)
    let options = Array(#"{"segments_encoding":"pickle"}"#.utf8)
    let result: Result<[UInt8], AnalyzeError> = input.withUnsafeBytes { body in
        options.withUnsafeBytes { options in
            do throws(AnalyzeError) {
                return .success(try parseTask(body, options: options))
            } catch {
                return .failure(error)
            }
        }
    }
    return try result.get()
}

@Suite("Pickle: the segments handed to Python")
struct PickleWriterTests {
    @Test func theHeadIsProtocolFourAndOneFrameAroundTheRest() throws {
        var pickle = PickleWriter(capacity: 1)
        pickle.null()
        let finished = pickle.finished()
        #expect(Array(finished.written) == [0x80, 4, 0x95, 2, 0, 0, 0, 0, 0, 0, 0, 0x4E, 0x2E])
    }

    @Test func integersTakeTheShortestOpcodeOfTheirRange() throws {
        #expect(shown(try pickleBody("0")) == #"K\x00"#)
        #expect(shown(try pickleBody("255")) == #"K\xff"#)
        #expect(shown(try pickleBody("256")) == #"M\x00\x01"#)
        #expect(shown(try pickleBody("65535")) == #"M\xff\xff"#)
        #expect(shown(try pickleBody("65536")) == #"J\x00\x00\x01\x00"#)
        #expect(shown(try pickleBody("-1")) == #"J\xff\xff\xff\xff"#)
        #expect(shown(try pickleBody("2147483647")) == #"J\xff\xff\xff\x7f"#)
        #expect(shown(try pickleBody("-2147483648")) == #"J\x00\x00\x00\x80"#)
        #expect(shown(try pickleBody("2147483648")) == #"\x8a\x08\x00\x00\x00\x80\x00\x00\x00\x00"#)
        #expect(shown(try pickleBody("-9223372036854775808")) == #"\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80"#)
    }

    @Test func doublesAreBigEndianBinaryFloats() throws {
        #expect(shown(try pickleBody("1.5")) == #"G?\xf8\x00\x00\x00\x00\x00\x00"#)
        #expect(shown(try pickleBody("-0.0")) == #"G\x80\x00\x00\x00\x00\x00\x00\x00"#)
        var pickle = PickleWriter(capacity: 1)
        pickle.double(.infinity)
        #expect(Array(pickle.written).last == 0x4E)
    }

    @Test func stringsAreCountedUTF8() throws {
        #expect(shown(try pickleBody(#""""#)) == #"\x8c\x00"#)
        #expect(shown(try pickleBody(#""é\"""#)) == #"\x8c\x03\xc3\xa9""#)
        let long = String(repeating: "x", count: 256)
        #expect(try pickleBody("\"\(long)\"") == [0x58, 0, 1, 0, 0] + Array(long.utf8))
        #expect(try pickleBody("\"\(long.dropLast())\"") == [0x8C, 0xFF] + Array(long.utf8.dropLast()))
    }

    @Test func containersAreMarkedAndFilledAtTheirEnd() throws {
        #expect(shown(try pickleBody(#"{"a":[true,false,null],"b":{}}"#)) == #"}(\x8c\x01a](\x88\x89Ne\x8c\x01b}(uu"#)
        #expect(shown(try pickleBody("[]")) == "](e")
    }

    @Test func repeatedKeysAreWrittenOnceAndThenReferredTo() {
        var pickle = PickleWriter(capacity: 1)
        let field = WriterKey("team")
        pickle.beginArray()
        for _ in 0..<2 {
            pickle.beginObject()
            pickle.key(plain: "start_time"); pickle.null()
            pickle.key(field); pickle.null()
            pickle.endObject()
        }
        pickle.endArray()
        #expect(shown(Array(pickle.written)[11...].map { $0 }) == #"](}(\x8c\x0astart_time\x94N\x8c\x04team\x94Nu}(h\x00Nh\x01Nue"#)
    }

    /// A name with a byte to escape: JSON gets it escaped, the pickle its
    /// UTF-8 as it is (WriterKey keeps both only for such names).
    @Test func keysWithBytesToEscapeKeepTheirName() {
        let field = WriterKey("a\"b")
        #expect(field.quoted == Array(#""a\"b""#.utf8))
        #expect(field.withUTF8 { Array($0) } == Array("a\"b".utf8))
        let plain = WriterKey("team")
        #expect(plain.quoted == Array(#""team""#.utf8))
        #expect(plain.withUTF8 { Array($0) } == Array("team".utf8))
        var pickle = PickleWriter(capacity: 1)
        pickle.beginObject()
        pickle.key(field); pickle.null()
        pickle.endObject()
        #expect(shown(Array(pickle.written)[11...].map { $0 }) == #"}(\x8c\x03a"b\x94Nu"#)
        var json = JSONWriter()
        json.beginObject()
        json.key(field); json.null()
        json.endObject()
        #expect(json.text == #"{"a\"b":null}"#)
    }

    @Test func memoIndicesBeyondAByteTakeTheLongForm() {
        var pickle = PickleWriter(capacity: 1)
        let keys = (0..<300).map { WriterKey("k\($0)") }
        for key in keys { pickle.key(key) }
        let before = pickle.written.count
        pickle.key(keys[299])
        #expect(Array(pickle.written)[before...].map { $0 } == [0x6A, 0x2B, 0x01, 0, 0])
        pickle.key(keys[255])
        #expect(Array(pickle.written).suffix(2) == [0x68, 0xFF])
    }

    @Test func theTaskTextHoldsThePickleSizeAndTheTrailerFollowsItsNUL() throws {
        let body = segmentTask(data: #"{"goal":[{"start_time":1,"end_time":2,"metadata":{"team":"home","minute":1,"scorers":["A"],"kickoff":"00:00:01"}}]}"#)
        let bytes = try pickledTask(body)
        let end = try #require(bytes.firstIndex(of: 0))
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        let plain = try normalizedTask(body)
        let segments = segmentsText(try JSONDocument.parse(plain).root)
        let size = bytes.count - end - 9
        #expect(text == plain.replacingAll(#""segments":"# + segments, with: #""segments":\#(size)"#))
        let count = bytes[(end + 1)..<(end + 9)].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(count == size)
        #expect(Array(bytes[(end + 9)...].prefix(3)) == [0x80, 4, 0x95] && bytes.last == 0x2E)
    }

    @Test func withoutSegmentsTheTrailerIsEmpty() throws {
        let body = segmentTask(data: #"{"goal":["#, finish: "length")
        let bytes = try pickledTask(body)
        let end = try #require(bytes.firstIndex(of: 0))
        #expect(String(decoding: bytes[..<end], as: UTF8.self) == (try normalizedTask(body)))
        #expect(Array(bytes[end...]) == [0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func otherValuesAreRejected() throws {
        let body = segmentTask(data: "{}")
        #expect(taskFailure(body, options: #"{"segments_encoding":"xml"}"#) == AnalyzeError(.invalidArgument, #"option segments_encoding must be "json" or "pickle", got "xml""#, path: "segments_encoding"))
        #expect(taskFailure(body, options: #"{"segments_encoding":true}"#) == AnalyzeError(.invalidArgument, #"option segments_encoding must be "json" or "pickle", got true"#, path: "segments_encoding"))
        #expect(try normalizedTask(body, options: #"{"segments_encoding":"json"}"#) == (try normalizedTask(body)))
    }
}
