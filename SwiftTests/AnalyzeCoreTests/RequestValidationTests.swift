import Testing
@testable import AnalyzeCore

/// Validation beyond the catalogue: report bytes, determinism, messages, sizes
/// too large for a fixture, and the building blocks (base64, URLs, regular
/// expressions, token estimate, options).
@Suite("Request validation")
struct RequestValidationTests {
    private func report(_ json: String, duration: Double? = nil) throws(AnalyzeError) -> ValidationReport {
        let bytes = Array(json.utf8)
        do {
            return try bytes.withUnsafeBytes { try RequestValidator.validate(json: $0, options: ValidationOptions(videoDuration: duration)) }
        } catch let error as AnalyzeError {
            throw error
        } catch {
            throw AnalyzeError(.invalidArgument, "unexpected")
        }
    }

    @Test func validReportBytes() throws {
        let text = try report(#"{"video_id":"v1","prompt":"Summarize."}"#).jsonText
        #expect(text == #"{"valid":true,"issues":[]}"#)
    }

    @Test func failingReportBytesAndDeterminism() throws {
        let request = #"{"model_name":"pegasus1.5","video":{"type":"url","url":"https://e.com/v.mp4"},"analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions","segment_definitions":[{"id":"s","description":"d","fields":[{"name":"a","type":"string","description":"x"},{"name":"t","type":"timestamp","description":"y"}]}]},"temperature":3}"#
        let first = try report(request).jsonText
        #expect(first == #"{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"response_format.segment_definitions[0].fields[1].format","message":"format is required when type is timestamp; allowed: seconds, hh:mm:ss, hh:mm:ss.fff"},{"severity":"error","code":"parameter_invalid","path":"temperature","message":"must be between 0 and 1 (default 0.2); got 3"}]}"#)
        for _ in 0..<3 { #expect(try report(request).jsonText == first) }
    }

    @Test func nonObjectDocumentIsOneIssue() throws {
        #expect(try report("[1]").jsonText == #"{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"","message":"the request must be a JSON object, not an array"}]}"#)
    }

    @Test func malformedJSONThrows() {
        #expect(throws: AnalyzeError.self) { try report(#"{"prompt": "#) }
        do {
            _ = try report(#"{"a":1,"a":2}"#)
        } catch {
            #expect(error.status == .malformedJSON)
            #expect(error.path == "a")
        }
    }

    @Test func failureMessageNamesTheFirstError() throws {
        let failure = try report(#"{"prompt":"","temperature":2}"#).failure()
        #expect(failure?.status == .validationFailed)
        #expect(failure?.message == "request is invalid: 3 error(s); first: prompt: must not be empty")
        #expect(failure?.path == "prompt")
        #expect(try report(#"{"video_id":"v","prompt":"p"}"#).failure() == nil)
    }

    @Test func messagesOfCommonRules() throws {
        func messages(_ json: String, duration: Double? = nil) throws -> [String] {
            try report(json, duration: duration).issues.map { "\($0.path): \($0.message)" }
        }
        #expect(try messages(#"{"prompt":"p"}"#) == ["video_id: required: pegasus1.2 analyzes a pre-indexed video named by video_id (model_name defaults to pegasus1.2)"])
        #expect(try messages(#"{"model_name":"pegasus1.5","video":{"type":"url","url":"u"},"prompt":"p","max_tokens":100}"#) == [
            "video.url: must be an absolute http or https URL (starting with http:// or https://)",
            "max_tokens: must be between 512 and 98,304 for pegasus1.5 with analysis_mode general (default 4,096); got 100"])
        #expect(try messages(#"{"video_id":"v","prompt":"p","custom_id":"a b"}"#) == [
            #"custom_id: contains " " at offset 1; only A-Z a-z 0-9 - _ are allowed"#])
        #expect(try messages(#"{"video_id":"v","prompt":"p","temprature":1}"#) == [
            "temprature: unknown field (did you mean temperature?); allowed here: model_name, video_id, video, custom_id, prompt, prompt_v2, analysis_mode, temperature, max_tokens, response_format, min_segment_duration, max_segment_duration, start_time, end_time"])
        #expect(try messages(#"{"model_name":"pegasus1.5","video":{"type":"url","url":"https://e.com/v"},"prompt":"p","start_time":10,"end_time":70}"#, duration: 60) == [
            "end_time: must not exceed the video duration (60 s); got 70"])
        #expect(try messages(#"{"video_id":"v","prompt":"p","response_format":{"type":"json_schema","json_schema":{"type":"object","properties":{"title":{"type":"string","minLength":1}}}}}"#) == [
            "response_format.json_schema.properties.title.minLength: string length constraints (minLength) are not supported"])
    }

    @Test func base64SizeLimits() throws {
        func issues(_ count: Int) throws -> [ValidationIssue] {
            let payload = String(repeating: "A", count: count)
            return try report(#"{"model_name":"pegasus1.5","video":{"type":"base64_string","base64_string":""# + payload + #""},"prompt":"p"}"#).issues
        }
        #expect(try issues(40_000_000).isEmpty)
        let atLimit = try issues(41_943_040)
        #expect(atLimit.map(\.severity) == [.warning])
        #expect(atLimit.first?.message == "decodes to 31,457,280 bytes, over 30 MB if the API counts 1 MB as 1,000,000 bytes; it may be rejected")
        let over = try issues(41_943_044)
        #expect(over.map(\.severity) == [.error])
        #expect(over.first?.path == "video.base64_string")
        #expect(over.first?.message == "decodes to 31,457,283 bytes, over the 30 MB limit (31,457,280 bytes)")
    }

    @Test func base64Check() {
        #expect(Base64Check.check("") == .invalid("must not be empty"))
        #expect(Base64Check.check("QUJD") == .valid(decodedBytes: 3))
        #expect(Base64Check.check("QUI=") == .valid(decodedBytes: 2))
        #expect(Base64Check.check("QQ==") == .valid(decodedBytes: 1))
        #expect(Base64Check.check("Q===") == .invalid("is not valid base64: more than two = padding characters"))
        #expect(Base64Check.check("QQ=A") == .invalid("is not valid base64: data after the = padding at offset 3"))
        #expect(Base64Check.check("QU*D") == .invalid("is not valid base64: byte 0x2A at offset 2 is not in the alphabet A-Z a-z 0-9 + /"))
    }

    @Test func urlCheck() {
        for good in ["https://example.com", "http://example.com/a?b#c", "HTTPS://EXAMPLE.COM/x", "https://user:pw@host:443/p",
                     "https://[::1]:8080/v.mp4", "https://bücher.example/v"] {
            #expect(HTTPURLCheck.problem(good) == nil, "\(good)")
        }
        for bad in ["", "example.com/v.mp4", "ftp://e.com/v", "https://", "https:///v", "https://e.com:0/", "https://e.com:x/",
                    "https://e.com/a b", "https://[::1/", "https://e.com\u{7}/"] {
            #expect(HTTPURLCheck.problem(bad) != nil, "\(bad)")
        }
    }

    @Test func regexSyntax() {
        for good in ["", "^abc$", "a|b|", "(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)(?<name>g)\\k<name>", "[a-z0-9_-]+", "[]", "[^]",
                     "a{2}", "a{2,}", "a{2,5}?", "x{", "a{,5}", "\\d\\w\\s\\b\\u00e9\\u{1F600}\\x41\\p{L}\\cA", "[\\d-z]", "[\\]]"] {
            #expect(RegexParser.problem(good) == nil, "\(good)")
        }
        let bad: [(String, String)] = [
            ("(ab", "missing ) to close a group"),
            ("ab)", "unmatched ) at offset 2"),
            ("*a", "nothing to repeat before * at offset 0"),
            ("a**", "nothing to repeat before * at offset 2"),
            ("a|+", "nothing to repeat before + at offset 2"),
            ("a{5,2}", "numbers out of order in {5,2} quantifier at offset 1"),
            ("[z-a]", "range out of order in character class at offset 0"),
            ("[abc", "missing ] to close the character class at offset 0"),
            ("abc\\", "\\ at the end of the pattern"),
            ("(?P<x>a)", "invalid group prefix (?P at offset 0"),
            // A control character is shown escaped: the C tool printed messages up to a NUL, the Python tool past it.
            ("a(?\u{0}b)", "invalid group prefix (?\\u0000 at offset 1"),
            ("(?\u{1B}[2J)", "invalid group prefix (?\\u001b at offset 0"),
            ("\\xZZ", "\\x needs two hexadecimal digits at offset 0"),
            ("\\u12", "\\u needs four hexadecimal digits at offset 0"),
            ("\\p", "\\p needs a property name in braces at offset 0"),
        ]
        for (pattern, message) in bad {
            #expect(RegexParser.problem(pattern) == message, "\(pattern)")
        }
    }

    @Test func tokenEstimate() {
        let english = PromptTokenEstimate("Summarize the video, then list 3 keywords.")
        #expect(english.lowerBound == 7)
        #expect(english.estimate == 13)
        #expect(PromptTokenEstimate("").lowerBound == 0)
        let cjk = PromptTokenEstimate("動画を要約してください")
        #expect(cjk.lowerBound == 3)
        #expect(cjk.estimate == 11)
        let longWord = PromptTokenEstimate(String(repeating: "a", count: 160))
        #expect(longWord.lowerBound == 10)
        #expect(longWord.estimate == 40)
    }

    @Test func encoderWritesTheCanonicalBody() throws {
        let messy = #"{"temperature":0.5,"prompt":"p","max_tokens":600,"video":{"url":"https://e.com/v","type":"url"},"model_name":"pegasus1.5","start_time":4.0,"end_time":12.5}"#
        let document = try JSONDocument.parse(messy)
        let result = RequestValidator.validate(document: document)
        #expect(result.report.isValid)
        let request = try #require(result.request)
        #expect(String(decoding: RequestEncoder.bytes(request), as: UTF8.self) ==
                #"{"model_name":"pegasus1.5","video":{"type":"url","url":"https://e.com/v"},"prompt":"p","temperature":0.5,"max_tokens":600,"start_time":4,"end_time":12.5}"#)
    }

    @Test func encoderKeepsSchemaKeyOrderAndAddsNoDefaults() throws {
        let text = #"{"video_id":"v","prompt":"p","response_format":{"json_schema":{"type":"object","properties":{"z":{"type":"string"},"a":{"type":"integer"}},"required":["z"]},"type":"json_schema"}}"#
        let request = try #require(RequestValidator.validate(document: try JSONDocument.parse(text)).request)
        #expect(String(decoding: RequestEncoder.bytes(request), as: UTF8.self) ==
                #"{"video_id":"v","prompt":"p","response_format":{"type":"json_schema","json_schema":{"type":"object","properties":{"z":{"type":"string"},"a":{"type":"integer"}},"required":["z"]}}}"#)
    }

    @Test func modelBuiltInSwiftValidates() {
        var request = AnalyzeRequest()
        request.modelName = .pegasus1_5
        request.video = VideoSource(type: .assetID, assetID: "a1")
        request.promptV2 = PromptV2(inputText: "Is <@logo> visible?", mediaSources: [MediaSource(name: "logo", mediaType: .image, url: "https://e.com/l.png")])
        #expect(RequestValidator.validate(request).issues.isEmpty)
        request.prompt = "also"
        #expect(RequestValidator.validate(request).issues.map(\.path) == ["prompt_v2"])
    }

    @Test func unusualKeysGetBracketPaths() throws {
        let issues = try report(#"{"video_id":"v","prompt":"p","":1,"a b":2}"#).issues
        #expect(issues.map(\.path) == [#"[""]"#, #"["a b"]"#])
        #expect(issues.allSatisfy { $0.code == .parameterUnknown })
    }

    @Test func hostileValuesBecomeIssues() throws {
        let huge = try report(#"{"video_id":"v","prompt":"p","temperature":1e308,"max_tokens":9223372036854775807,"start_time":-1e308}"#)
        #expect(huge.issues.map(\.path) == ["temperature", "max_tokens", "start_time", "start_time"])
        var deep = String(repeating: #"{"type":"array","items":"#, count: 60) + #"{"type":"string"}"# + String(repeating: "}", count: 60)
        deep = #"{"model_name":"pegasus1.5","video":{"type":"url","url":"https://e.com"},"prompt":"p","response_format":{"type":"json_schema","json_schema":"# + deep + "}}"
        #expect(try report(deep).isValid)
    }

    @Test func validationOptions() throws {
        func options(_ text: String) throws(AnalyzeError) -> ValidationOptions {
            var bytes = Array(text.utf8)
            do {
                return try bytes.withUnsafeMutableBytes { raw in try ValidationOptions(json: UnsafeRawBufferPointer(raw)) }
            } catch let error as AnalyzeError {
                throw error
            } catch {
                throw AnalyzeError(.invalidArgument, "?")
            }
        }
        #expect(try options("").videoDuration == nil)
        #expect(try options(#"{"video_duration":90.5}"#).videoDuration == 90.5)
        #expect(throws: AnalyzeError(.invalidArgument, #"unknown option "api_key"; allowed: video_duration, api_revision"#, path: "api_key")) { try options(#"{"api_key":"k"}"#) }
        #expect(throws: AnalyzeError(.invalidArgument, "option video_duration must be a positive number of seconds", path: "video_duration")) { try options(#"{"video_duration":0}"#) }
        #expect(throws: AnalyzeError(.invalidArgument, "options must be a JSON object, not an array")) { try options("[]") }
    }

    @Test func largeHostileInputsStayLinear() throws {
        let count = 20_000
        let clock = ContinuousClock()
        let start = clock.now
        let unknown = (0..<count).map { "\"k\($0)\":1" }.joined(separator: ",")
        let manyUnknown = try report(#"{"video_id":"v","prompt":"p","# + unknown + "}")
        #expect(manyUnknown.issues.count == count)
        #expect(manyUnknown.issues.last?.path == "k\(count - 1)")
        let fields = (0..<count).map { _ in #"{"name":"same","type":"string","description":"d"}"# }.joined(separator: ",")
        let ranges = (0..<count).map { #"{"start_time":\#($0 * 2),"end_time":\#($0 * 2 + 3)}"# }.joined(separator: ",")
        let segments = #"{"model_name":"pegasus1.5","video":{"type":"asset_id","asset_id":"a"},"analysis_mode":"time_based_metadata","response_format":{"type":"segment_definitions","segment_definitions":[{"id":"s","description":"d","fields":["# + fields + #"],"time_ranges":["# + ranges + "]}]}}"
        let segmentReport = try report(segments)
        #expect(segmentReport.issues.count == 2 * (count - 1))
        let chain = (0..<count).map { ##""d\##($0)":{"type":"object","properties":{"next":{"$ref":"#/$defs/d\##($0 + 1)"}},"required":["next"]}"## }.joined(separator: ",")
        let schema = ##"{"video_id":"v","prompt":"p","response_format":{"type":"json_schema","json_schema":{"type":"object","properties":{"a":{"$ref":"#/$defs/d0"}},"$defs":{"## + chain + ##","d\##(count)":{"type":"string"}}}}}"##
        #expect(try report(schema).isValid)
        let cycle = schema.replacingAll(##""d\##(count)":{"type":"string"}"##, with: ##""d\##(count)":{"$ref":"#/$defs/d0"}"##)
        #expect(try report(cycle).issues.count == count + 1)
        #expect(clock.now - start < .seconds(60))
    }

    /// `required` names are looked up in `properties` through an index, not by
    /// scanning the properties once per name (a minute here before, in a debug build).
    @Test func longRequiredListsStayLinear() throws {
        let count = 20_000
        let names = (0..<count).map { "\"p\($0)\"" }
        let properties = names.map { $0 + #":{"type":"string"}"# }.joined(separator: ",")
        let object = #"{"type":"object","properties":{"# + properties + #"},"required":["# + names.joined(separator: ",") + "]}"
        let prefix = #"{"video_id":"v","prompt":"p","response_format":{"type":"json_schema","json_schema":"#
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try report(prefix + object + "}}").isValid)
        #expect(try report(prefix + #"{"type":"object","$defs":{"d":"# + object + "}}}}").isValid)
        let missing = try report(prefix + object.replacingAll(#""required":["p0","#, with: #""required":["nope","p0","#) + "}}")
        #expect(missing.issues.map(\.message) == [#"names "nope", which is not in properties"#])
        #expect(missing.issues.map(\.path) == ["response_format.json_schema.required[0]"])
        #expect(clock.now - start < .seconds(5))
    }

    /// "Did you mean" suggestions skip candidates whose length differs by more
    /// than 2 (their distance must be larger): long unknown keys cost no edit
    /// distance tables (20,000 keys of 64 characters took half a minute before).
    @Test func longUnknownKeysStayCheap() throws {
        let count = 20_000
        let padding = String(repeating: "x", count: 57)
        let unknown = (0..<count).map { "\"k\(padding)\(String(100_000 + $0))\":1" }.joined(separator: ",")
        let clock = ContinuousClock()
        let start = clock.now
        let manyUnknown = try report(#"{"video_id":"v","prompt":"p","# + unknown + "}")
        #expect(clock.now - start < .seconds(5))
        #expect(manyUnknown.issues.count == count)
        #expect(manyUnknown.issues.first?.message == "unknown field; allowed here: " + APIRevision.r2026_05.requestFields.joined(separator: ", "))
        #expect(try report(#"{"video_id":"v","prompt":"p","promt_v2":{}}"#).issues.map(\.message)
                == ["unknown field (did you mean prompt_v2?); allowed here: " + APIRevision.r2026_05.requestFields.joined(separator: ", ")])
    }

    /// Placeholder and media source names from the input appear in messages
    /// cut to 60 characters with control characters escaped: each unknown
    /// placeholder's message lists up to 8 declared names, so full names made
    /// the report grow as (placeholders x name length), 80 MB from 325 KB.
    @Test func namesInMessagesAreShort() throws {
        let long = (0..<8).map { "n\($0)" + String(repeating: "a", count: 5_000) }
        let sources = long.map { #"{"name":"\#($0)","media_type":"image","url":"https://e.com/i.png"}"# }.joined(separator: ",")
        let text = (0..<1_000).map { "<@u\($0)>" }.joined(separator: " ") + " <@x\\u001b[2J>"
        let request = #"{"model_name":"pegasus1.5","video":{"type":"asset_id","asset_id":"a"},"prompt_v2":{"input_text":"\#(text)","media_sources":[\#(sources)]}}"#
        let result = try report(request)
        #expect(result.jsonBytes.count < 1_000_000)
        let shown = long.map { String($0.prefix(57)) + "..." }
        #expect(result.issues.first?.message == "placeholder <@u0> names no media source; declared: " + shown.joined(separator: ", "))
        #expect(result.issues.dropFirst(1000).first?.message == "placeholder <@x\\u001b[2J> names no media source; declared: " + shown.joined(separator: ", "))
        #expect(result.issues.last?.message == #"media source "\#(shown[7])" is never referenced: input_text has no <@\#(shown[7])> placeholder"#)
        #expect(result.issues.count == 1_001 + 1 + 8)
    }

    /// Every issue carries its full path: a 10,000-character property name over
    /// 2,000 unsupported keywords made a 20 MB report (gigabytes, and a trap on
    /// memory, at a few MB of input). Reports keep at most 16 MiB of paths and
    /// messages and end with one issue counting the rest.
    @Test func reportsStayBoundedUnderLongPaths() throws {
        let key = String(repeating: "k", count: 10_000)
        let keywords = (0..<2_000).map { "\"a\($0)\":1" }.joined(separator: ",")
        let request = #"{"video_id":"v","prompt":"p","response_format":{"type":"json_schema","json_schema":{"type":"object","properties":{"\#(key)":{\#(keywords)}}}}}"#
        let result = try report(request)
        #expect(result.jsonBytes.count < 16 * 1024 * 1024 + 1_000_000)
        #expect(result.issues.first?.path == "response_format.json_schema.properties.\(key).a0")
        #expect(result.issues.first?.message == #"keyword "a0" is not supported by the platform's JSON schema subset"#)
        #expect(result.issues.count == 1_661)
        #expect(result.issues.last == ValidationIssue(.error, .parameterInvalid, path: "",
            "340 more issue(s) were found but are not listed: a report keeps at most 16,777,216 bytes of paths and messages"))
        #expect(!result.isValid)
    }
}
