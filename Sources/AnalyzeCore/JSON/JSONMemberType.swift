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
        case .string: return MessageText.kind(.string)
        case .number: return MessageText.kind(.double)
        case .integer: return MessageText.kind(.integer)
        case .boolean: return MessageText.kind(.bool)
        case .object: return MessageText.kind(.object)
        case .array: return MessageText.kind(.array)
        }
    }

    /// True when `node` has this type (a number may be written as an integer).
    func admits(_ node: JSONNode) -> Bool { admits(node.kind) }

    /// True when a value of `kind` has this type.
    func admits(_ kind: JSONKind) -> Bool {
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
    /// (`MessageText.kind`), or "a number with a fraction or an exponent"
    /// for a non-integral number read as an integer.
    func mismatch(_ node: JSONNode) -> String {
        self == .integer && node.kind == .double ? "a number with a fraction or an exponent" : MessageText.kind(node.kind)
    }
}
