/// Builds a create-batch body from JSON Lines, one item per line — how users
/// keep a library's worth of requests (`analyze batch-build items.jsonl`).
public enum BatchBuilder {
    /// The option keys: `model_name` (default pegasus1.5, the batch model),
    /// `analysis_mode` (default general) and `defaults` (an object).
    public static let optionKeys = ["model_name", "analysis_mode", "defaults"]

    /// `{"model_name","analysis_mode","defaults"?,"requests":[items]}`, the
    /// items in line order, each copied as written (compact). Blank lines are
    /// skipped. A line that is not a JSON object is `.malformedJSON` naming its
    /// 1-based line ("line 3: …"); check the body with `BatchValidator`.
    public static func build(jsonLines body: UnsafeRawBufferPointer, options rawOptions: UnsafeRawBufferPointer) throws(AnalyzeError) -> [UInt8] {
        let options = try CallOptions(rawOptions, allowed: optionKeys)
        let model = try options.string("model_name") ?? BatchValidator.batchModel.rawValue
        let mode = try options.string("analysis_mode") ?? AnalysisMode.defaultMode.rawValue
        let defaults = try options.object("defaults")
        var writer = JSONWriter(capacity: body.count + 128)
        writer.beginObject()
        writer.key("model_name"); writer.string(model)
        writer.key("analysis_mode"); writer.string(mode)
        if let defaults { writer.key("defaults"); writer.write(defaults) }
        writer.key("requests")
        writer.beginArray()
        try JSONLines.forEachLine(body) { (text, line) throws(AnalyzeError) in
            let document: JSONDocument
            do throws(AnalyzeError) {
                document = try JSONDocument.parse(text)
            } catch {
                throw AnalyzeError(.malformedJSON, "line \(line): \(error.message)", path: error.path)
            }
            guard document.root.kind == .object else {
                throw AnalyzeError(.malformedJSON, "line \(line): an item must be a JSON object, not \(MessageText.kind(document.root.kind))")
            }
            writer.write(document.root)
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
