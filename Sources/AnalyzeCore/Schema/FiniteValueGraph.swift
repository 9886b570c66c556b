/// Decides which `$defs` entries of a JSON schema some finite value can
/// satisfy, in time linear in the size of the schema.
///
/// Each schema becomes an AND node over what any value of it must contain: the
/// target of its `$ref`, an OR node over its `anyOf` branches, the schemas of
/// its required properties, and its `items` when `minItems` is 1. Each `$defs`
/// entry is a node whose single condition is its schema's node. Nodes become
/// satisfiable from the leaves up (a worklist with a pending count per AND
/// node); what is never reached is the least fixpoint's "no finite value".
struct FiniteValueGraph {
    private enum Kind { case all, any }

    private var kinds: [Kind] = []
    private var pending: [Int] = []
    private var parents: [[Int]] = []
    private let definitionIndex: [String: Int]
    private let definitionCount: Int

    /// Creates the graph with one node per definition (nodes 0..<count).
    init(definitionNames: [String]) {
        var index: [String: Int] = [:]
        for (position, name) in definitionNames.enumerated() where index[name] == nil { index[name] = position }
        definitionIndex = index
        definitionCount = definitionNames.count
        for _ in definitionNames { _ = addNode(.all) }
    }

    private mutating func addNode(_ kind: Kind) -> Int {
        kinds.append(kind)
        pending.append(0)
        parents.append([])
        return kinds.count - 1
    }

    private mutating func link(_ parent: Int, _ child: Int) {
        parents[child].append(parent)
        pending[parent] += 1
    }

    /// Makes definition `index` satisfiable exactly when `condition` is.
    mutating func setCondition(ofDefinition index: Int, _ condition: Int) {
        link(index, condition)
    }

    /// The node of `schema` (recursion bounded by the JSON depth limit).
    mutating func condition(of schema: JSONValue) -> Int {
        let node = addNode(.all)
        guard case .object = schema else { return node }
        if case .string(let reference)? = schema["$ref"], let name = JSONSchemaSubset.definitionName(reference),
           let target = definitionIndex[name] {
            link(node, target)
        }
        if case .array(let branches)? = schema["anyOf"], !branches.isEmpty {
            let choice = addNode(.any)
            for branch in branches { link(choice, condition(of: branch)) }
            link(node, choice)
        }
        if case .array(let required)? = schema["required"], case .object(let properties)? = schema["properties"] {
            let byName = Dictionary(properties.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            var seen: Set<String> = []
            for case .string(let name) in required where seen.insert(name).inserted {
                if let property = byName[name] { link(node, condition(of: property)) }
            }
        }
        if let items = schema["items"], schema["minItems"] == .int(1) {
            link(node, condition(of: items))
        }
        return node
    }

    /// For each definition, whether a finite value satisfies it.
    func solve() -> [Bool] {
        var satisfied = [Bool](repeating: false, count: kinds.count)
        var remaining = pending
        var queue: [Int] = []
        for node in kinds.indices where kinds[node] == .all && remaining[node] == 0 {
            satisfied[node] = true
            queue.append(node)
        }
        var next = 0
        while next < queue.count {
            let node = queue[next]
            next += 1
            for parent in parents[node] where !satisfied[parent] {
                remaining[parent] -= 1
                if kinds[parent] == .any || remaining[parent] == 0 {
                    satisfied[parent] = true
                    queue.append(parent)
                }
            }
        }
        return Array(satisfied.prefix(definitionCount))
    }
}
