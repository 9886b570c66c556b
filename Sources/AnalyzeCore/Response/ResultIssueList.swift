/// The issues of one result as they are found, kept within
/// `ReportByteBound.maxBytes` of paths and messages; beyond it only counted.
/// A reference, so that a non-mutating `report` can take autoclosures that
/// read the reporter's own state (the text is built only for kept issues).
final class ResultIssueList {
    /// The issues kept, in the order found.
    private(set) var issues: [ResultIssue] = []
    /// Issues left out once the bound was reached.
    private(set) var dropped = 0
    private var bound = ReportByteBound()

    /// An empty list.
    init() {}

    /// Keeps an issue (building its path and message) while there is room; else counts it.
    func report(_ code: String, _ path: () -> String, _ message: () -> String) {
        guard bound.hasRoom else {
            dropped += 1
            return
        }
        let issue = ResultIssue(code, path: path(), message())
        bound.keep(path: issue.path, message: issue.message)
        issues.append(issue)
    }
}
