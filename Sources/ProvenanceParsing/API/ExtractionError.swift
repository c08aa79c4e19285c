/// Why an input could not be read as an article.
///
/// Its description is the one line `provenance` prints for the failing file.
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The input has no bytes, or only whitespace.
        case empty
        /// The input is not text: a picture, an archive, an executable…
        /// The associated value names what it looks like, when known.
        case binary(String?)
        /// The input is larger than ``ExtractionOptions/maximumBytes``.
        case tooLarge(bytes: Int, limit: Int)
        /// The input could not be read at all.
        case unreadable(String)
        /// The input is gzip, and damaged or cut short.
        case damagedCompression(String)
        /// The input is gzip that inflates past ``ExtractionOptions/maximumBytes``.
        case tooLargeDecompressed(limit: Int)
        /// A web archive, MHTML file or record that cannot be read as one.
        case damagedArchive(String)
    }

    /// The input's name as the user gave it.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// What went wrong, without the path.
    public var message: String {
        switch reason {
        case .empty:
            "the file is empty"
        case .binary(let kind?):
            "not a text or HTML file (it looks like \(kind))"
        case .binary(nil):
            "not a text or HTML file (binary data)"
        case .tooLarge(let bytes, let limit):
            "the file is too large (\(bytes) bytes; the limit is \(limit) bytes)"
        case .unreadable(let detail):
            "cannot be read: \(detail)"
        case .damagedCompression(let detail):
            "the gzip data is damaged (\(detail))"
        case .tooLargeDecompressed(let limit):
            "decompresses to more than the limit of \(limit) bytes"
        case .damagedArchive(let detail):
            "cannot be read as an archive: \(detail)"
        }
    }

    /// What went wrong as a stable word for machines (a JSON Lines error
    /// record's `kind`): `empty`, `binary`, `too_large`, `unreadable`,
    /// `damaged_compression`, `too_large_decompressed`, `damaged_archive`.
    public var kind: String {
        switch reason {
        case .empty: "empty"
        case .binary: "binary"
        case .tooLarge: "too_large"
        case .unreadable: "unreadable"
        case .damagedCompression: "damaged_compression"
        case .tooLargeDecompressed: "too_large_decompressed"
        case .damagedArchive: "damaged_archive"
        }
    }

    public var description: String { "\(path): \(message)" }
}
