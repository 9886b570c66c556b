/// The options object of a C entry point: an optional JSON object whose keys
/// must all be known to that function (an unknown key is `.invalidArgument`
/// naming it). Values are checked by the typed accessors.
public struct CallOptions {
    private let members: [(key: String, value: JSONNode)]

    /// Parses `bytes` (empty = no options) and checks every key against `allowed`.
    public init(_ bytes: UnsafeRawBufferPointer, allowed: [String]) throws(AnalyzeError) {
        guard bytes.count > 0 else {
            members = []
            return
        }
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            throw error.relabelled(.invalidArgument, prefix: "options are not valid JSON: ")
        }
        guard document.root.kind == .object else {
            throw AnalyzeError(.invalidArgument, "options must be a JSON object, not \(MessageText.kind(document.root.kind))")
        }
        members = document.root.members
        for (key, _) in members where !allowed.contains(key) {
            let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
            throw AnalyzeError(.invalidArgument, "unknown option \(MessageText.quoted(key)); allowed: \(list)", path: key)
        }
    }

    /// The option `key` as a string, or nil when absent.
    public func string(_ key: String) throws(AnalyzeError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be a string, not \(MessageText.kind(value.kind))", path: key)
        }
        return text
    }

    /// The option `key` as a positive, finite number of seconds, or nil when absent.
    public func positiveSeconds(_ key: String) throws(AnalyzeError) -> Double? {
        guard let value = value(key) else { return nil }
        guard value.kind == .integer || value.kind == .double, let number = value.double, number.isFinite, number > 0 else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be a positive number of seconds", path: key)
        }
        return number
    }

    /// The option `key` as a JSON object, or nil when absent.
    public func object(_ key: String) throws(AnalyzeError) -> JSONNode? {
        guard let value = value(key) else { return nil }
        guard value.kind == .object else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be an object, not \(MessageText.kind(value.kind))", path: key)
        }
        return value
    }

    private func value(_ key: String) -> JSONNode? {
        members.first { $0.key == key }?.value
    }
}

/// What the caller knows beyond the request itself, and which API revision
/// the request is checked against.
public struct ValidationOptions: Sendable, Equatable {
    /// The duration of the video in seconds, when known: the analysis window and
    /// time ranges are then also checked against it.
    public var videoDuration: Double?
    /// The API revision whose rules apply (`APIRevision.defaultRevision` unless given).
    public var revision: APIRevision

    /// Creates options.
    public init(videoDuration: Double? = nil, revision: APIRevision = .defaultRevision) {
        self.videoDuration = videoDuration
        self.revision = revision
    }

    /// The option keys `analyze_request_validate` takes.
    public static let keys = ["video_duration", "api_revision"]

    /// Reads `{"video_duration": seconds, "api_revision": name}` (empty = no options).
    public init(json bytes: UnsafeRawBufferPointer) throws(AnalyzeError) {
        try self.init(try CallOptions(bytes, allowed: Self.keys))
    }

    /// Reads `video_duration` and `api_revision` from parsed options.
    public init(_ options: CallOptions) throws(AnalyzeError) {
        self.videoDuration = try options.positiveSeconds("video_duration")
        self.revision = try APIRevision.option(options)
    }
}
