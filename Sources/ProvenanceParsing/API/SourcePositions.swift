#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a document's text was in the file it was read from, so that a
/// finding can point at the file's own line and column.
///
/// A web page's text is its visible words, block after block; their places
/// in the file are kept as anchors: from an anchor's ``Anchor/offset`` in the
/// text on, the text follows the file scalar for scalar, starting at the
/// anchor's line and column, until the next anchor. A new anchor starts
/// wherever the text stops following the file that way: a new element, a
/// line end, an entity, collapsed whitespace.
///
/// Kept for web pages read whole from a file or standard input. A page out of
/// a web archive or an MHTML file has none (its lines are not the file's),
/// nor has a plain-text input, whose text is the file itself.
public struct SourcePositions: Sendable, Hashable, Codable {
    /// Where a stretch of the text starts in the file.
    public struct Anchor: Sendable, Hashable {
        /// Offset in the document text (Unicode scalars).
        public var offset: Int
        /// 1-based line in the file.
        public var line: Int
        /// 1-based column in the file, in Unicode scalars.
        public var column: Int

        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }
    }

    /// The anchors, by ascending ``Anchor/offset``.
    public private(set) var anchors: [Anchor]

    /// Anchors in any order; of two at one offset the first is kept.
    public init(_ anchors: [Anchor]) {
        let ascending = zip(anchors, anchors.dropFirst()).allSatisfy { $0.offset < $1.offset }
        guard !ascending else {
            self.anchors = anchors
            return
        }
        var sorted: [Anchor] = []
        for anchor in anchors.enumerated().sorted(by: { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) })
        where sorted.last?.offset != anchor.element.offset {
            sorted.append(anchor.element)
        }
        self.anchors = sorted
    }

    /// The file's line and column of a text offset, or nil for an offset
    /// before the first anchor (a headline taken from the page's metadata).
    public func position(of offset: Int) -> (line: Int, column: Int)? {
        // The last anchor at or before the offset.
        var low = 0
        var high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let anchor = anchors[low - 1]
        return (anchor.line, anchor.column + offset - anchor.offset)
    }

    /// In JSON, a flat list of `[offset, line, column]` triples.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var anchors: [Anchor] = []
        while !container.isAtEnd {
            let triple = try container.decode([Int].self)
            // (Bounded, so that a column plus an offset cannot overflow.)
            let bound = Int(Int32.max)
            guard triple.count == 3, (0...bound).contains(triple[0]), (1...bound).contains(triple[1]), (1...bound).contains(triple[2]) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a position is [offset ≥ 0, line ≥ 1, column ≥ 1], each below 2³¹")
            }
            anchors.append(Anchor(offset: triple[0], line: triple[1], column: triple[2]))
        }
        self.init(anchors)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for anchor in anchors { try container.encode([anchor.offset, anchor.line, anchor.column]) }
    }
}

extension SourcePositions {
    /// The positions of a text that is its file: an anchor at each line start.
    public init(linesOf text: String) {
        var anchors = [Anchor(offset: 0, line: 1, column: 1)]
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" {
            anchors.append(Anchor(offset: offset + 1, line: anchors.count + 1, column: 1))
        }
        self.anchors = anchors
    }

    /// Anchors given as byte offsets into the UTF-8 `file`, turned into lines
    /// and columns in one pass over the file: line ends are found with
    /// `memchr`, and scalars are counted only from the last line end before
    /// an anchor (or the anchor before it on that line).
    init(textOffsets: [Int], fileOffsets: [Int], in file: [UInt8]) {
        let ascending = zip(fileOffsets, fileOffsets.dropFirst()).allSatisfy { $0 <= $1 }
        let order = ascending ? Array(fileOffsets.indices) : fileOffsets.indices.sorted { fileOffsets[$0] < fileOffsets[$1] }
        var anchors: [Anchor] = []
        anchors.reserveCapacity(order.count)
        var line = 1
        var column = 1
        var index = 0
        file.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for position in order {
                let target = min(max(fileOffsets[position], 0), bytes.count)
                while index < target, let found = memchr(base + index, 0x0A, target - index) {
                    line += 1
                    column = 1
                    index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                }
                while index < target {
                    // A scalar starts at every byte that is not a UTF-8 continuation byte.
                    if bytes[index] & 0xC0 != 0x80 { column += 1 }
                    index += 1
                }
                anchors.append(Anchor(offset: textOffsets[position], line: line, column: column))
            }
        }
        self.init(anchors)
    }
}
