/// The parsed `TL-Signature` header: `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`.
///
/// Grammar (checked strictly, every failure is `.webhookHeader`):
/// - items are separated by `,`; spaces and tabs around an item, its key and
///   its value are ignored; an empty item is malformed;
/// - each item is `key=value` (split at the first `=`) with a non-empty key;
///   keys are case-sensitive;
/// - exactly one `t`, decimal digits whose value fits in a signed 64-bit
///   integer (leading zeros allowed, and kept in `timestampText`);
/// - at least one `v1`, each exactly 64 hex digits (a SHA-256 digest; either
///   case is accepted, the signer writes lowercase);
/// - other keys (other signature schemes such as `v0`) are ignored, values unchecked.
///
/// Error messages name items by position and never repeat a value.
public struct WebhookSignatureHeader: Sendable, Equatable {
    /// The timestamp's digits exactly as they appear in the header: the signed
    /// payload starts with these bytes, not with a re-formatted number.
    public var timestampText: [UInt8]
    /// The timestamp, in Unix seconds.
    public var timestamp: Int64
    /// The decoded `v1` signatures (32 bytes each), in header order.
    public var signatures: [[UInt8]]

    /// Parses the header bytes; empty (or only blanks) means the header is missing.
    public static func parse(_ header: UnsafeRawBufferPointer) throws(AnalyzeError) -> WebhookSignatureHeader {
        let bytes = [UInt8](header)
        guard !trim(bytes[...]).isEmpty else {
            throw AnalyzeError(.webhookHeader, "the signature header is missing or empty")
        }
        var timestamp: (text: [UInt8], value: Int64)? = nil
        var signatures: [[UInt8]] = []
        var otherSchemes = 0
        var itemNumber = 0
        for rawItem in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            itemNumber += 1
            let item = trim(rawItem)
            guard !item.isEmpty else {
                throw AnalyzeError(.webhookHeader, "item \(itemNumber) of the signature header is empty")
            }
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else {
                throw AnalyzeError(.webhookHeader, "item \(itemNumber) of the signature header is not a key=value pair")
            }
            let key = trim(item[item.startIndex..<equals])
            let value = trim(item[item.index(after: equals)...])
            guard !key.isEmpty else {
                throw AnalyzeError(.webhookHeader, "item \(itemNumber) of the signature header has an empty key")
            }
            if key.elementsEqual("t".utf8) {
                guard timestamp == nil else {
                    throw AnalyzeError(.webhookHeader, "the signature header has more than one timestamp t")
                }
                timestamp = (Array(value), try parseTimestamp(value))
            } else if key.elementsEqual("v1".utf8) {
                signatures.append(try parseSignature(value, number: signatures.count + 1))
            } else {
                otherSchemes += 1
            }
        }
        guard let timestamp else {
            throw AnalyzeError(.webhookHeader, "the signature header has no timestamp t=")
        }
        guard !signatures.isEmpty else {
            let others = otherSchemes > 0 ? " (only other schemes, which are ignored)" : ""
            throw AnalyzeError(.webhookHeader, "the signature header has no v1= signature\(others)")
        }
        return WebhookSignatureHeader(timestampText: timestamp.text, timestamp: timestamp.value, signatures: signatures)
    }

    private static func parseTimestamp(_ text: ArraySlice<UInt8>) throws(AnalyzeError) -> Int64 {
        guard !text.isEmpty, text.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw AnalyzeError(.webhookHeader, "the timestamp t is not a non-negative decimal integer")
        }
        var value: Int64 = 0
        for digit in text {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else {
                throw AnalyzeError(.webhookHeader, "the timestamp t is out of range (above 9223372036854775807)")
            }
            value = sum
        }
        return value
    }

    private static func parseSignature(_ text: ArraySlice<UInt8>, number: Int) throws(AnalyzeError) -> [UInt8] {
        let expected = HMACSHA256.digestLength * 2
        guard text.count == expected else {
            throw AnalyzeError(.webhookHeader, "signature v1 number \(number) has \(text.count) characters, not \(expected) hex digits")
        }
        guard let digest = Hex.decode(text) else {
            throw AnalyzeError(.webhookHeader, "signature v1 number \(number) is not hexadecimal")
        }
        return digest
    }

    /// `bytes` without leading and trailing spaces and tabs.
    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
