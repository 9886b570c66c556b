/// Finds where a string member is written in JSON text that has already been
/// parsed and checked (simdjson accepted it, the input rules found no
/// duplicate key), without parsing it again: a string already escaped the way
/// `JSONWriter` escapes (`JSONWriter.writtenStringEnd`) is then copied into
/// the output instead of being unescaped and escaped again. A task's
/// `result.data` is most of its body, and re-escaping it was a fifth of a
/// task parse.
///
/// The walk looks at the bytes of the members before the one it wants (their
/// strings byte by byte, their containers by depth), never past the text's
/// end; any text it does not expect gives nil, and the caller writes the
/// value as it always does.
enum JSONSourceText {
    /// The text between the quotes of the string at `keys` (member names from
    /// the root object down) in `json`, and its value's length in bytes, when
    /// the text is what `JSONWriter` writes for the value. Nil when a member
    /// on the way is absent or its name is written with an escape, when the
    /// value is not a string, or when it is escaped some other way.
    static func writtenString(in json: UnsafeRawBufferPointer, at keys: [StaticString]) -> (text: UnsafeBufferPointer<UInt8>, valueCount: Int)? {
        let bytes = json.assumingMemoryBound(to: UInt8.self)
        var index = skipSpace(bytes, from: 0)
        for key in keys {
            guard let value = member(key, ofObjectAt: index, in: bytes) else { return nil }
            index = value
        }
        guard index < bytes.count, bytes[index] == quote,
              let (end, valueCount) = JSONWriter.writtenStringEnd(bytes, from: index + 1) else { return nil }
        return (UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), valueCount)
    }

    private static let quote = UInt8(ascii: "\"")

    /// The index of the value of the member named `key` (written without an
    /// escape) of the object starting at `start`, or nil. Names are unique
    /// (the input rules refuse duplicates), so the first match is the member.
    private static func member(_ key: StaticString, ofObjectAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        var index = skipSpace(bytes, from: start + 1)
        while index < bytes.count, bytes[index] == quote {
            guard let nameEnd = stringEnd(bytes, from: index + 1) else { return nil }
            let matches = RawNode.bytesEqual(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<nameEnd]), name)
            index = skipSpace(bytes, from: nameEnd + 1)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, from: index + 1)
            if matches { return index }
            guard let after = valueEnd(bytes, from: index) else { return nil }
            index = skipSpace(bytes, from: after)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, from: index + 1)
        }
        return nil
    }

    /// The index of the quote that ends the string whose text starts at `start`.
    private static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case quote: return index
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    /// One past the end of the value starting at `start`.
    private static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case quote:
                guard let end = stringEnd(bytes, from: index + 1) else { return nil }
                index = end + 1
                if depth == 0 { return index }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // At depth 0 this ends the object holding a scalar value.
                if depth == 0 { return index }
                depth -= 1
                index += 1
                if depth == 0 { return index }
            case UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if depth == 0 { return index }
                index += 1
            default:
                index += 1
            }
        }
        return depth == 0 ? index : nil
    }

    /// The index of the first byte from `start` on that is not JSON whitespace.
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return index
            }
        }
        return index
    }
}
