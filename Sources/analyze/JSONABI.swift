import AnalyzeCore
import CAnalyze

/// `analyze_json_normalize`: compact re-serialization of a JSON document.
@_cdecl("analyze_json_normalize")
public func analyze_json_normalize(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   _ json: UnsafePointer<CChar>?, _ length: Int,
                                   _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInput(json, length) { bytes throws(AnalyzeError) in try normalizedJSON(bytes) }
    }
}
