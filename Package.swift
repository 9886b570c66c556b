// swift-tools-version:6.0
// Swift developers' build: `swift build`, `swift test`. The distributed
// libanalyze.so (static Swift runtime, version script, SONAME) is built by CMake.
import PackageDescription

let package = Package(
    name: "analyze",
    products: [
        .library(name: "AnalyzeCore", targets: ["AnalyzeCore"]),
        .library(name: "analyze", type: .dynamic, targets: ["analyze"]),
    ],
    targets: [
        .target(
            name: "CSimdJSON",
            cxxSettings: [.unsafeFlags(["-fno-exceptions"])],
            linkerSettings: [.linkedLibrary("simdjson")]
        ),
        .systemLibrary(name: "CAnalyze", path: "Sources/CAnalyze"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto"),
        .target(name: "AnalyzeCore", dependencies: ["CSimdJSON", "COpenSSL"]),
        .target(name: "analyze", dependencies: ["AnalyzeCore", "CAnalyze"]),
        // Swift tests live in SwiftTests/, not Tests/: tests/ (the C, fixture and
        // reliability tests) would collide with Tests/ on case-insensitive file systems.
        .testTarget(name: "AnalyzeCoreTests", dependencies: ["AnalyzeCore", "CSimdJSON"], path: "SwiftTests/AnalyzeCoreTests"),
    ],
    cxxLanguageStandard: .cxx17
)
