/// Percent-encoding of URL path segments and query values (RFC 3986).
enum PercentEncoding {
    /// `bytes` with every byte outside the unreserved set (`A–Z a–z 0–9 - . _ ~`)
    /// written as `%XX` (upper-case hex). Safe for a path segment and a query value.
    static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` percent-encoded.
    static func encode(_ text: String) -> String { encode(text.utf8) }
}
