/// The caller's polling policy: backoff shape, jitter, and an optional deadline.
///
/// Every duration is whole milliseconds between 0 and `maxMilliseconds`
/// (2^53 - 1, so it is exact as a double in any host language).
public struct PollOptions: Sendable, Equatable {
    /// Default delay after attempt 0, in milliseconds.
    public static let defaultInitialDelayMs: Int64 = 2000
    /// Default growth factor per attempt.
    public static let defaultFactor: Double = 1.5
    /// Default cap of the backoff delay, in milliseconds.
    public static let defaultMaxDelayMs: Int64 = 30000
    /// Largest accepted duration option, in milliseconds (2^53 - 1).
    public static let maxMilliseconds: Int64 = 9_007_199_254_740_991
    /// The keys of the options object, in documentation order.
    public static let keys = ["initial_delay_ms", "factor", "max_delay_ms", "jitter", "elapsed_ms", "deadline_ms"]

    /// Delay after attempt 0 (`initial_delay_ms`), at most `maxDelayMs`.
    public var initialDelayMs: Int64
    /// Growth per attempt (`factor`), at least 1.
    public var factor: Double
    /// Cap of the backoff delay (`max_delay_ms`).
    public var maxDelayMs: Int64
    /// The caller's random draw in [0, 1] (`jitter`); 0 means no jitter.
    public var jitter: Double
    /// Time spent polling so far, measured by the caller (`elapsed_ms`).
    public var elapsedMs: Int64?
    /// Total time the caller is willing to poll (`deadline_ms`); needs `elapsedMs`.
    public var deadlineMs: Int64?

    /// Options with the given values; the defaults are the documented ones.
    public init(initialDelayMs: Int64 = defaultInitialDelayMs, factor: Double = defaultFactor,
                maxDelayMs: Int64 = defaultMaxDelayMs, jitter: Double = 0,
                elapsedMs: Int64? = nil, deadlineMs: Int64? = nil) {
        self.initialDelayMs = initialDelayMs
        self.factor = factor
        self.maxDelayMs = maxDelayMs
        self.jitter = jitter
        self.elapsedMs = elapsedMs
        self.deadlineMs = deadlineMs
    }

    /// Reads an options object. Empty text means all defaults. Throws
    /// `.malformedJSON` when the text is not JSON and `.invalidArgument`
    /// (with the key as path) for anything else: not an object, an unknown
    /// key, a wrong type or an out-of-range value.
    public static func parse(_ text: UnsafeRawBufferPointer) throws(AnalyzeError) -> PollOptions {
        var options = PollOptions()
        if text.count == 0 { return options }
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(text)
        } catch {
            throw error.relabelled(error.status, prefix: "options: ")
        }
        let root = document.root
        guard root.kind == .object else {
            throw AnalyzeError(.invalidArgument, "options must be a JSON object, not \(root.kind.name)")
        }
        for (key, value) in root.members {
            switch key {
            case "initial_delay_ms": options.initialDelayMs = try milliseconds(value, key)
            case "factor": options.factor = try number(value, key, in: 1...Double.greatestFiniteMagnitude, "a number of at least 1")
            case "max_delay_ms": options.maxDelayMs = try milliseconds(value, key)
            case "jitter": options.jitter = try number(value, key, in: 0...1, "a number from 0 to 1")
            case "elapsed_ms": options.elapsedMs = try milliseconds(value, key)
            case "deadline_ms": options.deadlineMs = try milliseconds(value, key)
            default:
                throw AnalyzeError(.invalidArgument, "unknown option \"\(key)\" (known: \(keys.joined(separator: ", ")))",
                                   path: JSONPath.member("", key))
            }
        }
        try options.validate()
        return options
    }

    /// Checks the relations between options (each value's own range is checked
    /// by `parse`, and again here for options built in Swift).
    public func validate() throws(AnalyzeError) {
        for (key, value) in [("initial_delay_ms", initialDelayMs), ("max_delay_ms", maxDelayMs),
                             ("elapsed_ms", elapsedMs ?? 0), ("deadline_ms", deadlineMs ?? 0)]
        where value < 0 || value > PollOptions.maxMilliseconds {
            throw AnalyzeError(.invalidArgument, "option \(key) must be an integer from 0 to \(PollOptions.maxMilliseconds)", path: key)
        }
        guard factor.isFinite && factor >= 1 else {
            throw AnalyzeError(.invalidArgument, "option factor must be a number of at least 1", path: "factor")
        }
        guard jitter >= 0 && jitter <= 1 else {
            throw AnalyzeError(.invalidArgument, "option jitter must be a number from 0 to 1", path: "jitter")
        }
        guard initialDelayMs <= maxDelayMs else {
            throw AnalyzeError(.invalidArgument,
                               "option initial_delay_ms (\(initialDelayMs)) is larger than max_delay_ms (\(maxDelayMs))",
                               path: "initial_delay_ms")
        }
        if deadlineMs != nil && elapsedMs == nil {
            throw AnalyzeError(.invalidArgument, "option deadline_ms needs elapsed_ms (the library has no clock)", path: "deadline_ms")
        }
    }

    /// The backoff delay after `attempt` (0-based), before any Retry-After floor:
    /// `round(min(max_delay_ms, initial_delay_ms * factor^attempt) * (1 - jitter / 2))`,
    /// rounded to the nearest millisecond (halves up). The power is taken by
    /// repeated squaring in doubles, so huge attempts saturate at the cap.
    /// Expects validated options (`validate()`); other values are clamped, never trapped on.
    func backoffDelay(attempt: UInt32) -> Int64 {
        let cap = Double(maxDelayMs)
        var delay = cap
        if initialDelayMs == 0 {
            delay = 0
        } else {
            let grown = Double(initialDelayMs) * PollOptions.power(factor, attempt)
            if grown < cap { delay = grown }
        }
        let jittered = (delay * (1 - jitter / 2)).rounded(.toNearestOrAwayFromZero)
        // With validated options 0 <= jittered <= 2^53 - 1; the guards keep other values from trapping.
        guard jittered >= 0 else { return 0 }
        guard jittered < 9_007_199_254_740_992 else { return PollOptions.maxMilliseconds }
        return Int64(jittered)
    }

    /// `base^exponent` by repeated squaring; +infinity once it overflows.
    static func power(_ base: Double, _ exponent: UInt32) -> Double {
        var result = 1.0
        var square = base
        var remaining = exponent
        while remaining > 0 && result.isFinite {
            if remaining & 1 == 1 { result *= square }
            remaining >>= 1
            if remaining > 0 { square *= square }
        }
        return result
    }

    private static func milliseconds(_ node: JSONNode, _ key: String) throws(AnalyzeError) -> Int64 {
        guard let value = node.int64, value >= 0, value <= maxMilliseconds else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be an integer from 0 to \(maxMilliseconds)", path: key)
        }
        return value
    }

    private static func number(_ node: JSONNode, _ key: String, in range: ClosedRange<Double>, _ wanted: String) throws(AnalyzeError) -> Double {
        guard let value = node.double, range.contains(value) else {
            throw AnalyzeError(.invalidArgument, "option \(key) must be \(wanted)", path: key)
        }
        return value
    }
}
