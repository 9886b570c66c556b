import AnalyzeCore
import CAnalyze

/// `analyze_webhook_verify`: accepts a webhook or says why not.
@_cdecl("analyze_webhook_verify")
public func analyze_webhook_verify(_ secret: UnsafePointer<CChar>?, _ secretLength: Int,
                                   _ header: UnsafePointer<CChar>?, _ headerLength: Int,
                                   _ body: UnsafePointer<CChar>?, _ bodyLength: Int,
                                   _ now: Int64, _ tolerance: Int64,
                                   _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    do throws(AnalyzeError) {
        try CBridge.withInput(secret, secretLength, name: "secret") { secretBytes throws(AnalyzeError) in
            try CBridge.withInput(header, headerLength, name: "signature_header") { headerBytes throws(AnalyzeError) in
                try CBridge.withInput(body, bodyLength, name: "body") { bodyBytes throws(AnalyzeError) in
                    try WebhookSignature.verify(secret: secretBytes, header: headerBytes, body: bodyBytes,
                                                now: now, tolerance: tolerance)
                }
            }
        }
        return CBridge.succeed(error)
    } catch let failure {
        return CBridge.fail(failure, error)
    }
}

/// `analyze_webhook_sign`: the signature header for a body at a timestamp.
@_cdecl("analyze_webhook_sign")
public func analyze_webhook_sign(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ secret: UnsafePointer<CChar>?, _ secretLength: Int,
                                 _ body: UnsafePointer<CChar>?, _ bodyLength: Int,
                                 _ timestamp: Int64,
                                 _ error: UnsafeMutablePointer<analyze_error_t>?) -> Int32 {
    CBridge.produce(out, error) { () throws(AnalyzeError) in
        try CBridge.withInput(secret, secretLength, name: "secret") { secretBytes throws(AnalyzeError) in
            try CBridge.withInput(body, bodyLength, name: "body") { bodyBytes throws(AnalyzeError) in
                Array(try WebhookSignature.sign(secret: secretBytes, body: bodyBytes, timestamp: timestamp).utf8)
            }
        }
    }
}
