/// What a create call (`TaskRequests.create`, `BatchRequests.create`) reads
/// before it validates, in the order its errors are reported: the call
/// options, the connection and validation options, the validation mode, and
/// the body parsed with its oversized integers set aside.
struct CreateInputs {
    /// Base URL and headers.
    let connection: ConnectionOptions
    /// The rules' options (`video_duration`, `api_revision`).
    let validation: ValidationOptions
    /// How much is checked.
    let mode: ValidationMode
    /// The body.
    let document: JSONDocument
    /// Integers of the body beyond 64 bits (each an error when validated).
    let oversized: [OversizedIntegers.Found]

    /// Reads the options (`allowed` keys) and parses the body; throws the first problem.
    init(json bytes: UnsafeRawBufferPointer, options: UnsafeRawBufferPointer, allowed: [String]) throws(AnalyzeError) {
        let callOptions = try CallOptions(options, allowed: allowed)
        connection = try ConnectionOptions(callOptions)
        validation = try ValidationOptions(callOptions)
        mode = try ValidationMode.option(callOptions)
        let parsed = try OversizedIntegers.parse(bytes)
        document = parsed.document
        oversized = parsed.found
    }
}
