import Foundation

/// The learned block model: whether a block of a web page is article text,
/// from its ``BlockFeatures``, as a sum of small decision trees (gradient
/// boosting) trained by `provenance-train extraction` on the benchmark's
/// pages and the tuning part of trafilatura's corpus, shipped as
/// `Resources/blocks.model`.
///
/// The file, little-endian: the magic `PVBM`, a format version (UInt32), a
/// UTF-8 description of how it was trained (UInt32 length, bytes), the
/// number of features (UInt32) and an FNV-1a hash of their names (UInt64;
/// a model made for other features is refused), the probability from which
/// a block is article text (Float32), the trees' depth (UInt32), their count
/// (UInt32), the base score (Float32); then each tree as a complete binary
/// tree: for each of its `2^depth − 1` inner nodes, in breadth-first order,
/// the feature it tests (UInt16; 0xFFFF: no test, go left) and the value
/// (Float32) at or under which a block goes left; then its `2^depth` leaf
/// scores (Float32).
package struct BlockModel: Sendable {
    package static let formatVersion: UInt32 = 1
    /// How the model was trained, as the training command wrote it.
    package let description: String
    /// From this probability on, a block is article text.
    package let threshold: Float
    package let depth: Int
    package let baseScore: Float
    /// Per tree, its inner nodes' features and thresholds, then its leaves.
    private let features: [UInt16]
    private let thresholds: [Float]
    private let leaves: [Float]
    package let treeCount: Int
    /// The inner nodes as walked: a node without a test reads feature 0 against +∞.
    private let walkFeatures: [Int32]
    private let walkThresholds: [Float]

    /// "No test": the node sends every block left.
    package static let noFeature: UInt16 = 0xFFFF

    package init(
        description: String, threshold: Float, depth: Int, baseScore: Float, features: [UInt16], thresholds: [Float],
        leaves: [Float]
    ) {
        self.description = description
        self.threshold = threshold
        self.depth = depth
        self.baseScore = baseScore
        self.features = features
        self.thresholds = thresholds
        self.leaves = leaves
        treeCount = leaves.count >> depth
        (walkFeatures, walkThresholds) = Self.walked(features, thresholds)
    }

    private static func walked(_ features: [UInt16], _ thresholds: [Float]) -> ([Int32], [Float]) {
        (
            features.map { $0 == noFeature ? 0 : Int32($0) },
            zip(features, thresholds).map { $0 == noFeature ? .infinity : $1 }
        )
    }

    /// The model shipped with the package, read once; nil when its file is
    /// missing or damaged (extraction then keeps the rules' judgement).
    package static let bundled: Result<BlockModel, ModelError> = {
        guard let url = BundledResources.file("blocks.model", target: "ProvenanceParsing") else {
            return .failure(ModelError(reason: "blocks.model is not beside the program (in provenance_ProvenanceParsing.resources/)"))
        }
        do {
            return .success(try BlockModel(data: try Data(contentsOf: url)))
        } catch let error as ModelError {
            return .failure(error)
        } catch {
            return .failure(ModelError(reason: "blocks.model could not be read: \(error.localizedDescription)"))
        }
    }()

    package struct ModelError: Error, Sendable, CustomStringConvertible {
        package var reason: String
        package var description: String { reason }
    }

    /// The probability that a block with these features is article text.
    ///
    /// Each tree is walked without a branch: a node sends a block right when
    /// its feature is above the node's value (a node without a test reads
    /// feature 0 against +∞, ``init(description:threshold:depth:baseScore:features:thresholds:leaves:)``).
    func probability(_ row: ArraySlice<Float>) -> Float {
        let inner = (1 << depth) - 1
        var score = baseScore
        walkFeatures.withUnsafeBufferPointer { features in
            walkThresholds.withUnsafeBufferPointer { thresholds in
                leaves.withUnsafeBufferPointer { leaves in
                    row.withUnsafeBufferPointer { row in
                        var offset = 0
                        var leaf = 0
                        for _ in 0..<treeCount {
                            var node = 0
                            for _ in 0..<depth {
                                let right = row[Int(features[offset + node])] > thresholds[offset + node]
                                node = 2 &* node &+ 1 &+ (right ? 1 : 0)
                            }
                            score += leaves[leaf + node - inner]
                            offset += inner
                            leaf += inner + 1
                        }
                    }
                }
            }
        }
        return 1 / (1 + exp(-score))
    }

    /// A hash of the feature names the model was made for.
    package static var featureSignature: UInt64 {
        var bytes = Array(BlockFeatures.names.joined(separator: "\n").utf8)
        return bytes.withUnsafeMutableBufferPointer { ByteHash.fnv1a(UnsafeBufferPointer($0)) }
    }

    // MARK: Reading and writing

    package init(data: Data) throws(ModelError) {
        let bytes = [UInt8](data)
        var offset = 0
        func integer<T: FixedWidthInteger>(_: T.Type) throws(ModelError) -> T {
            let size = MemoryLayout<T>.size
            guard bytes.count - offset >= size else { throw ModelError(reason: "truncated block model") }
            let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
            offset += size
            return T(littleEndian: value)
        }
        func float() throws(ModelError) -> Float { Float(bitPattern: try integer(UInt32.self)) }
        guard bytes.count >= 4, Array(bytes[0..<4]) == Array("PVBM".utf8) else { throw ModelError(reason: "not a block model") }
        offset = 4
        guard try integer(UInt32.self) == Self.formatVersion else { throw ModelError(reason: "a block model of another format version") }
        let length = Int(try integer(UInt32.self))
        guard length <= bytes.count - offset else { throw ModelError(reason: "truncated block model") }
        description = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        offset += length
        let featureCount = Int(try integer(UInt32.self))
        let signature = try integer(UInt64.self)
        guard featureCount == BlockFeatures.count, signature == Self.featureSignature else {
            throw ModelError(reason: "a block model made for other features")
        }
        threshold = try float()
        depth = Int(try integer(UInt32.self))
        guard (1...12).contains(depth) else { throw ModelError(reason: "a block model with trees of depth \(depth)") }
        treeCount = Int(try integer(UInt32.self))
        baseScore = try float()
        let inner = (1 << depth) - 1
        guard treeCount <= (bytes.count - offset) / (inner * 6 + (inner + 1) * 4) else { throw ModelError(reason: "truncated block model") }
        var features: [UInt16] = []
        var thresholds: [Float] = []
        var leaves: [Float] = []
        features.reserveCapacity(treeCount * inner)
        thresholds.reserveCapacity(treeCount * inner)
        leaves.reserveCapacity(treeCount * (inner + 1))
        for _ in 0..<treeCount {
            for _ in 0..<inner {
                let feature = try integer(UInt16.self)
                guard feature == Self.noFeature || Int(feature) < featureCount else { throw ModelError(reason: "a tree tests a feature the model does not have") }
                features.append(feature)
                thresholds.append(try float())
            }
            for _ in 0...inner { leaves.append(try float()) }
        }
        guard offset == bytes.count else { throw ModelError(reason: "trailing bytes after the block model") }
        self.features = features
        self.thresholds = thresholds
        self.leaves = leaves
        (walkFeatures, walkThresholds) = Self.walked(features, thresholds)
    }

    /// The model as its file.
    package func encoded() -> Data {
        var data = Data("PVBM".utf8)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func append(_ value: Float) { append(value.bitPattern) }
        append(Self.formatVersion)
        let text = Array(description.utf8)
        append(UInt32(text.count))
        data.append(contentsOf: text)
        append(UInt32(BlockFeatures.count))
        append(Self.featureSignature)
        append(threshold)
        append(UInt32(depth))
        append(UInt32(treeCount))
        append(baseScore)
        let inner = (1 << depth) - 1
        for tree in 0..<treeCount {
            for node in 0..<inner {
                append(features[tree * inner + node])
                append(thresholds[tree * inner + node])
            }
            for leaf in 0...inner { append(leaves[(tree << depth) + leaf]) }
        }
        return data
    }
}
