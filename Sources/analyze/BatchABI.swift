import AnalyzeCore
import CAnalyze

/// `analyze_batch_validate`: the validation report of a create-batch body.
@_cdecl("analyze_batch_validate")
public func analyze_batch_validate(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   _ json: UnsafePointer<CChar>?, _ length: Int,
                                   _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                   _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", json, length, "json") { settings, bytes throws(AnalyzeError) in
            try BatchValidator.validate(json: bytes, options: try ValidationOptions(json: settings)).jsonBytes
        }
    }
}

/// `analyze_batch_from_jsonl`: a create-batch body from JSON Lines items.
@_cdecl("analyze_batch_from_jsonl")
public func analyze_batch_from_jsonl(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                     _ jsonl: UnsafePointer<CChar>?, _ length: Int,
                                     _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                     _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", jsonl, length, "jsonl") { settings, bytes throws(AnalyzeError) in
            try BatchBuilder.build(jsonLines: bytes, options: settings)
        }
    }
}

/// `analyze_batch_results_parse`: a JSON Lines results body, line by line.
@_cdecl("analyze_batch_results_parse")
public func analyze_batch_results_parse(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                        _ body: UnsafePointer<CChar>?, _ length: Int,
                                        _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                        _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", body, length, "body") { settings, bytes throws(AnalyzeError) in
            try BatchResults.parsed(bytes, options: settings)
        }
    }
}

/// The shape of every batch request builder: (input, options) -> HTTP request.
private func buildBatch(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                        _ input: UnsafePointer<CChar>?, _ length: Int, _ name: String,
                        _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                        _ error: UnsafeMutablePointer<analyze_error_t>?,
                        _ build: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(AnalyzeError) -> HTTPRequest) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", input, length, name) { settings, bytes throws(AnalyzeError) in
            try build(bytes, settings).jsonBytes
        }
    }
}

/// `analyze_request_build_batch_create`: `POST /analyze/batches`.
@_cdecl("analyze_request_build_batch_create")
public func analyze_request_build_batch_create(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                               _ json: UnsafePointer<CChar>?, _ length: Int,
                                               _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                               _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    buildBatch(out, json, length, "json", options, optionsLength, error, BatchRequests.create)
}

/// `analyze_request_build_batch_retrieve`: `GET /analyze/batches/{batch_id}`.
@_cdecl("analyze_request_build_batch_retrieve")
public func analyze_request_build_batch_retrieve(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                                 _ batchID: UnsafePointer<CChar>?, _ length: Int,
                                                 _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                                 _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    buildBatch(out, batchID, length, "batch_id", options, optionsLength, error, BatchRequests.retrieve)
}

/// `analyze_request_build_batch_list`: `GET /analyze/batches?…`.
@_cdecl("analyze_request_build_batch_list")
public func analyze_request_build_batch_list(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                             _ query: UnsafePointer<CChar>?, _ length: Int,
                                             _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                             _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    buildBatch(out, query, length, "query_json", options, optionsLength, error, BatchRequests.list)
}

/// `analyze_request_build_batch_cancel`: `POST /analyze/batches/{batch_id}/cancel`.
@_cdecl("analyze_request_build_batch_cancel")
public func analyze_request_build_batch_cancel(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                               _ batchID: UnsafePointer<CChar>?, _ length: Int,
                                               _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                               _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    buildBatch(out, batchID, length, "batch_id", options, optionsLength, error, BatchRequests.cancel)
}

/// `analyze_request_build_batch_delete`: `DELETE /analyze/batches/{batch_id}`.
@_cdecl("analyze_request_build_batch_delete")
public func analyze_request_build_batch_delete(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                               _ batchID: UnsafePointer<CChar>?, _ length: Int,
                                               _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                               _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    buildBatch(out, batchID, length, "batch_id", options, optionsLength, error, BatchRequests.delete)
}

/// `analyze_request_build_batch_results`: `GET /analyze/batches/{batch_id}/results`.
@_cdecl("analyze_request_build_batch_results")
public func analyze_request_build_batch_results(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                                _ batchID: UnsafePointer<CChar>?, _ length: Int,
                                                _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                                _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    buildBatch(out, batchID, length, "batch_id", options, optionsLength, error, BatchRequests.results)
}
