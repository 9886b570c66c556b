/// The location of a value inside a JSON document while a walk is under way:
/// each step links to its parent, so a step costs one small node and nothing
/// is turned into text until an issue is reported (`text`, by `JSONPath`'s
/// rules). The one path in the making for request validation, batch bodies
/// and the result checks; issues keep it to be put in document order.
public struct FieldPath: Sendable, Hashable {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A member of an object.
        case key(String)
        /// An element of an array.
        case index(Int)
    }

    /// A step and the steps before it.
    private final class Link: Sendable {
        let parent: Link?
        let component: Component
        /// Steps from the root, this one included.
        let depth: Int

        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
            self.depth = (parent?.depth ?? 0) + 1
        }
    }

    /// The last step; nil at the root.
    private let last: Link?

    private init(last: Link?) {
        self.last = last
    }

    /// The root of the document.
    public static let root = FieldPath(last: nil)

    /// Creates a path from components, root first.
    public init(components: [Component]) {
        var last: Link? = nil
        for component in components { last = Link(parent: last, component: component) }
        self.last = last
    }

    /// The path of member `key` below this one.
    public func key(_ key: String) -> FieldPath {
        FieldPath(last: Link(parent: last, component: .key(key)))
    }

    /// The path of element `index` below this one.
    public func index(_ index: Int) -> FieldPath {
        FieldPath(last: Link(parent: last, component: .index(index)))
    }

    /// The number of steps from the root.
    public var depth: Int { last?.depth ?? 0 }

    /// The steps from the document root.
    public var components: [Component] {
        var components: [Component] = []
        components.reserveCapacity(depth)
        var link = last
        while let current = link {
            components.append(current.component)
            link = current.parent
        }
        components.reverse()
        return components
    }

    /// This path followed by the steps of `other`.
    public func appending(_ other: FieldPath) -> FieldPath {
        var path = self
        for component in other.components {
            switch component {
            case .key(let key): path = path.key(key)
            case .index(let index): path = path.index(index)
            }
        }
        return path
    }

    /// The dotted text of the path (`JSONPath` rules): `a.b[2].c`, `""` for the root.
    public var text: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text = JSONPath.member(text, key)
            case .index(let index): text = JSONPath.element(text, index)
            }
        }
        return text
    }

    /// Paths are equal when their steps are.
    public static func == (left: FieldPath, right: FieldPath) -> Bool {
        var a = left.last, b = right.last
        guard a?.depth == b?.depth else { return false }
        while let x = a, let y = b {
            if x === y { return true }
            if x.component != y.component { return false }
            a = x.parent
            b = y.parent
        }
        return true
    }

    /// Hashes the steps (leaf first).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(depth)
        var link = last
        while let current = link {
            hasher.combine(current.component)
            link = current.parent
        }
    }
}

/// The positions of members and elements in a document, for putting issues in
/// document order. Each object's or array's children are indexed once, so
/// sorting many issues stays linear in the document's size.
final class DocumentPositions {
    private struct Children {
        var members: [String: (position: Int, node: JSONNode)] = [:]
        var elements: [JSONNode] = []
    }

    private let root: JSONNode
    private var indexed: [FieldPath: Children] = [:]

    /// Positions within `root`'s document.
    init(root: JSONNode) {
        self.root = root
    }

    /// The sort key of `path`: the index of each member or element along the
    /// way. A step that does not exist in the document (a missing field) sorts
    /// after every member of its parent, and ends the key.
    func order(of path: FieldPath) -> [Int] {
        var order: [Int] = []
        var node: JSONNode? = root
        var prefix = FieldPath.root
        for component in path.components {
            guard let current = node else { break }
            let children = self.children(at: prefix, of: current)
            var found: (position: Int, node: JSONNode)? = nil
            switch component {
            case .key(let key):
                found = children.members[key]
                prefix = prefix.key(key)
            case .index(let index):
                if index >= 0 && index < children.elements.count { found = (index, children.elements[index]) }
                prefix = prefix.index(index)
            }
            if let found {
                order.append(found.position)
                node = found.node
            } else {
                order.append(Int.max)
                node = nil
            }
        }
        return order
    }

    private func children(at path: FieldPath, of node: JSONNode) -> Children {
        if let known = indexed[path] { return known }
        var children = Children()
        switch node.kind {
        case .object:
            for (position, member) in node.members.enumerated() where children.members[member.key] == nil {
                children.members[member.key] = (position, member.value)
            }
        case .array:
            children.elements = Array(node.elements)
        default:
            break
        }
        indexed[path] = children
        return children
    }
}
