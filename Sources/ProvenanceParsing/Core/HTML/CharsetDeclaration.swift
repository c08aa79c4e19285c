/// Finds the charset an HTML page declares for itself, by a byte scan of its
/// head: `<meta charset="…">`, `<meta http-equiv="Content-Type"
/// content="text/html; charset=…">` or an XML declaration's `encoding="…"`.
enum CharsetDeclaration {
    /// How far into the page the declaration is looked for.
    static let scanLimit = 16 * 1024

    static func find(in bytes: [UInt8]) -> String? {
        let count = min(bytes.count, scanLimit)
        let head = [UInt8](unsafeUninitializedCapacity: count) { head, initialized in
            bytes.withUnsafeBufferPointer { bytes in
                for index in 0..<count {
                    let byte = bytes[index]
                    head[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
            }
            initialized = count
        }
        if head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) {
            if let value = value(after: "encoding", in: head[..<end]) { return value }
        }
        var index = 0
        let meta = Array("<meta".utf8)
        while let start = ByteSearch.firstIndex(of: meta, in: head, from: index) {
            let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            if let value = value(after: "charset", in: head[start..<end]) { return value }
            index = end
        }
        return nil
    }

    /// The value after `name` and `=`, quoted or not, in a tag's bytes.
    private static func value(after name: String, in tag: ArraySlice<UInt8>) -> String? {
        let key = Array(name.utf8)
        let bytes = Array(tag)
        guard let found = ByteSearch.firstIndex(of: key, in: bytes) else { return nil }
        var index = found + key.count
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\"")
            || bytes[index] == UInt8(ascii: "'")
        {
            index += 1
        }
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            let isLabel = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: ".")
            guard isLabel else { break }
            end += 1
        }
        guard end > index else { return nil }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }
}
