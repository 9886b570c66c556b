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

    /// The position of the path in `root`'s document, for sorting issues:
    /// the index of each member or element along the way. A step that does not
    /// exist in the document (a missing field) sorts after every member of its
    /// parent, and ends the key.
    func documentOrder(in root: JSONNode) -> [Int] {
        var order: [Int] = []
        var node: JSONNode? = root
        for component in components {
            guard let current = node else { break }
            var found: (Int, JSONNode)? = nil
            switch component {
            case .key(let key):
                var position = 0
                for member in current.members {
                    if member.key == key {
                        found = (position, member.value)
                        break
                    }
                    position += 1
                }
            case .index(let wanted):
                var position = 0
                for element in current.elements {
                    if position == wanted {
                        found = (position, element)
                        break
                    }
                    position += 1
                }
            }
            if let (position, child) = found {
                order.append(position)
                node = child
            } else {
                order.append(Int.max)
                node = nil
            }
        }
        return order
    }
}
