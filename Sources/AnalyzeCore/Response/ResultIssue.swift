/// A finding about a task's result that does not stop parsing: a value that breaks
/// its segment definition or JSON schema, a time in the wrong format, output cut
/// short. Every issue is a warning; the value it names is kept, never dropped.
public struct ResultIssue: Sendable, Equatable {
    /// A stable machine-readable code, e.g. `field_enum` or `schema_required`.
    public var code: String
    /// Dotted path of the value inside the normalized task, e.g.
    /// `result.segments.goal[2].metadata.team`.
    public var path: String
    /// What is wrong, in English.
    public var message: String

    /// Creates an issue.
    public init(_ code: String, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `{"severity":"warning","code":...,"path":...,"message":...}`.
    public var jsonValue: JSONValue {
        jsonObject(("severity", .string("warning")), ("code", .string(code)),
                   ("path", .string(path)), ("message", .string(message)))
    }
}
