/// Checks a JSON value against a JSON Schema, within the subset the API
/// supports for `response_format.json_schema`: `type` (with `integer` apart
/// from `number`, and the API's `timestamp`), `properties`/`required`,
/// `items`/`minItems`, `enum`/`const`, `anyOf`, `$ref` to `#` or a JSON pointer
/// inside the schema (`#/$defs/name`), `minimum`/`maximum`/`exclusiveMinimum`/
/// `exclusiveMaximum`, string `pattern` (see `SafeRegex`) and `format`
/// `uuid`, `date-time`, `date`, `time` and the timestamp formats `seconds`,
/// `hh:mm:ss`, `hh:mm:ss.fff`. Other keywords are ignored. Every violation
/// becomes a `ResultIssue`; checking never stops at the first one.
struct ResultSchemaChecker {
    /// The root schema, against which `$ref` pointers resolve.
    let root: JSONNode
    /// The issues found so far, in document order.
    private(set) var issues: [ResultIssue] = []
    /// Issues left out once `bound` was reached.
    private(set) var droppedIssues = 0
    private var bound = ReportByteBound()
    /// The call's budget, shared with the other results of the same call.
    private let budget: CheckBudget
    private var exhausted = false
    /// Above zero while an `anyOf` alternative is tried: its issues are only
    /// counted, so their messages are not built.
    private var trialDepth = 0
    /// `$ref` targets already resolved (nil: cannot be resolved).
    private var resolved: [String: JSONNode?] = [:]
    /// Indexes of schema nodes, built once per node the first time a value
    /// meets it (schemas may list tens of thousands of enum values,
    /// properties or required names).
    private var enumIndexes: [NodeKey: EnumIndex] = [:]
    private var propertyIndexes: [NodeKey: [MemberKey: JSONNode]] = [:]
    private var requiredNames: [NodeKey: [MemberKey]] = [:]
    /// Message texts of schema values (`enum`, `const`), built once per node:
    /// a long enum list is serialized once, not once per issue.
    /// (A reference: messages are built inside `report`'s autoclosure, only
    /// for issues that are kept.)
    private let descriptions = Descriptions()

    private final class Descriptions {
        var texts: [NodeKey: String] = [:]

        /// `ResultValue.describe` of a value inside the schema, cached per node.
        func text(of node: JSONNode) -> String {
            let key = NodeKey(node)
            if let known = texts[key] { return known }
            let text = MessageText.value(node)
            texts[key] = text
            return text
        }
    }

    /// Identity of a node inside the schema document.
    private struct NodeKey: Hashable {
        let tape: UInt64
        let index: UInt64
        init(_ node: JSONNode) { (tape, index) = node.identity }
    }

    /// The values of an `enum`: scalars under their `MemberKey.scalarHash`,
    /// arrays and objects in a list.
    private struct EnumIndex {
        var scalars: [Int: [JSONNode]] = [:]
        var composites: [JSONNode] = []
    }

    /// Deepest chain of nested schemas, `anyOf` alternatives and `$ref`s
    /// followed. Each level is a few hundred bytes of stack in a release
    /// build: 64 levels fit threads with small stacks (128 KiB and less).
    static let maxDepth = 64

    /// A checker for `schema` that gives up when `budget` (the call's) is spent.
    init(schema: JSONNode, budget: CheckBudget) {
        root = schema
        self.budget = budget
    }

    /// Checks `instance`, reporting issues under `path`.
    mutating func check(_ instance: JSONNode, path: FieldPath) {
        check(instance, root, path, depth: 0)
    }

    /// Keeps an issue while the report is within `ReportByteBound.maxBytes`
    /// (its path and message are built only then); beyond it, counts it.
    /// Issues of an `anyOf` alternative under trial are kept without text.
    private mutating func report(_ code: String, _ path: FieldPath, _ message: @autoclosure () -> String) {
        let counted = trialDepth > 0 && code != "pattern_not_checked" && code != "schema_not_checked"
        if counted {
            issues.append(ResultIssue(code, path: "", ""))
            return
        }
        guard bound.hasRoom else {
            droppedIssues += 1
            return
        }
        let issue = ResultIssue(code, path: path.text, message())
        bound.keep(path: issue.path, message: issue.message)
        issues.append(issue)
    }

    private mutating func check(_ instance: JSONNode, _ schema: JSONNode, _ path: FieldPath, depth: Int) {
        if exhausted { return }
        let spent = !budget.spendSteps(1)
        if spent || depth > ResultSchemaChecker.maxDepth {
            exhausted = true
            let reason = spent
                ? "checking stopped: this call's budget of \(MessageText.grouped(budget.schemaSteps)) schema steps (shared by all the results it reads) is spent; the rest of the value was not checked"
                : "schema nesting or $ref chain deeper than \(ResultSchemaChecker.maxDepth); the rest of the value was not checked"
            report("schema_not_checked", path, reason)
            return
        }
        if let allowed = schema.bool {
            if !allowed { report("schema_false", path, "no value is allowed here (the schema is false)") }
            return
        }
        guard schema.kind == .object else { return }
        if let reference = schema["$ref"]?.string {
            let target: JSONNode?
            if let known = resolved[reference] {
                target = known
            } else {
                target = resolve(reference)
                resolved[reference] = target
            }
            if let target {
                check(instance, target, path, depth: depth + 1)
            } else {
                report("schema_ref", path, "$ref \(MessageText.quotedInFull(reference)) cannot be resolved (only #, #/$defs/... and other pointers inside the schema are supported); not checked")
            }
        }
        if let type = schema["type"], !matchesType(instance, type) {
            report("schema_type", path, "expected \(Self.typeText(type)), got \(MessageText.kindAndValue(instance))")
            return
        }
        let descriptions = self.descriptions
        if let allowed = schema["enum"], allowed.kind == .array, !isInEnum(instance, allowed) {
            report("schema_enum", path, "value \(MessageText.value(instance)) is not one of \(descriptions.text(of: allowed))")
        }
        if let constant = schema["const"], !ResultValue.jsonEqual(instance, constant) {
            report("schema_const", path, "value \(MessageText.value(instance)) is not the constant \(descriptions.text(of: constant))")
        }
        checkNumber(instance, schema, path)
        checkString(instance, schema, path)
        checkObject(instance, schema, path, depth: depth)
        checkArray(instance, schema, path, depth: depth)
        if let alternatives = schema["anyOf"], alternatives.kind == .array {
            checkAnyOf(instance, alternatives, path, depth: depth)
        }
    }

    /// Whether `instance` equals a value of `allowed` (an `enum` array): only
    /// the values of its hash (scalars) or kind (arrays, objects) are
    /// compared, and each comparison is one step of the budget.
    private mutating func isInEnum(_ instance: JSONNode, _ allowed: JSONNode) -> Bool {
        let key = NodeKey(allowed)
        let index: EnumIndex
        if let known = enumIndexes[key] {
            index = known
        } else {
            var built = EnumIndex()
            for value in allowed.elements {
                if value.kind == .array || value.kind == .object {
                    built.composites.append(value)
                } else {
                    built.scalars[MemberKey.scalarHash(value), default: []].append(value)
                }
            }
            enumIndexes[key] = built
            index = built
        }
        let candidates = instance.kind == .array || instance.kind == .object
            ? index.composites : index.scalars[MemberKey.scalarHash(instance)] ?? []
        for candidate in candidates {
            _ = budget.spendSteps(1)
            if ResultValue.jsonEqual(instance, candidate) { return true }
        }
        return false
    }

    private mutating func checkAnyOf(_ instance: JSONNode, _ alternatives: JSONNode, _ path: FieldPath, depth: Int) {
        let before = issues.count
        var count = 0
        for alternative in alternatives.elements {
            count += 1
            trialDepth += 1
            check(instance, alternative, path, depth: depth + 1)
            trialDepth -= 1
            if exhausted {
                // Keep only the notice that checking stopped, not the half-tried alternative's issues.
                let notice = issues.last { $0.code == "schema_not_checked" }
                issues.removeSubrange(before...)
                if let notice { issues.append(notice) }
                return
            }
            if !issues[before...].contains(where: { $0.code != "pattern_not_checked" }) { return }
            issues.removeSubrange(before...)
        }
        report("schema_anyOf", path, "value \(MessageText.value(instance)) matches none of the \(count) alternatives of anyOf")
    }

    private mutating func checkNumber(_ instance: JSONNode, _ schema: JSONNode, _ path: FieldPath) {
        guard instance.double != nil else { return }
        let value = MessageText.value(instance)
        if let limit = schema["minimum"], let order = ResultValue.compareNumbers(instance, limit), order < 0 {
            report("schema_minimum", path, "value \(value) is less than the minimum \(MessageText.value(limit))")
        }
        if let limit = schema["exclusiveMinimum"], let order = ResultValue.compareNumbers(instance, limit), order <= 0 {
            report("schema_exclusiveMinimum", path, "value \(value) is not greater than the exclusive minimum \(MessageText.value(limit))")
        }
        if let limit = schema["maximum"], let order = ResultValue.compareNumbers(instance, limit), order > 0 {
            report("schema_maximum", path, "value \(value) is greater than the maximum \(MessageText.value(limit))")
        }
        if let limit = schema["exclusiveMaximum"], let order = ResultValue.compareNumbers(instance, limit), order >= 0 {
            report("schema_exclusiveMaximum", path, "value \(value) is not less than the exclusive maximum \(MessageText.value(limit))")
        }
        if let format = schema["format"]?.string, let wanted = TimecodeFormat(rawValue: format), wanted != .seconds {
            report("schema_format", path, "value \(value) is a number, not a time in the format \(format)")
        }
    }

    private mutating func reportPatternBudgetSpent(_ pattern: String, _ path: FieldPath) {
        let total = budget.patternWork
        report("pattern_not_checked", path, "pattern \(MessageText.quotedInFull(pattern)) not checked: this call's budget of \(MessageText.grouped(total)) units of pattern work (shared by all the results it reads) is spent")
    }

    private mutating func checkString(_ instance: JSONNode, _ schema: JSONNode, _ path: FieldPath) {
        guard let text = instance.string else { return }
        if let pattern = schema["pattern"]?.string {
            do {
                guard budget.spendPatternWork(pattern.utf8.count) else { return reportPatternBudgetSpent(pattern, path) }
                let matcher = try SafeRegex(pattern)
                let work = matcher.work(for: text)
                if work <= SafeRegex.maxWork && !budget.spendPatternWork(work) { return reportPatternBudgetSpent(pattern, path) }
                switch matcher.matches(text) {
                case true?: break
                case false?: report("schema_pattern", path, "value \(MessageText.value(instance)) does not match the pattern \(MessageText.quotedInFull(pattern))")
                case nil: report("pattern_not_checked", path, "pattern \(MessageText.quotedInFull(pattern)) not checked: the string is too long for a bounded check")
                }
            } catch {
                report("pattern_not_checked", path, "pattern \(MessageText.quotedInFull(pattern)) not checked: \(error.reason)")
            }
        }
        guard let format = schema["format"]?.string else { return }
        let valid: Bool
        switch format {
        case "uuid": valid = ResultValue.isUUID(text)
        case "date-time": valid = RFC3339.unixMilliseconds(text) != nil
        case "date": valid = RFC3339.isDate(text)
        case "time": valid = RFC3339.isTime(text)
        case TimecodeFormat.seconds.rawValue:
            report("schema_format", path, "value \(MessageText.value(instance)) is a string, not a number of seconds")
            return
        case TimecodeFormat.clock.rawValue: valid = Timecode.matches(text, .clock)
        case TimecodeFormat.clockMilliseconds.rawValue: valid = Timecode.matches(text, .clockMilliseconds)
        default: return
        }
        if !valid {
            report("schema_format", path, "value \(MessageText.value(instance)) is not a valid \(format)")
        }
    }

    private mutating func checkObject(_ instance: JSONNode, _ schema: JSONNode, _ path: FieldPath, depth: Int) {
        guard instance.kind == .object else { return }
        let members = instance.members
        if let properties = schema["properties"], properties.kind == .object {
            let key = NodeKey(properties)
            let index: [MemberKey: JSONNode]
            if let known = propertyIndexes[key] {
                index = known
            } else {
                var built: [MemberKey: JSONNode] = [:]
                for (name, property) in properties.members { built[MemberKey(name)] = property }
                propertyIndexes[key] = built
                index = built
            }
            for (key, value) in members {
                if let property = index[MemberKey(key)] {
                    check(value, property, path.key(key), depth: depth + 1)
                }
            }
        }
        if let required = schema["required"], required.kind == .array {
            let key = NodeKey(required)
            let names: [MemberKey]
            if let known = requiredNames[key] {
                names = known
            } else {
                names = required.elements.compactMap { $0.string.map(MemberKey.init) }
                requiredNames[key] = names
            }
            guard !names.isEmpty else { return }
            let present = Set(members.map { MemberKey($0.key) })
            // One step per name: a long list met by many objects counts against the budget.
            _ = budget.spendSteps(names.count)
            for name in names where !present.contains(name) {
                report("schema_required", path.key(name.text), "required property \(MessageText.quotedInFull(name.text)) is missing")
            }
        }
    }

    private mutating func checkArray(_ instance: JSONNode, _ schema: JSONNode, _ path: FieldPath, depth: Int) {
        guard instance.kind == .array else { return }
        var count = 0
        let items = schema["items"]
        for element in instance.elements {
            if let items, items.kind == .object || items.kind == .bool {
                check(element, items, path.index(count), depth: depth + 1)
            }
            count += 1
        }
        if let minimum = schema["minItems"]?.int64, Int64(count) < minimum {
            report("schema_minItems", path, "array has \(count) item\(count == 1 ? "" : "s"), fewer than minItems \(minimum)")
        }
    }

    /// Resolves `#` or `#/json/pointer` inside the root schema.
    private func resolve(_ reference: String) -> JSONNode? {
        guard reference.hasPrefix("#") else { return nil }
        let pointer = reference.dropFirst()
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var node = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = JSONPointer.unescape(token)
            switch node.kind {
            case .object:
                guard let child = node[key] else { return nil }
                node = child
            case .array:
                guard let index = Int(key), index >= 0 else { return nil }
                var found: JSONNode?
                var position = 0
                for element in node.elements {
                    if position == index { found = element; break }
                    position += 1
                }
                guard let found else { return nil }
                node = found
            default:
                return nil
            }
        }
        return node
    }

    private func matchesType(_ instance: JSONNode, _ type: JSONNode) -> Bool {
        if let name = type.string { return matches(instance, name) }
        guard type.kind == .array else { return true }
        return type.elements.contains { $0.string.map { matches(instance, $0) } ?? false }
    }

    private func matches(_ instance: JSONNode, _ name: String) -> Bool {
        switch name {
        case "null": return instance.isNull
        case "boolean": return instance.kind == .bool
        case "string": return instance.kind == .string
        case "number": return instance.double != nil
        case "integer": return ResultValue.isInteger(instance)
        case "object": return instance.kind == .object
        case "array": return instance.kind == .array
        case "timestamp": return instance.double != nil || (instance.string.flatMap(Timecode.parse) != nil)
        default: return true
        }
    }

    private static func typeText(_ type: JSONNode) -> String {
        if let name = type.string { return name }
        let names = type.elements.compactMap { $0.string }
        return names.isEmpty ? MessageText.value(type) : names.joined(separator: " or ")
    }
}
