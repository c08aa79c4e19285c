import Foundation
import ProvenanceParsing

/// One trained tagger: its tags, its emission weights and its transition
/// scores.
package struct Tagger: Sendable {
    package let schema: TagSchema
    package let weights: FeatureWeights
    /// `(tags + 1) × tags`: from a tag (or the start, last row) to a tag.
    package let transitions: [Float]

    package init(schema: TagSchema, weights: FeatureWeights, transitions: [Float]) {
        self.schema = schema
        self.weights = weights
        self.transitions = transitions
    }

    package func decode(_ features: FeatureMatrix, allowed: [UInt16]? = nil) -> [UInt8] {
        Viterbi.decode(emissions: weights.emissions(of: features), transitions: transitions, schema: schema, allowed: allowed)
    }
}

/// The tag sets of the two taggers.
package enum AttributionTags {
    /// Cue tokens in BIO: outside, begin, inside.
    package static let cue = TagSchema(names: ["O", "B-CUE", "I-CUE"]) { from, to in
        to != 2 || from == 1 || from == 2
    }
    package static let cueOutside: UInt8 = 0
    package static let cueBegin: UInt8 = 1
    package static let cueInside: UInt8 = 2

    /// For one cue: outside, the cue itself, the source and the content in BIO.
    package static let role = TagSchema(names: ["O", "CUE", "B-SRC", "I-SRC", "B-CON", "I-CON"]) { from, to in
        switch to {
        case 3: from == 2 || from == 3
        case 5: from == 4 || from == 5
        default: true
        }
    }
    package static let outside: UInt8 = 0
    package static let cueTag: UInt8 = 1
    package static let sourceBegin: UInt8 = 2
    package static let sourceInside: UInt8 = 3
    package static let contentBegin: UInt8 = 4
    package static let contentInside: UInt8 = 5
}

/// The learned attribution model: a cue tagger over each block and a role
/// tagger run once per cue, as a data file in the package's resources
/// (`Resources/attribution.model`), made by `provenance-train attribution`.
///
/// The file, little-endian: the magic `PVAM`, a format version (UInt32), a
/// UTF-8 description of how it was trained (UInt32 length, bytes), then for
/// the cue tagger and then the role tagger: the tag count (UInt32), the
/// weights' scale (Float32), the transition scores (Float32, `(tags + 1) ×
/// tags`), the feature count (UInt32), the feature keys in ascending order
/// (UInt64 each) and their weights, `tags` per key, as Int16 multiples of
/// the scale; last the word-sense table: its count (UInt32), then each word
/// form's hash (UInt64) and its packed classes (UInt64), hashes ascending.
package struct AttributionModel: Sendable {
    package static let formatVersion: UInt32 = 1
    package let cue: Tagger
    package let role: Tagger
    /// The word-sense classes its features read.
    package let lexicon: ModelLexicon
    /// How the model was trained (corpus, epochs), as the training command wrote it.
    package let description: String

    package init(cue: Tagger, role: Tagger, lexicon: ModelLexicon, description: String) {
        self.cue = cue
        self.role = role
        self.lexicon = lexicon
        self.description = description
    }

    /// The model shipped with the package, read once; nil when its file is
    /// missing or damaged (the engine then uses its rules alone).
    package static let bundled: Result<AttributionModel, ModelError> = {
        guard let url = BundledResources.file("attribution.model", target: "ProvenanceAttribution") else {
            return .failure(ModelError(reason: "attribution.model is not beside the program (in provenance_ProvenanceAttribution.resources/)"))
        }
        do {
            return .success(try AttributionModel(data: try Data(contentsOf: url)))
        } catch let error as ModelError {
            return .failure(error)
        } catch {
            return .failure(ModelError(reason: "attribution.model could not be read: \(error.localizedDescription)"))
        }
    }()

    package struct ModelError: Error, Sendable, CustomStringConvertible {
        package var reason: String
        package var description: String { reason }
    }

    // MARK: Reading

    package init(data: Data) throws(ModelError) {
        var reader = Reader(data: data)
        guard reader.bytes(4).map(Array.init) == Array("PVAM".utf8) else { throw ModelError(reason: "not an attribution model") }
        guard let version = reader.uint32(), version == Self.formatVersion else {
            throw ModelError(reason: "an attribution model of another format version")
        }
        guard let length = reader.uint32(), let text = reader.bytes(Int(length)) else { throw ModelError(reason: "truncated model") }
        description = String(decoding: text, as: UTF8.self)
        cue = try Self.readTagger(&reader, schema: AttributionTags.cue)
        role = try Self.readTagger(&reader, schema: AttributionTags.role)
        guard let formCount = reader.uint32(), Int(formCount) <= reader.remaining / 16 else { throw ModelError(reason: "truncated model") }
        var forms: [UInt64] = []
        var classes: [ModelLexicon.Entry] = []
        forms.reserveCapacity(Int(formCount))
        classes.reserveCapacity(Int(formCount))
        for _ in 0..<formCount {
            forms.append(reader.uint64()!)
            classes.append(reader.uint64()!)
        }
        lexicon = ModelLexicon(forms: forms, entries: classes)
        guard reader.isAtEnd else { throw ModelError(reason: "trailing bytes after the model") }
    }

    private static func readTagger(_ reader: inout Reader, schema: TagSchema) throws(ModelError) -> Tagger {
        let tags = schema.count
        guard let tagCount = reader.uint32(), Int(tagCount) == tags else { throw ModelError(reason: "a tagger with other tags") }
        guard let scale = reader.float32() else { throw ModelError(reason: "truncated model") }
        var transitions: [Float] = []
        for _ in 0..<((tags + 1) * tags) {
            guard let value = reader.float32() else { throw ModelError(reason: "truncated model") }
            transitions.append(value)
        }
        guard let count = reader.uint32(), Int(count) <= reader.remaining / 8 else { throw ModelError(reason: "truncated model") }
        var keys: [UInt64] = []
        keys.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = reader.uint64() else { throw ModelError(reason: "truncated model") }
            if let last = keys.last, key <= last { throw ModelError(reason: "feature keys out of order") }
            keys.append(key)
        }
        guard reader.remaining >= Int(count) * tags * 2 else { throw ModelError(reason: "truncated model") }
        var weights: [Int16] = []
        weights.reserveCapacity(Int(count) * tags)
        for _ in 0..<(Int(count) * tags) { weights.append(reader.int16()!) }
        return Tagger(schema: schema, weights: FeatureWeights(tagCount: tags, scale: scale, keys: keys, weights: weights), transitions: transitions)
    }

    /// Reads the file's little-endian fields in order.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(data: Data) {
            bytes = [UInt8](data)
        }

        var remaining: Int { bytes.count - offset }
        var isAtEnd: Bool { offset == bytes.count }

        mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, remaining >= count else { return nil }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            let size = MemoryLayout<T>.size
            guard remaining >= size else { return nil }
            let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
            offset += size
            return T(littleEndian: value)
        }

        mutating func uint32() -> UInt32? { integer(UInt32.self) }
        mutating func uint64() -> UInt64? { integer(UInt64.self) }
        mutating func int16() -> Int16? { integer(Int16.self) }
        mutating func float32() -> Float? { uint32().map { Float(bitPattern: $0) } }
    }

    // MARK: Writing

    /// A tagger's trained weights, before quantisation.
    package struct TrainedTagger: Sendable {
        package var keys: [UInt64]
        /// `tags` per key.
        package var weights: [Float]
        package var transitions: [Float]

        package init(keys: [UInt64], weights: [Float], transitions: [Float]) {
            self.keys = keys
            self.weights = weights
            self.transitions = transitions
        }
    }

    /// The model file for two trained taggers: the same input gives the same bytes.
    package static func encode(cue: TrainedTagger, role: TrainedTagger, lexicon: ModelLexicon, description: String) -> Data {
        var data = Data("PVAM".utf8)
        func append<T: FixedWidthInteger>(_ value: T) {
            for index in 0..<MemoryLayout<T>.size { data.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
        }
        append(formatVersion)
        append(UInt32(description.utf8.count))
        data.append(contentsOf: Array(description.utf8))
        for (tagger, tags) in [(cue, AttributionTags.cue.count), (role, AttributionTags.role.count)] {
            append(UInt32(tags))
            let largest = tagger.weights.map(abs).max() ?? 0
            let scale: Float = largest > 0 ? largest / Float(Int16.max) : 1
            append(scale.bitPattern)
            for value in tagger.transitions { append(value.bitPattern) }
            let order = tagger.keys.indices.sorted { tagger.keys[$0] < tagger.keys[$1] }
            append(UInt32(order.count))
            for index in order { append(tagger.keys[index]) }
            for index in order {
                for tag in 0..<tags {
                    let quantized = (tagger.weights[index * tags + tag] / scale).rounded()
                    append(UInt16(bitPattern: Int16(max(-32767, min(32767, quantized)))))
                }
            }
        }
        let entries = lexicon.entries
        append(UInt32(entries.count))
        for entry in entries {
            append(entry.form)
            append(entry.entry)
        }
        return data
    }
}
