/// Numbers for a set of keys, found by the UTF-8 bytes of a key without a
/// string being made of the bytes or hashed: open addressing over 64-bit
/// FNV-1a hashes, the keys' bytes kept one after another in one array.
///
/// For the word lists asked about nearly every word of a page (class
/// names, a claim's words), where most words asked are not in the list,
/// and for memos of what a page has met already (its class names).
/// It is not generic, so that other modules' calls run compiled code
/// specialised for it (a generic table's lookups from another module went
/// through the runtime's metadata, at several times the cost).
package struct ByteKeyIndex: Sendable {
    private var keyBytes: [UInt8] = []
    /// Where each key starts in `keyBytes`; `keyStarts[i + 1]` is where it ends.
    private var keyStarts: [Int] = [0]
    /// Each slot holds a key's number plus one in its low 32 bits and the
    /// high half of the key's hash in its high 32; 0 where it is free. A
    /// lookup compares the hash halves first, so that a word not in the
    /// list (most words asked) is answered from the slots alone, without
    /// reading the keys' bytes elsewhere in memory.
    private var slots: [UInt64]

    /// Numbers `keys` 0, 1, 2… in order; a key given again keeps its first
    /// number and takes none.
    package init(_ keys: some Sequence<String> = []) {
        slots = Array(repeating: 0, count: 16)
        for key in keys {
            var key = key
            key.withUTF8 { _ = insert($0) }
        }
    }

    /// How many keys are numbered.
    package var count: Int { keyStarts.count - 1 }

    /// The number of the key whose bytes are `bytes`, if there is one.
    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        find(bytes, hash: ByteHash.fnv1a(bytes)).number
    }

    /// The number of `bytes` as a key, numbering it next if it was not one
    /// yet (`inserted`).
    package mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        let hash = ByteHash.fnv1a(bytes)
        let (number, slot) = find(bytes, hash: hash)
        if let number { return (number, false) }
        let new = count
        slots[slot] = Self.slot(number: new, hash: hash)
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
        // At most half full: a lookup of a missing key reads a slot or two,
        // most often in one cache line.
        if count * 2 > slots.count { grow() }
        return (new, true)
    }

    /// The number of `bytes` if it is a key, else the free slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash >> 32
        return slots.withUnsafeBufferPointer { slots in
            keyStarts.withUnsafeBufferPointer { keyStarts in
                keyBytes.withUnsafeBufferPointer { keyBytes in
                    while true {
                        let entry = slots[slot]
                        guard entry != 0 else { return (nil, slot) }
                        if entry >> 32 == tag {
                            let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            let start = keyStarts[number]
                            if keyStarts[number + 1] - start == bytes.count {
                                var offset = 0
                                while offset < bytes.count, keyBytes[start + offset] == bytes[offset] { offset += 1 }
                                if offset == bytes.count { return (number, slot) }
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Twice the slots, every key placed again.
    private mutating func grow() {
        let capacity = slots.count * 2
        var slots = [UInt64](repeating: 0, count: capacity)
        keyBytes.withUnsafeBufferPointer { keyBytes in
            for number in 0..<count {
                let hash = ByteHash.fnv1a(UnsafeBufferPointer(rebasing: keyBytes[keyStarts[number]..<keyStarts[number + 1]]))
                var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Self.slot(number: number, hash: hash)
            }
        }
        self.slots = slots
    }

    private static func slot(number: Int, hash: UInt64) -> UInt64 {
        precondition(number + 1 < 1 << 32, "ByteKeyIndex holds fewer than 2^32 keys")
        return (hash >> 32) << 32 | UInt64(number + 1)
    }

    /// The number of `key`, if it is one of the keys.
    package func index(of key: String) -> Int? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ index(of: $0) }) { return found }
        var key = key
        return key.withUTF8 { index(of: $0) }
    }
}

/// Values found by the UTF-8 bytes of their keys (``ByteKeyIndex``), for
/// tables read in the module that defines them: from another module, use
/// the index and keep the values beside it.
package struct ByteKeyTable<Value: Sendable>: Sendable {
    private let keys: ByteKeyIndex
    private let values: [Value]

    /// A table of `pairs`; a key given twice keeps its first value.
    package init(_ pairs: some Sequence<(String, Value)>) {
        let pairs = Array(pairs)
        keys = ByteKeyIndex(pairs.map(\.0))
        var values: [Value] = []
        values.reserveCapacity(keys.count)
        for (key, value) in pairs where keys.index(of: key) == values.count { values.append(value) }
        self.values = values
    }

    package subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        keys.index(of: bytes).map { values[$0] }
    }

    package subscript(key: String) -> Value? {
        keys.index(of: key).map { values[$0] }
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

    /// Where the last occurrence of `needle` in `haystack` starts; an empty
    /// needle is found at the end.
    package static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first else { return haystack.count }
        return haystack.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var index = haystack.count - needle.count
                while index >= 0 {
                    if haystack[index] == first {
                        var offset = 1
                        while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return index }
                    }
                    index -= 1
                }
                return nil
            }
        }
    }
}
