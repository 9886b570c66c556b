import Testing
@testable import AnalyzeCore

@Suite("Request: known member names")
struct KnownFieldsTests {
    /// Every name is found and nothing else is: near misses of every length
    /// (one byte changed, one added or dropped), names sharing their first
    /// eight bytes, and the empty key.
    @Test func findsExactlyTheNames() {
        let names = ["a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "name", "type", "enum",
                     "description", "segment_time_format", "segment_definitions", "é", "名前"]
        let known = KnownFields(names)
        func has(_ key: String) -> Bool { Array(key.utf8).withUnsafeBufferPointer { known.contains($0) } }
        for name in names {
            #expect(has(name), "\(name)")
            let bytes = Array(name.utf8)
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                let text = String(decoding: changed, as: UTF8.self)
                #expect(!has(text) || names.contains(text), "\(changed)")
            }
            #expect(!has(name + "x") || names.contains(name + "x"))
            #expect(!has(String(name.dropLast())) || names.contains(String(name.dropLast())))
        }
        #expect(!has(""))
        #expect(!has("segment_time_formaX") && !has("segment_definitionX") && !has("segment_"))
        #expect(KnownFields([""]).names == [""] && Array("".utf8).withUnsafeBufferPointer { KnownFields([""]).contains($0) })
    }
}
