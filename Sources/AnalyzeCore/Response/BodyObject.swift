/// A view of one JSON object of a response body that reads its members with
/// type checks: a missing required member or a wrong type throws an
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

    /// A required string member.
    func requiredString(_ key: String) throws(AnalyzeError) -> String {
        guard let value = value(key) else { throw missing(key) }
        guard let text = value.string else { throw wrongType(key, "a string", value) }
        return text
    }

    /// An optional string member.
    func optionalString(_ key: String) throws(AnalyzeError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else { throw wrongType(key, "a string", value) }
        return text
    }

    /// A required integer member.
    func requiredInteger(_ key: String) throws(AnalyzeError) -> Int64 {
        guard let value = value(key) else { throw missing(key) }
        guard let number = value.int64 else { throw wrongType(key, "an integer", value) }
        return number
    }

    /// An optional integer member.
    func optionalInteger(_ key: String) throws(AnalyzeError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard let number = value.int64 else { throw wrongType(key, "an integer", value) }
        return number
    }

    /// An optional number member (integer or not), as a double.
    func optionalNumber(_ key: String) throws(AnalyzeError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.double else { throw wrongType(key, "a number", value) }
        return number
    }

    /// A required boolean member.
    func requiredBool(_ key: String) throws(AnalyzeError) -> Bool {
        guard let value = value(key) else { throw missing(key) }
        guard let flag = value.bool else { throw wrongType(key, "a boolean", value) }
        return flag
    }

    /// An optional object member.
    func optionalObject(_ key: String) throws(AnalyzeError) -> BodyObject? {
        guard let value = value(key) else { return nil }
        guard value.kind == .object else { throw wrongType(key, "an object", value) }
        return try BodyObject(value, path: path(key), status: status)
    }

    /// A required object member.
    func requiredObject(_ key: String) throws(AnalyzeError) -> BodyObject {
        guard let object = try optionalObject(key) else { throw missing(key) }
        return object
    }

    /// An optional array member.
    func optionalArray(_ key: String) throws(AnalyzeError) -> JSONNode? {
        guard let value = value(key) else { return nil }
        guard value.kind == .array else { throw wrongType(key, "an array", value) }
        return value
    }
}

/// The last name of a dotted path, for messages ("data[2].result" -> "result").
private func lastName(_ path: String) -> String {
    var name = Substring(path)
    if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
    return String(name)
}
