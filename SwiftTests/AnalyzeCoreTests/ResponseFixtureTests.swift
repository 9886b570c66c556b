#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Testing
@testable import AnalyzeCore

/// The fixture directory shared with the C tests and pytest.
private let fixtureDirectory: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/tests/fixtures/responses"
}()

/// The bytes of a fixture file (empty when it cannot be read).
private func fixtureBytes(_ name: String) -> [UInt8] {
    guard let file = fopen(fixtureDirectory + "/" + name, "rb") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

/// Compact JSON text of a manifest member (for options and headers).
private func compact(_ node: JSONNode?) -> [UInt8] {
    guard let node, !node.isNull else { return [] }
    var writer = JSONWriter()
    writer.write(node)
    return writer.bytes
}

@Suite("Response: shared fixtures (the same expected bytes as the C and Python tests)")
struct ResponseFixtureTests {
    @Test func everyCaseProducesTheExpectedBytes() throws {
        let manifest = try JSONDocument.parse(fixtureBytes("cases.json"))
        var count = 0
        for testCase in manifest.root.elements {
            count += 1
            let name = testCase["name"]?.string ?? "?"
            let body = testCase["body"]?.string.map(fixtureBytes) ?? []
            let options = compact(testCase["options"])
            let headers = compact(testCase["headers"])
            let expected = fixtureBytes(testCase["expected"]?.string ?? "")
            let kinds = ["create": Int32(1), "retrieve": 2, "list": 3, "delete": 4]
            let outcome: Result<(Int32, [UInt8]), AnalyzeError> = body.withUnsafeBytes { b in
                options.withUnsafeBytes { o in
                    headers.withUnsafeBytes { h in
                        do throws(AnalyzeError) {
                            switch testCase["call"]?.string {
                            case "task": return .success((0, try parseTask(b, options: o)))
                            case "webhook": return .success((0, try parseWebhookEvent(b, options: o)))
                            case "segments": return .success((0, try exportSegments(b, format: testCase["format"]?.string, options: o)))
                            default:
                                let kind = kinds[testCase["kind"]?.string ?? ""] ?? 0
                                let status = Int32(testCase["status"]?.int64 ?? 0)
                                switch try parseResponse(kind: kind, httpStatus: status, headers: h, body: b, options: o) {
                                case .success(let bytes): return .success((0, bytes))
                                case .apiError(let object, let error): return .success((error.status.rawValue, object))
                                }
                            }
                        } catch {
                            return .failure(error)
                        }
                    }
                }
            }
            let (status, output) = try outcome.get()
            #expect(Int64(status) == testCase["rc"]?.int64, "\(name)")
            #expect(!expected.isEmpty, "\(name): expected file missing")
            if output != expected {
                let at = zip(output, expected).prefix { $0 == $1 }.count
                let context = String(decoding: output[max(0, at - 40)..<min(output.count, at + 40)], as: UTF8.self)
                Issue.record("\(name): output differs from the expected file at byte \(at): ...\(context)...")
            }
        }
        #expect(count == 46)
    }
}
