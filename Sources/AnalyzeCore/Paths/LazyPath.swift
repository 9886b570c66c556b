/// A JSON path that is only turned into text when an issue needs it: results
/// with thousands of segments or items are walked without building a path
/// string for every value.
indirect enum LazyPath {
    /// A path given as text.
    case text(String)
    /// Member `key` of the object at the parent path.
    case member(LazyPath, String)
    /// Element `index` of the array at the parent path.
    case element(LazyPath, Int)

    /// The path of member `key`.
    func member(_ key: String) -> LazyPath { .member(self, key) }

    /// The path of element `index`.
    func element(_ index: Int) -> LazyPath { .element(self, index) }

    /// The dotted text (see `JSONPath`).
    var rendered: String {
        switch self {
        case .text(let text): return text
        case .member(let parent, let key): return JSONPath.member(parent.rendered, key)
        case .element(let parent, let index): return JSONPath.element(parent.rendered, index)
        }
    }
}
