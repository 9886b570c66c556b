/// An HTTP request described as data, for the host's transport to send.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST` or `DELETE`.
    public var method: String
    /// The absolute URL, percent-encoded.
    public var url: String
    /// Header names and values, in the order they are written.
    public var headers: [(name: String, value: String)]
    /// The body text (JSON), or nil for requests without a body.
    public var body: String?
    /// The validation report of the body when it was built with `validate`
    /// `warn` (issues reported, request built anyway); nil otherwise.
    public var validation: ValidationReport?

    /// Creates a request.
    public init(method: String, url: String, headers: [(name: String, value: String)], body: String?,
                validation: ValidationReport? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.validation = validation
    }

    /// `{"method":…,"url":…,"headers":{…},"body":"…"|null}`, keys in that order,
    /// headers in their order, the body as a JSON string (null when absent),
    /// then `"validation":{report}` when `validation` is set.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("method")
        writer.string(method)
        writer.key("url")
        writer.string(url)
        writer.key("headers")
        writer.beginObject()
        for header in headers {
            writer.key(header.name)
            writer.string(header.value)
        }
        writer.endObject()
        writer.key("body")
        if let body { writer.string(body) } else { writer.null() }
        if let validation {
            writer.key("validation")
            validation.write(to: &writer)
        }
        writer.endObject()
        return writer.bytes
    }

    public static func == (left: HTTPRequest, right: HTTPRequest) -> Bool {
        left.method == right.method && left.url == right.url && left.body == right.body && left.validation == right.validation
            && left.headers.map(\.name) == right.headers.map(\.name) && left.headers.map(\.value) == right.headers.map(\.value)
    }
}
