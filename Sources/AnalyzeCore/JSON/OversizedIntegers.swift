/// Integers beyond 64 bits in otherwise well-formed JSON (`"max_tokens":
/// 99999999999999999999`). simdjson and the input rules refuse them, which
/// would make a well-formed request unusable input; for requests, the
/// validator instead reports each one as an issue at its path.
enum OversizedIntegers {
    /// One integer literal outside the signed 64-bit range.
    struct Found {
        /// Where it is in the document.
        let path: FieldPath
        /// The literal as written.
        let literal: String
    }

    /// The most such literals reported; a text with more stays malformed input
    /// (which keeps finding their paths linear in the input's size).
    static let maxFound = 64

    /// Parses `bytes` like `JSONDocument.parse`. When that fails and the text
    /// holds 1 to `maxFound` integer literals outside the signed 64-bit range,
    /// parses a copy with each of them written as `0` and returns them with
    /// their paths; the original error is thrown otherwise, or when the copy
    /// fails too.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(AnalyzeError) -> (document: JSONDocument, found: [Found]) {
        let original: AnalyzeError
        do {
            return (try JSONDocument.parse(bytes), [])
        } catch {
            original = error
        }
        guard original.status == .malformedJSON else { throw original }
        let tokens = scan(bytes)
        guard !tokens.isEmpty && tokens.count <= maxFound else { throw original }
        var copy: [UInt8] = []
        copy.reserveCapacity(bytes.count)
        var position = 0
        for token in tokens {
            copy.append(contentsOf: bytes[position..<token.range.lowerBound])
            copy.append(UInt8(ascii: "0"))
            position = token.range.upperBound
        }
        copy.append(contentsOf: bytes[position..<bytes.count])
        guard let document = try? JSONDocument.parse(copy) else { throw original }
        var found: [Found] = []
        for token in tokens {
            guard let path = resolve(token.steps, in: document.root) else { throw original }
            found.append(Found(path: path, literal: String(decoding: bytes[token.range], as: UTF8.self)))
        }
        return (document, found)
    }

    /// A literal's byte range and its place as (is object, member or element ordinal) steps.
    private struct Token {
        let range: Range<Int>
        let steps: [(object: Bool, ordinal: Int)]
    }

    /// The integer literals outside Int64 in a text assumed well-formed
    /// (containers tracked by ordinal; strings skipped with their escapes).
    private static func scan(_ bytes: UnsafeRawBufferPointer) -> [Token] {
        var tokens: [Token] = []
        var stack: [(object: Bool, ordinal: Int)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append((byte == UInt8(ascii: "{"), 0))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                index += 1
            case UInt8(ascii: ","):
                if !stack.isEmpty { stack[stack.count - 1].ordinal += 1 }
                index += 1
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                var integral = true
                while index < bytes.count {
                    let next = bytes[index]
                    if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                        integral = false
                    } else if !(next == UInt8(ascii: "-") || next == UInt8(ascii: "+") || (next >= 0x30 && next <= 0x39)) {
                        break
                    }
                    index += 1
                }
                if integral && outsideInt64(bytes[start..<index]) {
                    tokens.append(Token(range: start..<index, steps: stack))
                    if tokens.count > maxFound { return tokens }
                }
            default:
                index += 1
            }
        }
        return tokens
    }

    /// True for a `-?digits` literal beyond −2^63…2^63−1.
    private static func outsideInt64(_ literal: Slice<UnsafeRawBufferPointer>) -> Bool {
        let negative = literal.first == UInt8(ascii: "-")
        let digits = Array(negative ? literal.dropFirst() : literal[...])
        let limit = Array((negative ? "9223372036854775808" : "9223372036854775807").utf8)
        if digits.count != limit.count { return digits.count > limit.count }
        return digits.lexicographicallyPrecedes(limit) == false && digits != limit
    }

    /// The path of `steps` in `root` (member ordinals resolved to their keys).
    private static func resolve(_ steps: [(object: Bool, ordinal: Int)], in root: JSONNode) -> FieldPath? {
        var path = FieldPath.root
        var node = root
        for step in steps {
            if step.object {
                let members = node.members
                guard step.ordinal < members.count else { return nil }
                path = path.key(members[step.ordinal].key)
                node = members[step.ordinal].value
            } else {
                var index = 0
                var child: JSONNode? = nil
                for element in node.elements {
                    if index == step.ordinal { child = element; break }
                    index += 1
                }
                guard let child else { return nil }
                path = path.index(step.ordinal)
                node = child
            }
        }
        return path
    }
}
