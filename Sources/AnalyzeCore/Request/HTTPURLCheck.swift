/// Checks absolute http/https URLs (video and image sources, `base_url`).
enum HTTPURLCheck {
    /// Why `text` is not an absolute http or https URL with a host, or nil when it is.
    /// White space and control characters are refused anywhere; a port must be 1–65535.
    static func problem(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return "must not be empty" }
        for (offset, scalar) in scalars.enumerated() where scalar.value <= 0x20 || scalar.value == 0x7F {
            return "must be an absolute http or https URL; it contains white space or a control character at offset \(offset)"
        }
        let rest: ArraySlice<Unicode.Scalar>
        if hasScheme("https://", scalars) {
            rest = scalars.dropFirst(8)
        } else if hasScheme("http://", scalars) {
            rest = scalars.dropFirst(7)
        } else {
            return "must be an absolute http or https URL (starting with http:// or https://)"
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") { hostPort = authority[authority.index(after: at)...] }
        var host = hostPort
        var port: ArraySlice<Unicode.Scalar> = []
        if hostPort.first == "[" {
            guard let close = hostPort.firstIndex(of: "]") else { return "has an unterminated [IPv6] host" }
            host = hostPort[hostPort.startIndex...close]
            let after = hostPort[hostPort.index(after: close)...]
            if let colon = after.first {
                guard colon == ":" else { return "has characters after the [IPv6] host" }
                port = after.dropFirst()
            }
        } else if let colon = hostPort.firstIndex(of: ":") {
            host = hostPort[hostPort.startIndex..<colon]
            port = hostPort[hostPort.index(after: colon)...]
        }
        if host.isEmpty || host == ["[", "]"] { return "must be an absolute http or https URL with a host" }
        if !port.isEmpty {
            guard port.count <= 5, port.allSatisfy({ $0 >= "0" && $0 <= "9" }),
                  let number = Int(String(String.UnicodeScalarView(port))), number >= 1, number <= 65535 else {
                return "has an invalid port (must be 1-65535)"
            }
        }
        return nil
    }

    /// True when the first 8 scalars, lowercased, start with `scheme` (as
    /// `String.hasPrefix` compares them: by characters). ASCII scalars are
    /// compared as bytes; a prefix with any other scalar is compared as text.
    private static func hasScheme(_ scheme: StaticString, _ scalars: [Unicode.Scalar]) -> Bool {
        let head = scalars.prefix(8)
        guard head.allSatisfy(\.isASCII) else {
            return String(String.UnicodeScalarView(head)).lowercased().hasPrefix(scheme.description)
        }
        guard head.count >= scheme.utf8CodeUnitCount else { return false }
        var index = head.startIndex
        for byte in UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount) {
            var value = head[index].value
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            if value != UInt32(byte) { return false }
            index += 1
        }
        return true
    }
}
