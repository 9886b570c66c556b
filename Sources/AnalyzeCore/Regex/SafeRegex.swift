/// Why a pattern could not be used for a bounded check: outside the supported
/// subset, invalid, or too large.
struct SafeRegexUnsupported: Error {
    /// The reason, in English.
    let reason: String
}

/// A `pattern` compiled to a small program and run as a Pike VM: every
/// position of the text is visited once with at most one thread per
/// instruction, so matching takes time proportional to text length times
/// program size — no backtracking, no catastrophic cases. Matching follows
/// JSON Schema: the pattern may match anywhere in the string (it is not
/// implicitly anchored).
struct SafeRegex {
    private enum Instruction {
        case scalar(Unicode.Scalar)
        case set(ScalarRanges)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case wordBoundary(Bool)
        case match
    }

    /// Largest compiled program accepted (instructions).
    static let maxProgram = 20_000
    /// Largest amount of work (text length times program size) spent on one check.
    static let maxWork = 20_000_000

    private var program: [Instruction] = []

    /// Largest bound accepted in `{n,m}`.
    static let maxBound = 1000

    /// Compiles `source` (parsed by `RegexParser`, the parser the request
    /// validator's syntax check uses); throws when it is invalid, outside the
    /// supported subset (see `RegexNode.unsupported`) or too large.
    init(_ source: String) throws(SafeRegexUnsupported) {
        switch RegexParser.parse(source) {
        case .failure(let error): throw SafeRegexUnsupported(reason: "invalid pattern: " + error.message)
        case .success(let node): try emit(node)
        }
        program.append(.match)
    }

    /// The most work `matches(text)` can cost: the program's size times the
    /// text's length plus one (`Int.max` when that overflows).
    func work(for text: String) -> Int {
        let (work, overflow) = program.count.multipliedReportingOverflow(by: text.unicodeScalars.count + 1)
        return overflow ? Int.max : work
    }

    /// Whether `text` contains a match; nil when checking would exceed `maxWork`.
    func matches(_ text: String) -> Bool? {
        guard work(for: text) <= SafeRegex.maxWork else { return nil }
        let input = Array(text.unicodeScalars)
        var current = ThreadSet(capacity: program.count)
        var next = ThreadSet(capacity: program.count)
        var position = 0
        while true {
            if add(0, to: &current, at: position, in: input) { return true }
            guard position < input.count else { return false }
            let scalar = input[position]
            next.clear()
            for pc in current.members {
                let advances: Bool
                switch program[pc] {
                case .scalar(let wanted): advances = wanted == scalar
                case .set(let set): advances = set.contains(scalar)
                default: advances = false
                }
                if advances && add(pc + 1, to: &next, at: position + 1, in: input) { return true }
            }
            swap(&current, &next)
            position += 1
        }
    }

    /// Adds the thread at `pc` and every thread reachable from it without
    /// consuming input; true when one of them reaches `match`.
    private func add(_ start: Int, to set: inout ThreadSet, at position: Int, in input: [Unicode.Scalar]) -> Bool {
        var stack = [start]
        while let pc = stack.popLast() {
            guard pc < program.count, set.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .lineStart: if position == 0 { stack.append(pc + 1) }
            case .lineEnd: if position == input.count { stack.append(pc + 1) }
            case .wordBoundary(let wanted):
                let before = position > 0 && ScalarRanges.word.contains(input[position - 1])
                let after = position < input.count && ScalarRanges.word.contains(input[position])
                if (before != after) == wanted { stack.append(pc + 1) }
            case .scalar, .set:
                break
            }
        }
        return false
    }

    private mutating func append(_ instruction: Instruction) throws(SafeRegexUnsupported) {
        guard program.count < SafeRegex.maxProgram else {
            throw SafeRegexUnsupported(reason: "pattern too large to check (over \(SafeRegex.maxProgram) instructions)")
        }
        program.append(instruction)
    }

    private mutating func emit(_ node: RegexNode) throws(SafeRegexUnsupported) {
        switch node {
        case .empty: break
        case .unsupported(let reason): throw SafeRegexUnsupported(reason: reason)
        case .scalar(let scalar): try append(.scalar(scalar))
        case .set(let set): try append(.set(set))
        case .lineStart: try append(.lineStart)
        case .lineEnd: try append(.lineEnd)
        case .wordBoundary(let wanted): try append(.wordBoundary(wanted))
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset == branches.count - 1 {
                    try emit(branch)
                } else {
                    let split = program.count
                    try append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    try append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let body, let low, let high):
            guard low <= SafeRegex.maxBound, (high ?? 0) <= SafeRegex.maxBound else {
                throw SafeRegexUnsupported(reason: "repetition bounds above \(SafeRegex.maxBound)")
            }
            for _ in 0..<low { try emit(body) }
            if let high, high > low {
                var splits: [Int] = []
                for _ in low..<high {
                    splits.append(program.count)
                    try append(.split(program.count + 1, 0))
                    try emit(body)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else if high == nil {
                let split = program.count
                try append(.split(split + 1, 0))
                try emit(body)
                try append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }
}

/// A sparse set of instruction indices: insertion-ordered, O(1) insert, test and clear.
private struct ThreadSet {
    private(set) var members: [Int] = []
    private var slots: [Int]

    init(capacity: Int) { slots = Array(repeating: 0, count: capacity) }

    /// Inserts `pc` (within capacity); false when already there.
    mutating func insert(_ pc: Int) -> Bool {
        let slot = slots[pc]
        if slot < members.count && members[slot] == pc { return false }
        slots[pc] = members.count
        members.append(pc)
        return true
    }

    mutating func clear() { members.removeAll(keepingCapacity: true) }
}
