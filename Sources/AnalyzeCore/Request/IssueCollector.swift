/// Gathers the issues of one validation run and remembers which fields were
/// present but unusable (wrong type or value), so that later rules neither
/// report them again nor call them missing.
struct IssueCollector {
    private(set) var entries: [(path: FieldPath, issue: ValidationIssue)] = []
    private(set) var unusable: Set<FieldPath> = []

    /// Records an error of code `parameter_invalid` at `path`.
    mutating func invalid(_ path: FieldPath, _ message: String) {
        add(path, ValidationIssue(.error, .parameterInvalid, path: path.text, message))
    }

    /// Records an error of code `parameter_not_provided` at `path` (the missing field).
    mutating func notProvided(_ path: FieldPath, _ message: String) {
        add(path, ValidationIssue(.error, .parameterNotProvided, path: path.text, message))
    }

    /// Records an error of code `parameter_unknown` at `path`.
    mutating func unknown(_ path: FieldPath, _ message: String) {
        add(path, ValidationIssue(.error, .parameterUnknown, path: path.text, message))
    }

    /// Records a warning (code `parameter_invalid`) at `path`.
    mutating func warning(_ path: FieldPath, _ message: String) {
        add(path, ValidationIssue(.warning, .parameterInvalid, path: path.text, message))
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

    private mutating func add(_ path: FieldPath, _ issue: ValidationIssue) {
        entries.append((path, issue))
    }

    /// The report: issues sorted into document order (ties keep the order
    /// they were found in), identical issues at the same path reported once.
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
        return ValidationReport(issues: keyed.map { $0.issue })
    }

    /// A short description of a JSON value's kind for messages: `a string`, `null`…
    static func describe(_ node: JSONNode) -> String {
        switch node.kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
