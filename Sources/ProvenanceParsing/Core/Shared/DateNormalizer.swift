/// Reads a publication date written any common way and writes it in ISO 8601.
///
/// Understood: ISO 8601 and its near relatives ("2019-11-19 10:03:00",
/// "2019/11/19", "20191119"), RFC 2822 ("Tue, 19 Nov 2019 10:03:00 +0000"),
/// English prose dates ("November 19, 2019", "19 Nov. 2019 at 5:30 p.m."), the
/// month names of a few other languages, and Unix timestamps. A date alone
/// stays a date ("2019-11-19"); a time keeps its offset when one was given
/// ("2019-11-19T10:03:00-05:00", "…Z").
public enum DateNormalizer {
    /// The ISO 8601 form of `text`, or nil when no date can be read from it.
    public static func normalize(_ text: String) -> String? {
        let trimmed = Whitespace.collapse(text)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { return nil }
        if let iso = isoLike(trimmed) { return iso }
        if let stamp = unixTimestamp(trimmed) { return stamp }
        return prose(trimmed)
    }

    /// Whether `word` can be part of a written date or time: a number, a
    /// month name, a time, "a.m.", a time zone.
    public static func isDateWord(_ word: String) -> Bool {
        var lower = word.lowercased().trimming([",", "."])
        if lower.isEmpty { return false }
        for suffix in ["am", "pm", "a.m", "p.m"] where lower.hasSuffix(suffix) && lower.count > suffix.count {
            lower = String(lower.dropLast(suffix.count))
        }
        if lower.allSatisfy({ $0.isNumber || ":/-.+T".contains($0) }) { return true }
        if monthNames[lower] != nil || monthNames[lower + "."] != nil { return true }
        return ["am", "pm", "a.m", "p.m", "gmt", "utc", "z", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst",
                "pdt", "bst", "cet", "cest", "kst", "jst", "at", "on", "st", "nd", "rd", "th",
                // "um 14:20 Uhr", "31 de mayo de 2021", "à 10h", "2021 r., godz. 10:00"
                "um", "uhr", "de", "del", "à", "h", "r", "godz"].contains(lower)
            || lower.hasSuffix("st") && Int(lower.dropLast(2)) != nil
            || lower.hasSuffix("nd") && Int(lower.dropLast(2)) != nil
            || lower.hasSuffix("rd") && Int(lower.dropLast(2)) != nil
            || lower.hasSuffix("th") && Int(lower.dropLast(2)) != nil
    }

    // MARK: ISO-like

    private static func isoLike(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let scalar = scalars[index + offset]
                guard scalar.isASCII, scalar.value >= 0x30, scalar.value <= 0x39 else { return nil }
                value = value * 10 + Int(scalar.value - 0x30)
            }
            index += count
            return value
        }
        func skip(_ allowed: Set<Unicode.Scalar>) -> Unicode.Scalar? {
            guard index < scalars.count, allowed.contains(scalars[index]) else { return nil }
            defer { index += 1 }
            return scalars[index]
        }
        guard let year = digits(4), (1800...2200).contains(year) else { return nil }
        let separator = skip(["-", "/", "."])
        guard let month = digits(2) else { return nil }
        if let separator { guard skip([separator]) != nil else { return nil } }
        guard let day = digits(2), valid(year, month, day) else { return nil }
        let date = format(year, month, day)
        guard skip(["T", " ", "t"]) != nil, let hour = digits(2), skip([":"]) != nil, let minute = digits(2) else {
            return date
        }
        var second = 0
        if skip([":"]) != nil, let value = digits(2) { second = value }
        if skip([".", ","]) != nil {
            while index < scalars.count, scalars[index].isASCII, scalars[index].value >= 0x30, scalars[index].value <= 0x39 {
                index += 1
            }
        }
        guard hour < 24, minute < 60, second < 61 else { return date }
        let time = "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))"
        while index < scalars.count, scalars[index] == " " { index += 1 }
        if skip(["Z", "z"]) != nil { return time + "Z" }
        if let sign = skip(["+", "-"]), let offsetHours = digits(2) {
            _ = skip([":"])
            let offsetMinutes = digits(2) ?? 0
            if offsetHours == 0 && offsetMinutes == 0 { return time + "Z" }
            return time + "\(sign)\(pad(offsetHours)):\(pad(offsetMinutes))"
        }
        let rest = String(String.UnicodeScalarView(scalars[index...])).uppercased()
        if rest.hasPrefix("UTC") || rest.hasPrefix("GMT") { return time + "Z" }
        return time
    }

    // MARK: Unix time

    private static func unixTimestamp(_ text: String) -> String? {
        guard text.count == 10 || text.count == 13, text.allSatisfy(\.isASCII), let value = Int(text) else { return nil }
        let seconds = text.count == 13 ? value / 1000 : value
        guard seconds > 631_152_000, seconds < 4_102_444_800 else { return nil }  // 1990 to 2100
        var days = seconds / 86_400
        let remainder = seconds % 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(format(year, month, day))T\(pad(remainder / 3600)):\(pad(remainder % 3600 / 60)):\(pad(remainder % 60))Z"
    }

    // MARK: Prose

    private static func prose(_ text: String) -> String? {
        let tokens = tokenize(text)
        var year: Int?
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute = 0
        var second = 0
        var offset: String?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let lower = token.lowercased()
            if let value = monthNames[lower] ?? monthNames[String(lower.prefix(3))].flatMap({ lower.count <= 4 || lower.hasSuffix(".") ? $0 : nil }),
                month == nil
            {
                month = value
            } else if token.contains(":"), hour == nil {
                var clock = lower
                var meridiem: String?
                for suffix in ["a.m.", "p.m.", "am", "pm"] where clock.hasSuffix(suffix) {
                    meridiem = suffix.hasPrefix("p") ? "pm" : "am"
                    clock.removeLast(suffix.count)
                    break
                }
                let parts = clock.split(separator: ":").compactMap { Int($0) }
                if parts.count >= 2, parts[0] < 24, parts[1] < 60 {
                    var value = parts[0]
                    minute = parts[1]
                    if parts.count > 2 { second = parts[2] }
                    if meridiem == nil, index + 1 < tokens.count {
                        let next = tokens[index + 1].lowercased().replacingOccurrences(of: ".", with: "")
                        if next == "pm" || next == "am" { meridiem = next }
                    }
                    if meridiem == "pm", value < 12 { value += 12 }
                    if meridiem == "am", value == 12 { value = 0 }
                    hour = value
                }
            } else if token.hasPrefix("+") || token.hasPrefix("-"), token.count == 5, let value = Int(token.dropFirst()) {
                offset = value == 0 ? "Z" : "\(token.prefix(1))\(pad(value / 100)):\(pad(value % 100))"
            } else if day == nil, month == nil, year == nil, let (d, m, y) = dottedDate(token) {
                // "31.05.2021": day first, as German, Polish or Czech pages write it.
                (day, month, year) = (d, m, y)
            } else if let value = Int(token.trimmingSuffixes(["st", "nd", "rd", "th", "."])) {
                if token.count == 4, (1800...2200).contains(value) {
                    year = value
                } else if value >= 1, value <= 31, day == nil {
                    day = value
                }
            } else if lower == "gmt" || lower == "utc" || lower == "z" {
                offset = "Z"
            }
            index += 1
        }
        guard let year, let month, let day, valid(year, month, day) else { return nil }
        let date = format(year, month, day)
        guard let hour else { return date }
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(offset ?? "")"
    }

    /// Day, month and year of "31.05.2021" (or "31.5.2021,").
    private static func dottedDate(_ token: String) -> (Int, Int, Int)? {
        let parts = token.trimmingSuffixes([",", "."]).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), (1800...2200).contains(year)
        else { return nil }
        return (day, month, year)
    }

    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == " " || character == "," || character == "/" || character == "|" || character == "(" || character == ")" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
             "novembro", "dezembro"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
             "ottobre", "novembre", "dicembre"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
             "november", "dezember"],
            ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
             "listopadu", "prosince"],
            ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
             "października", "listopada", "grudnia"],
            ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
             "październik", "listopad", "grudzień"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"],
            // Abbreviations of German, French and Spanish months where they differ from the English.
            ["jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
            ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        ]
        var table: [String: Int] = ["sept": 9, "sept.": 9]
        for list in lists {
            for (index, name) in list.enumerated() where table[name] == nil {
                table[name] = index + 1
                table[name + "."] = index + 1
            }
        }
        return table
    }()

    // MARK: Helpers

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension String {

    fileprivate func trimmingSuffixes(_ suffixes: [String]) -> String {
        for suffix in suffixes where hasSuffix(suffix) && count > suffix.count {
            return String(dropLast(suffix.count))
        }
        return self
    }
}
