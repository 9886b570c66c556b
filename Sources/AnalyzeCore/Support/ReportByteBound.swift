/// A bound on the bytes of paths and messages one report keeps, shared by
/// request validation and result checks. Every issue carries its full path,
/// so without a bound a long key above many issues (a 10 kB name over 10,000
/// problems) multiplies into a report of gigabytes; issues found once the
/// bound is reached are only counted, and the report ends with one issue
/// saying how many were left out (`droppedMessage`).
struct ReportByteBound {
    /// The most bytes of paths and messages one report keeps.
    static let maxBytes = 16 * 1024 * 1024

    private var keptBytes = 0

    /// The bound: nothing kept yet.
    init() {}

    /// True while issues may still be kept (their text is built only then).
    var hasRoom: Bool { keptBytes < Self.maxBytes }

    /// Counts the bytes of a kept issue's path and message (strings in memory
    /// are far below `Int.max` bytes, and `keep` follows `hasRoom`).
    mutating func keep(path: String, message: String) {
        keptBytes = keptBytes &+ path.utf8.count &+ message.utf8.count
    }

    /// The message of the issue that ends a report from which `count` issues were left out.
    static func droppedMessage(_ count: Int) -> String {
        "\(MessageText.grouped(count)) more issue(s) were found but are not listed: a report keeps at most \(MessageText.grouped(maxBytes)) bytes of paths and messages"
    }
}
