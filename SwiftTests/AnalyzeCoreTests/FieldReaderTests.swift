import Testing
@testable import AnalyzeCore

/// The decoder's member reads: keys compared as bytes on the tape
/// (`KnownFields`, `FieldReader`'s key signature) and URL schemes compared
/// scalar by scalar, each answering as the `String` comparisons they replace.
@Suite("Field reads")
struct FieldReaderTests {
    @Test func knownFieldsMatchWholeKeysOnly() {
        let known = KnownFields(["name", "type", "description", "format", "enum", "items"])
        #expect(known.names == ["name", "type", "description", "format", "enum", "items"])
        func contains(_ key: String) -> Bool { Array(key.utf8).withUnsafeBufferPointer { known.contains($0) } }
        for key in ["name", "type", "description", "format", "enum", "items"] { #expect(contains(key), "\(key)") }
        for key in ["", "nam", "names", "Name", "typf", "item", "itemsx", "descriptio", "é"] { #expect(!contains(key), "\(key)") }
        let empty = KnownFields([])
        #expect(Array("name".utf8).withUnsafeBufferPointer { empty.contains($0) } == false)
    }

    @Test func membersFoundByBytes() throws {
        // "type" and "typf", "ab" and "ba", "" and "x": the same length, and
        // keys whose signatures may collide, are still told apart by their bytes.
        let document = try JSONDocument.parse(#"{"typf":1,"ba":"x","":true,"é":2.5,"type":"t"}"#)
        let reader = FieldReader(node: document.root, path: .root)
        #expect(reader.member("type")?.string == "t")
        #expect(reader.member("typf")?.int64 == 1)
        #expect(reader.member("ba")?.string == "x")
        #expect(reader.member("ab") == nil)
        #expect(reader.member("")?.bool == true)
        #expect(reader.member("é")?.double == 2.5)
        #expect(reader.member("types") == nil)
        #expect(reader.member("x") == nil)
        var issues = IssueCollector()
        #expect(reader.string("type", &issues) == "t")
        #expect(reader.integer("typf", &issues) == 1)
        #expect(reader.number("é", &issues) == 2.5)
        #expect(reader.string("ab", &issues) == nil)
        reader.rejectUnknown(KnownFields(["type", "ba", "", "é"]), &issues)
        let found = issues.report(root: document.root).issues.map { "\($0.path): \($0.message)" }
        #expect(found == ["typf: unknown field (did you mean type?); allowed here: type, ba, , é"])
    }

    @Test func choiceComparesRawValueBytes() throws {
        let document = try JSONDocument.parse(#"{"a":"number","b":"numbe","c":"numbers","d":"NUMBER"}"#)
        let reader = FieldReader(node: document.root, path: .root)
        var issues = IssueCollector()
        let a: SegmentFieldType? = reader.choice("a", &issues)
        let b: SegmentFieldType? = reader.choice("b", &issues)
        let c: SegmentFieldType? = reader.choice("c", &issues)
        let d: SegmentFieldType? = reader.choice("d", &issues)
        #expect(a == .number)
        #expect(b == nil && c == nil && d == nil)
        let got = issues.report(root: document.root).issues.map { $0.path + " " + ($0.message.split(separator: ";").last ?? "") }
        #expect(got == ["b  got \"numbe\"", "c  got \"numbers\"", "d  got \"NUMBER\""])
    }

    @Test func schemesAsHasPrefixReadThem() {
        // ASCII prefixes compared scalar by scalar; others as lowercased text,
        // where a combining mark after "http://" joins the "/" and fails.
        for good in ["HtTpS://e.com", "hTTp://e.com", "http://éxample.com", "https://e.com/\u{301}"] {
            #expect(HTTPURLCheck.problem(good) == nil, "\(good)")
        }
        let scheme = "must be an absolute http or https URL (starting with http:// or https://)"
        for bad in ["http://\u{301}e.com", "http:/e.com", "htp://e.com", "https:", "h", "\u{212A}ttp://e.com", "httpé://e.com"] {
            #expect(HTTPURLCheck.problem(bad) == scheme, "\(bad)")
        }
    }

    /// A member object's reader (`objectReader`) makes its path from its
    /// parent's only when asked: at the root, inside an element of a list,
    /// and one object further in.
    @Test func objectReadersKeepTheirPaths() throws {
        let document = try JSONDocument.parse(#"{"a":{"b":{"c":1}},"l":[{},{"o":{"p":{"q":2}}}]}"#)
        var issues = IssueCollector()
        let root = FieldReader(node: document.root, path: .root)
        let a = try #require(root.objectReader("a", &issues))
        #expect(a.path.text == "a")
        let b = try #require(a.objectReader("b", &issues))
        #expect(b.path.text == "a.b")
        #expect(b.integer("c", &issues) == 1)
        let elements = try #require(root.objects("l", &issues) { reader, _ in reader })
        let o = try #require(elements[1]?.objectReader("o", &issues))
        #expect(o.path.text == "l[1].o")
        let p = try #require(o.objectReader("p", &issues))
        #expect(p.path.text == "l[1].o.p")
        #expect(p.string("q", &issues) == nil)
        #expect(root.objectReader("l", &issues) == nil)
        #expect(root.objectReader("absent", &issues) == nil)
        let found = issues.report(root: document.root).issues.map { "\($0.path): \($0.message)" }
        #expect(found == ["l: must be an object, not an array", "l[1].o.p.q: must be a string, not an integer"])
    }
}
