/// The work one call may spend checking results against JSON schemas, shared
/// by every result the call reads: one task for a retrieve or task body, all of
/// them for a list response, the task of a webhook event, every line of a
/// batch's JSON Lines results. A reference, so that
/// a response of many tasks — each with an exponential `anyOf`/`$ref` schema —
/// cannot multiply the work: the budget is spent once per call, and every check
/// that finds it spent says so with a `schema_not_checked` or
/// `pattern_not_checked` issue (docs/responses.md). One is made per call, by
/// `TaskNormalizer` and `BatchResults`.
final class CheckBudget {
    /// Schema-against-value steps one call may spend, by default.
    static let defaultSchemaSteps = 1_000_000
    /// Pattern work one call may spend, by default: for each pattern checked,
    /// its compiled program's size times the string's length plus one (what a
    /// Pike VM run costs at most), and the pattern's length for compiling it.
    static let defaultPatternWork = 200_000_000

    /// The schema steps this budget started with.
    let schemaSteps: Int
    /// The pattern work this budget started with.
    let patternWork: Int
    private var remainingSteps: Int
    private var remainingPatternWork: Int

    /// A budget of `schemaSteps` steps and `patternWork` units of pattern work.
    init(schemaSteps: Int = CheckBudget.defaultSchemaSteps, patternWork: Int = CheckBudget.defaultPatternWork) {
        self.schemaSteps = schemaSteps
        self.patternWork = patternWork
        remainingSteps = schemaSteps
        remainingPatternWork = patternWork
    }

    /// Spends `count` schema steps (`count` is small: a step, or one per name
    /// of a `required` list); false once the budget is spent.
    func spendSteps(_ count: Int) -> Bool {
        remainingSteps = remainingSteps > count ? remainingSteps - count : 0
        return remainingSteps > 0
    }

    /// Spends `work` units of pattern work when that many remain (true);
    /// otherwise spends nothing and returns false.
    func spendPatternWork(_ work: Int) -> Bool {
        guard work <= remainingPatternWork else { return false }
        remainingPatternWork -= work
        return true
    }
}
