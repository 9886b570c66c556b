import Testing
@testable import AnalyzeCore

@Suite("Document text: strings made from a parsed document's UTF-8")
struct DocumentTextTests {
    /// Every length across the in-place limit (15 bytes), ASCII and not: the
    /// same string, byte for byte, as `String(decoding:as:)` makes.
    @Test func sameAsDecoding() {
        let pieces = ["a", "Z", "é", "€", "😀", "\u{212A}", " ", "\"", "0"]
        var sequence = TestSequence(seed: 0x5EED_0F_7E47)
        for length in 0...40 {
            for _ in 0..<20 {
                var text = ""
                while text.utf8.count < length { text += pieces[sequence.next(pieces.count)] }
                let bytes = Array(text.utf8)
                let made = bytes.withUnsafeBufferPointer { String(documentUTF8: $0) }
                let decoded = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
                #expect(Array(made.utf8) == bytes && made == decoded, "\(text)")
            }
        }
        #expect(String(documentUTF8: UnsafeBufferPointer(start: nil, count: 0)) == "")
    }

    /// A document's names and values come back as they were written.
    @Test func documentStringsRoundTrip() throws {
        let document = try JSONDocument.parse(#"{"name":"fifteen_bytes_x","type":"sixteen_bytes__x","e":"é€😀","s":""}"#)
        #expect(document.root["name"]?.string == "fifteen_bytes_x")
        #expect(document.root["type"]?.string == "sixteen_bytes__x")
        #expect(document.root["e"]?.string == "é€😀")
        #expect(document.root["s"]?.string == "")
    }
}
