/// Width estimates and line wrapping for chart text, without access to the fonts.
///
/// Widths are per-character estimates for DejaVu Sans, the widest of the common sans-serif fonts
/// (Arial and Helvetica are narrower), so text laid out with them fits in any of these.
enum TextMetrics {
    /// Estimated width of `text` in pixels at `fontSize`.
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for character in text {
            em += advance(character)
        }
        return em * fontSize * (bold ? 1.1 : 1.0)
    }

    /// The advance width of one character in em.
    private static func advance(_ character: Character) -> Double {
        switch character {
        case " ", ".", ",", ":", ";", "!", "'", "|", "i", "j", "l", "I": 0.32
        case "f", "t", "r", "(", ")", "[", "]", "-", "/": 0.42
        case "m", "w", "M", "W", "%", "@", "—": 0.95
        case "0"..."9", "<", ">", "≥", "≤", "+", "=", "–": 0.64
        default: character.isUppercase ? 0.72 : 0.62
        }
    }

    /// Wraps `text` into lines at most `maxWidth` wide.
    ///
    /// Breaks at spaces; a newline in the text forces a break; a word wider than a line is split
    /// with a hyphen. More than `maxLines` lines are cut, the last ending in "…".
    /// - Returns: the lines and whether a word had to be split or lines cut.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int = .max,
                     bold: Bool = false) -> (lines: [String], forced: Bool) {
        var lines: [String] = []
        var forced = false
        func fits(_ s: String) -> Bool { width(s, fontSize: fontSize, bold: bold) <= maxWidth }

        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if fits(candidate) {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = String(word)
                while !fits(current), current.count > 1 {
                    forced = true
                    var head = ""
                    for character in current {
                        if !fits(head + String(character) + "-") { break }
                        head.append(character)
                    }
                    if head.isEmpty { head = String(current.first!) }
                    lines.append(head + "-")
                    current = String(current.dropFirst(head.count))
                }
            }
            lines.append(current)
        }
        if lines.count > maxLines {
            forced = true
            var last = lines[maxLines - 1]
            lines.removeSubrange((maxLines - 1)...)
            while !last.isEmpty, !fits(last + "…") { last.removeLast() }
            lines.append(last + "…")
        }
        return (lines, forced)
    }
}
