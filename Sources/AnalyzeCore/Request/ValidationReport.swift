/// How bad a validation issue is.
public enum ValidationSeverity: String, Sendable, Equatable {
    /// The API would reject the request.
    case error
    /// The API accepts the request, but it is likely a mistake.
    case warning
}

/// The kind of a validation issue, mirroring the API's own error codes.
public enum ValidationCode: String, Sendable, Equatable {
    /// A field is present but its type or value breaks a rule.
    case parameterInvalid = "parameter_invalid"
    /// A required field is missing.
    case parameterNotProvided = "parameter_not_provided"
    /// A field the API does not know.
    case parameterUnknown = "parameter_unknown"
}

/// One problem found in a request.
public struct ValidationIssue: Sendable, Equatable {
    /// `error` or `warning`.
    public var severity: ValidationSeverity
    /// The API error code the issue corresponds to.
    public var code: ValidationCode
    /// Dotted path of the offending field (`a.b[2].c`); empty for the whole document.
    public var path: String
    /// What is wrong and what is allowed, in English.
    public var message: String

    /// Creates an issue.
    public init(_ severity: ValidationSeverity, _ code: ValidationCode, path: String, _ message: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.message = message
    }
}

/// The outcome of validating a request: every issue, in document order.
public struct ValidationReport: Sendable, Equatable {
    /// The issues in document order (see `DocumentPositions`).
    public var issues: [ValidationIssue]

    /// Creates a report.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// True exactly when no issue is an error (warnings allowed).
    public var isValid: Bool { !issues.contains { $0.severity == .error } }

    /// The issues of severity `error`, in order.
    public var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }

    /// The issues of severity `warning`, in order.
    public var warnings: [ValidationIssue] { issues.filter { $0.severity == .warning } }

    /// The report as compact JSON: `{"valid":…,"issues":[{"severity","code","path","message"}…]}`,
    /// keys always in that order.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the report object (as `jsonBytes`) as the next value of `writer`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("valid")
        writer.bool(isValid)
        writer.key("issues")
        writer.beginArray()
        for issue in issues {
            writer.beginObject()
            writer.key("severity")
            writer.string(issue.severity.rawValue)
            writer.key("code")
            writer.string(issue.code.rawValue)
            writer.key("path")
            writer.string(issue.path)
            writer.key("message")
            writer.string(issue.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// `jsonBytes` as a string.
    public var jsonText: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// The error raised when building from an invalid request:
    /// `request is invalid: N error(s); first: <path>: <message>`, with the path
    /// of the first error. Nil when the report is valid.
    public func failure(subject: String = "request") -> AnalyzeError? {
        let errors = self.errors
        guard let first = errors.first else { return nil }
        let location = first.path.isEmpty ? "(document)" : first.path
        return AnalyzeError(.validationFailed,
                            "\(subject) is invalid: \(errors.count) error(s); first: \(location): \(first.message)",
                            path: first.path)
    }
}
