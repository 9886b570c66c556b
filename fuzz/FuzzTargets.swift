// The entry points the fuzzer drives, each called with the raw input bytes.
import CAnalyze

/// Calls one C entry point with (bytes, length) and frees whatever it returned.
typealias FuzzTarget = (UnsafePointer<CChar>, Int) -> Void

let fuzzTargets: [FuzzTarget] = [
    { text, size in
        var out: UnsafeMutablePointer<CChar>? = nil
        var error = analyze_error_t()
        _ = analyze_json_normalize(&out, text, size, &error)
        analyze_free(out)
    },
]
