import Testing
import ProvenanceParsing

/// The table answers as the Unicode database does.
@Suite struct ScalarPropertiesTests {
    @Test func everyTabledScalarAnswersAsItsProperties() {
        for value in UInt32(0)..<0x900 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            #expect(ScalarProperties.isAlphabetic(scalar) == properties.isAlphabetic, "\(value)")
            #expect(ScalarProperties.isNumeric(scalar) == (properties.numericType != nil), "\(value)")
            #expect(ScalarProperties.isDecimalDigit(scalar) == (properties.numericType == .decimal), "\(value)")
            #expect(ScalarProperties.isUppercase(scalar) == properties.isUppercase, "\(value)")
            #expect(ScalarProperties.isLowercase(scalar) == properties.isLowercase, "\(value)")
            #expect(ScalarProperties.isNonspacingMark(scalar) == (properties.generalCategory == .nonspacingMark), "\(value)")
            #expect(ScalarProperties.firstLowercase(scalar) == properties.lowercaseMapping.unicodeScalars.first, "\(value)")
        }
    }

    @Test(arguments: ["Самые популярные блоги", "ΑΘΗΝΑ Ελλάδα", "İSTANBUL Straße", "Ǆemal ǅ", "ÉCOLE", "日本 Tokyo", ""])
    func lowercasingIsTheStandardLibrarys(text: String) {
        #expect(ScalarProperties.lowercased(text) == text.lowercased())
    }
}
