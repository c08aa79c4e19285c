/// The credit line of a photo caption, read as an ordered chain from the
/// origin of the picture to whoever distributed it.
///
/// "(Korean Central News Agency via Reuters)" gives the chain
/// [Korean Central News Agency, Reuters]; "Fethi Belaid/AFP/Getty Images" gives
/// [Fethi Belaid, AFP, Getty Images]; "AP Photo/Evan Vucci" gives [Evan Vucci, AP].
public struct Credit: Sendable, Hashable, Codable {
    /// One link of the chain: a photographer, an agency, a wire or a picture desk.
    public struct Part: Sendable, Hashable, Codable {
        /// The name as written (with "Photo" words and punctuation removed).
        public var name: String
        /// Where the name is in ``Article/text``.
        public var span: TextSpan

        public init(name: String, span: TextSpan) {
            self.name = name
            self.span = span
        }
    }

    /// The credit as written, without surrounding parentheses.
    public var text: String
    /// Where the credit is in ``Article/text`` (inside the caption block).
    public var span: TextSpan
    /// The chain, origin first.
    public var parts: [Part]

    public init(text: String, span: TextSpan, parts: [Part]) {
        self.text = text
        self.span = span
        self.parts = parts
    }

    /// The names of the chain, origin first.
    public var chain: [String] { parts.map(\.name) }
}
