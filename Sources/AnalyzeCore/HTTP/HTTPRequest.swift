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

    /// Creates a request.
    public init(method: String, url: String, headers: [(name: String, value: String)], body: String?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// `{"method":…,"url":…,"headers":{…},"body":"…"|null}`, keys in that order,
    /// headers in their order, the body as a JSON string (null when absent).
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
        writer.endObject()
        return writer.bytes
    }

    public static func == (left: HTTPRequest, right: HTTPRequest) -> Bool {
        left.method == right.method && left.url == right.url && left.body == right.body
            && left.headers.map(\.name) == right.headers.map(\.name) && left.headers.map(\.value) == right.headers.map(\.value)
    }
}
