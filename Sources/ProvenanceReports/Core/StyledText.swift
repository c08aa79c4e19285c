import ProvenanceParsing

/// Text in runs of one style each, wrapped to a width and written with or
/// without ANSI colours: the terminal report's building block.
struct StyledText {
    enum Style: Hashable {
        case plain, bold, dim, red, green, yellow, blue, magenta, cyan, boldRed, boldYellow

        var code: String {
            switch self {
            case .plain: ""
            case .bold: "1"
            case .dim: "2"
            case .red: "31"
            case .green: "32"
            case .yellow: "33"
            case .blue: "34"
            case .magenta: "35"
            case .cyan: "36"
            case .boldRed: "1;31"
            case .boldYellow: "1;33"
            }
        }
    }

    var runs: [(text: String, style: Style)] = []

    init() {}

    /// A run of text; its control characters are made visible (line breaks
    /// become spaces: the text is wrapped anew), so that only the styles
    /// this type writes ever reach the terminal as escape sequences.
    init(_ text: String, _ style: Style = .plain) {
        runs = [(VisibleText.prose(text), style)]
    }

    static func + (left: StyledText, right: StyledText) -> StyledText {
        var result = left
        result.runs += right.runs
        return result
    }

    static func + (left: StyledText, right: String) -> StyledText {
        left + StyledText(right)
    }

    var plain: String { runs.map(\.text).joined() }

    /// The text in lines of at most `width` characters (a longer word gets a
    /// line of its own, cut where it must be), breaking at spaces.
    func wrapped(to width: Int) -> [StyledText] {
        let width = max(width, 10)
        var lines: [StyledText] = []
        var line = StyledText()
        var length = 0
        var pendingSpace: Style?
        func flush() {
            lines.append(line)
            line = StyledText()
            length = 0
            pendingSpace = nil
        }
        for run in runs {
            var word: [UInt8] = []
            var wordLength = 0
            func emit() {
                guard wordLength > 0 else { return }
                var remaining = String(decoding: word, as: UTF8.self)
                var remainingLength = wordLength
                while remainingLength > 0 {
                    let space = pendingSpace != nil && length > 0 ? 1 : 0
                    if length + space + remainingLength <= width {
                        if space == 1 { line.runs.append((" ", pendingSpace!)) }
                        line.runs.append((remaining, run.style))
                        length += space + remainingLength
                        remainingLength = 0
                    } else if length > 0 {
                        flush()
                    } else {
                        line.runs.append((String(remaining.prefix(width)), run.style))
                        remaining = String(remaining.dropFirst(width))
                        remainingLength = remaining.count
                        flush()
                    }
                }
                pendingSpace = nil
                word.removeAll(keepingCapacity: true)
                wordLength = 0
            }
            for scalar in run.text.unicodeScalars {
                if scalar == " " || scalar == "\n" || scalar == "\t" {
                    emit()
                    pendingSpace = run.style
                } else {
                    Wording.appendUTF8(scalar, to: &word)
                    // Combining marks join the character before them.
                    if wordLength == 0 || Wording.isCharacterStart(scalar) { wordLength += 1 }
                }
            }
            emit()
        }
        if length > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The text, with ANSI escapes when `color` is set.
    func render(color: Bool) -> String {
        guard color else { return plain }
        // Neighbouring runs of one style are written as one.
        var merged: [(text: String, style: Style)] = []
        for run in runs {
            if let last = merged.last, last.style == run.style {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return merged.map { run in
            run.style == .plain || run.text.isEmpty ? run.text : "\u{1B}[\(run.style.code)m\(run.text)\u{1B}[0m"
        }.joined()
    }
}
