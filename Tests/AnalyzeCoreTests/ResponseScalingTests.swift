import Testing
@testable import AnalyzeCore

/// Inputs sized so that a quadratic walk would take minutes in a debug build,
/// while the linear one takes well under a second: each test fails (by not
/// finishing) when the work grows with the product of two input sizes again.
@Suite("Response: large inputs stay linear")
struct ResponseScalingTests {
    /// Repeated header names are found through a set of lowercased names, not
    /// by scanning the names seen so far (100,000 headers: 5·10⁹ comparisons before).
    @Test func manyHeadersStayLinear() throws {
        let count = 100_000
        let names = (0..<count).map { #""X-H\#($0)":"v""# }.joined(separator: ",")
        let parsed = Self.headers("{" + names + #","Retry-After":"7"}"#)
        #expect(parsed.value?.value("retry-after") == "7")
        #expect(parsed.value?.value("x-h99999") == "v")
        let repeated = Self.headers("{" + names + #","x-h5":"w"}"#)
        #expect(repeated.error == AnalyzeError(.invalidArgument, #"header "x-h5" is given twice (names are case-insensitive)"#, path: "x-h5"))
    }

    /// The headers `ResponseHeaders.parse` reads from `text`, or its error.
    static func headers(_ text: String) -> (value: ResponseHeaders?, error: AnalyzeError?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            do throws(AnalyzeError) {
                return (try ResponseHeaders.parse(raw), nil)
            } catch {
                return (nil, error)
            }
        }
    }
}
