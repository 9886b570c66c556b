/// The library's version, mirrored by the `ANALYZE_VERSION_*` macros of `analyze.h`.
public enum AnalyzeVersion {
    /// Major version.
    public static let major = 0
    /// Minor version.
    public static let minor = 2
    /// Patch version.
    public static let patch = 0
    /// `major * 10000 + minor * 100 + patch`.
    public static let number = major * 10000 + minor * 100 + patch
    /// "major.minor.patch".
    public static let string: StaticString = "0.2.0"
    /// The ABI version, the SONAME suffix.
    public static let abi = 1
}
