/// Checks base64 payloads (`base64_string`) without decoding them.
enum Base64Check {
    /// The largest decoded size the API takes for a limit of `megabytes` MB
    /// (read as MiB), and the size above which a warning is given (MB read as
    /// 10^6 bytes).
    static func limits(megabytes: Int) -> (max: Int, warn: Int) {
        (megabytes * 1024 * 1024, megabytes * 1_000_000)
    }

    /// The outcome of a check.
    enum Outcome: Equatable {
        /// Well-formed; the size of the decoded data.
        case valid(decodedBytes: Int)
        /// Malformed; why.
        case invalid(String)
    }

    /// Checks standard base64 (RFC 4648 §4: `A–Z a–z 0–9 + /`, `=` padding to a
    /// multiple of 4, no white space, no line breaks, no data-URL prefix); with
    /// `paddingOptional`, the `=` padding may also be left out.
    static func check(_ text: String, paddingOptional: Bool = false) -> Outcome {
        var text = text
        return text.withUTF8 { check(utf8: $0, paddingOptional: paddingOptional) }
    }

    static func check(utf8 bytes: UnsafeBufferPointer<UInt8>, paddingOptional: Bool = false) -> Outcome {
        let count = bytes.count
        if count == 0 { return .invalid("must not be empty") }
        if count >= 5 && bytes[0] == UInt8(ascii: "d") && bytes[1] == UInt8(ascii: "a") && bytes[2] == UInt8(ascii: "t")
            && bytes[3] == UInt8(ascii: "a") && bytes[4] == UInt8(ascii: ":") {
            return .invalid("is a data URL; pass only the base64 data after the comma")
        }
        var padding = 0
        for index in 0..<count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                if padding > 0 { return .invalid("is not valid base64: data after the = padding at offset \(index)") }
            case UInt8(ascii: "="):
                padding += 1
                if padding > 2 { return .invalid("is not valid base64: more than two = padding characters") }
            case UInt8(ascii: "-"), UInt8(ascii: "_"):
                return .invalid("is not valid base64: \(Character(Unicode.Scalar(byte))) at offset \(index) belongs to the URL-safe alphabet; use standard base64 (+ and /)")
            case UInt8(ascii: " "), 0x09, 0x0A, 0x0D:
                return .invalid("is not valid base64: white space or a line break at offset \(index); remove all white space")
            default:
                return .invalid("is not valid base64: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(index) is not in the alphabet A-Z a-z 0-9 + /")
            }
        }
        if paddingOptional && padding == 0 && count % 4 != 1 {
            return .valid(decodedBytes: count / 4 * 3 + max(count % 4 - 1, 0))
        }
        if count % 4 != 0 {
            return .invalid("is not valid base64: its length \(count) is not a multiple of 4 (missing = padding?)")
        }
        return .valid(decodedBytes: count / 4 * 3 - padding)
    }
}
