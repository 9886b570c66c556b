import Testing
@testable import AnalyzeCore

@Suite("JSON layer")
struct JSONTests {
    private func normalize(_ text: String) throws(AnalyzeError) -> String {
        String(decoding: try normalizeJSON(Array(text.utf8)), as: UTF8.self)
    }

    private func failure(_ text: String) -> AnalyzeError? {
        do {
            _ = try normalize(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsOptionsLikeArguments() throws {
        let empty: [UInt8] = []
        #expect(try withBytes(of: empty) { raw throws(AnalyzeError) in try JSONDocument.parseOptions(raw) } == nil)
        let object = Array("{\"a\":1}".utf8)
        let root = try withBytes(of: object) { raw throws(AnalyzeError) in try JSONDocument.parseOptions(raw, status: .invalidArgument, prefix: "options: ") }?.root
        #expect(root?["a"]?.int64 == 1)
        let broken = Array("{\"a\":".utf8)
        var plain: AnalyzeError?
        do { _ = try JSONDocument.parse(broken) } catch { plain = error }
        #expect(plain?.status == .malformedJSON)
        for (status, prefix) in [(AnalyzeStatus?.some(.invalidArgument), "headers_json: "), (nil, "options: "), (nil, "")] {
            do {
                _ = try withBytes(of: broken) { raw throws(AnalyzeError) in try JSONDocument.parseOptions(raw, status: status, prefix: prefix) }
                Issue.record("no error for \(prefix)")
            } catch {
                #expect(error.status == (status ?? .malformedJSON))
                #expect(error.message == prefix + (plain?.message ?? ""))
                #expect(error.path == plain?.path)
            }
        }
    }

    @Test func compactsAndKeepsKeyOrder() throws {
        #expect(try normalize(" { \"b\" : [1, 2.5, -0, true, null], \"a\": {} } ") == "{\"b\":[1,2.5,0,true,null],\"a\":{}}")
    }

    @Test func keepsCommasRightThroughDeepNesting() throws {
        // Past the writer's 64 comma bits and back: a value before and after
        // every container, 120 deep (an array and an object a level).
        var compact = ""
        for level in 0..<60 { compact += "[\(level),{\"k\":" }
        compact += "true"
        for _ in 0..<60 { compact += "},-1]" }
        #expect(try normalize(compact.replacingAll(",", with: " , ")) == compact)
    }

    @Test func keepsIntegersExact() throws {
        #expect(try normalize("[9223372036854775807,-9223372036854775808]") == "[9223372036854775807,-9223372036854775808]")
    }

    @Test func writesShortestDoubles() throws {
        #expect(try normalize("[0.1,1e20,12.0,1E-5,-0.0]") == "[0.1,1e+20,12.0,1e-05,-0.0]")
    }

    @Test func writesShortDecimalsAsDescriptionDoes() {
        // appendShortDecimal's range (and its edges, and values just outside it
        // that fall back to description) must give description's exact text.
        let values: [Double] = [0.001, 0.0010000000000000002, 0.25, 12.0, -3.125, 0.37, 1.5e-3, 999.999,
                                123456789012345.0, 999999999999999.9, 12345678901234.56, 0.1 + 0.2,
                                1e15, 1e-4, 0.0009999999999999998, 2.5e16, 1.0 / 3.0]
        for value in values {
            var writer = JSONWriter()
            writer.double(value)
            #expect(writer.text == value.description, "\(value)")
        }
        var bytes: [UInt8] = []
        #expect(JSONWriter.appendShortDecimal(0.37, to: &bytes) && bytes == Array("0.37".utf8))
        #expect(!JSONWriter.appendShortDecimal(1.0 / 3.0, to: &bytes) && !JSONWriter.appendShortDecimal(1e15, to: &bytes))
    }

    /// The thousandths fast path (times and scores): every number of
    /// thousandths to 100 s, spans at the edges of its range (1e-3 and 1e9),
    /// and the doubles next to each, written as description writes them.
    @Test func writesThousandthsAsDescriptionDoes() {
        var mismatches: [String] = []
        let spans: [ClosedRange<UInt64>] = [1...100_000, 999_999_000_000...1_000_000_001_000, 359_999_000...360_000_000]
        for span in spans {
            for millis in span {
                let value = Double(millis) / 1000
                for candidate in [value, -value, value.nextUp, value.nextDown] {
                    var writer = JSONWriter()
                    writer.double(candidate)
                    if writer.text != candidate.description { mismatches.append(candidate.description) }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func writesManyDoublesAsDescriptionDoes() {
        // Deterministic values near the decimals results hold (few fraction
        // digits, every magnitude of the fast range and past its edges) and
        // random bit patterns: the writer's text is description's, byte for byte.
        var sequence = TestSequence(seed: 0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 { sequence.nextBits() }
        var mismatches: [String] = []
        for round in 0..<30_000 {
            let digits = Double(next() % 10_000_000)
            let scale = [1.0, 10, 100, 1000, 1e4, 1e6, 1e9][round % 7]
            let magnitude = [1e-4, 1e-2, 1.0, 1e3, 1e8, 1e12, 1e14][(round / 7) % 7]
            let decimal = digits / scale * magnitude
            let bits = Double(bitPattern: next() >> 2)
            for value in [decimal, -decimal, bits, decimal.nextUp, decimal.nextDown] where value.isFinite {
                var writer = JSONWriter()
                writer.double(value)
                if writer.text != value.description { mismatches.append(value.description) }
            }
        }
        #expect(mismatches == [])
    }

    @Test func copiesEveryLengthExactly() {
        // Word moves up to 16 bytes, memcpy beyond: the bytes copied and
        // nothing either side of them touched.
        let source = (0..<48).map { UInt8($0 + 1) }
        for count in 0...40 {
            var target = [UInt8](repeating: 0xEE, count: count + 8)
            source.withUnsafeBufferPointer { from in
                target.withUnsafeMutableBufferPointer { copyBytes(from: from.baseAddress!, to: $0.baseAddress! + 4, count: count) }
            }
            #expect(target == [0xEE, 0xEE, 0xEE, 0xEE] + source[0..<count] + [0xEE, 0xEE, 0xEE, 0xEE], "\(count)")
        }
    }

    @Test func writesIntegersAsDescriptionDoes() {
        // Every digit count (powers of ten and their neighbours), the extremes
        // and random values: two digits are written at a time.
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, Int64.max, Int64.min, Int64.min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var sequence = TestSequence(seed: 0x2545_F491_4F6C_DD1D)
        for _ in 0..<5_000 {
            let bits = sequence.nextBits()
            values.append(Int64(bitPattern: bits) >> (bits % 60))
        }
        for value in values {
            var writer = JSONWriter()
            writer.int(value)
            #expect(writer.text == String(value), "\(value)")
        }
    }

    @Test func escapesLongStringsWordByWord() throws {
        // Long enough for the room made ahead to run out several times (every
        // byte a six-byte escape), with escapes at every offset of a word and
        // U+2028 split across words.
        let piece = "ab\u{01}\"\\\u{2028}c\u{2029}\u{2027}é\n"
        let escaped = "ab\\u0001\\\"\\\\\\u2028c\\u2029\u{2027}é\\n"
        let controls = String(repeating: "\u{1F}", count: 3000)
        for prefix in 0..<9 {
            let head = String(repeating: "x", count: prefix)
            let text = head + String(repeating: piece, count: 300) + controls
            var writer = JSONWriter()
            writer.string(text)
            #expect(writer.text == "\"" + head + String(repeating: escaped, count: 300)
                + String(repeating: "\\u001f", count: 3000) + "\"")
        }
    }

    @Test func escapesLikeAByteByByteEscaper() {
        // 20,000 strings drawn from the bytes that matter (quotes, backslashes,
        // controls, U+2028/U+2029 and other E2 sequences, multi-byte letters) at
        // every length up to 80: the word-at-a-time writer agrees with the
        // plainest escaper, byte for byte.
        let pieces: [[UInt8]] = [[0x61], [0x22], [0x5C], [0x0A], [0x0D], [0x09], [0x08], [0x0C], [0x01], [0x1F], [0x00],
                                 [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x82, 0xAC], [0xE2, 0x80, 0xA7], [0xC3, 0xA9],
                                 [0x20], [0x7E], [0x2F]]
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let short: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x0A: 0x6E, 0x0D: 0x72, 0x09: 0x74, 0x08: 0x62, 0x0C: 0x66]
                if let letter = short[byte] {
                    out += [0x5C, letter]
                } else if byte < 0x20 {
                    out += Array("\\u00".utf8) + Array(String(byte >> 4, radix: 16).utf8) + Array(String(byte & 0xF, radix: 16).utf8)
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                } else {
                    out.append(byte)
                }
                index += 1
            }
            return out + [0x22]
        }
        var sequence = TestSequence(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { sequence.next(bound) }
        var mismatches = 0
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            let length = round % 81
            while bytes.count < length { bytes += pieces[next(pieces.count)] }
            var out: [UInt8] = []
            bytes.withUnsafeBufferPointer { JSONWriter.appendQuoted(utf8: $0, to: &out) }
            if out != reference(bytes) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func escapesStrings() throws {
        #expect(try normalize("[\"a\\u0000b\\n\\\"\\/\\u00e9\\u2028\"]") == "[\"a\\u0000b\\n\\\"/é\\u2028\"]")
    }

    @Test func rejectsTruncatedInputWithPosition() {
        let error = failure("{\"a\": [1, 2")
        #expect(error?.status == .malformedJSON)
        #expect(error?.position == 11)
        #expect(error?.line == 1)
        #expect(error?.column == 12)
        #expect(error?.message.hasPrefix("unexpected end of input: unclosed array") == true)
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = [0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]
        do {
            _ = try normalizeJSON(bytes)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.status == .malformedJSON)
            #expect(error.position == 3)
            #expect(error.message.hasPrefix("invalid UTF-8 byte"))
        }
    }

    @Test func rejectsLoneNUL() {
        let error = failure("[1]\u{0}")
        #expect(error?.status == .malformedJSON)
        #expect(error?.position == 3)
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        let error = failure(deep)
        #expect(error?.status == .malformedJSON)
        #expect(error?.position == 128)
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect((try? normalize(ok)) == ok)
    }

    @Test func rejectsHugeDeepNestingWithoutRecursion() {
        let deep = String(repeating: "[", count: 1_000_000)
        #expect(failure(deep)?.position == 128)
    }

    @Test func rejectsOutOfRangeNumbers() {
        #expect(failure("[18446744073709551615]")?.path == "[0]")
        #expect(failure("[18446744073709551616]")?.position == 1)
        #expect(failure("{\"x\": 1e400}")?.message.hasPrefix("number 1e400 is out of range") == true)
        #expect(failure("-9223372036854775809")?.position == 0)
    }

    @Test func rejectsDuplicateKeysWithPath() {
        let error = failure("{\"a\": {\"b\": 1, \"b\": 2}}")
        #expect(error?.status == .malformedJSON)
        #expect(error?.path == "a.b")
        #expect(error?.message == "duplicate key \"b\" in object")
        // The key is written as a JSON string: a control character in it never reaches a terminal raw.
        let control = failure("{\"\\u001b[2J\": 1, \"\\u001b[2J\": 2}")
        #expect(control?.message == "duplicate key \"\\u001b[2J\" in object")
        #expect(control?.path == "[\"\\u001b[2J\"]")
    }

    @Test func rejectsDuplicateKeysInLargeObjects() {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        #expect(failure("{\(members), \"k7\": 1}")?.path == "k7")
    }

    /// The first member that repeats an earlier key is reported, whichever
    /// key repeats first in the sorted order of a large object's keys.
    @Test func reportsTheFirstRepeatInLargeObjects() {
        let members = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        #expect(failure("{\(members), \"k9\": 1, \"k1\": 2}")?.path == "k9")
        #expect(failure("{\(members), \"x\": 1, \"y\": 2, \"y\": 3, \"x\": 4}")?.path == "y")
        #expect(failure("{\(members), \"\": 1, \"\": 2}")?.message == "duplicate key \"\" in object")
        #expect((try? normalize("{\(members)}")) != nil)
    }

    /// Keys of the same length, and keys that differ only in their last or
    /// first byte, are different keys; the empty key repeats like any other.
    @Test func comparesKeysByEveryByte() {
        #expect((try? normalize(#"{"end_time":1,"metadata":2,"abcdefghij":3,"abcdefghik":4,"xbcdefghij":5}"#)) != nil)
        #expect(failure(#"{"": 1, "a": 2, "": 3}"#)?.path == #"[""]"#)
        #expect(failure(#"{"abcdefghijklmnopq": 1, "abcdefghijklmnopq": 2}"#)?.path == "abcdefghijklmnopq")
    }

    /// An object's keys are checked when the pass reaches the object, before
    /// the values of its members: a duplicate key is reported ahead of an
    /// integer out of range inside an earlier member.
    @Test func checksAnObjectsKeysBeforeItsValues() {
        let error = failure(#"{"a": [18446744073709551615], "b": 1, "b": 2}"#)
        #expect(error?.path == "b")
        #expect(error?.message == "duplicate key \"b\" in object")
        #expect(failure(#"[{"a": 18446744073709551615}, {"b": 1, "b": 2}]"#)?.path == "[0].a")
    }

    @Test func rejectsEmptyAndGarbage() {
        #expect(failure("")?.message.hasPrefix("empty input") == true)
        #expect(failure("   ")?.position == 3)
        #expect(failure("[1,]")?.position == 3)
        #expect(failure("{\"a\" 1}")?.message.hasPrefix("expected ':' after object key") == true)
        #expect(failure("[1] [2]")?.message.hasPrefix("unexpected content after the JSON value") == true)
        #expect(failure("\"a\u{1}\"")?.message.hasPrefix("unescaped control character") == true)
        #expect(failure("[\"\\ud800\"]")?.message.hasPrefix("invalid \\u escape: high surrogate") == true)
    }

    @Test func linesAndColumnsCountNewlines() {
        let error = failure("{\n  \"a\": tru\n}")
        #expect(error?.line == 2)
        #expect(error?.column == 8)
    }

    @Test func pathsQuoteUnusualKeys() {
        #expect(JSONPath.member("", "a") == "a")
        #expect(JSONPath.member("a", "b.c") == "a[\"b.c\"]")
        #expect(JSONPath.member("a", "") == "a[\"\"]")
        #expect(JSONPath.element("a", 3) == "a[3]")
    }

    /// `RawNode.bytesEqual` compares words (8 bytes, the overlapping last 8,
    /// or 4 and 2 for short keys): for every length up to 40 it agrees with a
    /// byte comparison when the buffers are equal, when they differ in any one
    /// byte, and when only the lengths differ.
    @Test func bytesEqualComparesEveryByte() {
        for count in 0...40 {
            let left = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            left.withUnsafeBufferPointer { a in
                let same = Array(left)
                same.withUnsafeBufferPointer { b in #expect(RawNode.bytesEqual(a, b)) }
                for position in 0..<count {
                    var other = Array(left)
                    other[position] ^= 0x80
                    other.withUnsafeBufferPointer { b in #expect(!RawNode.bytesEqual(a, b)) }
                    other[position] = left[position] ^ 0x01
                    other.withUnsafeBufferPointer { b in #expect(!RawNode.bytesEqual(a, b)) }
                }
                let longer = left + [0]
                longer.withUnsafeBufferPointer { b in #expect(!RawNode.bytesEqual(a, b)) }
                #expect(RawNode.bytesEqual(a, UnsafeBufferPointer(start: nil, count: 0)) == (count == 0))
            }
        }
    }

    /// Duplicate keys are found whatever their length (the word compare's cases), and only them.
    @Test func duplicateKeysOfEveryLength() {
        for count in 1...20 {
            let key = String(repeating: "k", count: count - 1) + "x"
            let near = String(repeating: "k", count: count - 1) + "y"
            #expect((try? JSONDocument.parse("{\"\(key)\":1,\"\(near)\":2}")) != nil)
            var failure: AnalyzeError?
            do { _ = try JSONDocument.parse("{\"\(key)\":1,\"\(near)\":2,\"\(key)\":3}") } catch { failure = error }
            #expect(failure?.status == .malformedJSON)
            #expect(failure?.path == key)
        }
    }
}
