import AnalyzeCore
import CAnalyze

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Conversions between the C ABI's types and the core's, shared by every entry point.
enum CBridge {
    /// Runs `body` over the input bytes, or reports why the pointer/length pair is unusable.
    static func withInput<R: ~Copyable>(_ pointer: UnsafePointer<CChar>?, _ length: Int, name: String = "json",
                             _ body: (UnsafeRawBufferPointer) throws(AnalyzeError) -> R) throws(AnalyzeError) -> R {
        if length < 0 || length > JSONDocument.maxInputBytes {
            throw AnalyzeError(.invalidArgument, "\(name) length is out of range (at most \(JSONDocument.maxInputBytes) bytes)")
        }
        guard let pointer else {
            if length == 0 { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            throw AnalyzeError(.invalidArgument, "\(name) is NULL but its length is \(length)")
        }
        return try body(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// `withInput` over two pointer/length pairs, checked in the order given.
    static func withInputs<R: ~Copyable>(_ first: UnsafePointer<CChar>?, _ firstLength: Int, _ firstName: String,
                              _ second: UnsafePointer<CChar>?, _ secondLength: Int, _ secondName: String,
                              _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(AnalyzeError) -> R) throws(AnalyzeError) -> R {
        try withInput(first, firstLength, name: firstName) { firstBytes throws(AnalyzeError) in
            try withInput(second, secondLength, name: secondName) { secondBytes throws(AnalyzeError) in
                try body(firstBytes, secondBytes)
            }
        }
    }

    /// Fills the caller's error detail (when given) and returns the status code.
    static func fail(_ error: AnalyzeError, _ detail: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
        if let detail {
            detail.pointee.code = error.status.rawValue
            copy(error.message, into: &detail.pointee.message)
            copy(error.path, into: &detail.pointee.path)
            detail.pointee.position = Int64(error.position)
            detail.pointee.line = Int32(clamping: error.line)
            detail.pointee.column = Int32(clamping: error.column)
        }
        return error.status.rawValue
    }

    /// Resets the caller's error detail to "success" and returns ANALYZE_OK.
    static func succeed(_ detail: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
        if let detail {
            detail.pointee.code = 0
            copy("", into: &detail.pointee.message)
            copy("", into: &detail.pointee.path)
            detail.pointee.position = -1
            detail.pointee.line = 0
            detail.pointee.column = 0
        }
        return 0
    }

    /// Runs a function that produces the output for `*out`: sets `*out` to NULL
    /// first, to the new string on success, and maps every failure to a code.
    static func produce<Output: CString & ~Copyable>(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                         _ detail: UnsafeMutablePointer<analyze_error_t>?,
                                         _ body: () throws(AnalyzeError) -> Output) -> Int32 {
        guard let out else {
            return fail(AnalyzeError(.invalidArgument, "out is NULL"), detail)
        }
        out.pointee = nil
        do {
            out.pointee = try body().cString()
            return succeed(detail)
        } catch {
            return fail(error, detail)
        }
    }

    /// Copies `text` NUL-terminated into a fixed C char array, cut on a UTF-8 boundary.
    static func copy<T>(_ text: String, into field: inout T) {
        withUnsafeMutableBytes(of: &field) { raw in
            guard raw.count > 0 else { return }
            var length = 0
            let utf8 = Array(text.utf8)
            length = min(utf8.count, raw.count - 1)
            // Step back over continuation bytes so a character is never cut in half.
            if length < utf8.count {
                while length > 0 && (utf8[length] & 0xC0) == 0x80 { length -= 1 }
            }
            for index in 0..<length { raw[index] = utf8[index] }
            raw[length] = 0
        }
    }
}

/// Output an entry point hands to C as a NUL-terminated string the caller
/// frees with `analyze_free` (= `free`).
protocol CString: ~Copyable {
    /// The output as a new malloc'd NUL-terminated string.
    consuming func cString() throws(AnalyzeError) -> UnsafeMutablePointer<CChar>
}

extension JSONWriter: CString {
    /// The writer's own allocation, handed over without a copy.
    consuming func cString() -> UnsafeMutablePointer<CChar> { handOff() }
}

extension Array: CString where Element == UInt8 {
    /// The bytes copied into a new allocation.
    consuming func cString() throws(AnalyzeError) -> UnsafeMutablePointer<CChar> {
        guard let memory = malloc(count + 1) else {
            throw AnalyzeError(.outOfMemory, "out of memory allocating \(count + 1) bytes")
        }
        let target = memory.assumingMemoryBound(to: UInt8.self)
        withUnsafeBufferPointer { source in
            if let base = source.baseAddress { target.update(from: base, count: source.count) }
        }
        target[count] = 0
        return memory.assumingMemoryBound(to: CChar.self)
    }
}
