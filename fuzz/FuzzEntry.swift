// libFuzzer entry point: feeds every input to every JSON-reading entry point of
// the C ABI. A Swift trap, a crash or a sanitizer report fails the run; any
// status code is a pass. New entry points are added to `FuzzTargets.swift`.
import CAnalyze

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    data.withMemoryRebound(to: CChar.self, capacity: max(size, 1)) { text in
        for target in fuzzTargets {
            target(text, size)
        }
    }
    return 0
}
