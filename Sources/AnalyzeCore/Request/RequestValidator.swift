/// Validates create-task requests: every rule of the API, every issue at once.
public enum RequestValidator {
    /// Validates JSON text. Throws `.malformedJSON` only when the text is not
    /// acceptable JSON; any JSON document gets a report (a non-object one a
    /// single whole-document issue). An integer beyond 64 bits in well-formed
    /// JSON is an error at its path, not malformed input.
    public static func validate(json bytes: UnsafeRawBufferPointer,
                                options: ValidationOptions = ValidationOptions()) throws(AnalyzeError) -> ValidationReport {
        let parsed = try OversizedIntegers.parse(bytes)
        return validate(document: parsed.document, oversized: parsed.found, options: options).report
    }

    /// Validates a parsed document; also returns the decoded request (nil when
    /// the document is not an object). `oversized` are the integers
    /// `OversizedIntegers.parse` found (each reported as an error and left unset).
    static func validate(document: JSONDocument, oversized: [OversizedIntegers.Found] = [],
                         options: ValidationOptions = ValidationOptions()) -> (request: AnalyzeRequest?, report: ValidationReport) {
        var issues = IssueCollector()
        markOversized(oversized, &issues)
        let request = check(document.root, options: options, &issues)
        return (request, issues.report(root: document.root))
    }

    /// Records each integer beyond 64 bits as an error at its path (and marks it unusable).
    static func markOversized(_ oversized: [OversizedIntegers.Found], _ issues: inout IssueCollector) {
        for integer in oversized {
            issues.markUnusable(integer.path)
            issues.invalid(integer.path, "must fit in a signed 64-bit integer; got \(MessageText.inline(integer.literal))")
        }
    }

    /// Decodes `root` and runs every rule, recording the issues into `issues`;
    /// the decoded request (nil when `root` is not an object).
    static func check(_ root: JSONNode, options: ValidationOptions, _ issues: inout IssueCollector) -> AnalyzeRequest? {
        let request = RequestDecoder(revision: options.revision).decode(root, &issues)
        if let request {
            var rules = RequestRules(request: request, options: options, issues: issues)
            rules.checkAll()
            issues = rules.issues
        }
        return request
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
/// (`*Rules.swift`) as an extension; what differs by revision and model is
/// read from `revision` and `traits` (`APIRevision.swift`).
struct RequestRules {
    let request: AnalyzeRequest
    let options: ValidationOptions
    var issues: IssueCollector

    /// The API revision whose rules apply.
    let revision: APIRevision
    /// The model the API will use, or nil when `model_name` is present but unusable.
    let model: ModelName?
    /// That model's traits in `revision` (nil with `model`).
    let traits: ModelTraits?
    /// The mode the API will use, or nil when `analysis_mode` is present but unusable.
    let mode: AnalysisMode?

    init(request: AnalyzeRequest, options: ValidationOptions, issues: IssueCollector) {
        self.request = request
        self.options = options
        self.issues = issues
        self.revision = options.revision
        self.model = issues.isUnusable(.root.key("model_name")) ? nil : request.effectiveModel(options.revision)
        self.traits = model.flatMap { options.revision.traits($0) }
        self.mode = issues.isUnusable(.root.key("analysis_mode")) ? nil : request.effectiveMode
    }

    mutating func checkAll() {
        checkVideoSource()
        checkImages()
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
    func isPresent<T>(_ path: @autoclosure () -> FieldPath, _ value: T?) -> Bool {
        value != nil || issues.isUnusable(path())
    }

    /// True when the model is known and lacks `feature` in this revision.
    func lacks(_ feature: ModelFeature) -> Bool {
        traits.map { !$0.features.contains(feature) } ?? false
    }

    /// "requires model_name pegasus1.5" (the models of the revision with
    /// `feature`), with the default-model note when the model was not given.
    func requiresModel(_ feature: ModelFeature) -> String {
        "requires model_name \(revision.models(with: feature))" + modelNote
    }

    /// " (model_name defaults to pegasus1.2)" when the model was not given.
    var modelNote: String {
        request.modelName == nil ? " (model_name defaults to \(revision.defaultModel.rawValue))" : ""
    }

    /// " (analysis_mode defaults to general)" when the mode was not given.
    var modeNote: String {
        request.analysisMode == nil ? " (analysis_mode defaults to general)" : ""
    }

    /// Records "must not be empty" for an empty (or, with `blank`, all white space) string.
    mutating func requireNonEmpty(_ text: String?, at path: @autoclosure () -> FieldPath, blank: Bool = false) {
        guard let text else { return }
        if text.isEmpty {
            issues.invalid(path(), "must not be empty")
        } else if blank && !Self.startsVisibly(text) && text.unicodeScalars.allSatisfy(Self.isWhiteSpace) {
            issues.invalid(path(), "must not be blank (only white space)")
        }
    }

    /// True when the first byte of `text` is a printable ASCII character
    /// (not white space): then `text` is not blank, known without a scalar walk.
    static func startsVisibly(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first > 0x20 && first < 0x7F
    }

    /// Unicode White_Space, answered without the property tables for ASCII
    /// (tab, line feed, vertical tab, form feed, carriage return, space).
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 0x09 && scalar.value <= 0x0D) || scalar.value == 0x20 : scalar.properties.isWhitespace
    }
}
