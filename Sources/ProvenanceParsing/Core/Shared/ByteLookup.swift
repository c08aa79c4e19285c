/// Values found by the UTF-8 bytes of their keys, without a string being
/// made of the bytes or hashed: open addressing over 64-bit FNV-1a hashes,
/// the keys' bytes kept one after another in one array.
///
/// For the word lists asked about nearly every word of a page (class
/// names, a claim's words), where most words asked are not in the list.
package struct ByteKeyTable<Value: Sendable>: Sendable {
    private var values: [Value] = []
    private var keyBytes: [UInt8] = []
    /// Where each value's key starts in `keyBytes`; `keyStarts[i + 1]` is where it ends.
    private var keyStarts: [Int] = [0]
    /// Value numbers, -1 where a slot is free.
    private var slots: [Int32]

    /// A table of `pairs`; a key given twice keeps its first value.
    package init(_ pairs: some Sequence<(String, Value)>) {
        let pairs = pairs.map { (Array($0.0.utf8), $0.1) }
        var capacity = 16
        while capacity < pairs.count * 4 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        for (key, value) in pairs where key.withUnsafeBufferPointer({ index(of: $0) }) == nil {
            var slot = Int(truncatingIfNeeded: key.withUnsafeBufferPointer(ByteHash.fnv1a)) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(values.count)
            values.append(value)
            keyBytes += key
            keyStarts.append(keyBytes.count)
        }
    }

    /// The number of the value whose key is `bytes`, if there is one.
    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: ByteHash.fnv1a(bytes)) & mask
        return slots.withUnsafeBufferPointer { slots in
            keyStarts.withUnsafeBufferPointer { keyStarts in
                keyBytes.withUnsafeBufferPointer { keyBytes in
                    while true {
                        let number = Int(slots[slot])
                        guard number >= 0 else { return nil }
                        let start = keyStarts[number]
                        if keyStarts[number + 1] - start == bytes.count {
                            var offset = 0
                            while offset < bytes.count, keyBytes[start + offset] == bytes[offset] { offset += 1 }
                            if offset == bytes.count { return number }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The value number `index` (from `index(of:)`).
    package func value(at index: Int) -> Value { values[index] }

    package subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        index(of: bytes).map { values[$0] }
    }

    package subscript(key: String) -> Value? {
        var key = key
        return key.withUTF8 { self[$0] }
    }

}

/// A hash of bytes that is the same in every run (Swift's `Hasher` is seeded
/// anew in each process): FNV-1a, 64-bit.
package enum ByteHash {
    package static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Searching bytes for bytes, exactly (no case folding).
package enum ByteSearch {
    /// Where `needle` first starts in `haystack` at or after `start`; an
    /// empty needle is found at `start`.
    package static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first else { return start <= haystack.count ? start : nil }
        return haystack.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var index = max(start, 0)
                while index + needle.count <= haystack.count {
                    if haystack[index] == first {
                        var offset = 1
                        while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
