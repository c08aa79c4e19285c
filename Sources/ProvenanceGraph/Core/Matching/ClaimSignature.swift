import ProvenanceParsing

/// The two readings of a claim matched against other claims: what is
/// attributed (the content) and the whole sentence, which keeps the names and
/// setting a paraphrase of the content alone may lose.
///
/// Its parts live in one shared object, as a signature's do: the linker copies
/// fingerprints for every candidate it scores.
public struct ClaimFingerprint: Sendable, Hashable {
    private let parts: Parts

    public var content: ClaimSignature { parts.content }
    public var sentence: ClaimSignature { parts.sentence }
    /// The words to index the claim under: the sentence's terms, then the
    /// content's that the sentence lacks, each once. (Read once, at the start:
    /// every lookup of the claim in an index asks for them.)
    public var indexTerms: [String] { parts.indexTerms }
    /// The `ClaimSignature.key` of each index term, in the same order.
    public var indexKeys: [UInt64] { parts.indexKeys }
    /// The content reads as the whole sentence (`content == sentence`,
    /// compared once, when the fingerprint is made).
    var isWholeSentence: Bool { parts.isWholeSentence }

    private final class Parts: Sendable {
        let content: ClaimSignature
        let sentence: ClaimSignature
        let indexTerms: [String]
        let indexKeys: [UInt64]
        let isWholeSentence: Bool

        init(content: ClaimSignature, sentence: ClaimSignature) {
            self.content = content
            self.sentence = sentence
            isWholeSentence = content == sentence
            indexTerms = ClaimFingerprint.indexTerms(content, sentence)
            indexKeys = indexTerms.map(ClaimSignature.key)
        }
    }

    public static func == (a: ClaimFingerprint, b: ClaimFingerprint) -> Bool {
        a.parts === b.parts || (a.content == b.content && a.sentence == b.sentence)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
        hasher.combine(sentence)
    }

    public init(content: String, sentence: String, reading: ClaimReading = .shipped, language: String? = nil) {
        let document = Languages.profile(tag: language)
        let contentSignature = ClaimSignature(SignatureReader(content, reading: reading, document: document))
        parts = Parts(
            content: contentSignature,
            sentence: content == sentence
                ? contentSignature : ClaimSignature(SignatureReader(sentence, reading: reading, document: document)))
    }

    /// The fingerprint of a claim whose content and sentence are spans of
    /// `text` (offsets outside it are clamped), read in place; `language` is
    /// the document's language tag, if it gives one.
    public init(text: ScalarText, content: TextSpan, sentence: TextSpan, reading: ClaimReading = .shipped, language: String? = nil) {
        let document = Languages.profile(tag: language)
        func scalars(_ span: TextSpan) -> ArraySlice<Unicode.Scalar> {
            let start = min(max(span.start, 0), text.count)
            return text.scalars[start..<min(max(span.end, start), text.count)]
        }
        let contentSignature = ClaimSignature(SignatureReader(scalars: scalars(content), reading: reading, document: document))
        parts = Parts(
            content: contentSignature,
            sentence: content == sentence
                ? contentSignature
                : ClaimSignature(SignatureReader(scalars: scalars(sentence), reading: reading, document: document)))
    }

    fileprivate static func indexTerms(_ content: ClaimSignature, _ sentence: ClaimSignature) -> [String] {
        guard content != sentence else { return sentence.terms }
        var seen = Set(sentence.terms)
        return sentence.terms + content.terms.filter { seen.insert($0).inserted }
    }

    // MARK: Stored form

    /// The fingerprint as one line of text, for a store to keep so that it
    /// need not read the claim again. It starts with a format version and
    /// the reading it was made with: `init(stored:reading:)` refuses others,
    /// and the caller then reads the claim's text anew.
    public func stored(reading: ClaimReading) -> String {
        var fields = [Self.storedVersion + "-" + reading.tag]
        fields += content.storedFields
        if sentence != content { fields += sentence.storedFields }
        return fields.joined(separator: String(Self.fieldSeparator))
    }

    /// A fingerprint from its stored form; nil when the form is not this
    /// version's, or was read otherwise.
    public init?(stored: String, reading: ClaimReading) {
        let fields = Self.storedFields(of: stored)
        guard fields.first == [Self.storedVersion + "-" + reading.tag] else { return nil }
        let width = ClaimSignature.storedFieldCount
        guard fields.count == 1 + width || fields.count == 1 + 2 * width,
            let content = ClaimSignature(storedFields: fields[1...width])
        else { return nil }
        if fields.count == 1 + 2 * width {
            guard let sentence = ClaimSignature(storedFields: fields[(1 + width)...]) else { return nil }
            parts = Parts(content: content, sentence: sentence)
        } else {
            parts = Parts(content: content, sentence: content)
        }
    }

    /// The fields of a stored form, each as its items, read in one pass over
    /// the bytes (both separators are single ASCII bytes).
    private static func storedFields(of stored: String) -> [[String]] {
        let bytes = Array(stored.utf8)
        let field: UInt8 = 0x1F
        let item: UInt8 = 0x1E
        var fields: [[String]] = []
        var items: [String] = []
        var start = 0
        for position in 0...bytes.count {
            let byte = position < bytes.count ? bytes[position] : field
            guard byte == field || byte == item else { continue }
            if position > start || byte == item || !items.isEmpty {
                items.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            if byte == field {
                fields.append(items)
                items = []
            }
            start = position + 1
        }
        return fields
    }

    /// Bumped whenever what a signature holds, or how it is read, changes.
    static let storedVersion = "fp3"  // fp3: the claim's language; stems by the reading's stemmer
    static let fieldSeparator: Character = "\u{1F}"  // 0x1F, as `storedFields(of:)` reads it
}

/// What a claim's words come down to for matching: stemmed content words,
/// the numbers it states, the names it uses, its negations and its quoted
/// phrases.
///
/// A signature is read once and never changes; its parts live in one shared
/// object, so that copying a signature (the linker hands them around by the
/// thousand) costs one reference count rather than one per part.
///
/// (Unchecked sendable: besides the object, a signature holds where the
/// object's keys and name flags are — immutable memory the object owns and
/// keeps alive — so that comparing two signatures reads them without going
/// through the object.)
public struct ClaimSignature: @unchecked Sendable, Hashable {
    private let storage: Storage
    private let keyStart: UnsafePointer<UInt64>
    private let flagStart: UnsafePointer<Bool>
    private let termCount: Int

    /// Stems of the content words (stop words left out), each once.
    public var terms: [String] { storage.terms }
    /// Numbers as written, normalised ("10,000" → "10000", "3.5").
    public var numbers: Set<String> { storage.numbers }
    /// Stems of capitalised words inside the sentence (names).
    public var names: Set<String> { storage.names }
    /// The terms as matching walks them: by a 64-bit key of each, in key
    /// order (`termKeys[i]` is the key of `keyedTerms[i]`), so that two
    /// signatures compare in one merge rather than through string sets.
    public var termKeys: [UInt64] { Array(storage.keys) }
    public var keyedTerms: [String] { storage.keyedTerms }
    /// The keys of the names, in order.
    public var nameKeys: [UInt64] { storage.nameKeys }
    /// A key for each pair of successive terms (in reading order), ascending.
    var termPairs: [UInt64] { storage.termPairs }
    /// How many negations ("not", "no", "never", "n't") the claim has.
    public var negations: Int { storage.negations }
    /// Normalised quoted phrases of three words or more.
    public var quotedPhrases: Set<String> { storage.quotedPhrases }
    /// The names (runs of capitalised words) in order, for telling "A accused
    /// B" from "B accused A".
    public var nameOrder: [String] { storage.nameOrder }
    /// The claim is in the passive voice ("was accused by").
    public var isPassive: Bool { storage.isPassive }
    /// The code of the language the claim was read in ("en", "de"): claims
    /// of different languages are never the same claim.
    public var language: String { storage.language }
    /// The terms' keys in key order, and whether each term is also a name:
    /// what comparing two signatures walks, in memory that is read without
    /// reference counting (it lives as long as the signature).
    var keys: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: keyStart, count: termCount) }
    var nameFlags: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(start: flagStart, count: termCount) }

    public init(text: String, reading: ClaimReading = .shipped, language: String? = nil) {
        self.init(SignatureReader(text, reading: reading, document: Languages.profile(tag: language)))
    }

    init(_ reader: SignatureReader) {
        self.init(storage: Storage(
            terms: reader.terms, termKeys: reader.termKeys, numbers: reader.numbers, names: reader.names,
            negations: reader.negations, quotedPhrases: reader.quotedPhrases, nameOrder: reader.nameOrder,
            isPassive: reader.isPassive, language: reader.language))
    }

    private init(storage: Storage) {
        self.storage = storage
        keyStart = storage.keys.baseAddress!
        flagStart = storage.nameFlags.baseAddress!
        termCount = storage.keys.count
    }

    static let storedFieldCount = 8
    static let itemSeparator: Character = "\u{1E}"  // 0x1E, as `storedFields(of:)` reads it

    /// The eight fields of the stored form; sets in sorted order.
    var storedFields: [String] {
        let separator = String(Self.itemSeparator)
        return [
            terms.joined(separator: separator), numbers.sorted().joined(separator: separator),
            names.sorted().joined(separator: separator), String(negations),
            quotedPhrases.sorted().joined(separator: separator), nameOrder.joined(separator: separator),
            isPassive ? "1" : "0", language,
        ]
    }

    init?(storedFields fields: ArraySlice<[String]>) {
        let values = Array(fields)
        guard values.count == Self.storedFieldCount, values[3].count == 1, let negations = Int(values[3][0]),
            values[6].count == 1, values[7].count == 1
        else { return nil }
        self.init(
            terms: values[0], numbers: Set(values[1]), names: Set(values[2]), negations: negations,
            quotedPhrases: Set(values[4]), nameOrder: values[5], isPassive: values[6][0] == "1", language: values[7][0])
    }

    public init(terms: [String], numbers: Set<String>, names: Set<String>, negations: Int, quotedPhrases: Set<String>,
                nameOrder: [String], isPassive: Bool, language: String = "en") {
        self.init(storage: Storage(
            terms: terms, termKeys: terms.map(Self.key), numbers: numbers, names: names, negations: negations,
            quotedPhrases: quotedPhrases, nameOrder: nameOrder, isPassive: isPassive, language: language))
    }

    /// Whether a term with this key is among the terms.
    public func hasTerm(key: UInt64) -> Bool {
        Self.contains(storage.keys, key)
    }

    /// Whether a name has this key.
    public func hasName(key: UInt64) -> Bool {
        storage.nameKeys.withUnsafeBufferPointer { Self.contains($0, key) }
    }

    public static func == (a: ClaimSignature, b: ClaimSignature) -> Bool {
        a.storage === b.storage || a.storage.parts == b.storage.parts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.parts)
    }

    /// A term's key: FNV-1a over its UTF-8 bytes (stable across runs), the
    /// hash ``ByteKeyIndex`` files its keys by (`ByteHash.fnv1a`).
    public static func key(_ term: String) -> UInt64 {
        var term = term
        return term.withUTF8(ByteHash.fnv1a)
    }

    private static func contains(_ sorted: UnsafeBufferPointer<UInt64>, _ key: UInt64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == key
    }

    /// A signature's parts, and the keyed forms matching reads. (Unchecked
    /// sendable: `keyMemory` is raw memory, written once in `init`.)
    private final class Storage: @unchecked Sendable {
        struct Parts: Hashable {
            var terms: [String]
            var numbers: Set<String>
            var names: Set<String>
            var negations: Int
            var quotedPhrases: Set<String>
            var nameOrder: [String]
            var isPassive: Bool
            var language: String
        }

        let parts: Parts
        let keyedTerms: [String]
        let nameKeys: [UInt64]
        let termPairs: [UInt64]
        /// The terms' keys in key order, then a flag for each: the term is
        /// also a name (nine bytes a term, in one allocation).
        private let keyMemory: UnsafeMutableRawPointer
        private let termCount: Int

        var terms: [String] { parts.terms }
        var numbers: Set<String> { parts.numbers }
        var names: Set<String> { parts.names }
        var negations: Int { parts.negations }
        var quotedPhrases: Set<String> { parts.quotedPhrases }
        var nameOrder: [String] { parts.nameOrder }
        var isPassive: Bool { parts.isPassive }
        var language: String { parts.language }

        var keys: UnsafeBufferPointer<UInt64> {
            UnsafeBufferPointer(start: keyMemory.assumingMemoryBound(to: UInt64.self), count: termCount)
        }

        var nameFlags: UnsafeBufferPointer<Bool> {
            UnsafeBufferPointer(start: (keyMemory + 8 * termCount).assumingMemoryBound(to: Bool.self), count: termCount)
        }

        /// `termKeys[i]` is the key of `terms[i]`.
        init(terms: [String], termKeys: [UInt64], numbers: Set<String>, names: Set<String>, negations: Int,
             quotedPhrases: Set<String>, nameOrder: [String], isPassive: Bool, language: String) {
            parts = Parts(
                terms: terms, numbers: numbers, names: names, negations: negations, quotedPhrases: quotedPhrases,
                nameOrder: nameOrder, isPassive: isPassive, language: language)
            termPairs = zip(termKeys, termKeys.dropFirst()).map { ($0 &* 0x100_0000_01B3) ^ $1 }.sorted()
            let sorted = zip(termKeys, terms).sorted { $0.0 < $1.0 }
            keyedTerms = sorted.map(\.1)
            let nameKeys = names.map(ClaimSignature.key).sorted()
            self.nameKeys = nameKeys
            termCount = sorted.count
            keyMemory = .allocate(byteCount: 9 * max(sorted.count, 1), alignment: 8)
            let keys = keyMemory.bindMemory(to: UInt64.self, capacity: sorted.count)
            let flags = (keyMemory + 8 * sorted.count).bindMemory(to: Bool.self, capacity: sorted.count)
            nameKeys.withUnsafeBufferPointer { nameKeys in
                for (index, (key, _)) in sorted.enumerated() {
                    keys[index] = key
                    flags[index] = ClaimSignature.contains(nameKeys, key)
                }
            }
        }

        deinit { keyMemory.deallocate() }
    }
}
