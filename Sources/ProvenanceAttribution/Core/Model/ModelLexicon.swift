/// What the model knows of a word form beyond its own weights, found by the
/// form's feature hash: the broad classes of its most frequent senses from
/// WordNet 3.0's lexicographer files (verb.communication, verb.cognition,
/// noun.person…), and whether it may begin a cue. Shipped inside the model
/// file: a model is trained with the lexicon it is read with.
package struct ModelLexicon: Sendable {
    /// Packed: up to three verb classes (most frequent sense first) in the
    /// low three bytes, up to three noun classes in the next three (0 is
    /// none), and in bit 48 whether the form may begin a cue.
    package typealias Entry = UInt64

    private let table: WordKeyTable

    /// How many word forms the lexicon knows.
    package var count: Int { table.count }

    /// `forms` are word keys (``FeatureKey/of(_:)`` of the lowercased form), distinct.
    package init(forms: [UInt64], entries: [Entry]) {
        table = WordKeyTable(keys: forms, values: entries)
    }

    package func entry(of word: UInt64) -> Entry { table[word] }

    package static let empty = ModelLexicon(forms: [], entries: [])

    /// An entry from its parts.
    package static func entry(verb: [UInt8], noun: [UInt8], beginsCues: Bool) -> Entry {
        var value: Entry = beginsCues ? 1 << 48 : 0
        for (index, number) in verb.prefix(3).enumerated() { value |= Entry(number) << (8 * index) }
        for (index, number) in noun.prefix(3).enumerated() { value |= Entry(number) << (24 + 8 * index) }
        return value
    }

    /// The lexicon's entries, forms in ascending order (for writing it).
    package var entries: [(form: UInt64, entry: Entry)] {
        table.pairs.map { (form: $0.key, entry: $0.value) }
    }
}

extension ModelLexicon.Entry {
    /// The verb class of the most frequent verb sense, 0 if none.
    package var firstVerb: UInt64 { self & 0xFF }
    /// The noun class of the most frequent noun sense, 0 if none.
    package var firstNoun: UInt64 { (self >> 24) & 0xFF }
    /// The verb class of the i-th verb sense (0, 1, 2).
    func verb(_ index: Int) -> UInt64 { (self >> (8 * UInt64(index))) & 0xFF }
    func noun(_ index: Int) -> UInt64 { (self >> (24 + 8 * UInt64(index))) & 0xFF }
    /// The form may begin a cue.
    package var beginsCues: Bool { self & (1 << 48) != 0 }
}

/// A table from word keys (``FeatureKey/of(_:)`` of a lowercased word) to
/// 64-bit values, 0 for a key it does not hold. Key and value share a slot,
/// so a lookup touches one cache line; the slot is chosen from the key's
/// high bits (multiply–shift), probing is linear, the table at most 70 % full.
package struct WordKeyTable: Sendable {
    /// Key, value, key, value…; a key of 0 marks an empty slot.
    private let slots: [UInt64]
    private let capacity: Int
    package let count: Int

    package init(keys: [UInt64], values: [UInt64]) {
        precondition(keys.count == values.count, "one value per key")
        count = keys.count
        capacity = max(8, keys.count * 10 / 7 + 1)
        var slots = [UInt64](repeating: 0, count: capacity * 2)
        for (key, value) in zip(keys, values) {
            let stored = key == 0 ? 1 : key
            var slot = Int(truncatingIfNeeded: stored.multipliedFullWidth(by: UInt64(capacity)).high)
            while slots[2 * slot] != 0 && slots[2 * slot] != stored { slot = slot + 1 == capacity ? 0 : slot + 1 }
            slots[2 * slot] = stored
            slots[2 * slot + 1] = value
        }
        self.slots = slots
    }

    @inline(__always)
    package subscript(key: UInt64) -> UInt64 {
        let stored = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: stored.multipliedFullWidth(by: UInt64(capacity)).high)
        while true {
            let found = slots[2 * slot]
            if found == stored { return slots[2 * slot + 1] }
            if found == 0 { return 0 }
            slot = slot + 1 == capacity ? 0 : slot + 1
        }
    }

    /// Every key with its value, keys ascending.
    package var pairs: [(key: UInt64, value: UInt64)] {
        stride(from: 0, to: slots.count, by: 2).filter { slots[$0] != 0 }.map { (slots[$0], slots[$0 + 1]) }.sorted { $0.key < $1.key }
    }
}
