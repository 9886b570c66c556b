import AnalyzeCore
import CAnalyze

/// `analyze_response_parse`: an HTTP response of the API, normalized; for a
/// non-2xx status `*out` is the API error object and the code ANALYZE_EAPI.
@_cdecl("analyze_response_parse")
public func analyze_response_parse(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   _ kind: Int32, _ httpStatus: Int32,
                                   _ headers: UnsafePointer<CChar>?, _ headersLength: Int,
                                   _ body: UnsafePointer<CChar>?, _ bodyLength: Int,
                                   _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                   _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    guard let out else {
        return CBridge.fail(AnalyzeError(.invalidArgument, "out is NULL"), error)
    }
    out.pointee = nil
    do throws(AnalyzeError) {
        let outcome = try CBridge.withInput(headers, headersLength, name: "headers_json") { headerBytes throws(AnalyzeError) in
            try CBridge.withInput(body, bodyLength, name: "body") { bodyBytes throws(AnalyzeError) in
                try CBridge.withInput(options, optionsLength, name: "options") { optionBytes throws(AnalyzeError) in
                    try parsedResponse(kind: kind, httpStatus: httpStatus, headers: headerBytes,
                                       body: bodyBytes, options: optionBytes)
                }
            }
        }
        switch consume outcome {
        case .success(let writer):
            out.pointee = writer.handOff()
            return CBridge.succeed(error)
        case .apiError(let object, let apiError):
            out.pointee = object.handOff()
            return CBridge.fail(apiError, error)
        }
    } catch let failure {
        return CBridge.fail(failure, error)
    }
}

/// `analyze_task_parse`: a task body, normalized.
@_cdecl("analyze_task_parse")
public func analyze_task_parse(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                               _ body: UnsafePointer<CChar>?, _ length: Int,
                               _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                               _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(body, length, "body", options, optionsLength, "options") { bodyBytes, optionBytes throws(AnalyzeError) in
            try parsedTask(bodyBytes, options: optionBytes)
        }
    }
}

/// `analyze_segments_export`: the segments of a task body as WebVTT, CSV or JSON.
@_cdecl("analyze_segments_export")
public func analyze_segments_export(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    _ body: UnsafePointer<CChar>?, _ length: Int,
                                    _ format: UnsafePointer<CChar>?,
                                    _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                    _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        let formatName = format.map { String(cString: $0) }
        return try CBridge.withInputs(body, length, "task_body", options, optionsLength, "options") { bodyBytes, optionBytes throws(AnalyzeError) in
            try exportSegments(bodyBytes, format: formatName, options: optionBytes)
        }
    }
}

/// `analyze_webhook_parse`: a webhook event body, normalized.
@_cdecl("analyze_webhook_parse")
public func analyze_webhook_parse(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                  _ body: UnsafePointer<CChar>?, _ length: Int,
                                  _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                  _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(body, length, "body", options, optionsLength, "options") { bodyBytes, optionBytes throws(AnalyzeError) in
            try parsedWebhookEvent(bodyBytes, options: optionBytes)
        }
    }
}
