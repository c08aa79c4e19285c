/// One document to extract, as an input holds it: a whole file, the page of
/// an MHTML file, a response record of a web archive, or standard input.
public struct InputDocument: Sendable, Hashable {
    /// How outputs name it: the path, `-` for standard input, or
    /// `archive.warc.gz#<record id>` for a record of a web archive.
    public var name: String
    /// Its bytes, taken out of their container and decoded from gzip,
    /// quoted-printable, base64, chunked transfer or content encoding.
    public var bytes: [UInt8]
    /// The format, when the container says (an HTML part or response).
    public var format: InputFormat?
    /// The charset the container declares, used when the page declares none.
    public var charset: String?
    /// The address it was saved from (`Snapshot-Content-Location`, `WARC-Target-URI`).
    public var url: String?
    /// When it was saved (an MHTML `Date`), the fallback publication date.
    public var saved: String?
    /// When a crawler captured it (`WARC-Date`).
    public var captured: String?
    /// The bytes are the whole input as the user has it (a file, standard
    /// input, a gzipped file unpacked), so lines and columns in them are the
    /// input's; false for a part of an archive or an MHTML file.
    public var isWholeInput: Bool

    public init(
        name: String, bytes: [UInt8], format: InputFormat? = nil, charset: String? = nil, url: String? = nil,
        saved: String? = nil, captured: String? = nil, isWholeInput: Bool = true
    ) {
        self.isWholeInput = isWholeInput
        self.name = name
        self.bytes = bytes
        self.format = format
        self.charset = charset
        self.url = url
        self.saved = saved
        self.captured = captured
    }
}
