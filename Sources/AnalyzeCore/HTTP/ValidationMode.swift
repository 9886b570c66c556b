/// How much the request builders check (option `"validate"`, like kubectl's
/// `--validate`): a way past a rule the caller knows better than the library.
public enum ValidationMode: String, Sendable, Equatable, CaseIterable {
    /// Every rule; any error fails the build (the default).
    case strict
    /// Every rule, but the request is built anyway, with the user's body as
    /// written, and the report is returned beside it (`HTTPRequest.validation`).
    case warn
    /// Only JSON well-formedness; the user's body is sent as written.
    case off

    /// The mode named by option `validate` (strict when absent); another value
    /// is `.invalidArgument`.
    static func option(_ options: CallOptions) throws(AnalyzeError) -> ValidationMode {
        guard let name = try options.string("validate") else { return .strict }
        guard let mode = ValidationMode(rawValue: name) else {
            throw AnalyzeError(.invalidArgument, "option validate must be one of: \(allowedList); got \(MessageText.quoted(name))", path: "validate")
        }
        return mode
    }
}
