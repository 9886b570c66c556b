// The entry points the fuzzer drives, each called with the raw input bytes.
// Inputs that need two parts (a header and a body, a state and options) are
// split at the first newline.
import CAnalyze

/// Calls one C entry point with (bytes, length) and frees whatever it returned.
typealias FuzzTarget = @Sendable (UnsafePointer<CChar>, Int) -> Void

/// The input split at its first newline: (first part, its length, rest, its length).
private func split(_ text: UnsafePointer<CChar>, _ size: Int) -> (UnsafePointer<CChar>, Int, UnsafePointer<CChar>, Int) {
    var index = 0
    while index < size && text[index] != 0x0A { index += 1 }
    let restStart = min(index + 1, size)
    return (text, index, text + restStart, size - restStart)
}

let fuzzTargets: [FuzzTarget] = [
    { text, size in
        var out: UnsafeMutablePointer<CChar>? = nil
        var error = analyze_error_t()
        _ = analyze_json_normalize(&out, text, size, &error)
        analyze_free(out)
    },
    { text, size in
        // Signature header on the first line, body after it; hostile times too.
        let (header, headerLength, body, bodyLength) = split(text, size)
        var error = analyze_error_t()
        _ = analyze_webhook_verify("whsec_fuzz", 10, header, headerLength, body, bodyLength,
                                   1_700_000_000, 300, &error)
        _ = analyze_webhook_verify("k", 1, header, headerLength, body, bodyLength, Int64.min, Int64.max, &error)
    },
    { text, size in
        var out: UnsafeMutablePointer<CChar>? = nil
        var error = analyze_error_t()
        _ = analyze_webhook_sign(&out, text, size, text, size, Int64(size) &* 7919, &error)
        analyze_free(out)
    },
    { text, size in
        // Poll state on the first line, options after it.
        let (state, stateLength, options, optionsLength) = split(text, size)
        for attempt: UInt32 in [0, 7, UInt32.max] {
            var out: UnsafeMutablePointer<CChar>? = nil
            var error = analyze_error_t()
            _ = analyze_poll_next(&out, state, stateLength, attempt, options, optionsLength, &error)
            analyze_free(out)
        }
    },
    { text, size in
        // A create request on the first line, options after it.
        let (request, requestLength, options, optionsLength) = split(text, size)
        var out: UnsafeMutablePointer<CChar>? = nil
        var error = analyze_error_t()
        _ = analyze_request_validate(&out, request, requestLength, options, optionsLength, &error)
        analyze_free(out)
        out = nil
        _ = analyze_request_validate(&out, text, size, nil, 0, &error)
        analyze_free(out)
        out = nil
        _ = analyze_request_build(&out, text, size, "{\"api_key\":\"k\"}", 13, &error)
        analyze_free(out)
        out = nil
        _ = analyze_request_build(&out, request, requestLength, options, optionsLength, &error)
        analyze_free(out)
    },
    { text, size in
        // Task ids and list queries.
        var out: UnsafeMutablePointer<CChar>? = nil
        var error = analyze_error_t()
        _ = analyze_request_build_retrieve(&out, text, size, "{\"api_key\":\"k\"}", 13, &error)
        analyze_free(out)
        out = nil
        _ = analyze_request_build_delete(&out, text, size, nil, 0, &error)
        analyze_free(out)
        out = nil
        _ = analyze_request_build_list(&out, text, size, "{\"api_key\":\"k\"}", 13, &error)
        analyze_free(out)
    },
    { text, size in
        // A response body under every kind and a spread of statuses; headers and
        // options from the same bytes (split at the first newline).
        let (first, firstLength, rest, restLength) = split(text, size)
        for kind: Int32 in [0, 1, 2, 3, 4, 99] {
            for status: Int32 in [200, 202, 404, 409, 429, 503, -1] {
                var out: UnsafeMutablePointer<CChar>? = nil
                var error = analyze_error_t()
                _ = analyze_response_parse(&out, kind, status, nil, 0, text, size, nil, 0, &error)
                analyze_free(out)
                out = nil
                _ = analyze_response_parse(&out, kind, status, first, firstLength, rest, restLength, nil, 0, &error)
                analyze_free(out)
            }
        }
    },
    { text, size in
        // Task bodies, with and without caller options; segments in every format and as HLS; webhook events.
        let (first, firstLength, rest, restLength) = split(text, size)
        var out: UnsafeMutablePointer<CChar>? = nil
        var error = analyze_error_t()
        _ = analyze_task_parse(&out, text, size, nil, 0, &error)
        analyze_free(out)
        out = nil
        _ = analyze_task_parse(&out, rest, restLength, first, firstLength, &error)
        analyze_free(out)
        for format in ["vtt", "csv", "json"] {
            out = nil
            _ = analyze_segments_export(&out, text, size, format, nil, 0, &error)
            analyze_free(out)
        }
        out = nil
        _ = analyze_webhook_parse(&out, text, size, nil, 0, &error)
        analyze_free(out)
        // The HLS rendition: defaults, then HLS options on the first line.
        out = nil
        _ = analyze_segments_hls(&out, text, size, nil, 0, &error)
        analyze_free(out)
        out = nil
        _ = analyze_segments_hls(&out, rest, restLength, first, firstLength, &error)
        analyze_free(out)
    },
]
