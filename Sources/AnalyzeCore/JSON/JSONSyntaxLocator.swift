/// Finds where, and why, a JSON text that simdjson rejected is malformed.
///
/// It runs only on the failure path, so it favours clarity over speed: an
/// iterative scanner (no recursion, whatever the nesting) over the RFC 8259
/// grammar, UTF-8 validity, the depth limit and number ranges. It reports the
/// first problem with its byte position and 1-based line and column.
enum JSONSyntaxLocator {
    /// The error for `bytes`; `fallback` (simdjson's message) is used when the
    /// scanner finds nothing wrong, which would mean the two disagree.
    static func locate(_ bytes: UnsafeRawBufferPointer, fallback: String) -> AnalyzeError {
        var scanner = Scanner(bytes: bytes)
        let problem = scanner.scan() ?? (scanner.position, fallback)
        return error(in: bytes, at: problem.0, problem.1)
    }

    private static func error(in bytes: UnsafeRawBufferPointer, at position: Int, _ message: String) -> AnalyzeError {
        var line = 1
        var column = 1
        var index = 0
        while index < position && index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return AnalyzeError(.malformedJSON, "\(message) at line \(line), column \(column) (byte \(position))",
                            position: position, line: line, column: column)
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        private enum Container { case array, object }

        /// The first problem as (position, message), or nil for a valid text.
        mutating func scan() -> (Int, String)? {
            var stack: [Container] = []
            skipSpace()
            if position >= bytes.count { return (position, "empty input: no JSON value") }
            while true {
                // Expect a value.
                skipSpace()
                guard position < bytes.count else { return (position, "unexpected end of input: a value is missing") }
                let byte = bytes[position]
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    if stack.count >= JSONDocument.maxDepth {
                        return (position, "nesting deeper than \(JSONDocument.maxDepth) levels")
                    }
                    position += 1
                    skipSpace()
                    if byte == UInt8(ascii: "{") {
                        stack.append(.object)
                        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                            position += 1
                        } else {
                            if let problem = scanKey() { return problem }
                            continue
                        }
                    } else {
                        stack.append(.array)
                        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                            position += 1
                        } else {
                            continue
                        }
                    }
                    stack.removeLast()
                } else if let problem = scanScalar() {
                    return problem
                }
                // After a value: close containers or take a comma.
                while true {
                    skipSpace()
                    guard let top = stack.last else {
                        if position < bytes.count { return (position, "unexpected content after the JSON value") }
                        return nil
                    }
                    guard position < bytes.count else {
                        return (position, "unexpected end of input: unclosed \(top == .array ? "array" : "object")")
                    }
                    let next = bytes[position]
                    if next == UInt8(ascii: ",") {
                        position += 1
                        if top == .object, let problem = scanKey() { return problem }
                        break
                    }
                    if (top == .array && next == UInt8(ascii: "]")) || (top == .object && next == UInt8(ascii: "}")) {
                        position += 1
                        stack.removeLast()
                        continue
                    }
                    return (position, top == .array ? "expected ',' or ']' in array" : "expected ',' or '}' in object")
                }
            }
        }

        private mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        /// A key and its colon.
        private mutating func scanKey() -> (Int, String)? {
            skipSpace()
            guard position < bytes.count else { return (position, "unexpected end of input: an object key is missing") }
            guard bytes[position] == UInt8(ascii: "\"") else { return (position, "expected a string key in object") }
            if let problem = scanString() { return problem }
            skipSpace()
            guard position < bytes.count else { return (position, "unexpected end of input: ':' is missing") }
            guard bytes[position] == UInt8(ascii: ":") else { return (position, "expected ':' after object key") }
            position += 1
            return nil
        }

        private mutating func scanScalar() -> (Int, String)? {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""): return scanString()
            case UInt8(ascii: "t"): return scanLiteral("true")
            case UInt8(ascii: "f"): return scanLiteral("false")
            case UInt8(ascii: "n"): return scanLiteral("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scanNumber()
            case 0x00: return (position, "unexpected NUL byte")
            default: return (position, "unexpected character where a value was expected")
            }
        }

        private mutating func scanLiteral(_ word: StaticString) -> (Int, String)? {
            let start = position
            var index = 0
            while index < word.utf8CodeUnitCount {
                guard position < bytes.count else { return (start, "unexpected end of input inside literal") }
                guard bytes[position] == word.utf8Start[index] else { return (start, "invalid literal") }
                position += 1
                index += 1
            }
            return nil
        }

        private mutating func scanNumber() -> (Int, String)? {
            let start = position
            var integerDigits: [UInt8] = []
            var negative = false
            if bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { return (start, "invalid number: a digit is missing") }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if position < bytes.count && isDigit(bytes[position]) { return (start, "invalid number: leading zero") }
                integerDigits = [UInt8(ascii: "0")]
            } else {
                while position < bytes.count && isDigit(bytes[position]) { integerDigits.append(bytes[position]); position += 1 }
            }
            var isInteger = true
            if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
                isInteger = false
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { return (start, "invalid number: digits must follow '.'") }
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
                isInteger = false
                position += 1
                if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
                guard position < bytes.count, isDigit(bytes[position]) else { return (start, "invalid number: digits must follow the exponent") }
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if isInteger {
                let limit = negative ? "9223372036854775808" : "18446744073709551615"
                if integerDigits.count > limit.utf8.count || (integerDigits.count == limit.utf8.count && String(decoding: integerDigits, as: UTF8.self) > limit) {
                    return (start, "integer \(text) is out of range: integers must fit in a signed 64-bit integer")
                }
            } else if let value = Double(text), !value.isFinite {
                return (start, "number \(text) is out of range of a double")
            }
            return nil
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// A string from its opening quote: escapes, control characters, UTF-8.
        private mutating func scanString() -> (Int, String)? {
            let start = position
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return nil
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { break }
                    switch bytes[position] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        position += 1
                    case UInt8(ascii: "u"):
                        if let problem = scanUnicodeEscape() { return problem }
                    default:
                        return (position - 1, "invalid escape sequence in string")
                    }
                case 0x00:
                    return (position, "unexpected NUL byte in string (must be escaped as \\u0000)")
                case 0x01..<0x20:
                    return (position, "unescaped control character in string")
                case 0x80...0xFF:
                    if let problem = scanUTF8() { return problem }
                default:
                    position += 1
                }
            }
            return (start, "unexpected end of input: unterminated string")
        }

        private func hexValue(at index: Int) -> UInt32? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(bytes[index] - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(bytes[index] - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(bytes[index] - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        private func unit(at index: Int) -> UInt32? {
            guard let a = hexValue(at: index), let b = hexValue(at: index + 1),
                  let c = hexValue(at: index + 2), let d = hexValue(at: index + 3) else { return nil }
            return a << 12 | b << 8 | c << 4 | d
        }

        /// `\uXXXX` (position at the `u`), with surrogate pairs checked.
        private mutating func scanUnicodeEscape() -> (Int, String)? {
            let start = position - 1
            guard let first = unit(at: position + 1) else { return (start, "invalid \\u escape: four hex digits expected") }
            position += 5
            if first >= 0xDC00 && first <= 0xDFFF { return (start, "invalid \\u escape: lone low surrogate") }
            if first >= 0xD800 && first <= 0xDBFF {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                      let second = unit(at: position + 2), second >= 0xDC00 && second <= 0xDFFF else {
                    return (start, "invalid \\u escape: high surrogate without a low surrogate")
                }
                position += 6
            }
            return nil
        }

        /// One multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
        private mutating func scanUTF8() -> (Int, String)? {
            let start = position
            let lead = bytes[position]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return (start, "invalid UTF-8 byte")
            }
            for offset in 1..<length {
                guard start + offset < bytes.count else { return (start, "truncated UTF-8 sequence") }
                let byte = bytes[start + offset]
                let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= min && byte <= max else { return (start, "invalid UTF-8 sequence") }
            }
            position += length
            return nil
        }
    }
}
