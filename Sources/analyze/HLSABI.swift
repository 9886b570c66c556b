import AnalyzeCore
import CAnalyze

/// `analyze_segments_hls`: the segments of a task as an HLS WebVTT rendition.
@_cdecl("analyze_segments_hls")
public func analyze_segments_hls(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ task: UnsafePointer<CChar>?, _ length: Int,
                                 _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                 _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(task, length, "task_json", options, optionsLength, "options") { taskBytes, optionBytes throws(AnalyzeError) in
            try exportHLS(taskBytes, options: optionBytes)
        }
    }
}
