/// The query of `GET /analyze/tasks`, validated like a request body: every
/// problem is an issue, and building fails with the first one.
public struct ListTasksQuery: Sendable, Equatable {
    /// The query parameters, in the order they are written to the URL.
    public static let parameters = ["page", "page_limit", "status", "video_url", "asset_id", "video_id", "analysis_mode"]
    /// The task statuses the API filters by (`canceled` is in every revision:
    /// the API returns it today whatever the caller's revision).
    public static let statuses = ["queued", "pending", "processing", "ready", "failed", "canceled"]
    /// The largest page size.
    public static let maxPageLimit: Int64 = 50

    /// `page`, from 1.
    public var page: Int64?
    /// `page_limit`, 1–50.
    public var pageLimit: Int64?
    /// `status`.
    public var status: String?
    /// `video_url`: an absolute http/https URL.
    public var videoURL: String?
    /// `asset_id`.
    public var assetID: String?
    /// `video_id` (pegasus1.2 tasks).
    public var videoID: String?
    /// `analysis_mode`.
    public var analysisMode: AnalysisMode?

    /// Creates an empty query (no filters).
    public init() {}

    /// Reads and checks a query object (empty input = no query) for `revision`
    /// (2026-10 has no `video_id` filter). Throws `.malformedJSON` when the
    /// text is not JSON; other problems are issues.
    public static func parse(json bytes: UnsafeRawBufferPointer,
                             revision: APIRevision = .defaultRevision) throws(AnalyzeError) -> (query: ListTasksQuery, report: ValidationReport) {
        guard bytes.count > 0 else { return (ListTasksQuery(), ValidationReport(issues: [])) }
        let document = try JSONDocument.parse(bytes)
        var issues = IssueCollector()
        var query = ListTasksQuery()
        guard document.root.kind == .object else {
            issues.invalid(.root, "the query must be a JSON object, not \(MessageText.kind(document.root.kind))")
            return (query, issues.report(root: document.root))
        }
        let fields = FieldReader(node: document.root, path: .root)
        let known = revision.requestFields.contains("video_id") ? parameters : parameters.filter { $0 != "video_id" }
        var elsewhere: [String: String] = [:]
        if let other = APIRevision.otherRevision(than: revision, where: { $0.requestFields.contains("video_id") }),
           !known.contains("video_id") {
            elsewhere["video_id"] = "the video_id filter is a filter of API revision \(other.name), not \(revision.name); pass api_revision \(other.name)"
        }
        fields.rejectUnknown(known, elsewhere: { elsewhere[$0] }, &issues)
        query.page = fields.integer("page", &issues)
        query.pageLimit = fields.integer("page_limit", &issues)
        query.status = fields.string("status", &issues)
        query.videoURL = fields.string("video_url", &issues)
        query.assetID = fields.string("asset_id", &issues)
        query.videoID = fields.string("video_id", &issues)
        query.analysisMode = fields.choice("analysis_mode", &issues)
        if let page = query.page, page < 1 {
            issues.invalid(.root.key("page"), "must be at least 1; got \(page)")
        }
        if let limit = query.pageLimit, limit < 1 || limit > maxPageLimit {
            issues.invalid(.root.key("page_limit"), "must be between 1 and \(maxPageLimit) (default 10); got \(limit)")
        }
        if let status = query.status, !statuses.contains(status) {
            issues.invalid(.root.key("status"), "must be one of: \(statuses.joined(separator: ", ")); got \(MessageText.quoted(status))")
        }
        if let url = query.videoURL, let problem = HTTPURLCheck.problem(url) {
            issues.invalid(.root.key("video_url"), problem)
        }
        for (key, value) in [("asset_id", query.assetID), ("video_id", query.videoID)] where value?.isEmpty == true {
            issues.invalid(.root.key(key), "must not be empty")
        }
        return (query, issues.report(root: document.root))
    }

    /// `?name=value&…` (percent-encoded values, parameters in `parameters` order), or "" without filters.
    public var queryString: String {
        let pairs: [(String, String?)] = [("page", page.map { String($0) }), ("page_limit", pageLimit.map { String($0) }),
                                          ("status", status), ("video_url", videoURL), ("asset_id", assetID),
                                          ("video_id", videoID), ("analysis_mode", analysisMode?.rawValue)]
        let parts = pairs.compactMap { name, value in value.map { name + "=" + PercentEncoding.encode($0) } }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
