/// Validates create-task requests: every rule of the API, every issue at once.
public enum RequestValidator {
    /// Validates JSON text. Throws `.malformedJSON` only when the text is not
    /// acceptable JSON; any JSON document gets a report (a non-object one a
    /// single whole-document issue).
    public static func validate(json bytes: UnsafeRawBufferPointer,
                                options: ValidationOptions = ValidationOptions()) throws(AnalyzeError) -> ValidationReport {
        try validate(document: JSONDocument.parse(bytes), options: options).report
    }

    /// Validates a parsed document; also returns the decoded request (nil when
    /// the document is not an object).
    public static func validate(document: JSONDocument,
                                options: ValidationOptions = ValidationOptions()) -> (request: AnalyzeRequest?, report: ValidationReport) {
        var issues = IssueCollector()
        let request = RequestDecoder.decode(document.root, &issues)
        if let request {
            var rules = RequestRules(request: request, options: options, issues: issues)
            rules.checkAll()
            issues = rules.issues
        }
        return (request, issues.report(root: document.root))
    }

    /// Validates a model built in Swift (through its canonical body, so paths
    /// and order are those of that body).
    public static func validate(_ request: AnalyzeRequest,
                                options: ValidationOptions = ValidationOptions()) -> ValidationReport {
        do {
            return validate(document: try JSONDocument.parse(RequestEncoder.bytes(request)), options: options).report
        } catch {
            return ValidationReport(issues: [ValidationIssue(.error, .parameterInvalid, path: "", error.message)])
        }
    }
}

/// The rules, run over a decoded request. Each group lives in its own file
/// (`*Rules.swift`) as an extension.
struct RequestRules {
    let request: AnalyzeRequest
    let options: ValidationOptions
    var issues: IssueCollector

    /// The model the API will use, or nil when `model_name` is present but unusable.
    let model: ModelName?
    /// The mode the API will use, or nil when `analysis_mode` is present but unusable.
    let mode: AnalysisMode?

    init(request: AnalyzeRequest, options: ValidationOptions, issues: IssueCollector) {
        self.request = request
        self.options = options
        self.issues = issues
        self.model = issues.isUnusable(.root.key("model_name")) ? nil : request.effectiveModel
        self.mode = issues.isUnusable(.root.key("analysis_mode")) ? nil : request.effectiveMode
    }

    mutating func checkAll() {
        checkVideoSource()
        checkCustomID()
        checkPrompts()
        checkAnalysisMode()
        checkTemperature()
        checkMaxTokens()
        checkResponseFormat()
        checkSegmentDurations()
        checkAnalysisWindow()
    }

    /// True when `path` is in the document (usable or not), given its decoded value.
    func isPresent<T>(_ path: FieldPath, _ value: T?) -> Bool {
        value != nil || issues.isUnusable(path)
    }

    /// " (model_name defaults to pegasus1.2)" when the model was not given.
    var modelNote: String {
        request.modelName == nil ? " (model_name defaults to pegasus1.2)" : ""
    }

    /// " (analysis_mode defaults to general)" when the mode was not given.
    var modeNote: String {
        request.analysisMode == nil ? " (analysis_mode defaults to general)" : ""
    }

    /// Records "must not be empty" for an empty (or, with `blank`, all white space) string.
    mutating func requireNonEmpty(_ text: String?, at path: FieldPath, blank: Bool = false) {
        guard let text else { return }
        if text.isEmpty {
            issues.invalid(path, "must not be empty")
        } else if blank && text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            issues.invalid(path, "must not be blank (only white space)")
        }
    }
}
