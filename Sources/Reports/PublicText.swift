/// Free text shown to the public (an Open311 request's `description` and `status_notes`) with the personal
/// numbers a rider may type into a note hidden: mainland mobile numbers (`1[3-9]` and nine more digits, also
/// written with spaces or dashes, with or without `+86`/`0086`/`86`) and resident ID-card numbers (17 digits
/// and a check digit or `X`). Each digit of a match becomes `*`, so the reader still sees that a number was
/// there. Neither may sit inside a longer run of digits. Staff see the text as written.
public enum PublicText {
    /// `text` with every mobile and ID-card number masked.
    public static func masked(_ text: String) -> String {
        // Fewer than 11 digits cannot hold either number (most notes have none).
        guard text.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 11 else { return text }
        var scalars = Array(text.unicodeScalars)
        var index = 0
        var changed = false
        while index < scalars.count {
            let boundary = index == 0 || !isDigit(scalars[index - 1])
            if boundary, let end = idCardEnd(scalars, index) ?? mobileEnd(scalars, index) {
                for position in index..<end where isDigit(scalars[position]) || scalars[position] == "X" || scalars[position] == "x" {
                    scalars[position] = "*"
                }
                changed = true
                index = end
            } else {
                index += 1
            }
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "-" }

    /// The end of an ID-card number starting at `start`: 17 digits, a digit or X, then no letter or digit.
    static func idCardEnd(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        guard start + 18 <= s.count, s[start..<start + 17].allSatisfy(isDigit) else { return nil }
        let check = s[start + 17]
        guard isDigit(check) || check == "X" || check == "x" else { return nil }
        if start + 18 < s.count, s[start + 18].properties.isAlphabetic || isDigit(s[start + 18]) { return nil }
        return start + 18
    }

    /// The end of a mobile number starting at `start` (at its country code when it has one).
    static func mobileEnd(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        for prefix in ["+86", "0086", "86"] where matches(s, start, prefix) {
            var next = start + prefix.unicodeScalars.count
            if next < s.count, isSeparator(s[next]) { next += 1 }
            if let end = nationalEnd(s, next) { return end }
        }
        return nationalEnd(s, start)
    }

    /// `1[3-9]` and nine digits from `start`, one space or dash allowed before each of the nine.
    static func nationalEnd(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        guard start + 11 <= s.count, s[start] == "1", ("3"..."9").contains(s[start + 1]) else { return nil }
        var position = start + 2
        for _ in 0..<9 {
            if position < s.count, isSeparator(s[position]) { position += 1 }
            guard position < s.count, isDigit(s[position]) else { return nil }
            position += 1
        }
        if position < s.count, isDigit(s[position]) { return nil }
        return position
    }

    static func matches(_ s: [Unicode.Scalar], _ start: Int, _ literal: String) -> Bool {
        let expected = Array(literal.unicodeScalars)
        guard start + expected.count <= s.count else { return false }
        return Array(s[start..<start + expected.count]) == expected
    }
}
