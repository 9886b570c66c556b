/// JSON Pointer (RFC 6901) reference tokens, as `$ref` uses them.
///
/// The one decoding of a token, shared by the request-side rules
/// (`JSONSchemaSubset`, which checks that a `$ref` names a `$defs` entry) and
/// the result-side check (`ResultSchemaChecker`, which follows it), so that a
/// reference the validator accepts is the one the checker resolves.
enum JSONPointer {
    /// `token` with `~1` decoded to `/` and `~0` to `~`.
    ///
    /// The token is read once, left to right, so `~01` is `~1` (never `/`). A `~`
    /// not followed by `0` or `1` is kept as it is, and the character after it is
    /// read as usual (`~~1` is `~/`). Percent-encoding is not decoded: `%25` stays
    /// three characters.
    static func unescape<Token: StringProtocol>(_ token: Token) -> String {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var index = token.startIndex
        while index < token.endIndex {
            let character = token[index]
            let next = token.index(after: index)
            if character == "~", next < token.endIndex, token[next] == "0" || token[next] == "1" {
                result.append(token[next] == "1" ? "/" : "~")
                index = token.index(after: next)
            } else {
                result.append(character)
                index = next
            }
        }
        return result
    }
}
