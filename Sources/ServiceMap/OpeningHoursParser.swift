import TuanjuCore

/// Reads the subset of `opening_hours` documented on `OpeningHours`:
///
///     hours    = rule { ";" rule }
///     rule     = "24/7" | [ days ] ( ranges | "off" | "closed" )
///     days     = span { "," span }          span  = DAY [ "-" DAY ]
///     ranges   = range { "," range }        range = TIME "-" TIME
///
/// Every refusal names the 1-based character position and the token found there.
struct OpeningHoursParser {
    private let text: String
    private let tokens: [HoursToken]
    private var index = 0

    init(_ text: String) {
        self.text = text
        tokens = HoursToken.split(text)
    }

    mutating func parseRules() throws(InputError) -> [Rule] {
        guard !tokens.isEmpty else { throw .invalid(MapMsg.hoursEmpty) }
        var rules = [try parseRule()]
        while index < tokens.count {
            try expect(";")
            rules.append(try parseRule())
        }
        return rules
    }

    // MARK: - Grammar

    private mutating func parseRule() throws(InputError) -> Rule {
        let first = try take()
        if first.text == "24/7" {
            return Rule(selector: nil, ranges: [TimeRange(start: 0, end: 1440)], isAlwaysOpen: true)
        }
        index -= 1
        let startsWithDay = first.kind == .word && Weekday(code: first.text) != nil
        let selector: [DaySpan]? = if startsWithDay { try parseDays() } else { nil }
        let next = try take()
        if next.kind == .word, ["off", "closed"].contains(next.text.lowercased()) {
            return Rule(selector: selector, ranges: [])
        }
        index -= 1
        return Rule(selector: selector, ranges: try parseRanges())
    }

    private mutating func parseDays() throws(InputError) -> [DaySpan] {
        var spans: [DaySpan] = []
        repeat {
            let first = try day(take())
            var last = first
            if peek("-") {
                index += 1
                last = try day(take())
            }
            spans.append(DaySpan(first: first, last: last))
        } while skip(",")
        return spans
    }

    private mutating func parseRanges() throws(InputError) -> [TimeRange] {
        var ranges: [TimeRange] = []
        repeat {
            let startToken = try take()
            let start = try time(startToken, isEnd: false)
            try expect("-")
            let endToken = try take()
            let end = try time(endToken, isEnd: true)
            guard start != end else {
                let written = Array(text)[(startToken.position - 1)..<(endToken.position - 1 + endToken.text.count)]
                throw refusal(.hoursEmptyRange, String(written), at: startToken.position)
            }
            ranges.append(TimeRange(start: start, end: end))
        } while skip(",")
        return ranges
    }

    // MARK: - Tokens

    private func day(_ token: HoursToken) throws(InputError) -> Weekday {
        guard token.kind == .word, let day = Weekday(code: token.text) else { throw unexpected(token) }
        return day
    }

    /// `H:MM` or `HH:MM` as minutes after midnight; `24:00` only as the end of a range.
    private func time(_ token: HoursToken, isEnd: Bool) throws(InputError) -> Int {
        let parts = token.text.split(separator: ":", omittingEmptySubsequences: false)
        guard token.kind == .number, parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { throw unexpected(token) }
        guard hour <= 24 else { throw refusal(.hoursHourInvalid, token.text, at: token.position) }
        guard minute <= 59 else { throw refusal(.hoursMinuteInvalid, token.text, at: token.position) }
        guard hour < 24 || (isEnd && minute == 0) else {
            throw refusal(.hoursMidnightEnd, token.text, at: token.position)
        }
        return hour * 60 + minute
    }

    private mutating func take() throws(InputError) -> HoursToken {
        guard index < tokens.count else {
            let last = tokens[tokens.count - 1]
            throw refusal(.hoursIncomplete, last.text, at: last.position)
        }
        index += 1
        return tokens[index - 1]
    }

    private mutating func expect(_ punctuation: String) throws(InputError) {
        let token = try take()
        guard token.kind == .punctuation, token.text == punctuation else { throw unexpected(token) }
    }

    private func peek(_ punctuation: String) -> Bool {
        index < tokens.count && tokens[index].kind == .punctuation && tokens[index].text == punctuation
    }

    private mutating func skip(_ punctuation: String) -> Bool {
        guard peek(punctuation) else { return false }
        index += 1
        return true
    }

    // MARK: - Errors

    /// Selectors of the full grammar that this subset leaves out on purpose.
    private static let unsupportedWords: Set<String> = [
        "ph", "sh", "week", "sunrise", "sunset", "dawn", "dusk", "easter", "open", "unknown",
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    private func unexpected(_ token: HoursToken) -> InputError {
        let unsupported = token.kind == .word && Self.unsupportedWords.contains(token.text.lowercased())
            || token.kind == .other && ["[", "+"].contains(token.text)
        return refusal(unsupported ? .hoursUnsupported : .hoursUnexpected, token.text, at: token.position)
    }

    private func refusal(_ message: MapMsg, _ token: String, at position: Int) -> InputError {
        .invalid(message, ["text": text, "token": token, "position": "\(position)"])
    }
}

/// A word (`Mo`, `off`, `PH`), a number with colons (`08:00`), `24/7`, one of `; , -`, or any other single
/// character, with its 1-based character position.
struct HoursToken: Equatable {
    enum Kind { case word, number, punctuation, other }
    let kind: Kind
    let text: String
    let position: Int

    static func split(_ text: String) -> [HoursToken] {
        let characters = Array(text)
        var tokens: [HoursToken] = []
        var i = 0
        func run(while belongs: (Character) -> Bool) -> String {
            let start = i
            while i < characters.count, belongs(characters[i]) { i += 1 }
            return String(characters[start..<i])
        }
        while i < characters.count {
            let character = characters[i], position = i + 1
            if character.isWhitespace {
                i += 1
            } else if character.isLetter {
                tokens.append(HoursToken(kind: .word, text: run { $0.isLetter }, position: position))
            } else if character.isASCII, character.isNumber {
                var number = run { $0.isASCII && ($0.isNumber || $0 == ":") }
                let rest = characters[i...]
                if number == "24", rest.starts(with: ["/", "7"]), !(rest.dropFirst(2).first?.isNumber ?? false) {
                    number = "24/7"
                    i += 2
                }
                tokens.append(HoursToken(kind: .number, text: number, position: position))
            } else {
                let kind: Kind = [";", ",", "-"].contains(character) ? .punctuation : .other
                tokens.append(HoursToken(kind: kind, text: String(character), position: position))
                i += 1
            }
        }
        return tokens
    }
}
