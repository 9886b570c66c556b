/// A conservative estimate of how many tokens a prompt takes, without the
/// model's tokenizer (which is not public).
///
/// Two numbers are computed over the Unicode scalars of the text:
/// - `lowerBound`: a count no tokenizer can go below — one token per
///   white-space-separated word (tokens never span white space), and at least
///   one token per 16 UTF-8 bytes (no vocabulary has longer tokens in practice).
/// - `estimate`: a deliberately high count — one token per 4 ASCII letters of a
///   letter run (rounded up), one per digit, one per ASCII punctuation or
///   symbol, one per non-ASCII character; white space is free. For English
///   prose this is 10–40 % above what common tokenizers produce.
///
/// Validation reports an error when `lowerBound` exceeds the limit (the prompt
/// surely exceeds it) and a warning when `estimate` reaches 90 % of it.
public struct PromptTokenEstimate: Sendable, Equatable {
    /// The fewest tokens the text can take.
    public var lowerBound: Int
    /// A high estimate of the tokens the text takes.
    public var estimate: Int

    /// The estimate from which a warning is given for a prompt limit of
    /// `limit` tokens (`ModelTraits.promptTokenLimit`): 90 % of it.
    public static func warningThreshold(_ limit: Int) -> Int { limit / 10 * 9 }

    /// Estimates `text`.
    public init(_ text: String) {
        var words = 0, estimate = 0, letters = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            if !isSpace && !inWord { words &+= 1 }
            inWord = !isSpace
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            if isLetter {
                letters &+= 1
                continue
            }
            estimate &+= (letters &+ 3) / 4
            letters = 0
            if !isSpace { estimate &+= 1 }
        }
        estimate &+= (letters &+ 3) / 4
        let bytes = text.utf8.count
        self.lowerBound = max(words, (bytes &+ 15) / 16)
        self.estimate = max(estimate, self.lowerBound)
    }
}
