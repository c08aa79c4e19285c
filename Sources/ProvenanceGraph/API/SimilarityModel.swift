import Foundation
import ProvenanceParsing

/// How a claim's words are read for matching: which stemmer English words
/// get, and whether the hand-made synonym groups fold words together.
/// Claims are always read in their own language (see `Resources/languages.txt`).
public struct ClaimReading: Sendable, Hashable {
    public enum EnglishStemmer: String, Sendable, CaseIterable {
        /// Common endings off, then the first five letters.
        case light
        /// Snowball's English (Porter 2) stemmer.
        case snowball
    }

    public var englishStemmer: EnglishStemmer
    public var handSynonyms: Bool

    public init(englishStemmer: EnglishStemmer = .snowball, handSynonyms: Bool = true) {
        self.englishStemmer = englishStemmer
        self.handSynonyms = handSynonyms
    }

    /// The reading the shipped model was trained with.
    public static var shipped: ClaimReading { SimilarityModel.bundled.reading }

    /// Names the reading in a model file and in stored fingerprints.
    var tag: String { "\(englishStemmer.rawValue)-\(handSynonyms ? "synonyms" : "plain")" }

    init?(tag: String) {
        let parts = tag.split(separator: "-").map(String.init)
        guard parts.count == 2, let stemmer = EnglishStemmer(rawValue: parts[0]), parts[1] == "synonyms" || parts[1] == "plain"
        else { return nil }
        self.init(englishStemmer: stemmer, handSynonyms: parts[1] == "synonyms")
    }
}

/// The learned similarity: how the evidence two claims give is weighed into
/// the probability that they are the same claim (logistic regression over
/// ``ClaimSimilarity/featureNames``), the term frequencies every claim's
/// words are weighed by (a fixed table, so that weights never depend on
/// which documents came first), and the related words of WordNet.
///
/// Made by `provenance-train similarity`; the shipped one is
/// `Resources/linking.model`, a text file: a header, the weights, then the
/// tables, one entry a line.
public struct SimilarityModel: Sendable {
    public var reading: ClaimReading
    /// The intercept, then one weight per feature; empty for the hand-made
    /// score alone (the `hand` feature, untouched).
    public var weights: [Double]
    /// How many claims the frequency table counted.
    public var claimTotal: Int
    /// In how many of those claims each term occurs (terms absent: none).
    public private(set) var frequencies: [String: Int]
    /// Groups of related words (WordNet synsets) of each term, ascending.
    public private(set) var related: [String: [Int32]]
    public var description: String

    /// By term key, for matching.
    let frequencyByKey: [UInt64: Int32]
    let relatedByKey: [UInt64: [Int32]]

    public init(
        reading: ClaimReading, weights: [Double], claimTotal: Int, frequencies: [String: Int], related: [String: [Int32]],
        description: String
    ) {
        self.reading = reading
        self.weights = weights
        self.claimTotal = claimTotal
        self.frequencies = frequencies
        self.related = related
        self.description = description
        var byKey: [UInt64: Int32] = [:]
        byKey.reserveCapacity(frequencies.count)
        for (term, count) in frequencies { byKey[ClaimSignature.key(term)] = Int32(clamping: count) }
        frequencyByKey = byKey
        var relatedKeys: [UInt64: [Int32]] = [:]
        relatedKeys.reserveCapacity(related.count)
        for (term, groups) in related { relatedKeys[ClaimSignature.key(term)] = groups.sorted() }
        relatedByKey = relatedKeys
    }

    /// No table, no weights: every term weighs the same and the hand-made
    /// score decides. What linking falls back to without the shipped file.
    public static let untrained = SimilarityModel(
        reading: ClaimReading(), weights: [], claimTotal: 0, frequencies: [:], related: [:], description: "untrained")

    /// The weight of a term, by key: its inverse frequency in the table's claims.
    func weight(ofKey key: UInt64) -> Double {
        let count = Double(frequencyByKey[key] ?? 0)
        return log((Double(max(claimTotal, 1)) + 1) / (count + 0.5)) + 1
    }

    /// The probability of "same claim" given the evidence.
    public func probability(_ features: [Double]) -> Double {
        guard weights.count == features.count + 1 else { return features[0] }
        var sum = weights[0]
        for (weight, value) in zip(weights.dropFirst(), features) { sum += weight * value }
        return 1 / (1 + exp(-sum))
    }

    // MARK: The file

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    static let magic = "provenance-linking-model 1"

    /// The model as its file: the same model gives the same bytes.
    public func encoded() -> String {
        var lines = [Self.magic, "description\t" + description.replacingOccurrences(of: "\n", with: " "), "reading\t" + reading.tag]
        lines.append("features\t" + ClaimSimilarity.featureNames.joined(separator: " "))
        lines.append("weights\t" + weights.map { String(format: "%.6f", $0) }.joined(separator: " "))
        lines.append("claims\t\(claimTotal)")
        lines.append("frequencies\t\(frequencies.count)")
        for (term, count) in frequencies.sorted(by: { $0.key < $1.key }) { lines.append("\(term)\t\(count)") }
        lines.append("related\t\(related.count)")
        for (term, groups) in related.sorted(by: { $0.key < $1.key }) {
            lines.append(term + "\t" + groups.sorted().map(String.init).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public init(contentsOf url: URL) throws {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw FormatError(description: "\(url.path): cannot be read as a linking model")
        }
        try self.init(encoded: text)
    }

    public init(encoded text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        func field(_ name: String) throws -> String {
            guard let line = lines.popFirst(), line.hasPrefix(name + "\t") else {
                throw FormatError(description: "not a linking model (no \(name) line)")
            }
            return String(line.dropFirst(name.count + 1))
        }
        guard lines.popFirst() == Substring(Self.magic) else { throw FormatError(description: "not a linking model") }
        let description = try field("description")
        guard let reading = ClaimReading(tag: try field("reading")) else { throw FormatError(description: "unknown reading") }
        let features = try field("features").split(separator: " ").map(String.init)
        let weightText = try field("weights")
        let weights = weightText.isEmpty ? [] : weightText.split(separator: " ").compactMap { Double($0) }
        guard weights.isEmpty || (features == ClaimSimilarity.featureNames && weights.count == features.count + 1) else {
            throw FormatError(description: "the model's features are not this version's")
        }
        guard let claims = Int(try field("claims")), let frequencyCount = Int(try field("frequencies")) else {
            throw FormatError(description: "damaged linking model")
        }
        var frequencies: [String: Int] = [:]
        for _ in 0..<frequencyCount {
            guard let line = lines.popFirst(), let tab = line.firstIndex(of: "\t"), let count = Int(line[line.index(after: tab)...])
            else { throw FormatError(description: "damaged frequency table") }
            frequencies[String(line[..<tab])] = count
        }
        guard let relatedCount = Int(try field("related")) else { throw FormatError(description: "damaged linking model") }
        var related: [String: [Int32]] = [:]
        for _ in 0..<relatedCount {
            guard let line = lines.popFirst(), let tab = line.firstIndex(of: "\t") else {
                throw FormatError(description: "damaged related-word table")
            }
            related[String(line[..<tab])] = line[line.index(after: tab)...].split(separator: ",").compactMap { Int32($0) }
        }
        self.init(
            reading: reading, weights: weights, claimTotal: claims, frequencies: frequencies, related: related,
            description: description)
    }

    /// The shipped model (`Resources/linking.model`), or the untrained one
    /// when it cannot be read (``bundledError`` says why).
    public static let bundled: SimilarityModel = (try? loadBundled().get()) ?? .untrained

    /// Why the shipped model could not be read, if it could not.
    public static var bundledError: String? {
        if case .failure(let error) = loadBundled() { return error.description }
        return nil
    }

    private static func loadBundled() -> Result<SimilarityModel, FormatError> {
        guard let url = BundledResources.file("linking.model", target: "ProvenanceGraph") else {
            return .failure(FormatError(description: "linking.model is not beside the program (in provenance_ProvenanceGraph.resources/)"))
        }
        do {
            return .success(try SimilarityModel(contentsOf: url))
        } catch let error as FormatError {
            return .failure(error)
        } catch {
            return .failure(FormatError(description: "\(error)"))
        }
    }
}
