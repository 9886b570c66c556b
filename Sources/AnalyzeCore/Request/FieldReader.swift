/// Typed reads of the members of one JSON object that record wrong types and
/// unknown members as issues instead of failing; the throwing twin for
/// response bodies is `BodyObject`, and both check types with
/// `JSONMemberType`. Members are found on the document's tape by their key
/// bytes (no `String` per key, no retain per member); paths are built only
/// for the issues reported.
struct FieldReader {
    /// The object being read.
    let node: JSONNode
    /// Its path, or the path of the list it is element `element` of.
    private let base: FieldPath
    /// The object's index in the list at `base`; nil when `base` is its path.
    private let element: Int?
    /// The key of the object in the object at `base` (or its element
    /// `element`); nil when those name the object itself.
    private let key: String?
    /// One bit per member key (`Self.signature`): a key whose bit is clear is
    /// absent without a scan of the members, so most absent optional fields
    /// cost a few instructions.
    private let keys: UInt64

    /// A reader of the object `node` at `path`.
    init(node: JSONNode, path: FieldPath) {
        self.init(node: node, base: path, element: nil, key: nil)
    }

    /// A reader at `base`, or at its element `element` when given; reads the key signatures once.
    private init(node: JSONNode, base: FieldPath, element: Int?, key: String?) {
        self.node = node
        self.base = base
        self.element = element
        self.key = key
        var keys: UInt64 = 0
        for (key, _) in node.raw.members { keys |= Self.signature(key) }
        self.keys = keys
    }

    /// The object's path, made when asked for (for an issue, or for the
    /// path of a list inside it): an element of a list costs no path node
    /// while it is fine.
    var path: FieldPath {
        let object = element.map { base.index($0) } ?? base
        return key.map { object.key($0) } ?? object
    }

    /// A bit chosen by the length and the first and last bytes of `key`.
    @inline(__always)
    private static func signature(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = key.first, let last = key.last else { return 1 }
        return 1 &<< UInt64((key.count &* 7 &+ Int(first) &* 3 &+ Int(last)) & 63)
    }

    /// The member `key`, or nil when absent.
    @inline(__always)
    func member(_ key: String) -> JSONNode? {
        rawMember(key).map { JSONNode(document: node.document, raw: $0) }
    }

    /// The member `key` on the tape (alive as long as `node`), or nil when absent.
    @inline(__always)
    private func rawMember(_ key: String) -> RawNode? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ wanted in
            keys & Self.signature(wanted) == 0 ? nil : node.raw.member(wanted)
        }) {
            return found
        }
        var key = key
        return key.withUTF8 { node.raw.member($0) }
    }

    /// True when the UTF-8 `bytes` spell `text`, lengths compared first.
    private static func spells(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        if let same = text.utf8.withContiguousStorageIfAvailable({ RawNode.bytesEqual($0, bytes) }) { return same }
        return text.utf8.elementsEqual(bytes)
    }

    /// The member `key` when it is of `type`; nil when absent or already
    /// unusable, or when of another type (then a wrong-type issue is recorded).
    @inline(__always)
    private func typed(_ key: String, _ type: JSONMemberType, _ issues: inout IssueCollector) -> RawNode? {
        guard let value = rawMember(key), !issues.isUnusable(path.key(key)) else { return nil }
        guard type.admits(value.kind) else {
            issues.wrongType(path.key(key), expected: type, got: JSONNode(document: node.document, raw: value))
            return nil
        }
        return value
    }

    /// A string member; nil when absent or of another type (then an issue is recorded).
    @inline(__always)
    func string(_ key: String, _ issues: inout IssueCollector) -> String? {
        typed(key, .string, &issues).map { String(documentUTF8: $0.utf8) }
    }

    /// A number member (integer or not) as a double.
    @inline(__always)
    func number(_ key: String, _ issues: inout IssueCollector) -> Double? {
        typed(key, .number, &issues)?.number
    }

    /// An integer member (a number with a fraction or exponent is refused).
    @inline(__always)
    func integer(_ key: String, _ issues: inout IssueCollector) -> Int64? {
        typed(key, .integer, &issues)?.int64
    }

    /// A string member that must be one of `E`'s raw values, or of `allowed`
    /// when given (the values of one API revision). A value of `E` outside
    /// `allowed` gets the message `elsewhere` gives for it ("… of API revision
    /// R; pass api_revision R"), or the list of allowed values.
    @inline(__always)
    func choice<E: CaseIterable & RawRepresentable & Equatable>(_ key: String, _ issues: inout IssueCollector,
                                                               allowed: [E]? = nil,
                                                               elsewhere: (E) -> String? = { _ in nil }) -> E?
    where E.RawValue == String {
        guard let raw = typed(key, .string, &issues) else { return nil }
        // Not E(rawValue:): the standard library's string switch it uses costs 4x this;
        // and no String of the value unless it is reported.
        let bytes = raw.utf8
        let value = E.allCases.first { Self.spells(bytes, $0.rawValue) }
        if let value, allowed?.contains(value) ?? true { return value }
        let text = String(decoding: bytes, as: UTF8.self)
        issues.markUnusable(path.key(key))
        if let value, let note = elsewhere(value) {
            issues.invalid(path.key(key), note)
        } else {
            let values = allowed ?? Array(E.allCases)
            issues.invalid(path.key(key), "must be one of: \(values.map(\.rawValue).joined(separator: ", ")); got \(MessageText.quoted(text))")
        }
        return nil
    }

    /// An object member (its node).
    @inline(__always)
    func object(_ key: String, _ issues: inout IssueCollector) -> JSONNode? {
        typed(key, .object, &issues).map { JSONNode(document: node.document, raw: $0) }
    }

    /// A reader of the object member `key` (nil when absent or not an
    /// object, as `object`): its path too is made only when asked for.
    func objectReader(_ key: String, _ issues: inout IssueCollector) -> FieldReader? {
        guard let member = object(key, &issues) else { return nil }
        guard self.key == nil else { return FieldReader(node: member, base: path, element: nil, key: key) }
        return FieldReader(node: member, base: base, element: element, key: key)
    }

    /// An array member (its node).
    @inline(__always)
    func array(_ key: String, _ issues: inout IssueCollector) -> JSONNode? {
        typed(key, .array, &issues).map { JSONNode(document: node.document, raw: $0) }
    }

    /// The elements of an array member read by `read`, in order: each object
    /// element with a reader at its path, any other element recorded as a
    /// wrong type (all of them first) and read as nil, so that the results
    /// stay aligned with the document's indices. Nil when the member is absent
    /// or not an array.
    func objects<T>(_ key: String, _ issues: inout IssueCollector,
                    _ read: (FieldReader?, inout IssueCollector) -> T) -> [T]? {
        guard let list = array(key, &issues) else { return nil }
        let listPath = path.key(key)
        var index = 0
        for element in list.elements {
            if element.kind != .object { issues.wrongType(listPath.index(index), expected: .object, got: element) }
            index += 1
        }
        var values: [T] = []
        values.reserveCapacity(list.count)
        index = 0
        for element in list.elements {
            values.append(read(element.kind == .object ? FieldReader(node: element, base: listPath, element: index, key: nil) : nil, &issues))
            index += 1
        }
        return values
    }

    /// Records every member not in `known` as `parameter_unknown`, except
    /// those `elsewhere` has a message for (fields of another API revision),
    /// which get it as `parameter_invalid` and are marked unusable. Keys are
    /// compared as bytes; the key's `String`, the list of allowed names, the
    /// "did you mean" guess, the path and the message are made only for the
    /// issues found.
    func rejectUnknown(_ known: KnownFields, elsewhere: (String) -> String? = { _ in nil },
                       _ issues: inout IssueCollector) {
        var allowed: String? = nil
        withExtendedLifetime(node.document) {
            for (rawKey, _) in node.raw.members where !known.contains(rawKey) {
                let key = String(decoding: rawKey, as: UTF8.self)
                if let note = elsewhere(key) {
                    issues.markUnusable(path.key(key))
                    issues.invalid(path.key(key), note)
                    continue
                }
                let list = allowed ?? "; allowed here: " + known.names.joined(separator: ", ")
                allowed = list
                issues.unknown(path.key(key), Self.unknownMessage(key, known.names, list))
            }
        }
    }

    /// `rejectUnknown` against a list of names made for this call.
    func rejectUnknown(_ known: [String], elsewhere: (String) -> String? = { _ in nil },
                       _ issues: inout IssueCollector) {
        rejectUnknown(KnownFields(known), elsewhere: elsewhere, &issues)
    }

    private static func unknownMessage(_ key: String, _ known: [String], _ allowed: String) -> String {
        guard let guess = MessageText.closest(to: key, among: known) else { return "unknown field" + allowed }
        return "unknown field (did you mean \(guess)?)" + allowed
    }
}
