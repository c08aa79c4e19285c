/// Choices the caller makes about how inputs are read.
public struct ExtractionOptions: Sendable, Hashable {
    /// Read every input as this format instead of sniffing it from the content.
    public var inputFormat: InputFormat?
    /// The publisher, when the document does not name itself or names itself wrongly.
    public var publisher: String?
    /// The document's address, when the document does not give it.
    public var url: String?
    /// The publication date (any common notation; normalized to ISO 8601).
    public var published: String?
    /// Inputs larger than this many bytes are refused.
    public var maximumBytes: Int
    /// What judges each block of a web page article text or not.
    public var judging: BlockJudging

    /// What judges the blocks of a web page.
    public enum BlockJudging: String, Sendable, Hashable, CaseIterable {
        /// The learned block model, reading the rules' judgement among its features (the default).
        case model
        /// The hand-written rules alone.
        case rules
    }

    /// The default size limit: 64 MiB, far above any real article page.
    public static let defaultMaximumBytes = 64 << 20

    public init(
        inputFormat: InputFormat? = nil, publisher: String? = nil, url: String? = nil,
        published: String? = nil, maximumBytes: Int = ExtractionOptions.defaultMaximumBytes, judging: BlockJudging = .model
    ) {
        self.inputFormat = inputFormat
        self.publisher = publisher
        self.url = url
        self.published = published
        self.maximumBytes = maximumBytes
        self.judging = judging
    }
}
