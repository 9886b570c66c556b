import AnalyzeCore
import CAnalyze

/// `analyze_request_validate`: the validation report of a create-task request.
@_cdecl("analyze_request_validate")
public func analyze_request_validate(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                     _ json: UnsafePointer<CChar>?, _ length: Int,
                                     _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                     _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        let settings = try CBridge.withInput(options, optionsLength, name: "options") { bytes throws(AnalyzeError) in
            try ValidationOptions(json: bytes)
        }
        return try CBridge.withInput(json, length) { bytes throws(AnalyzeError) in
            try RequestValidator.validate(json: bytes, options: settings).jsonBytes
        }
    }
}

/// `analyze_request_build`: the HTTP request creating a task from a valid request.
@_cdecl("analyze_request_build")
public func analyze_request_build(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                  _ json: UnsafePointer<CChar>?, _ length: Int,
                                  _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                  _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", json, length, "json") { settings, bytes throws(AnalyzeError) in
            try TaskRequests.create(json: bytes, options: settings).jsonBytes
        }
    }
}

/// `analyze_request_build_retrieve`: `GET /analyze/tasks/{task_id}`.
@_cdecl("analyze_request_build_retrieve")
public func analyze_request_build_retrieve(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                           _ taskID: UnsafePointer<CChar>?, _ length: Int,
                                           _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                           _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", taskID, length, "task_id") { settings, id throws(AnalyzeError) in
            try TaskRequests.retrieve(taskID: id, options: settings).jsonBytes
        }
    }
}

/// `analyze_request_build_delete`: `DELETE /analyze/tasks/{task_id}`.
@_cdecl("analyze_request_build_delete")
public func analyze_request_build_delete(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                         _ taskID: UnsafePointer<CChar>?, _ length: Int,
                                         _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                         _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", taskID, length, "task_id") { settings, id throws(AnalyzeError) in
            try TaskRequests.delete(taskID: id, options: settings).jsonBytes
        }
    }
}

/// `analyze_request_build_list`: `GET /analyze/tasks` with a validated query.
@_cdecl("analyze_request_build_list")
public func analyze_request_build_list(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                       _ query: UnsafePointer<CChar>?, _ length: Int,
                                       _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                       _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", query, length, "query_json") { settings, bytes throws(AnalyzeError) in
            try TaskRequests.list(query: bytes, options: settings).jsonBytes
        }
    }
}

/// `analyze_idempotency_key`: a random UUIDv4.
@_cdecl("analyze_idempotency_key")
public func analyze_idempotency_key(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in Array(IdempotencyKey.make().utf8) }
}

/// `analyze_request_build_cancel`: `POST /analyze/tasks/{task_id}/cancel`.
@_cdecl("analyze_request_build_cancel")
public func analyze_request_build_cancel(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                         _ taskID: UnsafePointer<CChar>?, _ length: Int,
                                         _ options: UnsafePointer<CChar>?, _ optionsLength: Int,
                                         _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInputs(options, optionsLength, "options", taskID, length, "task_id") { settings, id throws(AnalyzeError) in
            try TaskRequests.cancel(taskID: id, options: settings).jsonBytes
        }
    }
}

/// `analyze_api_revisions`: what each API revision the library knows accepts.
@_cdecl("analyze_api_revisions")
public func analyze_api_revisions(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                  _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in APIRevision.catalogueJSON }
}
