/// A view of one JSON object of a response body that reads its members with
/// type checks (`JSONMemberType`, shared with `FieldReader`, which records
/// issues instead): a missing required member or a wrong type throws an
/// `AnalyzeError` carrying the member's path (and the status chosen for the
/// input, `.malformedResponse` for bodies and `.invalidArgument` for options).
/// Members that are absent and members that are `null` are both "not given".
struct BodyObject {
    /// The object.
    let node: JSONNode
    /// Its path in the input.
    let path: String
    /// The status of the errors thrown.
    let status: AnalyzeStatus

    /// Wraps `node`, which must be an object.
    init(_ node: JSONNode, path: String, status: AnalyzeStatus = .malformedResponse) throws(AnalyzeError) {
        guard node.kind == .object else {
            throw AnalyzeError(status, "\(path.isEmpty ? "the body" : lastName(path)) must be an object, got \(node.kind.name)", path: path)
        }
        self.node = node
        self.path = path
        self.status = status
    }

    /// The path of member `key`.
    func path(_ key: String) -> String { JSONPath.member(path, key) }

    /// Member `key` when present and not null.
    func value(_ key: String) -> JSONNode? {
        guard let value = node[key], !value.isNull else { return nil }
        return value
    }

    /// The error for member `key` having the wrong kind.
    func wrongType(_ key: String, _ expected: String, _ value: JSONNode) -> AnalyzeError {
        AnalyzeError(status, "\(key) must be \(expected), got \(value.kind.name)", path: path(key))
    }

    /// The error for a missing required member.
    func missing(_ key: String) -> AnalyzeError {
        AnalyzeError(status, "\(key) is required", path: path(key))
    }

    /// Member `key` when present, not null and of `type` (`JSONMemberType`,
    /// the check `FieldReader` makes too); of another type, it throws.
    private func typed(_ key: String, _ type: JSONMemberType) throws(AnalyzeError) -> JSONNode? {
        guard let value = value(key) else { return nil }
        guard type.admits(value) else { throw wrongType(key, type.expected, value) }
        return value
    }

    /// `value`, read by one of the optional readers, or the "is required"
    /// error for member `key` when it was not given.
    private func required<Value>(_ key: String, _ value: Value?) throws(AnalyzeError) -> Value {
        guard let value else { throw missing(key) }
        return value
    }

    /// A required string member.
    func requiredString(_ key: String) throws(AnalyzeError) -> String { try required(key, optionalString(key)) }

    /// An optional string member.
    func optionalString(_ key: String) throws(AnalyzeError) -> String? { try typed(key, .string)?.string }

    /// A required integer member.
    func requiredInteger(_ key: String) throws(AnalyzeError) -> Int64 { try required(key, optionalInteger(key)) }

    /// An optional integer member.
    func optionalInteger(_ key: String) throws(AnalyzeError) -> Int64? { try typed(key, .integer)?.int64 }

    /// An optional number member (integer or not), as a double.
    func optionalNumber(_ key: String) throws(AnalyzeError) -> Double? { try typed(key, .number)?.double }

    /// A required boolean member.
    func requiredBool(_ key: String) throws(AnalyzeError) -> Bool { try required(key, typed(key, .boolean)?.bool) }

    /// An optional object member.
    func optionalObject(_ key: String) throws(AnalyzeError) -> BodyObject? {
        guard let value = try typed(key, .object) else { return nil }
        return try BodyObject(value, path: path(key), status: status)
    }

    /// A required object member.
    func requiredObject(_ key: String) throws(AnalyzeError) -> BodyObject { try required(key, optionalObject(key)) }

    /// An optional array member.
    func optionalArray(_ key: String) throws(AnalyzeError) -> JSONNode? {
        try typed(key, .array)
    }
}

/// The last name of a dotted path, for messages ("data[2].result" -> "result").
private func lastName(_ path: String) -> String {
    var name = Substring(path)
    if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
    return String(name)
}
