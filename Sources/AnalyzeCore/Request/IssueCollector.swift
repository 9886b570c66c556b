/// Gathers the issues of one validation run and remembers which fields were
/// present but unusable (wrong type or value), so that later rules neither
/// report them again nor call them missing.
struct IssueCollector {
    private(set) var entries: [(path: FieldPath, issue: ValidationIssue)] = []
    private(set) var unusable: Set<FieldPath> = []
    /// Paths and messages are kept up to `ReportByteBound.maxBytes`; issues
    /// found beyond the bound are only counted.
    private var bound = ReportByteBound()
    private var droppedErrors = 0
    private var droppedWarnings = 0

    /// Records an error of code `parameter_invalid` at `path`.
    mutating func invalid(_ path: FieldPath, _ message: String) {
        add(path, .error, .parameterInvalid, message)
    }

    /// Records an error of code `parameter_not_provided` at `path` (the missing field).
    mutating func notProvided(_ path: FieldPath, _ message: String) {
        add(path, .error, .parameterNotProvided, message)
    }

    /// Records an error of code `parameter_unknown` at `path`. The path and the
    /// message are built only when the issue is kept (see `add`), so a document
    /// of a million unknown keys costs a count for each key beyond the bound.
    mutating func unknown(_ path: @autoclosure () -> FieldPath, _ message: @autoclosure () -> String) {
        add(path(), .error, .parameterUnknown, message())
    }

    /// Records a warning (code `parameter_invalid`) at `path`.
    mutating func warning(_ path: FieldPath, _ message: String) {
        add(path, .warning, .parameterInvalid, message)
    }

    /// Records `issue` (found elsewhere, e.g. in one batch item checked as a
    /// task) at `path` of this document.
    mutating func record(_ issue: ValidationIssue, at path: FieldPath) {
        add(path, issue.severity, issue.code, issue.message)
    }

    /// Records a wrong-type error and marks the field unusable.
    mutating func wrongType(_ path: FieldPath, expected: String, got node: JSONNode) {
        unusable.insert(path)
        let got = node.kind == .double && expected == "an integer" ? "a number with a fraction or an exponent" : Self.describe(node)
        invalid(path, "must be \(expected), not \(got)")
    }

    /// Marks a field as present but unusable without recording an issue.
    mutating func markUnusable(_ path: FieldPath) {
        unusable.insert(path)
    }

    /// True when the field was present but had a wrong type or value.
    func isUnusable(_ path: FieldPath) -> Bool { unusable.contains(path) }

    /// Keeps the issue while the report is within `ReportByteBound.maxBytes`
    /// (its path and message are built only then); beyond it, counts it by severity.
    private mutating func add(_ path: @autoclosure () -> FieldPath, _ severity: ValidationSeverity,
                              _ code: ValidationCode, _ message: @autoclosure () -> String) {
        guard bound.hasRoom else {
            if severity == .error { droppedErrors += 1 } else { droppedWarnings += 1 }
            return
        }
        let path = path(), message = message()
        let text = path.text
        bound.keep(path: text, message: message)
        entries.append((path, ValidationIssue(severity, code, path: text, message)))
    }

    /// The report: issues sorted into document order (ties keep the order
    /// they were found in), identical issues at the same path reported once.
    /// When issues were dropped at `ReportByteBound.maxBytes`, a last issue at the
    /// document says how many (an error when one of them is an error).
    func report(root: JSONNode) -> ValidationReport {
        var keyed: [(order: [Int], sequence: Int, issue: ValidationIssue)] = []
        var sequence = 0
        var seen: Set<String> = []
        let positions = DocumentPositions(root: root)
        for entry in entries {
            let identity = entry.issue.severity.rawValue + "\u{0}" + entry.issue.code.rawValue + "\u{0}" + entry.issue.path + "\u{0}" + entry.issue.message
            if !seen.insert(identity).inserted { continue }
            keyed.append((positions.order(of: entry.path), sequence, entry.issue))
            sequence += 1
        }
        keyed.sort { left, right in
            if left.order != right.order { return left.order.lexicographicallyPrecedes(right.order) }
            return left.sequence < right.sequence
        }
        var issues = keyed.map { $0.issue }
        let dropped = droppedErrors + droppedWarnings
        if dropped > 0 {
            issues.append(ValidationIssue(droppedErrors > 0 ? .error : .warning, .parameterInvalid, path: "",
                                          ReportByteBound.droppedMessage(dropped)))
        }
        return ValidationReport(issues: issues)
    }

    /// A short description of a JSON value's kind for messages: `a string`, `null`…
    static func describe(_ node: JSONNode) -> String {
        MessageText.kind(node.kind)
    }
}
