import Testing
@testable import AnalyzeCore

#if canImport(Glibc)
import Glibc
#endif

/// The shared catalogue (tests/fixtures/requests/catalogue.json): every rule,
/// passing and failing, with the exact issues expected.
enum RequestCatalogue {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let request: String
        let videoDuration: Double?
        let revision: String?
        let expected: [ValidationIssue]
        let checksMessages: Bool
        var testDescription: String { name }
    }

    static let path: String = {
        let here = String(#filePath)
        let tests = here.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        return tests + "/tests/fixtures/requests/catalogue.json"
    }()

    static func readFile(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static let cases: [Case] = {
        guard let document = try? JSONDocument.parse(readFile(path)), let list = document.root["cases"] else { return [] }
        return list.elements.map { entry in
            let issues = entry["issues"]?.elements.map { issue in
                ValidationIssue(ValidationSeverity(rawValue: issue["severity"]?.string ?? "") ?? .error,
                                ValidationCode(rawValue: issue["code"]?.string ?? "") ?? .parameterInvalid,
                                path: issue["path"]?.string ?? "?", issue["message"]?.string ?? "")
            } ?? []
            let hasMessages = entry["issues"]?.elements.allSatisfy { $0["message"] != nil } ?? false
            return Case(name: entry["name"]?.string ?? "?",
                        request: entry["request"].map { JSONValue($0).jsonText } ?? "",
                        videoDuration: entry["options"]?["video_duration"]?.double,
                        revision: entry["options"]?["api_revision"]?.string,
                        expected: issues, checksMessages: hasMessages)
        }
    }()
}

@Suite("Request validation catalogue")
struct RequestCatalogueTests {
    @Test func catalogueIsLoaded() {
        #expect(RequestCatalogue.cases.count > 200)
        #expect(RequestCatalogue.cases.filter { $0.revision == "2026-10" }.count >= 150)
    }

    @Test(arguments: RequestCatalogue.cases)
    func catalogueCase(_ entry: RequestCatalogue.Case) throws {
        let bytes = Array(entry.request.utf8)
        let report = try bytes.withUnsafeBytes { raw in
            try RequestValidator.validate(json: raw, options: ValidationOptions(
                videoDuration: entry.videoDuration, revision: entry.revision.flatMap(APIRevision.named) ?? .defaultRevision))
        }
        let got = report.issues.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.path)" }
        let want = entry.expected.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.path)" }
        #expect(got == want, "\(entry.name): \(report.jsonText)")
        if entry.checksMessages {
            #expect(report.issues.map(\.message) == entry.expected.map(\.message), "\(entry.name)")
        }
        #expect(report.isValid == !entry.expected.contains { $0.severity == .error })
    }
}
