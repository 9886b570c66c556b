/// Builds the dotted paths used in errors and reports: `a.b[2].c`.
///
/// A key made only of ASCII letters, digits, `_`, `-` and `$` is appended after a
/// dot; any other key (empty, or holding dots, brackets, spaces, quotes...) is
/// appended in bracket form with JSON string quoting, `a["x.y"]`, so that every
/// path names exactly one place.
public enum JSONPath {
    /// The path of member `key` of the object at `base`.
    public static func member(_ base: String, _ key: String) -> String {
        if isPlain(key) {
            return base.isEmpty ? key : base + "." + key
        }
        return base + "[" + MessageText.quotedInFull(key) + "]"
    }

    /// The path of element `index` of the array at `base`.
    public static func element(_ base: String, _ index: Int) -> String {
        base + "[" + String(index) + "]"
    }

    private static func isPlain(_ key: String) -> Bool {
        if key.isEmpty { return false }
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                 UInt8(ascii: "$"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
