/// The location of a field inside a request, as components, so that issues can
/// be put in document order and printed as dotted paths.
public struct FieldPath: Sendable, Hashable {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A member of an object.
        case key(String)
        /// An element of an array.
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// The root of the document.
    public static let root = FieldPath(components: [])

    /// Creates a path from components.
    public init(components: [Component]) {
        self.components = components
    }

    /// The path of member `key` below this one.
    public func key(_ key: String) -> FieldPath {
        FieldPath(components: components + [.key(key)])
    }

    /// The path of element `index` below this one.
    public func index(_ index: Int) -> FieldPath {
        FieldPath(components: components + [.index(index)])
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
            case .index(let index):
                if index >= 0 && index < children.elements.count { found = (index, children.elements[index]) }
            }
            if let found {
                order.append(found.position)
                node = found.node
            } else {
                order.append(Int.max)
                node = nil
            }
            prefix = FieldPath(components: prefix.components + [component])
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
