import AnalyzeCore

/// `analyze_version_number`: the runtime version number.
@_cdecl("analyze_version_number")
public func analyze_version_number() -> Int32 { Int32(AnalyzeVersion.number) }

/// `analyze_version_string`: the runtime version text (static storage).
@_cdecl("analyze_version_string")
public func analyze_version_string() -> UnsafePointer<CChar> {
    UnsafeRawPointer(AnalyzeVersion.string.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// `analyze_abi_version`: the runtime ABI version.
@_cdecl("analyze_abi_version")
public func analyze_abi_version() -> Int32 { Int32(AnalyzeVersion.abi) }
