import AnalyzeCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `analyze_strerror`: static text for a status code.
@_cdecl("analyze_strerror")
public func analyze_strerror(_ code: Int32) -> UnsafePointer<CChar> {
    let text: StaticString = AnalyzeStatus(rawValue: code)?.text ?? "unknown status"
    return UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// `analyze_free`: releases what the library returned; NULL is allowed.
@_cdecl("analyze_free")
public func analyze_free(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}
