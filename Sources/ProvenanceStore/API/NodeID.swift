/// The ids of the store's nodes, as typed values: `DocumentID` ("d12"),
/// `ClaimID` ("c7"), `SourceID` ("s3"). The text form is what URLs, JSON and
/// the graph use; reading it is strict (the letter, then a positive number
/// without a sign or leading zeros), so that junk is refused, never read as 0.
public struct NodeID<Kind: NodeKind>: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The row id in the store.
    public let value: Int64

    public init(_ value: Int64) {
        self.value = value
    }

    /// Reads "d12" (for a `DocumentID`); nil for anything else.
    public init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        // At most 18 digits: every such number fits an Int64.
        guard scalars.count >= 2, scalars.count <= 19, scalars[0] == Kind.prefix, scalars[1] != "0" else { return nil }
        var value: Int64 = 0
        for scalar in scalars.dropFirst() {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = value * 10 + Int64(scalar.value - 48)
        }
        self.value = value
    }

    public var description: String { "\(Kind.prefix)\(value)" }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// What a `NodeID` names, by the letter its text starts with.
public protocol NodeKind: Sendable {
    static var prefix: Unicode.Scalar { get }
}

public enum DocumentNodeKind: NodeKind { public static let prefix: Unicode.Scalar = "d" }
public enum ClaimNodeKind: NodeKind { public static let prefix: Unicode.Scalar = "c" }
public enum SourceNodeKind: NodeKind { public static let prefix: Unicode.Scalar = "s" }

public typealias DocumentID = NodeID<DocumentNodeKind>
public typealias ClaimID = NodeID<ClaimNodeKind>
public typealias SourceID = NodeID<SourceNodeKind>
