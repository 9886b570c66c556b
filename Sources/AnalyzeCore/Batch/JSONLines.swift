/// The lines of a JSON Lines body (`application/jsonl`: one JSON value per
/// line), as both batch readers take them: lines end with LF or CRLF, and a
/// blank line (nothing but spaces and tabs) is skipped. Each line is handed
/// over as a view of the body, so memory per line is that of the line.
enum JSONLines {
    /// Calls `each` with every line that is not blank — its bytes without the
    /// line end, and its 1-based number — in order.
    static func forEachLine<Failure: Error>(
        _ body: UnsafeRawBufferPointer,
        _ each: (UnsafeRawBufferPointer, Int) throws(Failure) -> Void
    ) throws(Failure) {
        var start = 0
        var line = 0
        while start <= body.count {
            var end = start
            while end < body.count && body[end] != 0x0A { end += 1 }
            line += 1
            var lineEnd = end
            if lineEnd > start && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let text = UnsafeRawBufferPointer(rebasing: body[start..<lineEnd])
            if !text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { try each(text, line) }
            start = end + 1
        }
    }
}
