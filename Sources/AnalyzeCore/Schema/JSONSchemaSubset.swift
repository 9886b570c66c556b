/// Checks `response_format.json_schema` against the subset of JSON Schema
/// Draft 2020-12 the platform accepts, reporting the exact offending keyword.
struct JSONSchemaSubset {
    /// The model the request uses (nil when unknown).
    let model: ModelName?
    /// Its traits in the request's API revision: `timestamp` and the
    /// `start_time`/`end_time` property rules depend on them.
    let traits: ModelTraits?
    /// The models that take `timestamp` ("pegasus1.5"), for messages.
    let timestampModels: String
    /// Appended to "requires model_name …" when the model was defaulted.
    let modelNote: String
    /// The whole schema (for `$defs` lookups).
    let root: JSONValue

    static let types = ["array", "boolean", "integer", "null", "number", "object", "string", "timestamp"]
    static let annotations = ["title", "description", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly"]
    static let integerKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]
    static let stringFormats = ["uuid", "date-time", "date", "time"]
    static let reservedPropertyNames = ["start_time", "end_time"]

    /// Where a subschema sits, which decides whether `timestamp` may appear there.
    enum Place: Equatable {
        case root, rootProperty, rootArrayItems, rootArrayItemProperty
        case tooDeep, inAnyOf, inDefinition

        var allowsTimestamp: Bool { self == .rootProperty || self == .rootArrayItemProperty }

        /// The place of a schema under `properties.<name>` of a schema here.
        var property: Place {
            switch self {
            case .root: return .rootProperty
            case .rootArrayItems: return .rootArrayItemProperty
            case .inAnyOf, .inDefinition: return self
            default: return .tooDeep
            }
        }

        /// The place of the `items` schema of a schema here.
        var items: Place {
            switch self {
            case .rootProperty: return .rootArrayItems
            case .inAnyOf, .inDefinition: return self
            default: return .tooDeep
            }
        }
    }

    /// The entries of the root `$defs`, in order.
    private let definitions: [JSONMember]
    /// Their names.
    private let definitionNames: Set<String>

    init(model: ModelName?, traits: ModelTraits?, timestampModels: String, modelNote: String, root: JSONValue) {
        self.model = model
        self.traits = traits
        self.timestampModels = timestampModels
        self.modelNote = modelNote
        self.root = root
        if case .object(let members)? = root["$defs"] {
            definitions = members
        } else {
            definitions = []
        }
        definitionNames = Set(definitions.map(\.key))
    }

    /// Checks the whole schema found at `path`.
    mutating func check(at path: FieldPath, _ issues: inout IssueCollector) {
        checkSchema(root, at: path, place: .root, &issues)
        checkTermination(at: path, &issues)
    }

    private func checkSchema(_ schema: JSONValue, at path: FieldPath, place: Place, _ issues: inout IssueCollector) {
        guard case .object(let members) = schema else {
            issues.invalid(path, "a schema must be an object, not \(MessageText.kind(of: schema))")
            return
        }
        var type: String? = nil
        if let declared = schema["type"] {
            if case .string(let name) = declared {
                if Self.types.contains(name) {
                    type = name
                } else {
                    issues.invalid(path.key("type"), "unsupported type \(MessageText.quoted(name)); allowed: \(Self.types.joined(separator: ", "))")
                }
            } else {
                issues.invalid(path.key("type"), "must be one type name (a string), not \(MessageText.kind(of: declared)); use anyOf for alternatives")
            }
        }
        if type == "timestamp" { checkTimestamp(schema, at: path, place: place, &issues) }
        for member in members {
            checkKeyword(member.key, member.value, in: schema, type: type, at: path, place: place, &issues)
        }
    }

    private func checkTimestamp(_ schema: JSONValue, at path: FieldPath, place: Place, _ issues: inout IssueCollector) {
        if let traits, !traits.features.contains(.timestampFields) {
            issues.invalid(path.key("type"), "timestamp requires model_name \(timestampModels)" + modelNote)
        }
        if !place.allowsTimestamp {
            let why: String
            switch place {
            case .inAnyOf: why = "not inside anyOf"
            case .inDefinition: why = "not in $defs (behind $ref)"
            default: why = "not at this position"
            }
            issues.invalid(path.key("type"), "timestamp is allowed only at properties.<field> or properties.<array>.items.properties.<field>, \(why)")
        }
        if schema["format"] == nil {
            issues.invalid(path.key("format"), "format is required for timestamp type; allowed values: \(TimestampFormat.allowedList)")
        }
    }

    private func checkKeyword(_ key: String, _ value: JSONValue, in schema: JSONValue, type: String?,
                              at path: FieldPath, place: Place, _ issues: inout IssueCollector) {
        let keyPath = path.key(key)
        if Self.annotations.contains(key) || key == "type" { return }
        switch key {
        case "$schema":
            if place != .root { issues.invalid(keyPath, "$schema is allowed only at the root of the schema") }
        case "$defs":
            guard place == .root else {
                issues.invalid(keyPath, "$defs is supported only at the root of the schema")
                return
            }
            guard case .object(let entries) = value else {
                issues.invalid(keyPath, "must be an object of named schemas, not \(MessageText.kind(of: value))")
                return
            }
            for entry in entries { checkSchema(entry.value, at: keyPath.key(entry.key), place: .inDefinition, &issues) }
        case "enum", "const":
            let values: [JSONValue]
            if key == "const" {
                values = [value]
            } else if case .array(let items) = value {
                values = items
            } else {
                issues.invalid(keyPath, "must be an array of values, not \(MessageText.kind(of: value))")
                return
            }
            for (index, item) in values.enumerated() {
                switch item {
                case .array, .object:
                    issues.invalid(key == "const" ? keyPath : keyPath.index(index),
                                   "\(key) values may only be boolean, null, number or string, not \(MessageText.kind(of: item))")
                default:
                    break
                }
            }
        case "anyOf":
            guard case .array(let branches) = value, !branches.isEmpty else {
                issues.invalid(keyPath, "must be a non-empty array of schemas")
                return
            }
            for (index, branch) in branches.enumerated() {
                checkSchema(branch, at: keyPath.index(index), place: .inAnyOf, &issues)
            }
        case "oneOf", "allOf", "not", "if", "then", "else":
            issues.invalid(keyPath, "\(key) is not supported: anyOf is the only schema composition the platform takes")
        case "$ref":
            checkReference(value, at: keyPath, &issues)
        case _ where Self.integerKeywords.contains(key):
            if Self.onlyOnType("integer", key, type, at: keyPath, &issues) && !Self.isNumber(value) {
                issues.invalid(keyPath, "must be a number, not \(MessageText.kind(of: value))")
            }
        case "minLength", "maxLength":
            issues.invalid(keyPath, "string length constraints (\(key)) are not supported")
        case "pattern":
            guard Self.onlyOnType("string", key, type, at: keyPath, &issues) else { return }
            if case .string(let pattern) = value {
                if let problem = RegexParser.problem(pattern) {
                    issues.invalid(keyPath, "is not a valid regular expression: \(problem)")
                }
            } else {
                issues.invalid(keyPath, "must be a string, not \(MessageText.kind(of: value))")
            }
        case "format":
            checkFormat(value, type: type, at: keyPath, &issues)
        case "properties":
            guard Self.onlyOnType("object", key, type, at: keyPath, &issues) else { return }
            guard case .object(let properties) = value else {
                issues.invalid(keyPath, "must be an object of property schemas, not \(MessageText.kind(of: value))")
                return
            }
            for property in properties {
                let propertyPath = keyPath.key(property.key)
                checkSchema(property.value, at: propertyPath, place: place.property, &issues)
                if traits?.features.contains(.timestampFields) == true && Self.reservedPropertyNames.contains(property.key) {
                    checkReservedProperty(property.key, property.value, at: propertyPath, &issues)
                }
            }
        case "required":
            guard Self.onlyOnType("object", key, type, at: keyPath, &issues) else { return }
            guard case .array(let names) = value else {
                issues.invalid(keyPath, "must be an array of property names, not \(MessageText.kind(of: value))")
                return
            }
            var declared: Set<String> = []
            if case .object(let properties)? = schema["properties"] { declared = Set(properties.map(\.key)) }
            for (index, name) in names.enumerated() {
                guard case .string(let text) = name else {
                    issues.invalid(keyPath.index(index), "must be a property name (a string), not \(MessageText.kind(of: name))")
                    continue
                }
                if !declared.contains(text) {
                    issues.invalid(keyPath.index(index), "names \(MessageText.quoted(text)), which is not in properties")
                }
            }
        case "additionalProperties":
            issues.invalid(keyPath, "additionalProperties is not supported; remove it")
        case "items":
            guard Self.onlyOnType("array", key, type, at: keyPath, &issues) else { return }
            if case .array = value {
                issues.invalid(keyPath, "must be one schema (an object); tuple forms are not supported")
                return
            }
            checkSchema(value, at: keyPath, place: place.items, &issues)
        case "minItems":
            if Self.onlyOnType("array", key, type, at: keyPath, &issues) && value != .int(0) && value != .int(1) {
                issues.invalid(keyPath, "minItems accepts only 0 or 1; got \(Self.short(value))")
            }
        case "maxItems", "uniqueItems":
            issues.invalid(keyPath, "\(key) is not supported; remove it")
        default:
            issues.invalid(keyPath, "keyword \(MessageText.quoted(key)) is not supported by the platform's JSON schema subset")
        }
    }

    private func checkFormat(_ value: JSONValue, type: String?, at path: FieldPath, _ issues: inout IssueCollector) {
        switch type {
        case "string":
            guard case .string(let format) = value, Self.stringFormats.contains(format) else {
                issues.invalid(path, "string format must be one of: \(Self.stringFormats.joined(separator: ", ")); got \(Self.short(value))")
                return
            }
        case "timestamp":
            guard case .string(let format) = value, TimestampFormat(rawValue: format) != nil else {
                issues.invalid(path, "format is required for timestamp type; allowed values: \(TimestampFormat.allowedList); got \(Self.short(value))")
                return
            }
        default:
            issues.invalid(path, "format is supported only on types string and timestamp\(Self.onType(type))")
        }
    }

    /// Models with timestamps give properties named `start_time`/`end_time` special handling at any depth.
    private func checkReservedProperty(_ name: String, _ schema: JSONValue, at path: FieldPath, _ issues: inout IssueCollector) {
        guard case .object = schema else { return }
        let allowed = "number, integer, string without format, or timestamp"
        guard case .string(let type)? = schema["type"] else {
            if schema["type"] == nil {
                issues.invalid(path, "a property named \(name) must declare its type: \(allowed) (\(model?.rawValue ?? "the model") reserves the name)")
            }
            return
        }
        switch type {
        case "number", "integer", "timestamp":
            break
        case "string":
            if schema["format"] != nil {
                issues.invalid(path.key("format"), "a property named \(name) of type string may not have a format (\(model?.rawValue ?? "the model") reserves the name); use type timestamp with a format")
            }
        default:
            if Self.types.contains(type) {
                issues.invalid(path.key("type"), "a property named \(name) may only be \(allowed), not \(type) (\(model?.rawValue ?? "the model") reserves the name)")
            }
        }
    }

    private func checkReference(_ value: JSONValue, at path: FieldPath, _ issues: inout IssueCollector) {
        guard case .string(let reference) = value else {
            issues.invalid(path, "must be a string, not \(MessageText.kind(of: value))")
            return
        }
        guard let name = Self.definitionName(reference) else {
            issues.invalid(path, "only references to entries of the root $defs are supported (#/$defs/<name>); got \(MessageText.quoted(reference))")
            return
        }
        if !definitionNames.contains(name) {
            issues.invalid(path, "points to \(MessageText.quoted(reference)), which is not defined in $defs")
        }
    }

    /// The `$defs` entry a reference names (`#/$defs/<name>`, JSON Pointer escapes decoded), or nil.
    static func definitionName(_ reference: String) -> String? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        let token = String(reference.dropFirst(prefix.count))
        guard !token.isEmpty, !token.contains("/") else { return nil }
        return JSONPointer.unescape(token)
    }

    /// Reports every `$defs` entry that can never be satisfied by a finite value
    /// because it refers to itself without end (through `$ref`, required
    /// properties, non-empty arrays, or every branch of an anyOf).
    private func checkTermination(at path: FieldPath, _ issues: inout IssueCollector) {
        guard !definitions.isEmpty else { return }
        var graph = FiniteValueGraph(definitionNames: definitions.map(\.key))
        for (index, entry) in definitions.enumerated() {
            graph.setCondition(ofDefinition: index, graph.condition(of: entry.value))
        }
        let finite = graph.solve()
        for (index, entry) in definitions.enumerated() where !finite[index] {
            issues.invalid(path.key("$defs").key(entry.key),
                           "refers to itself without end: no finite value satisfies it (make the recursive property optional or allow empty arrays)")
        }
    }

    private static func short(_ value: JSONValue) -> String {
        switch value {
        case .int, .double, .bool, .null: return value.jsonText
        case .string(let text): return MessageText.quoted(text)
        default: return MessageText.kind(of: value)
        }
    }

    private static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }

    /// Whether the schema's `type` is `wanted`; when not, reports that `key` is
    /// supported only on that type.
    private static func onlyOnType(_ wanted: String, _ key: String, _ type: String?, at path: FieldPath,
                                   _ issues: inout IssueCollector) -> Bool {
        if type == wanted { return true }
        issues.invalid(path, "\(key) is supported only on type \(wanted)\(onType(type))")
        return false
    }

    private static func onType(_ type: String?) -> String {
        type.map { " (type is \($0))" } ?? " (no type is declared)"
    }
}
