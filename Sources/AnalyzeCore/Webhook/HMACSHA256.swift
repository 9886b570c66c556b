import COpenSSL

/// HMAC-SHA256 and constant-time comparison, both from libcrypto.
enum HMACSHA256 {
    /// Length of a digest, in bytes.
    static let digestLength = 32

    /// The HMAC-SHA256 of the concatenation of `parts`, keyed with `key`, fed to
    /// libcrypto's EVP_MAC piece by piece (the message is never copied whole).
    /// Throws `.outOfMemory` when libcrypto fails, which in practice means it
    /// could not allocate.
    static func authenticate(key: UnsafeRawBufferPointer, parts: [UnsafeRawBufferPointer]) throws(AnalyzeError) -> [UInt8] {
        let failure = AnalyzeError(.outOfMemory, "libcrypto could not compute HMAC-SHA256 (out of memory or no HMAC provider)")
        guard let algorithm = EVP_MAC_fetch(nil, "HMAC", nil) else { throw failure }
        defer { EVP_MAC_free(algorithm) }
        guard let context = EVP_MAC_CTX_new(algorithm) else { throw failure }
        defer { EVP_MAC_CTX_free(context) }

        var digestName = Array("SHA256".utf8CString)
        let initialized = digestName.withUnsafeMutableBufferPointer { name -> Int32 in
            var parameters = [OSSL_PARAM_construct_utf8_string("digest", name.baseAddress, 0), OSSL_PARAM_construct_end()]
            // EVP_MAC_init reads a NULL key as "keep the current key": give it a real address.
            var empty: UInt8 = 0
            return withUnsafePointer(to: &empty) { fallback in
                let keyBytes = key.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback
                return EVP_MAC_init(context, keyBytes, key.count, &parameters)
            }
        }
        guard initialized == 1 else { throw failure }
        for part in parts where part.count > 0 {
            guard let base = part.baseAddress?.assumingMemoryBound(to: UInt8.self),
                  EVP_MAC_update(context, base, part.count) == 1 else { throw failure }
        }
        var digest = [UInt8](repeating: 0, count: digestLength)
        var written = 0
        let finished = digest.withUnsafeMutableBufferPointer { buffer in
            EVP_MAC_final(context, buffer.baseAddress, &written, buffer.count)
        }
        guard finished == 1, written == digestLength else { throw failure }
        return digest
    }

    /// True when `a` and `b` hold the same bytes, compared with CRYPTO_memcmp
    /// (time independent of where they differ). Lengths are public and compared first.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }
}
