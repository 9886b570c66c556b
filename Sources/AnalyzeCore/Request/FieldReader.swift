/// Typed reads of the members of one JSON object, recording wrong types and
/// unknown members as issues instead of failing.
struct FieldReader {
    /// The object being read.
    let node: JSONNode
    /// Its path.
    let path: FieldPath

    /// The member `key`, or nil when absent.
    func member(_ key: String) -> JSONNode? { node[key] }

    /// A string member; nil when absent or of another type (then an issue is recorded).
    func string(_ key: String, _ issues: inout IssueCollector) -> String? {
        guard let value = node[key] else { return nil }
        guard let text = value.string else {
            issues.wrongType(path.key(key), expected: "a string", got: value)
            return nil
        }
        return text
    }

    /// A number member (integer or not) as a double.
    func number(_ key: String, _ issues: inout IssueCollector) -> Double? {
        guard let value = node[key] else { return nil }
        guard value.kind == .integer || value.kind == .double, let number = value.double else {
            issues.wrongType(path.key(key), expected: "a number", got: value)
            return nil
        }
        return number
    }

    /// An integer member (a number with a fraction or exponent is refused).
    func integer(_ key: String, _ issues: inout IssueCollector) -> Int64? {
        guard let value = node[key] else { return nil }
        guard value.kind == .integer, let integer = value.int64 else {
            issues.wrongType(path.key(key), expected: "an integer", got: value)
            return nil
        }
        return integer
    }

    /// A string member that must be one of `E`'s raw values.
    func choice<E: CaseIterable & RawRepresentable>(_ key: String, _ issues: inout IssueCollector) -> E?
    where E.RawValue == String {
        guard let text = string(key, &issues) else { return nil }
        guard let value = E(rawValue: text) else {
            issues.markUnusable(path.key(key))
            issues.invalid(path.key(key), "must be one of: \(E.allowedList); got \(MessageText.quoted(text))")
            return nil
        }
        return value
    }

    /// An object member (its node).
    func object(_ key: String, _ issues: inout IssueCollector) -> JSONNode? {
        guard let value = node[key] else { return nil }
        guard value.kind == .object else {
            issues.wrongType(path.key(key), expected: "an object", got: value)
            return nil
        }
        return value
    }

    /// An array member (its node).
    func array(_ key: String, _ issues: inout IssueCollector) -> JSONNode? {
        guard let value = node[key] else { return nil }
        guard value.kind == .array else {
            issues.wrongType(path.key(key), expected: "an array", got: value)
            return nil
        }
        return value
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

    /// Records every member not in `known` as `parameter_unknown`.
    func rejectUnknown(_ known: [String], _ issues: inout IssueCollector) {
        for (key, _) in node.members where !known.contains(key) {
            var message = "unknown field; allowed here: " + known.joined(separator: ", ")
            if let guess = MessageText.closest(to: key, among: known) {
                message = "unknown field (did you mean \(guess)?); allowed here: " + known.joined(separator: ", ")
            }
            issues.unknown(path.key(key), message)
        }
    }
}
