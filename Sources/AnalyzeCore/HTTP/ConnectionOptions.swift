/// The options of the request builders: credentials, endpoint and headers.
/// Values are checked here so that a bad value (a line break in a header,
/// a relative base URL) fails before anything is built; the API key's value
/// never appears in a message.
public struct ConnectionOptions: Sendable, Equatable {
    /// The API's base URL when none is given.
    public static let defaultBaseURL = "https://api.twelvelabs.io/v1.3"
    /// The longest idempotency key accepted.
    public static let maxIdempotencyKeyLength = 255

    /// `x-api-key`.
    public var apiKey: String
    /// The base URL, without a trailing slash.
    public var baseURL: String
    /// `Idempotency-Key` (create only).
    public var idempotencyKey: String?
    /// `User-Agent`.
    public var userAgent: String?

    /// Creates options, checking every value.
    public init(apiKey: String, baseURL: String? = nil, idempotencyKey: String? = nil,
                userAgent: String? = nil) throws(AnalyzeError) {
        guard !apiKey.isEmpty else {
            throw AnalyzeError(.invalidArgument, "option api_key is required and must not be empty", path: "api_key")
        }
        guard Self.isToken(apiKey) else {
            throw AnalyzeError(.invalidArgument, "option api_key may hold only visible ASCII characters (no spaces or line breaks)", path: "api_key")
        }
        var base = baseURL ?? Self.defaultBaseURL
        if let problem = HTTPURLCheck.problem(base) {
            throw AnalyzeError(.invalidArgument, "option base_url \(problem)", path: "base_url")
        }
        if base.contains("?") || base.contains("#") {
            throw AnalyzeError(.invalidArgument, "option base_url must not have a query or a fragment", path: "base_url")
        }
        while base.hasSuffix("/") { base.removeLast() }
        if let key = idempotencyKey {
            guard !key.isEmpty, key.utf8.count <= Self.maxIdempotencyKeyLength, Self.isToken(key) else {
                throw AnalyzeError(.invalidArgument, "option idempotency_key must be 1-\(Self.maxIdempotencyKeyLength) visible ASCII characters (no spaces)", path: "idempotency_key")
            }
        }
        if let agent = userAgent {
            guard !agent.isEmpty, agent.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                throw AnalyzeError(.invalidArgument, "option user_agent must be non-empty printable ASCII (no line breaks)", path: "user_agent")
            }
        }
        self.apiKey = apiKey
        self.baseURL = base
        self.idempotencyKey = idempotencyKey
        self.userAgent = userAgent
    }

    /// Reads `api_key`, `base_url`, `idempotency_key` and `user_agent` from an options object.
    init(_ options: CallOptions) throws(AnalyzeError) {
        guard let apiKey = try options.string("api_key") else {
            throw AnalyzeError(.invalidArgument, "option api_key is required and must not be empty", path: "api_key")
        }
        try self.init(apiKey: apiKey, baseURL: try options.string("base_url"),
                      idempotencyKey: try options.string("idempotency_key"), userAgent: try options.string("user_agent"))
    }

    /// The headers every request carries: `x-api-key`, then `User-Agent` when given.
    func headers(json: Bool, idempotent: Bool) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [("x-api-key", apiKey)]
        if json { headers.append(("Content-Type", "application/json")) }
        if idempotent, let key = idempotencyKey { headers.append(("Idempotency-Key", key)) }
        if let agent = userAgent { headers.append(("User-Agent", agent)) }
        return headers
    }

    private static func isToken(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
