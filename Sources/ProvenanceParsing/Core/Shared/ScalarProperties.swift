/// The Unicode properties our readers ask of nearly every character, from a
/// table for the first 2,048 code points — Latin with its accents, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic — rather than from the Unicode
/// database each time, which made a Russian page cost several times an
/// English one. The table is filled from that same database, so the answers
/// are the same; other characters are looked up as before.
package enum ScalarProperties {
    private struct Entry {
        var flags: UInt8
        /// The lower-case form when it is one scalar, else 0.
        var lower: UInt32
    }

    private static let alphabetic: UInt8 = 1
    private static let numeric: UInt8 = 2
    private static let decimal: UInt8 = 4
    private static let uppercase: UInt8 = 8
    private static let lowercase: UInt8 = 16
    private static let nonspacingMark: UInt8 = 32

    private static let tableSize: UInt32 = 0x800

    private static let table: [Entry] = (0..<tableSize).map { value in
        guard let scalar = Unicode.Scalar(value) else { return Entry(flags: 0, lower: 0) }
        let properties = scalar.properties
        var flags: UInt8 = 0
        if properties.isAlphabetic { flags |= alphabetic }
        if properties.numericType != nil { flags |= numeric }
        if properties.numericType == .decimal { flags |= decimal }
        if properties.isUppercase { flags |= uppercase }
        if properties.isLowercase { flags |= lowercase }
        if properties.generalCategory == .nonspacingMark { flags |= nonspacingMark }
        let mapping = Array(properties.lowercaseMapping.unicodeScalars)
        return Entry(flags: flags, lower: mapping.count == 1 ? mapping[0].value : 0)
    }

    private static func flags(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value < tableSize ? table[Int(scalar.value)].flags : nil
    }

    /// `properties.isAlphabetic`.
    package static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & alphabetic != 0 } ?? scalar.properties.isAlphabetic
    }

    /// `properties.numericType != nil`.
    package static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & numeric != 0 } ?? (scalar.properties.numericType != nil)
    }

    /// `properties.numericType == .decimal`.
    package static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & decimal != 0 } ?? (scalar.properties.numericType == .decimal)
    }

    /// `properties.isUppercase`.
    package static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & uppercase != 0 } ?? scalar.properties.isUppercase
    }

    /// `properties.isLowercase`.
    package static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & lowercase != 0 } ?? scalar.properties.isLowercase
    }

    /// `properties.generalCategory == .nonspacingMark`.
    package static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & nonspacingMark != 0 } ?? (scalar.properties.generalCategory == .nonspacingMark)
    }

    /// The first scalar of `properties.lowercaseMapping` (the scalar itself
    /// when it has no lower-case form).
    package static func firstLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < tableSize {
            let lower = table[Int(scalar.value)].lower
            if lower != 0, let mapped = Unicode.Scalar(lower) { return mapped }
        }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// `string.lowercased()`, scalar by scalar through the table.
    package static func lowercased(_ string: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if scalar.value < tableSize, case let lower = table[Int(scalar.value)].lower, lower != 0,
                let mapped = Unicode.Scalar(lower)
            {
                result.append(mapped)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }
}
