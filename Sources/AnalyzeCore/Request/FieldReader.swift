/// Typed reads of the members of one JSON object, recording wrong types and
/// unknown members as issues instead of failing.
struct FieldReader {
    /// The object being read.
    let node: JSONNode
    /// Its path.
    let path: FieldPath

    /// The member `key`, or nil when absent.
    func member(_ key: String) -> JSONNode? { node[key] }

    /// The member `key` read by `extract`; nil when absent, or when `extract`
    /// refuses it (then a wrong-type issue naming `expected` is recorded).
    private func typed<T>(_ key: String, _ issues: inout IssueCollector, expected: String,
                          _ extract: (JSONNode) -> T?) -> T? {
        guard let value = node[key], issues.unusable.isEmpty || !issues.isUnusable(path.key(key)) else { return nil }
        guard let typed = extract(value) else {
            issues.wrongType(path.key(key), expected: expected, got: value)
            return nil
        }
        return typed
    }

    /// A string member; nil when absent or of another type (then an issue is recorded).
    func string(_ key: String, _ issues: inout IssueCollector) -> String? {
        typed(key, &issues, expected: "a string") { $0.string }
    }

    /// A number member (integer or not) as a double.
    func number(_ key: String, _ issues: inout IssueCollector) -> Double? {
        typed(key, &issues, expected: "a number") { $0.kind == .integer || $0.kind == .double ? $0.double : nil }
    }

    /// An integer member (a number with a fraction or exponent is refused).
    func integer(_ key: String, _ issues: inout IssueCollector) -> Int64? {
        typed(key, &issues, expected: "an integer") { $0.kind == .integer ? $0.int64 : nil }
    }

    /// A string member that must be one of `E`'s raw values, or of `allowed`
    /// when given (the values of one API revision). A value of `E` outside
    /// `allowed` gets the message `elsewhere` gives for it ("… of API revision
    /// R; pass api_revision R"), or the list of allowed values.
    func choice<E: CaseIterable & RawRepresentable & Equatable>(_ key: String, _ issues: inout IssueCollector,
                                                               allowed: [E]? = nil,
                                                               elsewhere: (E) -> String? = { _ in nil }) -> E?
    where E.RawValue == String {
        guard let text = string(key, &issues) else { return nil }
        let values = allowed ?? Array(E.allCases)
        guard let value = E(rawValue: text), values.contains(value) else {
            issues.markUnusable(path.key(key))
            if let value = E(rawValue: text), let note = elsewhere(value) {
                issues.invalid(path.key(key), note)
            } else {
                issues.invalid(path.key(key), "must be one of: \(values.map(\.rawValue).joined(separator: ", ")); got \(MessageText.quoted(text))")
            }
            return nil
        }
        return value
    }

    /// An object member (its node).
    func object(_ key: String, _ issues: inout IssueCollector) -> JSONNode? {
        typed(key, &issues, expected: "an object") { $0.kind == .object ? $0 : nil }
    }

    /// An array member (its node).
    func array(_ key: String, _ issues: inout IssueCollector) -> JSONNode? {
        typed(key, &issues, expected: "an array") { $0.kind == .array ? $0 : nil }
    }

    /// The elements of an array member that are objects, each with its path;
    /// other elements are recorded as wrong types and come back as nil readers,
    /// so element indices stay aligned with the document.
    func objects(_ key: String, _ issues: inout IssueCollector) -> [FieldReader?]? {
        guard let list = array(key, &issues) else { return nil }
        var readers: [FieldReader?] = []
        var index = 0
        for element in list.elements {
            let elementPath = path.key(key).index(index)
            if element.kind == .object {
                readers.append(FieldReader(node: element, path: elementPath))
            } else {
                issues.wrongType(elementPath, expected: "an object", got: element)
                readers.append(nil)
            }
            index += 1
        }
        return readers
    }

    /// Records every member not in `known` as `parameter_unknown`, except the
    /// members of `elsewhere` (fields of another API revision), which get its
    /// message as `parameter_invalid` and are marked unusable. The list of
    /// allowed names is joined once; the "did you mean" guess, the path and the
    /// message are computed only for issues the report keeps.
    func rejectUnknown(_ known: [String], elsewhere: [String: String] = [:], _ issues: inout IssueCollector) {
        let allowed = "; allowed here: " + known.joined(separator: ", ")
        for (key, _) in node.members where !known.contains(key) {
            if let note = elsewhere[key] {
                issues.markUnusable(path.key(key))
                issues.invalid(path.key(key), note)
                continue
            }
            issues.unknown(path.key(key), Self.unknownMessage(key, known, allowed))
        }
    }

    private static func unknownMessage(_ key: String, _ known: [String], _ allowed: String) -> String {
        guard let guess = MessageText.closest(to: key, among: known) else { return "unknown field" + allowed }
        return "unknown field (did you mean \(guess)?)" + allowed
    }
}
