import Testing
import ProvenanceParsing

/// The byte-keyed table answers as a dictionary of the same pairs does.
@Suite struct ByteKeyTableTests {
    @Test func findsWhatItHoldsAndNothingElse() {
        let table = ByteKeyTable([("said", 1), ("", 2), ("saidx", 3), ("straße", 4), ("said", 5)])
        #expect(table["said"] == 1)  // a key given twice keeps its first value
        #expect(table[""] == 2)
        #expect(table["saidx"] == 3)
        #expect(table["straße"] == 4)
        #expect(table["sai"] == nil)
        #expect(table["Said"] == nil)
        #expect(table["strasse"] == nil)
    }

    @Test func indexNumbersKeysInOrderSkippingRepeats() {
        let index = ByteKeyIndex(["said", "told", "said", "", "straße"])
        #expect(index.count == 4)
        #expect(index.index(of: "said") == 0)
        #expect(index.index(of: "told") == 1)
        #expect(index.index(of: "") == 2)
        #expect(index.index(of: "straße") == 3)
        #expect(index.index(of: "tell") == nil)
        let bytes = Array("told".utf8)
        #expect(bytes.withUnsafeBufferPointer { index.index(of: $0) } == 1)
    }

    @Test func insertedKeysKeepTheirNumbersAsTheIndexGrows() {
        var index = ByteKeyIndex()
        var numbers: [String: Int] = [:]
        for value in 0..<5000 {
            let key = String(value * 7919 % 3001, radix: 36)
            let (number, inserted) = Array(key.utf8).withUnsafeBufferPointer { index.insert($0) }
            if let known = numbers[key] {
                #expect(!inserted && number == known)
            } else {
                #expect(inserted && number == numbers.count)
                numbers[key] = number
            }
        }
        #expect(index.count == numbers.count)
        for (key, number) in numbers { #expect(index.index(of: key) == number) }
        #expect(index.index(of: "not a key") == nil)
    }

    @Test func agreesWithADictionaryOnManyWords() {
        var state: UInt64 = 3
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        func word() -> String {
            String((0..<(1 + next(8))).map { _ in Character(Unicode.Scalar(UInt8(0x61 + next(6)))) })
        }
        var pairs: [(String, Int)] = []
        var dictionary: [String: Int] = [:]
        for value in 0..<3000 {
            let key = word()
            pairs.append((key, value))
            if dictionary[key] == nil { dictionary[key] = value }
        }
        let table = ByteKeyTable(pairs)
        for _ in 0..<5000 {
            let key = word()
            #expect(table[key] == dictionary[key], "\(key)")
        }
        for (key, value) in dictionary {
            #expect(table[key] == value)
        }
    }

    @Test func byteSearchFindsTheFirstPlaceFromWhereItStarts() {
        let haystack = Array("<meta charset=utf-8><meta name=x>".utf8)
        #expect(ByteSearch.firstIndex(of: Array("<meta".utf8), in: haystack) == 0)
        #expect(ByteSearch.firstIndex(of: Array("<meta".utf8), in: haystack, from: 1) == 20)
        #expect(ByteSearch.firstIndex(of: Array("<meta".utf8), in: haystack, from: 21) == nil)
        #expect(ByteSearch.firstIndex(of: Array("name=x>".utf8), in: haystack) == 26)
        #expect(ByteSearch.firstIndex(of: [], in: haystack, from: 3) == 3)
        #expect(ByteSearch.firstIndex(of: Array("longer than the haystack itself, by far".utf8), in: haystack) == nil)
    }
}
