/// A fixed pseudo-random sequence for tests (a 64-bit linear congruential
/// generator, Knuth's MMIX constants): the same values on every run, so a
/// failure names inputs that can be made again.
struct TestSequence {
    private var state: UInt64

    /// The sequence that starts from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 bits.
    mutating func nextBits() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }

    /// The next value in `0..<bound` (`bound` > 0), from the high bits.
    mutating func next(_ bound: Int) -> Int {
        Int((nextBits() >> 33) % UInt64(bound))
    }
}
