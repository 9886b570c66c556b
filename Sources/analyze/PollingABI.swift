import AnalyzeCore
import CAnalyze

/// `analyze_poll_next`: the polling decision after a task state or an API error.
@_cdecl("analyze_poll_next")
public func analyze_poll_next(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                              _ state: UnsafePointer<CChar>?, _ length: Int, _ attempt: UInt32,
                              _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                              _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(state, length, "state_json", options, optionsLength, "options") { stateBytes, optionBytes throws(AnalyzeError) in
            try pollNext(stateJSON: stateBytes, attempt: attempt, optionsJSON: optionBytes)
        }
    }
}
