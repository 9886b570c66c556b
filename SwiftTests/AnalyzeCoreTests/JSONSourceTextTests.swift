import CSimdJSON
import Testing
@testable import AnalyzeCore

/// `JSONWriter.writtenStringEnd` on `text` from just after its first quote.
private func writtenEnd(_ text: String) -> (end: Int, valueCount: Int)? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { JSONWriter.writtenStringEnd($0, from: 1) }
}

/// `JSONSourceText.writtenString` on `json`, the text found as a `String`.
private func written(_ json: String, at keys: [StaticString]) -> (text: String, valueCount: Int)? {
    let bytes = Array(json.utf8)
    return bytes.withUnsafeBytes { raw in
        JSONSourceText.writtenString(in: raw, at: keys).map { (String(decoding: $0.text, as: UTF8.self), $0.valueCount) }
    }
}

@Suite("JSON: strings copied as the body writes them")
struct JSONSourceTextTests {
    /// Values whose escaped text (as `JSONWriter` writes it) must read back
    /// as written: every byte `appendQuoted` escapes, at every offset of its
    /// eight-byte words, and bytes it copies (UTF-8, DEL, 0xE2 not starting a separator).
    static var values: [String] {
        var values = ["", "a", "plain text longer than one word", "\"", "\\", "a\"b\\c", "é", "€ and \u{7F}", "\u{2028}", "x\u{2029}y", "😀"]
        for unit in 0..<0x20 { values.append("ab" + String(UnicodeScalar(UInt8(unit))) + "cdefghij") }
        for offset in 0..<9 { values.append(String(repeating: "x", count: offset) + "\"\n\u{1}\u{2028}" + String(repeating: "y", count: offset)) }
        return values
    }

    @Test func theWritersOwnTextIsRecognised() {
        for value in Self.values {
            let quoted = String(decoding: JSONWriter.quoted(value), as: UTF8.self)
            let found = writtenEnd(quoted + ",\"next\"")
            #expect(found?.end == quoted.utf8.count - 1, "\(quoted)")
            #expect(found?.valueCount == value.utf8.count, "\(quoted)")
        }
    }

    /// Long values with runs of backslashes and quotes of every length across
    /// the scan's 64-byte blocks (a fixed pseudo-random sequence): the scan
    /// must find the writer's end and length, and refuse the text once one
    /// escape in it is written another way.
    @Test func longValuesAcrossBlocksAreRecognisedExactly() {
        let alphabet = ["a", "b", "\\", "\"", "\n", "\u{1}", "\u{1F}", "é", "€", "\u{2028}", "😀", "/", "u"]
        var sequence = TestSequence(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { sequence.next(bound) }
        for round in 0..<400 {
            var value = ""
            let length = next(400)
            for _ in 0..<length { value += alphabet[next(round % 2 == 0 ? alphabet.count : 4)] }
            let quoted = JSONWriter.quoted(value)
            let text = String(decoding: quoted, as: UTF8.self)
            let found = writtenEnd(text + "}")
            #expect(found?.end == quoted.count - 1, "\(text)")
            #expect(found?.valueCount == value.utf8.count, "\(text)")
            // One `\"` (or `\\`) written as `\u0022` (`\u005c`), or one `/` as `\/`.
            for (plain, other) in [(#"\""#, #"\u0022"#), (#"\\"#, #"\u005c"#), ("/", #"\/"#)] where text.contains(plain) {
                let changed = text.replacingFirst(plain, with: other)
                #expect(writtenEnd(changed + "}") == nil, "\(changed)")
            }
        }
    }

    /// The scan's kernels (byte by byte, SSE2, AVX2 where the CPU has it)
    /// stop at the same byte with the same count of escapes, from the start
    /// of every token, on texts dense in the bytes they decide on: the
    /// escapes JSON allows (the text is assumed valid), UTF-8, U+2028, and the
    /// raw quotes and control characters to stop at (a fixed pseudo-random
    /// sequence, runs of backslashes across the 64-byte blocks).
    @Test func theScanKernelsAgree() {
        let tokens: [[UInt8]] = [Array("a".utf8), Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\n"#.utf8), Array(#"\/"#.utf8),
                                 Array(#"\u0041"#.utf8), Array(#"\u2028"#.utf8), Array(#"\\\\\""#.utf8),
                                 Array("é€\u{7F}".utf8), Array("\u{2028}".utf8), Array("\u{2029}".utf8), [0xE2, 0x80, 0x94],
                                 [0x01], [0x1F], Array("\"".utf8), Array("u/".utf8)]
        var sequence = TestSequence(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ bound: Int) -> Int { sequence.next(bound) }
        var compared = 0
        for round in 0..<300 {
            // Mostly plain text in some rounds, so that whole blocks pass.
            let plain = round % 3 == 0
            var text: [UInt8] = []
            var starts: [Int] = []
            while text.count < 64 + round {
                starts.append(text.count)
                text += plain && next(16) != 0 ? tokens[0] : tokens[next(tokens.count)]
            }
            text.withUnsafeBufferPointer { buffer in
                for start in starts where start % 3 == 0 || start < 8 {
                    var first: (Int, Int)?
                    for kernel in Int32(0)...2 {
                        var index = size_t(start), escapes = size_t(0)
                        guard csj_skip_plain_string_text_with(kernel, buffer.baseAddress, buffer.count, &index, &escapes) == 1 else { continue }
                        if let first {
                            #expect(first.0 == Int(index) && first.1 == Int(escapes), "kernel \(kernel), round \(round), start \(start)")
                            compared += 1
                        } else {
                            first = (Int(index), Int(escapes))
                        }
                    }
                }
            }
        }
        // SSE2 at least was compared with the byte loop on x86-64.
        #if arch(x86_64)
        #expect(compared >= 300)
        #endif
    }

    @Test func otherEscapesAreRefused() {
        for text in [#""\/""#, #""\u0041""#, #""\u001F""#, #""\u000a""#, #""\u00e9""#, #""\ud83d\ude00""#, #""\u202A""#,
                     "\"\u{2028}\"", "\"\u{1}\"", "\"a\tb\"", #""unterminated"#, #""ends in a backslash\"#, #""\u00"#] {
            #expect(writtenEnd(text) == nil, "\(text)")
        }
    }

    @Test func theMemberIsFoundPastEveryKindOfValue() {
        let json = #" { "a" : 1.5e3 , "b":[{"}":"]"},"\"{"],"c":{"d":{"data":"no"}},"e":true,"f":null,"result" : {"x":-0,"data" : "v\"1\n" } } "#
        #expect(written(json, at: ["result", "data"])?.text == #"v\"1\n"#)
        #expect(written(json, at: ["result", "data"])?.valueCount == 4)
        #expect(written(#"{"result":{"data":""}}"#, at: ["result", "data"])?.valueCount == 0)
        #expect(written(#"{"data":"top"}"#, at: ["data"])?.text == "top")
    }

    @Test func anythingElseIsNil() {
        for json in [#"{"result":{"dat\u0061":"v"}}"#, #"{"res\u0075lt":{"data":"v"}}"#, #"{"result":{"other":"v"}}"#,
                     #"{"result":{"data":1}}"#, #"{"result":{"data":["v"]}}"#, #"{"result":"data"}"#, #"["result"]"#,
                     #"{"result":{"data":"\u0041"}}"#, "", "   ", #"{"result":{"data":"v"#, #"{"result":{"#] {
            #expect(written(json, at: ["result", "data"]) == nil, "\(json)")
        }
    }

    /// The output does not depend on how the body escapes `data`: escaped as
    /// the writer escapes it is copied, escaped otherwise is written again.
    @Test func theOutputIsTheSameWhicheverWayDataIsEscaped() throws {
        let data = "{\n" + #""goal":[{"start_time":1,"end_time":2,"metadata":{"team":"home é","minute":1,"scorers":["A \"B\"\n"],"kickoff":"00:00:01"}}]}"#
        let canonical = segmentTask(data: data)
        let quoted = String(decoding: JSONWriter.quoted(data), as: UTF8.self)
        #expect(canonical.contains(quoted))
        let other = canonical.replacingAll(#"\"home é\""#, with: #"\"home \u00e9\""#).replacingAll(#""{\n"#, with: #""{\u000a"#)
        #expect(other.contains(#"\"home \u00e9\""#) && other.contains(#""{\u000a"#))
        let expected = try normalizedTask(canonical)
        #expect(expected.contains(#""data":"# + quoted))
        #expect(try normalizedTask(other) == expected)
        #expect(try httpResult(2, 200, other, options: "") == "ok " + expected)
    }
}
