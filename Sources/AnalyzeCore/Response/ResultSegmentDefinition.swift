/// One segment definition of a time_based_metadata request, as far as result
/// checks need it: its id and its fields. Read leniently from the request JSON
/// (the request model is validated elsewhere): entries without a string `id`,
/// and fields without a string `name` and `type`, are skipped.
struct ResultSegmentDefinition {
    /// `id`, the key of the definition's segments in the result.
    let id: String
    /// `fields`, in order.
    let fields: [ResultSegmentField]
    /// True when every field name is ASCII, so that a name equals an ASCII key
    /// exactly when their bytes do (Swift string equality is canonical
    /// equivalence, under which e.g. U+212A KELVIN SIGN equals "K").
    let namesAreASCII: Bool
    /// True when the names are ASCII and no two are equal: then a key with
    /// the bytes of a name is that one field and no other.
    private let namesAreUniqueASCII: Bool
    /// The fields' names, compared as bytes without reference counting.
    private let names: PackedStrings
    /// The indices of the fields, in order, under a seeded hash of their
    /// name's bytes: a metadata key is compared with the few names of its
    /// hash, not with every name (definitions may declare thousands of fields;
    /// made only above `scanLimit` fields, empty below).
    private let byNameHash: [Int: [Int]]
    /// The index of the first field of each name (string equality; made only
    /// above `scanLimit` fields, empty below).
    private let firstByName: [String: Int]

    init(id: String, fields: [ResultSegmentField]) {
        self.id = id
        self.fields = fields
        names = PackedStrings(fields.lazy.map(\.name))
        var byNameHash: [Int: [Int]] = [:]
        var firstByName: [String: Int] = [:]
        if fields.count > Self.scanLimit {
            for (index, field) in fields.enumerated() {
                byNameHash[names.withString(index, Self.hash), default: []].append(index)
                if firstByName[field.name] == nil { firstByName[field.name] = index }
            }
        }
        self.byNameHash = byNameHash
        self.firstByName = firstByName
        namesAreASCII = names.isASCII
        // ASCII names are equal exactly when their bytes are.
        namesAreUniqueASCII = namesAreASCII
            && (fields.count > Self.scanLimit ? firstByName.count == fields.count : names.allDiffer)
    }

    /// The index of the field at `position` when its name has exactly the
    /// bytes of `key` and the names are unique ASCII, so that it is the one
    /// field `field(utf8:markingIn:)` would find and mark; nil otherwise.
    /// Models write metadata in the declared order: the key at position k is
    /// field k, found with one comparison instead of a search.
    @inline(__always)
    func fieldIndex(at position: Int, ifNamed key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard namesAreUniqueASCII, position < fields.count else { return nil }
        return names.equals(position, key) ? position : nil
    }

    /// A hash of raw bytes, seeded per process (so not open to chosen collisions).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// The field called `name`, if declared (the first one of that name).
    func field(_ name: String) -> ResultSegmentField? {
        fields.count > Self.scanLimit ? firstByName[name].map { fields[$0] } : fields.first { $0.name == name }
    }

    /// Marks in `present` every field whose name has the bytes of `key`, and
    /// returns the field called `key` as `field(_:)` finds it (by string
    /// equality; decided on bytes when the key and all names are ASCII).
    /// Up to this many fields, a key is compared with every name (lengths
    /// first) rather than hashed: cheaper than one hash for the few fields a
    /// definition usually has.
    private static let scanLimit = 16

    func field(utf8 key: UnsafeBufferPointer<UInt8>, markingIn present: inout FieldMarks) -> ResultSegmentField? {
        var firstMatch: Int?
        func compare(_ index: Int) {
            guard index < names.count, names.equals(index, key) else { return }
            present.mark(index)
            if firstMatch == nil { firstMatch = index }
        }
        if fields.count <= Self.scanLimit {
            for index in 0..<fields.count { compare(index) }
        } else if let candidates = byNameHash[Self.hash(key)] {
            for index in candidates { compare(index) }
        }
        guard namesAreASCII, ResultSegmentField.isASCII(key) else {
            return field(String(decoding: key, as: UTF8.self))
        }
        return firstMatch.map { fields[$0] }
    }

    /// Reads every usable definition of a `segment_definitions` array.
    static func readAll(_ node: JSONNode) -> [ResultSegmentDefinition] {
        node.elements.compactMap { element -> ResultSegmentDefinition? in
            guard let id = element["id"]?.string else { return nil }
            let fields = element["fields"]?.elements.compactMap(ResultSegmentField.init) ?? []
            return ResultSegmentDefinition(id: id, fields: fields)
        }
    }
}

/// One custom field of a segment definition (a class: segments look fields up
/// thousands of times, and a reference is retained once, not per member).
final class ResultSegmentField: WriterKey {
    /// The checks a declared type calls for.
    enum Check {
        case string, boolean, number, integer, array, timestamp
        /// Revision 2026-10: a list of events `{start_time, end_time, fields…}`.
        case timeArray
        /// A type name the checks do not know: every value matches.
        case any

        init(_ type: String) {
            switch type {
            case "string": self = .string
            case "boolean": self = .boolean
            case "number": self = .number
            case "integer": self = .integer
            case "array": self = .array
            case "timestamp": self = .timestamp
            case "time_array": self = .timeArray
            default: self = .any
            }
        }
    }

    /// `name`, the key in each segment's `metadata`.
    let name: String
    /// `type`: string, boolean, number, integer, array, timestamp or time_array.
    let type: String
    /// The check `type` calls for.
    let check: Check
    /// `format` of a timestamp field.
    let format: TimecodeFormat?
    /// `enum`: the allowed string values, when given, as a set (string
    /// equality, as `==` decides it).
    let allowed: Set<String>?
    /// The allowed values when every one is ASCII and there are at most
    /// `scanLimit` of them: an ASCII value is then allowed exactly when its
    /// bytes equal one of them (compared without hashing).
    private let scannedAllowed: PackedStrings?
    private static let scanLimit = 16
    /// `enum`'s string values in order (empty without `enum`).
    private let allowedInOrder: [String]
    /// The allowed values as issue messages show them: the JSON array cut to
    /// about 60 bytes (made for a reported issue only).
    var allowedText: String { allowed == nil ? "" : MessageText.value(.array(allowedInOrder.map(JSONValue.string))) }
    /// `items.type` of an array field.
    let itemType: String?
    /// The check `items.type` calls for (`.any` when not given).
    let itemCheck: Check
    /// The fields of each event of a time_array field (`items.fields`), as a
    /// definition named after the field; nil for other fields.
    let eventFields: ResultSegmentDefinition?

    /// Reads a field; nil without a string `name` and `type`. The members are
    /// read in one pass (keys are unique: the parser refuses duplicates), not
    /// looked up one by one: a result's request holds a field per declared
    /// name of every definition, read for every call.
    init?(_ node: JSONNode) {
        var nameValue, typeValue, formatValue, enumValue, itemsValue: RawNode?
        for (key, value) in node.raw.members {
            if RawNode.bytesEqual(key, "name") {
                nameValue = value
            } else if RawNode.bytesEqual(key, "type") {
                typeValue = value
            } else if RawNode.bytesEqual(key, "format") {
                formatValue = value
            } else if RawNode.bytesEqual(key, "enum") {
                enumValue = value
            } else if RawNode.bytesEqual(key, "items") {
                itemsValue = value
            }
        }
        guard let nameValue, nameValue.isString, let typeValue, typeValue.isString else { return nil }
        name = String(documentUTF8: nameValue.utf8)
        type = String(documentUTF8: typeValue.utf8)
        check = Check(type)
        format = formatValue.flatMap { $0.isString ? TimecodeFormat(rawValue: String(documentUTF8: $0.utf8)) : nil }
        if let enumValue, enumValue.isArray {
            var allowed: [String] = []
            for element in enumValue.elements where element.isString {
                allowed.append(String(documentUTF8: element.utf8))
            }
            self.allowed = Set(allowed)
            let packed = PackedStrings(allowed)
            scannedAllowed = packed.count <= Self.scanLimit && packed.isASCII ? packed : nil
            allowedInOrder = allowed
        } else {
            allowed = nil
            scannedAllowed = nil
            allowedInOrder = []
        }
        let items = itemsValue.map { JSONNode(document: node.document, raw: $0) }
        itemType = items?["type"]?.string
        itemCheck = itemType.map(Check.init) ?? .any
        if check == .timeArray {
            eventFields = ResultSegmentDefinition(id: name, fields: items?["fields"]?.elements.compactMap(ResultSegmentField.init) ?? [])
        } else {
            eventFields = nil
        }
        super.init(name)
    }

    /// Whether the string `value` (raw UTF-8) is one of `allowed` (true when no
    /// `enum` is given), by string equality.
    func allows(utf8 value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard allowed != nil else { return true }
        if scannedAllowed != nil, ResultSegmentField.isASCII(value) { return scannedAllowed?.contains(value) == true }
        return allowed?.contains(String(decoding: value, as: UTF8.self)) ?? true
    }

    /// True when every byte is ASCII.
    static func isASCII<C: Sequence<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
