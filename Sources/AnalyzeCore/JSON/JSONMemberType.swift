/// The type a member of a JSON object is read as: the one kind check and the
/// one name of each type for the typed reads of `FieldReader` (which records
/// a wrong type as an issue and reads on) and `BodyObject` (which throws).
enum JSONMemberType {
    /// A string.
    case string
    /// A number, integer or not (read as a double).
    case number
    /// An integer within 64 bits (no fraction, no exponent).
    case integer
    /// `true` or `false`.
    case boolean
    /// An object.
    case object
    /// An array.
    case array

    /// The type in messages, with its article: "a string", "an integer"…
    var expected: String {
        switch self {
        case .string: return JSONKind.string.described
        case .number: return JSONKind.double.described
        case .integer: return JSONKind.integer.described
        case .boolean: return JSONKind.bool.described
        case .object: return JSONKind.object.described
        case .array: return JSONKind.array.described
        }
    }

    /// True when `node` has this type (a number may be written as an integer).
    func admits(_ node: JSONNode) -> Bool {
        let kind = node.kind
        switch self {
        case .string: return kind == .string
        case .number: return kind == .double || kind == .integer
        case .integer: return kind == .integer
        case .boolean: return kind == .bool
        case .object: return kind == .object
        case .array: return kind == .array
        }
    }

    /// What `node` is instead, for "must be an integer, not …": its kind
    /// (`JSONKind.described`), or "a number with a fraction or an exponent"
    /// for a non-integral number read as an integer.
    func mismatch(_ node: JSONNode) -> String {
        self == .integer && node.kind == .double ? "a number with a fraction or an exponent" : node.kind.described
    }
}

extension JSONKind {
    /// The kind in messages, with its article: `a string`, `an integer`, `a number`, `null`…
    var described: String {
        switch self {
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
