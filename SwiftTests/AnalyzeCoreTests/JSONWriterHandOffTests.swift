import Testing
@testable import AnalyzeCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `JSONWriter.handOff`: the writer's malloc'd bytes given to C, NUL-terminated.
@Suite("JSONWriter hand-off")
struct JSONWriterHandOffTests {
    /// The text of a handed-off string, which it then frees.
    private func take(_ pointer: UnsafeMutablePointer<CChar>) -> String {
        defer { free(pointer) }
        return String(cString: pointer)
    }

    @Test func handsOverTheBytesWithANul() {
        var writer = JSONWriter(capacity: 0)
        writer.beginArray()
        writer.int(1)
        writer.string("a\"b")
        writer.endArray()
        #expect(take(writer.handOff()) == #"[1,"a\"b"]"#)
    }

    @Test func fillsTheCapacityExactlyAndStillEndsWithANul() {
        // 64 bytes is the smallest allocation: a string of exactly 64 bytes leaves no room but the spare byte.
        var writer = JSONWriter(capacity: 64)
        writer.string(String(repeating: "x", count: 62))
        let text = take(writer.handOff())
        #expect(text.utf8.count == 64)
        #expect(text == "\"" + String(repeating: "x", count: 62) + "\"")
    }

    @Test func growsPastItsCapacity() {
        var writer = JSONWriter(capacity: 64)
        writer.beginArray()
        for index in 0..<1000 { writer.int(Int64(index)) }
        writer.endArray()
        let expected = "[" + (0..<1000).map(String.init).joined(separator: ",") + "]"
        #expect(take(writer.handOff()) == expected)
    }

    @Test func writerFormsMatchTheByteForms() throws {
        let body = Array(#"{"b":[1,2.5,"\u2028"],"a":{}}"#.utf8)
        let normalized = try body.withUnsafeBytes { raw throws(AnalyzeError) in try normalizedJSON(raw).bytes }
        #expect(normalized == (try normalizeJSON(body)))
        #expect(String(decoding: normalized, as: UTF8.self) == #"{"b":[1,2.5,"\u2028"],"a":{}}"#)
    }
}
